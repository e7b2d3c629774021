import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '../../core/contracts/users';
import { PageShell } from '../../src/components/page-shell';
import { PRIVACY_CONSENT_KEY, PRIVACY_VERSION } from '../../src/lib/privacy';
import { ServiceError } from '../../src/services/service-error';
import { uploadFile } from '../../src/services/upload';
import { RequestForm, SUGGEST_DELAY_MS } from '../../src/subpackages/cases/request-form';
import { META, mockApi, ok, type ApiCall, type Handler } from './support/api';
import { SUBMITTED, errorUnder, typeText } from './support/cases';
import { typeInto } from './support/dom';

jest.mock('../../src/services/upload', () => ({ uploadFile: jest.fn() }));
const upload = uploadFile as jest.MockedFunction<typeof uploadFile>;

const WORDS = '孩子明年要上小学，想问问军人子女入学有什么优待';
const resident: Me = { role: 'resident', profile: null };
const withProfile: Me = { role: 'resident', profile: { name: '王建军', phone: '13800138000', regionId: 'hekou' } };

const SUGGESTED = {
  candidates: [
    { category: 'children', departmentId: 'edu', score: 0.8 },
    { category: 'education', departmentId: 'vab', score: 0.2 },
    { category: 'placement', departmentId: 'vab', score: 0 },
  ],
};

/** cases: suggest answers SUGGESTED, submit the given handler; everything else is a plain fake. */
function api(submit: Handler = () => ok(SUBMITTED)) {
  return mockApi({
    cases: (event, openid) => (event.action === 'suggest' ? ok(SUGGESTED) : submit(event, openid)),
    // A short-lived link to each file asked for, as the files function answers its uploader.
    files: (event) =>
      ok({
        items: (event.fileIDs as string[]).map((fileID) => ({
          fileID,
          url: `/storage/${encodeURIComponent(fileID)}?sign=t`,
          expiresAt: '',
        })),
      }),
  });
}

const casesCalls = (calls: ApiCall[], action: string) => calls.filter((c) => c.fn === 'cases' && c.event.action === action);

function renderForm(me: Me = resident, initialCategory?: string) {
  const onSubmitted = jest.fn();
  const view = render(
    <PageShell>
      <RequestForm meta={META} me={me} initialCategory={initialCategory} onSubmitted={onSubmitted} />
    </PageShell>,
  );
  return { ...view, onSubmitted };
}

const chip = (name: string) => screen.getByText(name).closest('[role="radio"]') as HTMLElement;

async function fillTheRest(container: HTMLElement) {
  fireEvent.click(screen.getByText('河口镇'));
  await typeInto(container, '#field-contactName', '王建军');
  await typeInto(container, '#field-contactPhone', '13800138000');
  fireEvent.click(container.querySelector('#consent') as HTMLElement);
}

beforeEach(() => {
  upload.mockReset();
});

test('bad input shows the contract’s message under each field and sends nothing', async () => {
  const { calls } = api();
  const { container, onSubmitted } = renderForm();

  await typeText(container, '#field-description', '孩子');
  await typeInto(container, '#field-contactPhone', '12345');
  fireEvent.click(screen.getByText('提交求助'));

  await waitFor(() => expect(errorUnder(container, 'description')).toBe('请用几句话说说遇到的困难（至少 5 个字）'));
  expect(errorUnder(container, 'category')).toBe('请选择事项类别');
  expect(errorUnder(container, 'region')).toBe('请选择所在乡镇/街道');
  expect(errorUnder(container, 'contactName')).toBe('请填写联系人姓名');
  expect(errorUnder(container, 'contactPhone')).toBe('请填写 11 位手机号');
  expect(errorUnder(container, 'consent')).toBe('请先阅读并同意隐私说明');
  // Too short for a suggestion, and nothing submitted; no consent asked for either.
  await new Promise((r) => setTimeout(r, SUGGEST_DELAY_MS + 100));
  expect(calls).toHaveLength(0);
  expect(onSubmitted).not.toHaveBeenCalled();
  expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#field-description' }));
});

