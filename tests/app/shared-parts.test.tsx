import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ChoiceChips } from '../../src/components/choice-chips';
import { Field } from '../../src/components/field';
import { Loaded } from '../../src/components/loaded';
import { PageShell } from '../../src/components/page-shell';
import { elderModeStore } from '../../src/lib/elder-mode';
import type { AsyncState } from '../../src/lib/use-async';
import { ServiceError } from '../../src/services/service-error';

const TOWNS = [
  { value: 'a', label: '城关街道' },
  { value: 'b', label: '青山镇' },
  { value: 'c', label: '河口镇' },
];

function OneTown({ clearable }: { clearable?: boolean }) {
  const [town, setTown] = useState<string | null>(null);
  return (
    <Field name="town" label="所在乡镇/街道">
      <ChoiceChips choices={TOWNS} value={town} onChange={setTown} onClear={clearable ? () => setTown(null) : undefined} />
    </Field>
  );
}

function SomeTowns() {
  const [towns, setTowns] = useState<string[]>(['c']);
  return (
    <>
      <ChoiceChips multiple label="走访过的乡镇" id="towns" choices={TOWNS} value={towns} onChange={setTowns} />
      <div id="picked">{towns.join(',')}</div>
    </>
  );
}

const checked = (name: string) => screen.getByRole('radio', { name }).getAttribute('aria-checked');

describe('ChoiceChips', () => {
  test('one of a few: a radio group named by its Field, one chip checked at a time', () => {
    render(<OneTown />);
    expect(screen.getByRole('radiogroup', { name: '所在乡镇/街道' })).toBeTruthy();
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    expect(checked('青山镇')).toBe('false');

    fireEvent.click(screen.getByText('青山镇'));
    expect(checked('青山镇')).toBe('true');
    expect(screen.getByText('青山镇').className).toContain('chip--on');

    fireEvent.click(screen.getByText('河口镇'));
    expect(checked('青山镇')).toBe('false');
    expect(checked('河口镇')).toBe('true');

    // Without onClear the choice stays when tapped again: the answer is required.
    fireEvent.click(screen.getByText('河口镇'));
    expect(checked('河口镇')).toBe('true');
  });

  test('an optional answer: tapping the chosen chip again clears it', () => {
    render(<OneTown clearable />);
    fireEvent.click(screen.getByText('城关街道'));
    expect(checked('城关街道')).toBe('true');
    fireEvent.click(screen.getByText('城关街道'));
    expect(screen.queryAllByRole('radio').filter((r) => r.getAttribute('aria-checked') === 'true')).toHaveLength(0);
  });

  test('several of a few: checkboxes that add at the end and take out', () => {
    const { container } = render(<SomeTowns />);
    expect(screen.getByRole('group', { name: '走访过的乡镇' }).id).toBe('towns');
    expect(screen.getByRole('checkbox', { name: '河口镇' }).getAttribute('aria-checked')).toBe('true');

    fireEvent.click(screen.getByText('城关街道'));
    expect(container.querySelector('#picked')?.textContent).toBe('c,a');
    fireEvent.click(screen.getByText('河口镇'));
    expect(container.querySelector('#picked')?.textContent).toBe('a');
    expect(Array.from(container.querySelectorAll('.chip--on')).map((c) => c.textContent)).toEqual(['城关街道']);
  });

  test('null can be a choice of its own (全部, 不关联)', () => {
    const onChange = jest.fn();
    render(
      <ChoiceChips<string | null> choices={[{ value: null, label: '全部' }, ...TOWNS]} value={null} onChange={onChange} label="乡镇" />,
    );
    expect(checked('全部')).toBe('true');
    fireEvent.click(screen.getByText('青山镇'));
    expect(onChange).toHaveBeenCalledWith('b');
  });

  test('in 长辈模式 the chips sit in the elder page and keep their roles', () => {
    act(() => elderModeStore.set(true));
    const { container, unmount } = render(
      <PageShell>
        <OneTown />
      </PageShell>,
    );
    expect(container.querySelector('.page--elder .chips .chip')).toBeTruthy();
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    unmount();
    act(() => elderModeStore.set(false));
  });
});

describe('Loaded', () => {
  type Names = AsyncState<string[]> & { reload?: () => void };
  interface Extra {
    loadingText?: string;
    errorTitle?: string | ((error: unknown) => string);
    onRetry?: false;
  }
  const view = (state: Names, extra: Extra = {}) =>
    render(
      <Loaded state={state} errorTitle="没能读出名单" empty={{ when: (d) => d.length === 0, title: '还没有人报名' }} {...extra}>
        {(names) => <div id="names">{names.join('、')}</div>}
      </Loaded>,
    );

  test('loading says so, with the page’s own words when given', () => {
    view({ status: 'loading' }, { loadingText: '正在读取报名名单…' });
    expect(screen.getByRole('status').textContent).toContain('正在读取报名名单…');
    expect(screen.queryByText('还没有人报名')).toBeNull();
  });

  test('a failure that may pass is shown with its title and retried through reload', () => {
    const reload = jest.fn();
    view({ status: 'error', error: new ServiceError('NETWORK', '网络好像不太顺畅'), reload });
    expect(screen.getByRole('alert').textContent).toContain('没能读出名单');
    expect(screen.getByRole('alert').textContent).toContain('网络好像不太顺畅');
    fireEvent.click(screen.getByText('再试一次'));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test('the title may depend on the error, and the retry may be turned off', () => {
    view(
      { status: 'error', error: new ServiceError('NOT_FOUND', '没有找到'), reload: jest.fn() },
      { errorTitle: (e) => (e instanceof ServiceError && e.code === 'NOT_FOUND' ? '打不开这件求助' : '没能加载出来'), onRetry: false },
    );
    expect(screen.getByRole('alert').textContent).toContain('打不开这件求助');
    expect(screen.queryByText('再试一次')).toBeNull();
  });

  test('an empty answer shows the empty state, a full one the children', () => {
    const { unmount } = view({ status: 'ready', data: [] });
    expect(screen.getByText('还没有人报名')).toBeTruthy();
    expect(document.querySelector('#names')).toBeNull();
    unmount();
    view({ status: 'ready', data: ['张三', '李四'] });
    expect(screen.getByText('张三、李四')).toBeTruthy();
    expect(screen.queryByText('还没有人报名')).toBeNull();
  });

  test('nothing asked yet shows nothing', () => {
    const { container } = render(<Loaded state={undefined}>{() => '答案'}</Loaded>);
    expect(container.textContent).toBe('');
  });
});

test('Loaded: not signed in is an empty state that says what to do, not a failure', () => {
  render(
    <Loaded
      state={{ status: 'error', error: new ServiceError('UNAUTHENTICATED', '请先登录'), reload: jest.fn() }}
      signedOut={{ title: '登录后才能收藏政策', description: '请先在「我的」里登录' }}
    >
      {() => null}
    </Loaded>,
  );
  expect(screen.getByText('登录后才能收藏政策')).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
});

test('Loaded: any other failure is still shown as one, signedOut or not', () => {
  render(
    <Loaded state={{ status: 'error', error: new ServiceError('INTERNAL', '系统开了个小差') }} signedOut={{ title: '登录后才能收藏政策' }}>
      {() => null}
    </Loaded>,
  );
  expect(screen.getByRole('alert').textContent).toContain('系统开了个小差');
  expect(screen.queryByText('登录后才能收藏政策')).toBeNull();
});
