import { readStorage, writeStorage } from './storage';

const KEY = 'survey:done';
const isIds = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The questionnaires this device answered or turned down: never offered again. */
export const surveysDone = (): string[] => readStorage(KEY, isIds) ?? [];

export function markSurveyDone(id: string): void {
  // The last few are enough: a questionnaire is replaced a few times a year at most.
  writeStorage(KEY, [...surveysDone().filter((x) => x !== id), id].slice(-10));
}
