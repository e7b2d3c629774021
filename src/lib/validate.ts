import type * as z from 'zod/mini';
import type { Issue } from '../../core/envelope';
import { fieldErrors } from '../services/service-error';

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/** Checks a form with the same zod/mini contract the cloud function uses; errors keyed by field. */
export function validate<S extends z.ZodMiniType>(schema: S, input: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const issues: Issue[] = result.error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
  return { ok: false, errors: fieldErrors(issues) };
}
