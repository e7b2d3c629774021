/**
 * Every action's answer schema, by function and action: what the router checks answers against while the
 * tests run (CHECK_ANSWERS=1), and what the app's services take their types from.
 */
import type * as z from 'zod/mini';
import { casesAnswers, type casesContract } from './cases';
import { fairsAnswers, type fairsContract } from './fairs';
import { filesAnswers, type filesContract } from './files';
import { ledgerAnswers, type ledgerContract } from './ledger';
import { metaAnswers, type metaContract } from './meta';
import { placesAnswers, type placesContract } from './places';
import { policiesAnswers, type policiesContract } from './policies';
import { usersAnswers, type usersContract } from './users';

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

type AnswerContracts = typeof answerContracts;
export type FunctionName = keyof AnswerContracts;
export type ActionName<F extends FunctionName> = keyof AnswerContracts[F] & string;

/** The input contracts by function (the handlers parse with them), for the types of what the app sends. */
interface InputContracts {
  cases: typeof casesContract;
  fairs: typeof fairsContract;
  files: typeof filesContract;
  ledger: typeof ledgerContract;
  meta: typeof metaContract;
  places: typeof placesContract;
  policies: typeof policiesContract;
  users: typeof usersContract;
}

/** Named fields only: an empty strict object's `Record<string, never>` becomes `{}`, so `action` fits beside it. */
type Fields<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

/** What `<function>.<action>` takes, as the app sends it (before the contract's defaults and trimming). */
export type Input<F extends FunctionName, A extends ActionName<F>> = A extends keyof InputContracts[F]
  ? InputContracts[F][A] extends z.ZodMiniType
    ? Fields<z.input<InputContracts[F][A]>>
    : never
  : never;

/** What `<function>.<action>` answers, as the client receives it. */
export type Answer<F extends FunctionName, A extends ActionName<F>> = AnswerContracts[F][A] extends z.ZodMiniType
  ? z.output<AnswerContracts[F][A]>
  : never;

/** The answer schema of `<function>.<action>`, or undefined when the contract names no such action. */
export function answerSchema(fn: string, action: string): z.ZodMiniType | undefined {
  const answers: Record<string, Record<string, z.ZodMiniType>> = answerContracts;
  return Object.hasOwn(answers, fn) && Object.hasOwn(answers[fn] as object, action) ? answers[fn]?.[action] : undefined;
}
