import type * as z from 'zod/mini';
import type { Rate } from '../cases/stats';
import type { ledgerContract } from '../contracts/ledger';
import { AppError, type Issue } from '../envelope';
import { regionById, type Organization } from '../org/model';
import type { Caller } from '../roles';
import { chinaDay } from '../time';

/**
 * The campaign's 知晓率, 支持率 and 参与率, measured: a questionnaire of at most five single-choice
 * questions the 双拥办 writes, saying which answers of which question count as knowing of, supporting and
 * taking part in the 创建. Residents answer it once each; what is kept of an answer is the choices, the day,
 * the 乡镇 the person's profile named and the three marks — never who answered. Whether a person answered
 * is a separate marker the store keeps as a one-way hash (cloudfunctions/ledger/survey-store.ts).
 */

export const SURVEY_MEASURES = ['awareness', 'support', 'participation'] as const;
export type SurveyMeasure = (typeof SURVEY_MEASURES)[number];
export const SURVEY_MEASURE_TEXT: Record<SurveyMeasure, string> = { awareness: '知晓率', support: '支持率', participation: '参与率' };

export const MAX_QUESTIONS = 5;
/** A 乡镇 with fewer answers shows its count only: a rate of two people would tell what each said. */
export const MIN_TOWNSHIP_SAMPLE = 5;

export interface SurveyQuestion {
  text: string;
  choices: string[];
  /** The rate this question measures, and the choices (by index) that count toward it. */
  measure?: SurveyMeasure;
  counts?: number[];
}

export interface SurveyRecord {
  _id: string;
  title: string;
  intro: string;
  questions: SurveyQuestion[];
  /** Offered to residents. */
  open: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One person's answer, as kept: nothing that says who. */
export interface SurveyAnswer {
  surveyId: string;
  /** YYYY-MM-DD (UTC+8), not the time: an answer is not to be matched with anything by its moment. */
  day: string;
  /** The 乡镇 of the person's profile when they answered; null when it named none. */
  regionId: string | null;
  /** The chosen choice of each question, by index. */
  answers: number[];
  /** Present for the rates the questionnaire measures: whether this answer counts toward each. */
  awareness?: boolean;
  support?: boolean;
  participation?: boolean;
}

export interface SurveyPort {
  /** The questionnaire now in use (the latest saved), open or not. */
  currentSurvey(): Promise<SurveyRecord | null>;
  putSurvey(survey: SurveyRecord): Promise<void>;
  /** How many answered this questionnaire. */
  answerCount(surveyId: string): Promise<number>;
  hasAnswered(surveyId: string, openid: string): Promise<boolean>;
  /**
   * Keeps the answer and marks the person as having answered, in one conditional write: false, keeping
   * nothing, when the person had already answered (a retry, a second device, a double tap).
   */
  recordAnswer(openid: string, answer: SurveyAnswer): Promise<boolean>;
  /** The answers of the days from `from` to `to` (inclusive), every questionnaire's. */
  answersBetween(from: string, to: string): Promise<SurveyAnswer[]>;
}

export interface SurveyDeps {
  port: SurveyPort;
  now: Date;
  newId: () => string;
  org: Organization;
}

type Authed = Caller & { openid: string };
type In<K extends keyof typeof ledgerContract> = z.output<(typeof ledgerContract)[K]>;

// ---- rules ----

/** Why a questionnaire cannot be saved as written: each rate measured by one question at most, its counting choices real. */
export function surveyIssues(questions: readonly SurveyQuestion[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<SurveyMeasure>();
  questions.forEach((q, i) => {
    const at = (field: string, message: string) => issues.push({ path: ['questions', i, field], message });
    if (new Set(q.choices).size !== q.choices.length) at('choices', '选项不能重复');
    if (q.measure === undefined) {
      if (q.counts?.length) at('counts', '这道题不计入任何比率，不用选计入的选项');
      return;
    }
    if (seen.has(q.measure)) at('measure', `${SURVEY_MEASURE_TEXT[q.measure]}已经由前面的题目统计`);
    seen.add(q.measure);
    if (!q.counts?.length) at('counts', `请选出计入${SURVEY_MEASURE_TEXT[q.measure]}的选项`);
    else if (q.counts.some((c) => c >= q.choices.length)) at('counts', '没有这个选项');
    else if (q.counts.length === q.choices.length) at('counts', '所有选项都计入，这个比率就没有意义了');
  });
  return issues;
}

/** The marks an answer carries: for each rate a question measures, whether the chosen choice counts. */
export function marksOf(survey: Pick<SurveyRecord, 'questions'>, answers: readonly number[]): Partial<Record<SurveyMeasure, boolean>> {
  const marks: Partial<Record<SurveyMeasure, boolean>> = {};
  survey.questions.forEach((q, i) => {
    if (q.measure) marks[q.measure] = (q.counts ?? []).includes(answers[i] ?? -1);
  });
  return marks;
}

/** Whether the questions (what was asked and what counts) are the same: then answers already given still fit. */
const sameQuestions = (a: readonly SurveyQuestion[], b: readonly SurveyQuestion[]): boolean =>
  JSON.stringify(a.map(({ text, choices, measure, counts }) => [text, choices, measure ?? null, counts ?? []])) ===
  JSON.stringify(b.map(({ text, choices, measure, counts }) => [text, choices, measure ?? null, counts ?? []]));

const rateOf = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  value: denominator ? Math.round((numerator / denominator) * 1000) / 1000 : null,
});

