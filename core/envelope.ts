/** The closed set of error codes every cloud function answers with (DESIGN.md, public interface). */
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
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** A domain failure with a code from the closed set and a message fit to show a person. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: Issue[];
  constructor(code: ErrorCode, message: string, issues?: Issue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (issues) this.issues = issues;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

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
export const errorEnvelope = (code: ErrorCode, message: string, issues?: Issue[]): Envelope<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});