test('suggestions come best first with the department; picking another one sets the category that is sent', async () => {
  const { calls } = api();
  const { container, onSubmitted } = renderForm();

  await typeText(container, '#field-description', '孩子上');
  await typeText(container, '#field-description', '孩子明年要上');
  await new Promise((r) => setTimeout(r, SUGGEST_DELAY_MS / 4));
  await typeText(container, '#field-description', WORDS);
  await waitFor(() => expect(screen.getByText('子女教育')).toBeTruthy());
  // Typing paused once: one question, about the whole text.
  expect(casesCalls(calls, 'suggest').map((c) => c.event.text)).toEqual([WORDS]);

  const chips = Array.from(container.querySelectorAll('#suggestions [role="radio"]')).map((el) => el.textContent);
  expect(chips).toEqual(['子女教育教育局', '教育培训退役军人事务局']);
  expect(chip('子女教育').getAttribute('aria-checked')).toBe('true');
  expect(container.querySelector('#expectation')?.textContent).toBe('子女教育 · 教育局受理，一般 5 个工作日内答复');

  fireEvent.click(chip('教育培训'));
  expect(chip('教育培训').getAttribute('aria-checked')).toBe('true');
  expect(chip('子女教育').getAttribute('aria-checked')).toBe('false');
  expect(container.querySelector('#expectation')?.textContent).toBe('教育培训 · 退役军人事务局受理，一般 5 个工作日内答复');

  // An urgent case: the time limits change to hours and one working day.
  fireEvent.click(container.querySelector('#field-urgent input') as HTMLInputElement);
  await waitFor(() =>
    expect(container.querySelector('#expectation')?.textContent).toBe('教育培训 · 退役军人事务局受理，2 小时内签收，1 个工作日内答复'),
  );

  await fillTheRest(container);
  fireEvent.click(screen.getByText('提交求助'));
  await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith(SUBMITTED, true));
  const [sent] = casesCalls(calls, 'submit');
  expect(sent?.event).toEqual({
    action: 'submit',
    requestId: expect.stringMatching(/^.{8,}$/),
    category: 'education',
    description: WORDS,
    region: 'hekou',
    contact: { name: '王建军', phone: '13800138000' },
    urgent: true,
    consent: true,
  });
  // Consent to progress messages is asked on the tap, before the request goes out.
  const order = calls.map((c) => (c.fn === 'cases' ? c.event.action : c.fn));
  expect(order.indexOf('/__local/subscribe')).toBeLessThan(order.indexOf('submit'));
});

test('a category chosen before the form opened stays chosen, and the contact comes from the saved profile', async () => {
  api();
  const { container, unmount } = renderForm(withProfile, 'housing');
  expect(chip('住房保障').getAttribute('aria-checked')).toBe('true');
  expect(container.querySelector('#expectation')?.textContent).toBe('住房保障 · 住房和城乡建设局受理，一般 15 个工作日内答复');
  await waitFor(() => expect((container.querySelector('#field-contactName input') as HTMLInputElement | null)?.value).toBe('王建军'));
  expect((container.querySelector('#field-contactPhone input') as HTMLInputElement).value).toBe('13800138000');
  expect(screen.getByText('河口镇').className).toContain('chip--on');
  unmount();

  // Nothing of the person's own was entered: the next visit starts fresh, not with 「上次没填完」.
  const next = renderForm(withProfile);
  expect(next.container.querySelector('#draft-restored')).toBeNull();
  expect(next.container.querySelector('#expectation')).toBeNull();
});

