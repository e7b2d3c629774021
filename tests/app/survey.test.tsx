import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '../../core/contracts/users';
import type { Envelope } from '../../core/envelope';
import { SurveyCard } from '../../src/pages/home/survey-card';
import type { ResidentSurvey, SurveyResults } from '../../src/services/survey';
import SurveyPage from '../../src/subpackages/profile/survey';
import { SurveyView } from '../../src/subpackages/ledger/survey';
import { mockApi, ok, withMeta, type ApiCall } from './support/api';

const SURVEY: ResidentSurvey = {
  id: 'q-2026',
  title: '双拥模范县创建群众问卷',
  intro: '',
  questions: [
    { text: '您知道我县正在创建双拥模范县吗？', choices: ['知道', '听说过', '不知道'] },
    { text: '您支持创建工作吗？', choices: ['支持', '不支持'] },
  ],
};
const offered = (over: Partial<{ answered: boolean; mayAnswer: boolean }> = {}) =>
  ok({ survey: SURVEY, answered: false, mayAnswer: true, ...over });
const ledgerCalls = (calls: ApiCall[], action: string) =>
  calls.filter((c) => c.fn === 'ledger' && c.event.action === action).map((c) => c.event);

/** Taro's <Button> is a web component: the click goes to it, found by its id. */
const press = async (container: HTMLElement, selector: string) => {
  const el = await waitFor(() => {
    const found = container.querySelector(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  });
  fireEvent.click(el);
};

describe('the card on 首页', () => {
  test('offers the questionnaire to a resident who has not answered it, and opens it', async () => {
    mockApi({ ledger: () => offered() });
    const { container } = render(<SurveyCard />);
    expect(await screen.findByText('双拥模范县创建群众问卷')).toBeTruthy();
    expect(container.textContent).toContain('2 道选择题，不记名');
    await press(container, '#survey-card-open');
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/profile/survey' });
  });

  test('turned down, it is never offered again on this device', async () => {
    const { calls } = mockApi({ ledger: () => offered() });
    const first = render(<SurveyCard />);
    await press(first.container, '#survey-card-decline');
    await waitFor(() => expect(first.container.querySelector('#survey-card')).toBeNull());
    first.unmount();
    const again = render(<SurveyCard />);
    await waitFor(() => expect(ledgerCalls(calls, 'survey')).toHaveLength(2));
    expect(again.container.querySelector('#survey-card')).toBeNull();
  });

  test('not offered once answered, to staff, when none is open, or when the cloud cannot be reached', async () => {
    for (const answer of [
      offered({ answered: true, mayAnswer: false }),
      offered({ mayAnswer: false }),
      ok({ survey: null, answered: false, mayAnswer: false }),
      { ok: false, error: { code: 'INTERNAL', message: '系统开了个小差' } } as Envelope<never>,
    ]) {
      const { calls } = mockApi({ ledger: () => answer });
      const { container, unmount } = render(<SurveyCard />);
      await waitFor(() => expect(ledgerCalls(calls, 'survey')).toHaveLength(1));
      await new Promise((r) => setTimeout(r, 0));
      expect(container.querySelector('#survey-card')).toBeNull();
      unmount();
    }
  });
});

describe('the questionnaire', () => {
  test('every question needs its answer; the answer is sent once, by choice index, and thanked', async () => {
    const { calls } = mockApi({ ledger: (e) => (e.action === 'survey' ? offered() : ok({ answered: true, already: false })) });
    const { container } = render(<SurveyPage />);
    fireEvent.click(await screen.findByText('听说过'));
    await press(container, '#survey-submit');
    await waitFor(() => expect(container.querySelector('#survey-error')?.textContent).toBe('还有 1 道题没有选'));
    // The question left unanswered says so itself.
    expect(container.querySelector('#error-survey-q1')?.textContent).toBe('请选一项');
    expect(container.querySelector('#error-survey-q0')).toBeNull();
    expect(ledgerCalls(calls, 'answerSurvey')).toEqual([]);

    fireEvent.click(screen.getByText('不支持'));
    await press(container, '#survey-submit');
    expect(await screen.findByText('谢谢您的参与')).toBeTruthy();
    expect(ledgerCalls(calls, 'answerSurvey')).toEqual([{ action: 'answerSurvey', surveyId: 'q-2026', answers: [1, 1] }]);

    // Back on 首页, the card is gone.
    mockApi({ ledger: () => offered() });
    const card = render(<SurveyCard />);
    await new Promise((r) => setTimeout(r, 0));
    expect(card.container.querySelector('#survey-card')).toBeNull();
  });

  test('a person who answered already is told so, and staff are told it is for residents', async () => {
    mockApi({ ledger: () => offered({ answered: true, mayAnswer: false }) });
    const answered = render(<SurveyPage />);
    expect(await screen.findByText('您已经填过这份问卷了')).toBeTruthy();
    answered.unmount();
    mockApi({ ledger: () => offered({ mayAnswer: false }) });
    render(<SurveyPage />);
    expect(await screen.findByText('这份问卷请群众填写')).toBeTruthy();
  });
});

const RESULTS: SurveyResults = {
  from: '2026-01-01',
  to: '2026-11-28',
  survey: {
    id: 'q-2026',
    title: '双拥模范县创建群众问卷',
    intro: '',
    open: true,
    questions: [
      { text: '您知道我县正在创建双拥模范县吗？', choices: ['知道', '听说过', '不知道'], measure: 'awareness', counts: [0, 1] },
      { text: '您支持创建工作吗？', choices: ['支持', '不支持'], measure: 'support', counts: [0] },
    ],
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
  },
  total: {
    answers: 9,
    awareness: { numerator: 6, denominator: 9, value: 0.667 },
    support: { numerator: 8, denominator: 9, value: 0.889 },
    participation: { numerator: 0, denominator: 0, value: null },
  },
  townships: [
    {
      regionId: 'hekou',
      name: '河口镇',
      answers: 6,
      rates: {
        awareness: { numerator: 5, denominator: 6, value: 0.833 },
        support: { numerator: 6, denominator: 6, value: 1 },
        participation: { numerator: 0, denominator: 0, value: null },
      },
    },
    { regionId: 'chengguan', name: '城关街道', answers: 3, rates: null },
  ],
  questions: [],
  minTownshipSample: 5,
};

describe('the 双拥办’s results and editor', () => {
  const dispatcher = { role: 'dispatcher', departmentId: 'office' } as Me;
  const leader = { role: 'leader' } as Me;

  test('each rate with its sample, each 乡镇 with its own or 样本不足; a leader reads without the editor', async () => {
    mockApi({ meta: withMeta(), ledger: () => ok(RESULTS) });
    const { container } = render(<SurveyView me={leader} today="2026-11-28" />);
    const awareness = await waitFor(() => {
      const el = container.querySelector('#survey-rate-awareness');
      if (!el) throw new Error('no rates yet');
      return el;
    });
    expect(awareness.textContent).toContain('66.7%');
    expect(awareness.textContent).toContain('样本 9 份');
    expect(container.querySelector('#survey-rate-participation')?.textContent).toContain('还没有样本');
    expect(container.querySelector('#survey-township-hekou')?.textContent).toContain('83.3%');
    expect(container.querySelector('#survey-township-chengguan')?.textContent).toContain('样本不足');
    expect(container.querySelector('#survey-editor')).toBeNull();
  });

  test('the 双拥办 edits a question and what counts, and saves the questionnaire', async () => {
    const { calls } = mockApi({
      meta: withMeta(),
      ledger: (e) => (e.action === 'saveSurvey' ? ok({ ...RESULTS.survey, renewed: true }) : ok(RESULTS)),
    });
    const { container } = render(<SurveyView me={dispatcher} today="2026-11-28" />);
    await waitFor(() => expect(container.querySelector('#survey-editor')).not.toBeNull());
    // Only 知道 counts toward 知晓率 now; the second question counts toward 参与率 instead.
    fireEvent.click(screen.getByText('听说过', { selector: '#survey-edit-q0-counts .chip' }));
    fireEvent.click(screen.getByText('参与率', { selector: '#survey-edit-q1-measure .chip' }));
    await press(container, '#survey-save');
    await waitFor(() =>
      expect(ledgerCalls(calls, 'saveSurvey')).toEqual([
        {
          action: 'saveSurvey',
          title: '双拥模范县创建群众问卷',
          open: true,
          questions: [
            { text: '您知道我县正在创建双拥模范县吗？', choices: ['知道', '听说过', '不知道'], measure: 'awareness', counts: [0] },
            { text: '您支持创建工作吗？', choices: ['支持', '不支持'], measure: 'participation', counts: [0] },
          ],
        },
      ]),
    );
    await waitFor(() => expect(container.querySelector('#survey-notice')?.textContent).toContain('新问卷'));
  });
});
