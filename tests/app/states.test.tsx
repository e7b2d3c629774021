import { fireEvent, render, screen } from '@testing-library/react';
import { EmptyState } from '../../src/components/empty-state';
import { ErrorState } from '../../src/components/error-state';
import { LoadingState } from '../../src/components/loading-state';
import HomePage from '../../src/pages/home/index';
import ServicesPage from '../../src/pages/services/index';
import { clearMetaCache } from '../../src/services/meta';
import { ServiceError } from '../../src/services/service-error';
import { META, mockApi, ok } from './support/api';

afterEach(() => clearMetaCache());

test('LoadingState and EmptyState say what is happening', () => {
  render(
    <div>
      <LoadingState />
      <EmptyState title="还没有工作人员" description="用邀请码请同事加入" />
    </div>,
  );
  expect(screen.getByRole('status').textContent).toContain('正在加载');
  expect(screen.getByText('还没有工作人员')).toBeTruthy();
  expect(screen.getByText('用邀请码请同事加入')).toBeTruthy();
});

test('ErrorState shows the message and retries a failure that may pass', () => {
  const onRetry = jest.fn();
  render(<ErrorState error={new ServiceError('NETWORK', '网络好像不太顺畅')} onRetry={onRetry} />);
  expect(screen.getByRole('alert').textContent).toContain('网络好像不太顺畅');
  fireEvent.click(screen.getByText('再试一次'));
  expect(onRetry).toHaveBeenCalledTimes(1);
});

test('ErrorState offers no retry for a refusal', () => {
  render(<ErrorState error={new ServiceError('FORBIDDEN', '您没有权限进行这个操作')} onRetry={jest.fn()} />);
  expect(screen.getByRole('alert').textContent).toContain('您没有权限');
  expect(screen.queryByText('再试一次')).toBeNull();
});

test('首页 goes from loading to the categories', async () => {
  mockApi({ meta: () => ok(META) });
  render(<HomePage />);
  expect(screen.getByRole('status')).toBeTruthy();
  expect(await screen.findByText('退役安置')).toBeTruthy();
  expect(screen.getByText('子女教育')).toBeTruthy();
  expect(screen.queryByRole('status')).toBeNull();
});

test('首页 shows the error and loads again on retry', async () => {
  let fail = true;
  mockApi({ meta: () => (fail ? { ok: false, error: { code: 'INTERNAL', message: '系统开了个小差，请稍后再试' } } : ok(META)) });
  render(<HomePage />);
  expect(await screen.findByText('系统开了个小差，请稍后再试')).toBeTruthy();
  fail = false;
  fireEvent.click(screen.getByText('再试一次'));
  expect(await screen.findByText('退役安置')).toBeTruthy();
});

test('首页 with no categories says so', async () => {
  mockApi({ meta: () => ok({ ...META, categories: [] }) });
  render(<HomePage />);
  expect(await screen.findByText('暂时没有服务类别')).toBeTruthy();
});

test('办事 names the department for each category', async () => {
  mockApi({ meta: () => ok(META) });
  const { container } = render(<ServicesPage />);
  await screen.findByText('子女教育');
  const row = Array.from(container.querySelectorAll('.list-item')).find((el) => el.textContent?.includes('子女教育'));
  expect(row?.textContent).toContain('教育局');
  expect(container.textContent).toContain('由双拥办帮您转给合适的部门');
});