test('what was typed is there after leaving and coming back; a retried submit keeps its requestId; success clears the draft', async () => {
  let attempts = 0;
  const { calls } = api(() => {
    attempts += 1;
    return attempts === 1 ? { ok: false, error: { code: 'INTERNAL', message: '系统开了个小差，请稍后再试' } } : ok(SUBMITTED);
  });
  const first = renderForm();
  await typeText(first.container, '#field-description', WORDS);
  fireEvent.click(screen.getByText('石桥镇'));
  await typeInto(first.container, '#field-contactName', '李秀兰');
  first.unmount();

  const again = renderForm(withProfile);
  expect(again.container.querySelector('#draft-restored')).toBeTruthy();
  await waitFor(() =>
    expect((again.container.querySelector('#field-description textarea') as HTMLTextAreaElement | null)?.value).toBe(WORDS),
  );
  // What the person typed wins over the saved profile; what they left empty comes from it.
  expect((again.container.querySelector('#field-contactName input') as HTMLInputElement).value).toBe('李秀兰');
  expect((again.container.querySelector('#field-contactPhone input') as HTMLInputElement).value).toBe('13800138000');
  expect(screen.getByText('石桥镇').className).toContain('chip--on');
  await waitFor(() => expect(chip('子女教育').getAttribute('aria-checked')).toBe('true'));

  fireEvent.click(again.container.querySelector('#consent') as HTMLElement);
  fireEvent.click(screen.getByText('提交求助'));
  expect(await screen.findByText('系统开了个小差，请稍后再试')).toBeTruthy();
  expect((again.container.querySelector('#field-description textarea') as HTMLTextAreaElement).value).toBe(WORDS);
  expect(again.onSubmitted).not.toHaveBeenCalled();

  fireEvent.click(screen.getByText('提交求助'));
  await waitFor(() => expect(again.onSubmitted).toHaveBeenCalledWith(SUBMITTED, false));
  const ids = casesCalls(calls, 'submit').map((c) => c.event.requestId);
  expect(ids).toHaveLength(2);
  expect(ids[0]).toBe(ids[1]);
  again.unmount();

  // Sent: the next form starts empty, with a new requestId.
  const next = renderForm();
  expect(next.container.querySelector('#draft-restored')).toBeNull();
  expect((next.container.querySelector('#field-description textarea') as HTMLTextAreaElement | null)?.value ?? '').toBe('');
});

