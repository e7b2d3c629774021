import * as z from 'zod/mini';
import { MAX_QUESTIONS, SURVEY_MEASURES } from '../ledger/survey';
import { count, rate } from './answer-parts';

/**
 * The questionnaire behind the 知晓率, 支持率 and 参与率 (core/ledger/survey.ts): actions of the `ledger`
 * function, spread into its contract (core/contracts/ledger.ts).
 */

const id = z.string().check(z.minLength(1), z.maxLength(64));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式是 YYYY-MM-DD'));
const text = (label: string, max: number) =>
  z.string().check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`));
const choiceIndex = z.int().check(z.gte(0), z.lte(9));
const MAX_CHOICES = 6;

export const surveyContract = {
  /** The open questionnaire, for anyone; whether the caller answered it. */
  survey: z.strictObject({}),
  /** A resident's answer: the chosen choice of each question, by index. */
  answerSurvey: z.strictObject({
    surveyId: id,
    answers: z.array(choiceIndex).check(z.minLength(1, '请先作答'), z.maxLength(MAX_QUESTIONS)),
  }),
  /** The 双拥办 writes the questionnaire and which answers count toward each rate. */
  saveSurvey: z.strictObject({
    title: text('问卷标题', 40),
    intro: z.optional(z.string().check(z.trim(), z.maxLength(200, '说明最多 200 个字'))),
    questions: z
      .array(
        z.strictObject({
          text: text('题目', 80),
          choices: z
            .array(text('选项', 30))
            .check(z.minLength(2, '每道题至少两个选项'), z.maxLength(MAX_CHOICES, `每道题最多 ${MAX_CHOICES} 个选项`)),
          measure: z.optional(z.enum(SURVEY_MEASURES)),
          counts: z.optional(z.array(choiceIndex).check(z.maxLength(MAX_CHOICES))),
        }),
      )
      .check(z.minLength(1, '至少要有一道题'), z.maxLength(MAX_QUESTIONS, `最多 ${MAX_QUESTIONS} 道题`)),
    open: z.boolean(),
  }),
  /** The rates over a period (this year so far by default), for the county and each 乡镇. */
  surveyResults: z.strictObject({ from: z.optional(day), to: z.optional(day) }),
};

// ---- answers ----

const residentSurvey = z.strictObject({
  id: z.string(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(z.strictObject({ text: z.string(), choices: z.array(z.string()) })),
});

const editorShape = {
  id: z.string(),
  title: z.string(),
  intro: z.string(),
  open: z.boolean(),
  questions: z.array(
    z.strictObject({
      text: z.string(),
      choices: z.array(z.string()),
      measure: z.optional(z.enum(SURVEY_MEASURES)),
      counts: z.optional(z.array(count)),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
};

const rates = { awareness: rate, support: rate, participation: rate };

export const surveyAnswers = {
  survey: z.strictObject({ survey: z.nullable(residentSurvey), answered: z.boolean(), mayAnswer: z.boolean() }),
  /** `already`: the person had answered before; nothing more was counted. */
  answerSurvey: z.strictObject({ answered: z.literal(true), already: z.boolean() }),
  /** `renewed`: people had answered different questions, so this is a new questionnaire offered to all again. */
  saveSurvey: z.strictObject({ ...editorShape, renewed: z.boolean() }),
  /** Rates with their samples (the denominators); no row is one person's. */
  surveyResults: z.strictObject({
    from: z.string(),
    to: z.string(),
    survey: z.nullable(z.strictObject(editorShape)),
    total: z.strictObject({ answers: count, ...rates }),
    /** A 乡镇 under `minTownshipSample` answers shows its count and no rates. */
    townships: z.array(
      z.strictObject({ regionId: z.nullable(z.string()), name: z.string(), answers: count, rates: z.nullable(z.strictObject(rates)) }),
    ),
    questions: z.array(z.strictObject({ text: z.string(), choices: z.array(z.strictObject({ text: z.string(), count })) })),
    minTownshipSample: count,
  }),
};

export type ResidentSurvey = z.output<typeof residentSurvey>;
export type SurveyResults = z.output<(typeof surveyAnswers)['surveyResults']>;
export type SavedSurvey = z.output<(typeof surveyAnswers)['saveSurvey']>;
