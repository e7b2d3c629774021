import type { Input } from '../../core/contracts/answers';
import { callFunction } from './call';

export type { ResidentSurvey, SavedSurvey, SurveyResults } from '../../core/contracts/survey';
export type SurveyDraft = Input<'ledger', 'saveSurvey'>;

// The questionnaire behind 知晓率, 支持率 and 参与率: actions of the ledger function.

/** The open questionnaire (null when none is open), whether the caller answered it, and whether they may. */
export const getSurvey = () => callFunction('ledger', { action: 'survey' });
/** The caller's answer: the chosen choice of each question, by index. Answering twice counts once. */
export const answerSurvey = (surveyId: string, answers: number[]) => callFunction('ledger', { action: 'answerSurvey', surveyId, answers });

// The 双拥办
export const saveSurvey = (draft: SurveyDraft) => callFunction('ledger', { action: 'saveSurvey', ...draft });
/** The rates with their samples over a period (this year so far by default), for the county and each 乡镇. */
export const getSurveyResults = (period: { from?: string; to?: string } = {}) =>
  callFunction('ledger', { action: 'surveyResults', ...period });