test('a failed upload keeps the form and offers a retry; the request waits for it', async () => {
  Taro.setStorageSync(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
  const { calls } = api();
  upload
    .mockRejectedValueOnce(new ServiceError('NETWORK', '网络好像不太顺畅'))
    .mockResolvedValueOnce('cloud://env.bucket/uploads/photo.jpg');
  (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({
    tempFilePaths: ['blob:photo'],
    tempFiles: [{ path: 'blob:photo', size: 1024, originalFileObj: { name: 'photo.jpg' } }],
  });
  const { container, onSubmitted } = renderForm(withProfile);
  await typeText(container, '#field-description', WORDS);
  await waitFor(() => expect(chip('子女教育').getAttribute('aria-checked')).toBe('true'));

  fireEvent.click(screen.getByText('添加照片'));
  expect(await screen.findByText('没传上去')).toBeTruthy();
  expect(upload).toHaveBeenCalledWith('blob:photo', 'photo.jpg');
  expect((container.querySelector('#field-description textarea') as HTMLTextAreaElement).value).toBe(WORDS);

  fireEvent.click(container.querySelector('#consent') as HTMLElement);
  fireEvent.click(screen.getByText('提交求助'));
  await waitFor(() => expect(errorUnder(container, 'attachments')).toMatch(/有照片没有传上去/));
  expect(casesCalls(calls, 'submit')).toHaveLength(0);

  fireEvent.click(screen.getByText('重试'));
  expect(await screen.findByText('已上传')).toBeTruthy();
  expect(upload).toHaveBeenCalledTimes(2);
  fireEvent.click(screen.getByText('提交求助'));
  await waitFor(() => expect(onSubmitted).toHaveBeenCalled());
  expect(casesCalls(calls, 'submit')[0]?.event.attachments).toEqual(['cloud://env.bucket/uploads/photo.jpg']);
});

test('an uploaded photo is part of the draft', async () => {
  Taro.setStorageSync(PRIVACY_CONSENT_KEY, PRIVACY_VERSION);
  api();
  upload.mockResolvedValueOnce('cloud://env.bucket/uploads/kept.jpg');
  (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['blob:kept'], tempFiles: [{ path: 'blob:kept', size: 1 }] });
  const first = renderForm();
  await typeText(first.container, '#field-description', WORDS);
  fireEvent.click(screen.getByText('添加照片'));
  expect(await screen.findByText('已上传')).toBeTruthy();
  first.unmount();

  const again = renderForm();
  expect(await screen.findByText('已上传')).toBeTruthy();
  await waitFor(() =>
    expect(again.container.querySelector('#attachment-0 img')?.getAttribute('src')).toBe(
      `/storage/${encodeURIComponent('cloud://env.bucket/uploads/kept.jpg')}?sign=t`,
    ),
  );
});

test('the cloud’s refusals are said plainly and nothing typed is lost', async () => {
  let answer: Handler = () => ({ ok: false, error: { code: 'RATE_LIMITED', message: '每人每天最多提交 5 件求助，请明天再来' } });
  api((e, o) => answer(e, o));
  const { container, onSubmitted } = renderForm(withProfile, 'children');
  await typeText(container, '#field-description', WORDS);
  fireEvent.click(container.querySelector('#consent') as HTMLElement);
  fireEvent.click(screen.getByText('提交求助'));
  await waitFor(() => expect(container.querySelector('#form-error')?.textContent).toBe('每人每天最多提交 5 件求助，请明天再来'));

  answer = () => ({ ok: false, error: { code: 'CONTENT_REJECTED', message: '您填写的内容包含不适合发布的信息，请修改后再提交' } });
  fireEvent.click(screen.getByText('提交求助'));
  await waitFor(() => expect(errorUnder(container, 'description')).toBe('您填写的内容包含不适合发布的信息，请修改后再提交'));
  expect((container.querySelector('#field-description textarea') as HTMLTextAreaElement).value).toBe(WORDS);
  expect(onSubmitted).not.toHaveBeenCalled();
});

test('when nothing matches, every category is offered', async () => {
  mockApi({ cases: () => ok({ candidates: [{ category: 'placement', departmentId: 'vab', score: 0 }] }) });
  const { container } = renderForm();
  await act(async () => {
    await typeText(container, '#field-description', '说不清楚的事情');
  });
  await waitFor(() => expect(container.querySelector('#all-categories')).toBeTruthy());
  expect(container.querySelectorAll('#all-categories [role="radio"]')).toHaveLength(META.categories.length);
  expect(container.querySelector('#expectation')).toBeNull();
  fireEvent.click(chip('其他'));
  expect(container.querySelector('#expectation')?.textContent).toBe('其他 · 双拥办受理，一般 5 个工作日内答复');
});

test('who handles it follows the routing table the cloud routes by, a region’s override included', async () => {
  api();
  // 河口镇 sends housing to 民政局; everywhere else it stays with 住房和城乡建设局.
  const meta = {
    ...META,
    routing: { ...META.routing, overrides: [{ category: 'housing' as const, regionId: 'hekou', departmentId: 'civil' as const }] },
  };
  const { container } = render(
    <PageShell>
      <RequestForm meta={meta} me={withProfile} initialCategory="housing" onSubmitted={jest.fn()} />
    </PageShell>,
  );
  expect(container.querySelector('#expectation')?.textContent).toBe('住房保障 · 民政局受理，一般 15 个工作日内答复');
  fireEvent.click(screen.getByText('城关街道'));
  await waitFor(() =>
    expect(container.querySelector('#expectation')?.textContent).toBe('住房保障 · 住房和城乡建设局受理，一般 15 个工作日内答复'),
  );
});
