/** The closed set of error codes every cloud function answers with (docs/interface.md). */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Issue {
  path: (string | number)[];
  message: string;
  code?: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: Issue[];
  /** How many more issues there were than `issues` lists, when a long list was cut. */
  moreIssues?: number;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** A domain failure with a code from the closed set and a message fit to show a person. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: Issue[];
  readonly moreIssues?: number;
  constructor(code: ErrorCode, message: string, issues?: Issue[], moreIssues?: number) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (issues) this.issues = issues;
    if (moreIssues) this.moreIssues = moreIssues;
  }
}

/** HTTP status of each code on the local host. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CONTENT_REJECTED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export const okEnvelope = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const errorEnvelope = (code: ErrorCode, message: string, issues?: Issue[], moreIssues?: number): Envelope<never> => ({
  ok: false,
  error: { code, message, ...(issues ? { issues } : {}), ...(moreIssues ? { moreIssues } : {}) },
});
