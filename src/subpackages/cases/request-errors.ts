import Taro from '@tarojs/taro';
import { errorMessage } from '../../components/error-state';
import { isServiceError } from '../../services/service-error';

// Field ids on the page, in the order a person meets them: errors scroll to the first one.
const FIELD_ORDER = ['description', 'category', 'attachments', 'region', 'contactName', 'contactPhone', 'consent'] as const;

/** An issue's path to the field it belongs under (contact.name → contactName). */
function fieldOf(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  if (first === 'contact') return second === 'phone' ? 'contactPhone' : 'contactName';
  return typeof first === 'string' ? first : '_';
}

/** The first message for each field, from the contract's issues (checked here or by cases.submit). */
export function errorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = fieldOf(issue.path);
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

export function scrollToFirstError(errors: Record<string, string>) {
  const first = FIELD_ORDER.find((k) => errors[k]);
  if (first) Taro.pageScrollTo({ selector: `#field-${first}`, duration: 200 }).catch(() => undefined);
}

/** Where a failed submit is said: under the fields it concerns, or over the button for the whole form. */
export function placeFailure(e: unknown): { errors: Record<string, string> } | { formError: string } {
  if (isServiceError(e) && e.code === 'INVALID_INPUT' && e.issues.length > 0) return { errors: errorsOf(e.issues) };
  if (isServiceError(e) && e.code === 'CONTENT_REJECTED') return { errors: { description: e.message } };
  // Nothing was lost and the request id is kept: the same tap again cannot make a second case.
  if (isServiceError(e) && e.code === 'NETWORK')
    return { formError: `${e.message}。您填的内容都还在，再点一次“提交求助”就行，不会重复提交。` };
  return { formError: errorMessage(e) };
}
