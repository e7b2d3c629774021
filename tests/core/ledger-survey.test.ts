import { AppError } from '../../core/envelope';
import {
  answerSurvey,
  marksOf,
  MIN_TOWNSHIP_SAMPLE,
  saveSurvey,
  surveyIssues,
  surveyRates,
  surveyResultsOf,
  viewSurvey,
  type SurveyAnswer,
  type SurveyPort,
  type SurveyQuestion,
  type SurveyRecord,
} from '../../core/ledger/survey';
import { demoOrg } from './builders/org';

const QUESTIONS: SurveyQuestion[] = [
  { text: '您知道我县正在创建双拥模范县吗？', choices: ['知道', '听说过', '不知道'], measure: 'awareness', counts: [0, 1] },
  { text: '您支持吗？', choices: ['支持', '不支持'], measure: 'support', counts: [0] },
  { text: '从哪里知道的？', choices: ['电视', '微信'] },
];

const answerOf = (regionId: string | null, answers: number[], surveyId = 's1'): SurveyAnswer => ({
  surveyId,
  day: '2026-11-02',
  regionId,
  answers,
  ...marksOf({ questions: QUESTIONS }, answers),
});

describe('the questionnaire as the 双拥办 writes it', () => {
  test('a well-formed questionnaire has no issues', () => {
    expect(surveyIssues(QUESTIONS)).toEqual([]);
  });

  test('one question per rate, counting choices it has, some but not all of them', () => {
    const issues = surveyIssues([
      QUESTIONS[0] as SurveyQuestion,
      { text: '又问知晓', choices: ['是', '否'], measure: 'awareness', counts: [0] },
      { text: '支持吗', choices: ['是', '否'], measure: 'support' },
      { text: '参与吗', choices: ['是', '否'], measure: 'participation', counts: [0, 1] },
      { text: '重复选项', choices: ['是', '是'], counts: [0] },
    ]);
    expect(issues.map((i) => i.path)).toEqual([
      ['questions', 1, 'measure'],
      ['questions', 2, 'counts'],
      ['questions', 3, 'counts'],
      ['questions', 4, 'choices'],
      ['questions', 4, 'counts'],
    ]);
  });
});

describe('the rates', () => {
  test('an answer carries a mark for each rate the questionnaire measures, and none for the others', () => {
    expect(marksOf({ questions: QUESTIONS }, [1, 1, 0])).toEqual({ awareness: true, support: false });
  });

  test('each rate over the answers asked it: its sample is its denominator', () => {
    const answers = [answerOf('hekou', [0, 0, 0]), answerOf('hekou', [2, 0, 1]), { ...answerOf('hekou', [0]), support: undefined }];
    expect(surveyRates(answers)).toEqual({
      awareness: { numerator: 2, denominator: 3, value: 0.667 },
      support: { numerator: 2, denominator: 2, value: 1 },
      participation: { numerator: 0, denominator: 0, value: null },
    });
  });

  test(`a 乡镇 under ${MIN_TOWNSHIP_SAMPLE} answers shows its count, not its rates; the county total always shows`, () => {
    const answers = [
      ...Array.from({ length: MIN_TOWNSHIP_SAMPLE }, () => answerOf('hekou', [0, 0, 1])),
      answerOf('chengguan', [2, 1, 0]),
      answerOf(null, [0, 1, 0]),
    ];
    const survey: SurveyRecord = { _id: 's1', title: '问卷', intro: '', questions: QUESTIONS, open: true, createdAt: '', updatedAt: '' };
    const results = surveyResultsOf(answers, survey, demoOrg);
    expect(results.total).toMatchObject({ answers: 7, awareness: { numerator: 6, denominator: 7 } });
    expect(results.townships.map((t) => [t.name, t.answers, t.rates === null])).toEqual([
      ['城关街道', 1, true],
      ['河口镇', MIN_TOWNSHIP_SAMPLE, false],
      ['未填所在乡镇', 1, true],
    ]);
    expect(results.questions[2]?.choices).toEqual([
      { text: '电视', count: 2 },
      { text: '微信', count: 5 },
    ]);
    // No row is one person's: nothing in the results names who answered.
    expect(JSON.stringify(results)).not.toMatch(/openid|resident/i);
  });
});

