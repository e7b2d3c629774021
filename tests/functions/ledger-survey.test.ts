import { startTestCloud, type TestCloud } from './harness';

/**
 * 知晓率 / 支持率 / 参与率, measured: the 双拥办's questionnaire, residents' answers (one each, anonymous),
 * the results per 乡镇 and the rates as a linked task's live figure.
 */

type Data = Record<string, any>;
let t: TestCloud;
beforeEach(() => {
  t = startTestCloud({ functions: ['ledger', 'users'], startAt: '2026-11-02T09:00:00+08:00' });
});
afterEach(() => t.close());

const ledger = (event: Record<string, unknown>, openid: string | null) => t.call<Data>('ledger', event, openid);
const ok = async (p: Promise<{ ok: boolean; data?: Data }>) => {
  const res = await p;
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data as Data;
};

/** Q1 measures 知晓 (choices 0 and 1 count), Q2 支持 (choice 0), Q3 参与 (choice 0), Q4 counts toward nothing. */
const QUESTIONNAIRE = {
  title: '双拥模范县创建群众问卷',
  intro: '匿名填写，约一分钟。',
  open: true,
  questions: [
    { text: '您知道我县正在创建双拥模范县吗？', choices: ['知道，很了解', '听说过', '不知道'], measure: 'awareness', counts: [0, 1] },
    { text: '您支持创建工作吗？', choices: ['支持', '无所谓', '不支持'], measure: 'support', counts: [0] },
    { text: '您参加过双拥活动吗？', choices: ['参加过', '没参加过'], measure: 'participation', counts: [0] },
    { text: '您是从哪里知道的？', choices: ['电视广播', '微信', '社区宣传', '其他'] },
  ],
};

async function openQuestionnaire(): Promise<string> {
  return (await ok(ledger({ action: 'saveSurvey', ...QUESTIONNAIRE }, 'dispatcher'))).id as string;
}

async function resident(openid: string, regionId?: string) {
  if (regionId) await ok(t.call('users', { action: 'saveProfile', regionId }, openid) as never);
}

const answer = (surveyId: string, answers: number[], openid: string) => ledger({ action: 'answerSurvey', surveyId, answers }, openid);

test('answers appear as 知晓率 with its sample size, for the county and for each 乡镇', async () => {
  const surveyId = await openQuestionnaire();
  // Six in 河口镇: five know of it (0 or 1), one does not; two in 城关街道; one who named no 乡镇.
  const hekou = [
    [0, 0, 0, 1],
    [1, 0, 1, 2],
    [1, 1, 1, 0],
    [0, 0, 0, 1],
    [2, 2, 1, 3],
    [1, 0, 0, 1],
  ];
  for (const [i, a] of hekou.entries()) {
    await resident(`hk-${i}`, 'hekou');
    expect(await ok(answer(surveyId, a, `hk-${i}`))).toEqual({ answered: true, already: false });
  }
  for (const [i, a] of [
    [2, 0, 1, 0],
    [0, 0, 0, 0],
  ].entries()) {
    await resident(`cg-${i}`, 'chengguan');
    await ok(answer(surveyId, a, `cg-${i}`));
  }
  await ok(answer(surveyId, [2, 2, 1, 3], 'nowhere'));

  const results = await ok(ledger({ action: 'surveyResults' }, 'dispatcher'));
  expect(results.total).toEqual({
    answers: 9,
    awareness: { numerator: 6, denominator: 9, value: 0.667 },
    support: { numerator: 6, denominator: 9, value: 0.667 },
    participation: { numerator: 4, denominator: 9, value: 0.444 },
  });
  const byName = Object.fromEntries(results.townships.map((r: Data) => [r.name, r]));
  expect(byName['河口镇']).toMatchObject({ regionId: 'hekou', answers: 6, rates: { awareness: { numerator: 5, denominator: 6 } } });
  // Under the minimum sample a 乡镇 shows how many answered, not what they said.
  expect(byName['城关街道']).toEqual({ regionId: 'chengguan', name: '城关街道', answers: 2, rates: null });
  expect(byName['未填所在乡镇']).toMatchObject({ regionId: null, answers: 1, rates: null });
  expect(results.questions[3].choices.map((c: Data) => c.count)).toEqual([3, 3, 1, 2]);

  // A task linked to 知晓率 shows the same rate and its sample, and what it earns against a 90% target.
  const task = (await ok(ledger({ action: 'tasks' }, 'dispatcher'))).items.find((x: Data) => x.points >= 2 && !x.link);
  await ok(ledger({ action: 'saveTask', id: task.id, link: { metric: 'awareness', target: 90, points: 2 } }, 'dispatcher'));
  const linked = await ok(ledger({ action: 'task', id: task.id }, 'staff-edu'));
  expect(linked.live).toMatchObject({
    metric: 'awareness',
    figures: { rate: { numerator: 6, denominator: 9 }, sample: 9 },
    // 66.7% of a 90% target earns 66.7 / 90 × 2 = 1.48…, kept at 1.4.
    score: { measure: 'rate', value: 66.7, target: 90, points: 2, earned: 1.4 },
  });
  // Answers outside the period do not count.
  const before = await ok(ledger({ action: 'task', id: task.id, from: '2026-10-01', to: '2026-10-31' }, 'staff-edu'));
  expect(before.live.figures).toEqual({ rate: { numerator: 0, denominator: 0, value: null }, sample: 0 });
  expect(before.live.score.earned).toBeNull();
});

