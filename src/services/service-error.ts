import { ERROR_CODES, type ErrorCode, type Issue } from '../../core/envelope';

/** The cloud's closed set, plus NETWORK for a call that never got an answer. */
export type ServiceErrorCode = ErrorCode | 'NETWORK';

export const NETWORK_MESSAGE = '网络好像不太顺畅，请检查网络后再试一次';

/** What every service call throws: a code to branch on and a message fit to show a person. */
export class ServiceError extends Error {
  readonly code: ServiceErrorCode;
  readonly issues: Issue[];
  /** Issues the cloud counted but did not list (it answers at most a page of them). */
  readonly moreIssues: number;
  constructor(code: ServiceErrorCode, message: string, issues: Issue[] = [], moreIssues = 0) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.issues = issues;
    this.moreIssues = moreIssues;
  }
}

export const isServiceError = (e: unknown): e is ServiceError => e instanceof ServiceError;

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);

function toIssues(raw: unknown): Issue[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((i): Issue[] => {
    if (typeof i !== 'object' || i === null) return [];
    const { path, message } = i as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') return [];
    const safePath = Array.isArray(path) ? path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number') : [];
    return [{ path: safePath, message }];
  });
}

/** Reads an envelope from whatever the transport got back; anything else is the cloud misbehaving. */
export function unwrapEnvelope<T>(raw: unknown): T {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) {
    const body = raw as { ok: unknown; data?: unknown; error?: unknown };
    if (body.ok === true) return body.data as T;
    if (body.ok === false && typeof body.error === 'object' && body.error !== null) {
      const { code, message, issues, moreIssues } = body.error as {
        code?: unknown;
        message?: unknown;
        issues?: unknown;
        moreIssues?: unknown;
      };
      return fail(
        isErrorCode(code) ? code : 'INTERNAL',
        typeof message === 'string' && message ? message : '系统开了个小差，请稍后再试',
        toIssues(issues),
        typeof moreIssues === 'number' && Number.isSafeInteger(moreIssues) && moreIssues > 0 ? moreIssues : 0,
      );
    }
  }
  return fail('INTERNAL', '服务返回的内容无法识别，请稍后再试');
}

function fail(code: ServiceErrorCode, message: string, issues: Issue[] = [], moreIssues = 0): never {
  throw new ServiceError(code, message, issues, moreIssues);
}

/** Field name → first message, for forms: `issues` paths start with the field. */
export function fieldErrors(issues: readonly Issue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
