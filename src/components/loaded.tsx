import type { ReactNode } from 'react';
import type { AsyncState } from '../lib/use-async';
import { EmptyState, type EmptyStateProps } from './empty-state';
import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';

interface LoadedProps<T> {
  /** What useAsync answers; `undefined` while nothing has been asked yet (shows nothing). */
  state: (AsyncState<T> & { reload?: () => void }) | undefined;
  /** What to show once the answer is in. */
  children: (data: T) => ReactNode;
  loadingText?: string;
  /** The title over the error's message (ErrorState's own by default); may depend on the error. */
  errorTitle?: string | ((error: unknown) => string);
  /** Offered as 「再试一次」 when the failure may pass; the state's reload by default, `false` for none. */
  onRetry?: (() => void) | false;
  /** An answer with nothing in it: this EmptyState instead of the children. */
  empty?: EmptyStateProps & { when: (data: T) => boolean };
}

/**
 * The three states every loaded view goes through — loading, failed (with a retry), and loaded (or
 * loaded but empty) — in one place, so each page writes only what it shows:
 *
 *   const list = useAsync(() => listPolicies(status), [status]);
 *   <Loaded state={list} errorTitle="打不开政策管理" empty={{ when: (d) => d.items.length === 0, title: '没有这个状态的政策' }}>
 *     {(d) => d.items.map((p) => <PolicyRow key={p.id} policy={p} />)}
 *   </Loaded>
 *
 * Inside a page it goes within PageShell (长辈模式 and the consent sheet stay on in every state).
 */
export function Loaded<T>({ state, children, loadingText, errorTitle, onRetry, empty }: LoadedProps<T>) {
  if (!state) return null;
  if (state.status === 'loading') return <LoadingState text={loadingText} />;
  if (state.status === 'error') {
    const retry = onRetry === false ? undefined : (onRetry ?? (state.reload ? () => state.reload?.() : undefined));
    const title = typeof errorTitle === 'function' ? errorTitle(state.error) : errorTitle;
    return <ErrorState error={state.error} onRetry={retry} title={title} />;
  }
  if (empty?.when(state.data)) {
    const { title, description, action } = empty;
    return <EmptyState title={title} description={description} action={action} />;
  }
  return <>{children(state.data)}</>;
}