/** Each rate over the answers that were asked it: its numerator, and its sample as the denominator. */
export function surveyRates(answers: readonly SurveyAnswer[]): Record<SurveyMeasure, Rate> {
  const of = (m: SurveyMeasure) => {
    const asked = answers.filter((a) => a[m] !== undefined);
    return rateOf(asked.filter((a) => a[m]).length, asked.length);
  };
  return { awareness: of('awareness'), support: of('support'), participation: of('participation') };
}

// ---- presenting ----

/** The questionnaire as a resident sees it: the questions and choices, not what counts. */
const residentView = (s: SurveyRecord) => ({
  id: s._id,
  title: s.title,
  intro: s.intro,
  questions: s.questions.map((q) => ({ text: q.text, choices: q.choices })),
});

/** The questionnaire as the 双拥办 edits it: everything, with its id. */
const editorView = (s: SurveyRecord) => ({
  id: s._id,
  title: s.title,
  intro: s.intro,
  open: s.open,
  questions: s.questions.map((q) => ({
    text: q.text,
    choices: q.choices,
    ...(q.measure ? { measure: q.measure, counts: q.counts ?? [] } : {}),
  })),
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

/**
 * The results: each rate with its sample for the county and for each 乡镇 (a 乡镇 under the minimum sample
 * shows its count, not its rates), and how often each choice of the current questionnaire was chosen. No
 * row is one person's.
 */
export function surveyResultsOf(answers: readonly SurveyAnswer[], current: SurveyRecord | null, org: Organization) {
  const byRegion = new Map<string | null, SurveyAnswer[]>();
  for (const a of answers) byRegion.set(a.regionId, [...(byRegion.get(a.regionId) ?? []), a]);
  const order = (id: string | null) => (id === null ? Number.MAX_SAFE_INTEGER : org.regions.findIndex((r) => r.id === id) >>> 0);
  const townships = [...byRegion.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([regionId, mine]) => ({
      regionId,
      name: regionId === null ? '未填所在乡镇' : (regionById(org, regionId)?.name ?? regionId),
      answers: mine.length,
      rates: mine.length >= MIN_TOWNSHIP_SAMPLE ? surveyRates(mine) : null,
    }));
  const ofCurrent = current ? answers.filter((a) => a.surveyId === current._id) : [];
  return {
    survey: current ? editorView(current) : null,
    total: { answers: answers.length, ...surveyRates(answers) },
    townships,
    questions: (current?.questions ?? []).map((q, i) => ({
      text: q.text,
      choices: q.choices.map((text, c) => ({ text, count: ofCurrent.filter((a) => a.answers[i] === c).length })),
    })),
    minTownshipSample: MIN_TOWNSHIP_SAMPLE,
  };
}

// ---- use cases ----

/** The open questionnaire for the caller, whether they answered it, and whether they may (residents only). */
export async function viewSurvey(deps: Pick<SurveyDeps, 'port'>, caller: Caller, _input: In<'survey'>) {
  const survey = await deps.port.currentSurvey();
  if (!survey?.open) return { survey: null, answered: false, mayAnswer: false };
  const answered = caller.openid ? await deps.port.hasAnswered(survey._id, caller.openid) : false;
  return { survey: residentView(survey), answered, mayAnswer: caller.role === 'resident' && !answered };
}

/**
 * A resident's answer, once: a repeat (a retry after a lost reply, a double tap, another device) is told
 * it was already counted and counts nothing.
 */
export async function answerSurvey(
  deps: Pick<SurveyDeps, 'port' | 'now'>,
  caller: Authed & { regionId?: string },
  { surveyId, answers }: In<'answerSurvey'>,
) {
  // The rates are the residents': a unit's staff answering would count the campaign's own workers.
  if (caller.role !== 'resident') throw new AppError('FORBIDDEN', '问卷请群众填写，工作人员不参与统计');
  const survey = await deps.port.currentSurvey();
  if (!survey?.open) throw new AppError('NOT_FOUND', '问卷已经结束了');
  if (survey._id !== surveyId) throw new AppError('CONFLICT', '问卷刚刚更新了，请重新打开填写');
  if (await deps.port.hasAnswered(survey._id, caller.openid)) return { answered: true as const, already: true };
  const issues: Issue[] = [];
  if (answers.length !== survey.questions.length) issues.push({ path: ['answers'], message: `请回答全部 ${survey.questions.length} 道题` });
  answers.forEach((a, i) => {
    const q = survey.questions[i];
    if (q && a >= q.choices.length) issues.push({ path: ['answers', i], message: '没有这个选项' });
  });
  if (issues.length) throw new AppError('INVALID_INPUT', '请把每道题都选好', issues);
  const recorded = await deps.port.recordAnswer(caller.openid, {
    surveyId: survey._id,
    day: chinaDay(deps.now),
    regionId: caller.regionId ?? null,
    answers,
    ...marksOf(survey, answers),
  });
  return { answered: true as const, already: !recorded };
}

/**
 * The 双拥办 writes the questionnaire. Answers already given stay with the questions they answered: while
 * nobody has answered, or when only the title, the introduction or whether it is open changes, the
 * questionnaire is edited in place; new questions once people have answered make a new questionnaire,
 * offered to everyone again, its predecessor's answers still counted in their period.
 */
export async function saveSurvey(deps: SurveyDeps, _caller: Authed, input: In<'saveSurvey'>) {
  const { port, now } = deps;
  const questions: SurveyQuestion[] = input.questions.map(({ text, choices, measure, counts }) => ({
    text,
    choices,
    ...(measure ? { measure, counts: [...new Set(counts ?? [])].sort((a, b) => a - b) } : {}),
  }));
  const issues = surveyIssues(questions);
  if (issues.length) throw new AppError('INVALID_INPUT', '问卷还有地方要改', issues);
  const current = await port.currentSurvey();
  const keep = current && (sameQuestions(current.questions, questions) || (await port.answerCount(current._id)) === 0);
  const at = now.toISOString();
  const survey: SurveyRecord = {
    _id: keep ? current._id : deps.newId(),
    title: input.title,
    intro: input.intro ?? '',
    questions,
    open: input.open,
    // The latest is the one in use: a new questionnaire is always later than the one it replaces.
    createdAt: keep
      ? current.createdAt
      : current && current.createdAt >= at
        ? new Date(Date.parse(current.createdAt) + 1).toISOString()
        : at,
    updatedAt: at,
  };
  await port.putSurvey(survey);
  // The questionnaire it replaces is closed: only one is offered at a time.
  if (current && !keep && current.open) await port.putSurvey({ ...current, open: false, updatedAt: at });
  return { ...editorView(survey), renewed: Boolean(current && !keep) };
}

/** The rates over the answers of a period (this year so far by default), for the county and each 乡镇. */
export async function surveyResults(deps: Pick<SurveyDeps, 'port' | 'now' | 'org'>, _caller: Caller, input: In<'surveyResults'>) {
  const today = chinaDay(deps.now);
  const from = input.from ?? `${today.slice(0, 4)}-01-01`;
  const to = input.to ?? today;
  if (from > to) throw new AppError('INVALID_INPUT', '开始日期不能晚于结束日期', [{ path: ['from'], message: '开始日期晚于结束日期' }]);
  const [answers, current] = await Promise.all([deps.port.answersBetween(from, to), deps.port.currentSurvey()]);
  return { from, to, ...surveyResultsOf(answers, current, deps.org) };
}