/** A port in memory: the questionnaires, the answers, and who answered (by OPENID, as a stand-in for the hash). */
function memoryPort(): SurveyPort & { answers: SurveyAnswer[]; surveys: SurveyRecord[] } {
  const surveys: SurveyRecord[] = [];
  const answers: SurveyAnswer[] = [];
  const takers = new Set<string>();
  return {
    surveys,
    answers,
    currentSurvey: async () => [...surveys].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null,
    async putSurvey(s) {
      const i = surveys.findIndex((x) => x._id === s._id);
      if (i >= 0) surveys[i] = s;
      else surveys.push(s);
    },
    answerCount: async (id) => answers.filter((a) => a.surveyId === id).length,
    hasAnswered: async (id, openid) => takers.has(`${id}:${openid}`),
    async recordAnswer(openid, a) {
      if (takers.has(`${a.surveyId}:${openid}`)) return false;
      takers.add(`${a.surveyId}:${openid}`);
      answers.push(a);
      return true;
    },
    answersBetween: async (from, to) => answers.filter((a) => a.day >= from && a.day <= to),
  };
}

describe('the use cases', () => {
  const now = new Date('2026-11-02T02:00:00.000Z');
  let n = 0;
  const deps = (port: SurveyPort) => ({ port, now, newId: () => `s${++n}`, org: demoOrg });
  const dispatcher = { openid: 'dispatcher', role: 'dispatcher' as const };
  const resident = (openid: string, regionId?: string) => ({ openid, role: 'resident' as const, ...(regionId ? { regionId } : {}) });

  test('a resident is offered the open questionnaire once, without what counts', async () => {
    const port = memoryPort();
    const saved = await saveSurvey(deps(port), dispatcher, { title: '问卷', questions: QUESTIONS, open: true });
    const offered = await viewSurvey(deps(port), resident('r1'), {});
    expect(offered).toMatchObject({ answered: false, mayAnswer: true, survey: { id: saved.id } });
    expect(JSON.stringify(offered)).not.toContain('counts');
    expect(await answerSurvey(deps(port), resident('r1', 'hekou'), { surveyId: saved.id, answers: [0, 0, 1] })).toEqual({
      answered: true,
      already: false,
    });
    expect(await answerSurvey(deps(port), resident('r1', 'hekou'), { surveyId: saved.id, answers: [2, 1, 1] })).toEqual({
      answered: true,
      already: true,
    });
    expect(port.answers).toEqual([
      { surveyId: saved.id, day: '2026-11-02', regionId: 'hekou', answers: [0, 0, 1], awareness: true, support: true },
    ]);
    expect(await viewSurvey(deps(port), resident('r1'), {})).toMatchObject({ answered: true, mayAnswer: false });
    // Nobody is offered a closed questionnaire.
    await saveSurvey(deps(port), dispatcher, { title: '问卷', questions: QUESTIONS, open: false });
    expect(await viewSurvey(deps(port), resident('r2'), {})).toEqual({ survey: null, answered: false, mayAnswer: false });
    await expect(answerSurvey(deps(port), resident('r2'), { surveyId: saved.id, answers: [0, 0, 1] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  test('staff are not counted among the residents', async () => {
    const port = memoryPort();
    const saved = await saveSurvey(deps(port), dispatcher, { title: '问卷', questions: QUESTIONS, open: true });
    await expect(
      answerSurvey(deps(port), { openid: 'staff-edu', role: 'staff', departmentId: 'edu' }, { surveyId: saved.id, answers: [0, 0, 1] }),
    ).rejects.toBeInstanceOf(AppError);
    expect(port.answers).toEqual([]);
  });
});
