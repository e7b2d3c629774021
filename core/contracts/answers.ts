/**
 * Every action's answer schema, by function and action: what the router checks answers against while the
 * tests run (CHECK_ANSWERS=1), and what the app's services take their types from.
 */
import type * as z from 'zod/mini';
import { casesAnswers } from './cases';
import { fairsAnswers } from './fairs';
import { filesAnswers } from './files';
import { ledgerAnswers } from './ledger';
import { metaAnswers } from './meta';
import { placesAnswers } from './places';
import { policiesAnswers } from './policies';
import { usersAnswers } from './users';

export const answerContracts = {
  cases: casesAnswers,
  fairs: fairsAnswers,
  files: filesAnswers,
  ledger: ledgerAnswers,
  meta: metaAnswers,
  places: placesAnswers,
  policies: policiesAnswers,
  users: usersAnswers,
} satisfies Record<string, Record<string, z.ZodMiniType>>;

export type AnswerContracts = typeof answerContracts;
export type FunctionName = keyof AnswerContracts;
export type ActionName<F extends FunctionName> = keyof AnswerContracts[F] & string;

/** What `<function>.<action>` answers, as the client receives it. */
export type Answer<F extends FunctionName, A extends ActionName<F>> = AnswerContracts[F][A] extends z.ZodMiniType
  ? z.output<AnswerContracts[F][A]>
  : never;

/** The answer schema of `<function>.<action>`, or undefined when the contract names no such action. */
export function answerSchema(fn: string, action: string): z.ZodMiniType | undefined {
  const answers: Record<string, Record<string, z.ZodMiniType>> = answerContracts;
  return Object.hasOwn(answers, fn) && Object.hasOwn(answers[fn] as object, action) ? answers[fn]?.[action] : undefined;
}