test('one answer per person: a retry and a race count once, and the person is not offered it again', async () => {
  const surveyId = await openQuestionnaire();
  await resident('r-1', 'hekou');
  expect(await ok(ledger({ action: 'survey' }, 'r-1'))).toMatchObject({ answered: false, mayAnswer: true, survey: { id: surveyId } });
  // A double tap: two calls at once.
  const both = await Promise.all([answer(surveyId, [0, 0, 0, 1], 'r-1'), answer(surveyId, [2, 2, 1, 0], 'r-1')]);
  expect(both.map((r) => r.ok)).toEqual([true, true]);
  expect(both.map((r) => (r.ok ? (r.data as Data).already : null)).sort()).toEqual([false, true]);
  // A retry after a lost reply.
  expect(await ok(answer(surveyId, [0, 0, 0, 1], 'r-1'))).toEqual({ answered: true, already: true });
  expect(t.cloud.database.all('survey_answers')).toHaveLength(1);
  expect(t.cloud.database.all('survey_takers')).toHaveLength(1);
  expect(await ok(ledger({ action: 'survey' }, 'r-1'))).toMatchObject({ answered: true, mayAnswer: false });
  expect((await ok(ledger({ action: 'surveyResults' }, 'dispatcher'))).total.answers).toBe(1);

  // Staff and the leader are not asked: the rates are the residents'.
  expect(await ok(ledger({ action: 'survey' }, 'staff-edu'))).toMatchObject({ mayAnswer: false });
  expect(await answer(surveyId, [0, 0, 0, 1], 'staff-edu')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await answer(surveyId, [0, 0, 0, 1], 'leader')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  // A questionnaire the person did not open: it changed under them.
  expect(await answer('old-one', [0, 0, 0, 1], 'r-2')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  // Every question answered, with a choice it has.
  expect(await answer(surveyId, [0, 0], 'r-2')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await answer(surveyId, [0, 0, 5, 0], 'r-2')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', issues: [{ path: ['answers', 2] }] },
  });
  expect(t.cloud.database.all('survey_answers')).toHaveLength(1);
});

test('results and stored answers carry no OPENID and no profile', async () => {
  const surveyId = await openQuestionnaire();
  await ok(t.call('users', { action: 'saveProfile', name: '王建国', phone: '13800000001', regionId: 'hekou' }, 'openid-wang') as never);
  await ok(answer(surveyId, [0, 0, 0, 1], 'openid-wang'));
  const stored = JSON.stringify([t.cloud.database.all('survey_answers'), t.cloud.database.all('survey_takers')]);
  const results = JSON.stringify(await ok(ledger({ action: 'surveyResults' }, 'leader')));
  for (const text of [stored, results]) {
    for (const personal of ['openid-wang', '王建国', '13800000001']) expect(text).not.toContain(personal);
  }
  // What is kept of the answer: the choices, the day, the 乡镇 and the marks; no time of day.
  const [kept] = t.cloud.database.all('survey_answers') as Data[];
  const { _id, ...fields } = kept as Data;
  expect(fields).toEqual({
    surveyId,
    day: '2026-11-02',
    regionId: 'hekou',
    answers: [0, 0, 0, 1],
    awareness: true,
    support: true,
    participation: true,
  });
});

test('the 双拥办 edits the questionnaire in place until people answer; new questions then make a new one', async () => {
  const first = await openQuestionnaire();
  const edited = await ok(ledger({ action: 'saveSurvey', ...QUESTIONNAIRE, title: '创建工作问卷' }, 'dispatcher'));
  expect(edited).toMatchObject({ id: first, title: '创建工作问卷', renewed: false });
  await ok(answer(first, [0, 0, 0, 1], 'r-1'));
  // The title again: answers still fit, the same questionnaire.
  expect(await ok(ledger({ action: 'saveSurvey', ...QUESTIONNAIRE, title: '问卷' }, 'dispatcher'))).toMatchObject({
    id: first,
    renewed: false,
  });
  // Another question: a new questionnaire, offered to r-1 again; the answer already given still counts.
  const questions = [...QUESTIONNAIRE.questions.slice(0, 3), { text: '您愿意参加志愿服务吗？', choices: ['愿意', '不愿意'] }];
  const renewed = await ok(ledger({ action: 'saveSurvey', ...QUESTIONNAIRE, questions }, 'dispatcher'));
  expect(renewed.renewed).toBe(true);
  expect(renewed.id).not.toBe(first);
  expect(await ok(ledger({ action: 'survey' }, 'r-1'))).toMatchObject({ survey: { id: renewed.id }, answered: false, mayAnswer: true });
  expect((await ok(ledger({ action: 'surveyResults' }, 'dispatcher'))).total.answers).toBe(1);
  // Closed: offered to nobody.
  await ok(ledger({ action: 'saveSurvey', ...QUESTIONNAIRE, questions, open: false }, 'dispatcher'));
  expect(await ok(ledger({ action: 'survey' }, 'r-2'))).toEqual({ survey: null, answered: false, mayAnswer: false });

  // Two questions measuring one rate, or counting a choice that is not there, are refused with their place.
  const twice = QUESTIONNAIRE.questions.map((q) => ({ ...q, measure: 'awareness', counts: [0] }));
  expect(await ledger({ action: 'saveSurvey', ...QUESTIONNAIRE, questions: twice }, 'dispatcher')).toMatchObject({
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      issues: [{ path: ['questions', 1, 'measure'] }, { path: ['questions', 2, 'measure'] }, { path: ['questions', 3, 'measure'] }],
    },
  });
  const stray = [{ ...QUESTIONNAIRE.questions[0], counts: [7] }];
  expect(await ledger({ action: 'saveSurvey', ...QUESTIONNAIRE, questions: stray }, 'dispatcher')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', issues: [{ path: ['questions', 0, 'counts'] }] },
  });
});
