import type { ReactNode } from 'react';
import { EmptyState, type EmptyStateProps } from './empty-state';
import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';
import { isServiceError } from '../services/service-error';

/** What Loaded reads of an AsyncState; `reload`, when there, is the retry. */
type Shown = ({ status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: unknown }) & { reload?: () => void };
/** The answer a ready state carries. */
type DataOf<S> = S extends { status: 'ready'; data: infer T } ? T : never;

interface LoadedProps<S extends Shown, T = DataOf<S>> {
  /** What useAsync answers (or a search's own AsyncState); `null`/`undefined` before anything was asked: shows nothing. */
  state: S | null | undefined;
  /** What to show once the answer is in. */
  children: (data: T) => ReactNode;
  loadingText?: string;
  /** The title over the error's message (ErrorState's own by default); may depend on the error. */
  errorTitle?: string | ((error: unknown) => string);
  /** Offered as 「再试一次」 when the failure may pass; the state's reload by default, `false` for none. */
  onRetry?: (() => void) | false;
  /** An answer with nothing in it: this EmptyState instead of the children. */
  empty?: EmptyStateProps & { when: (data: T) => boolean };
  /** Not signed in (UNAUTHENTICATED) is no failure on a personal page: this EmptyState says what to do. */
  signedOut?: EmptyStateProps;
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
export function Loaded<S extends Shown>({ state, children, loadingText, errorTitle, onRetry, empty, signedOut }: LoadedProps<S>) {
  if (!state) return null;
  if (state.status === 'loading') return <LoadingState text={loadingText} />;
  if (state.status === 'error') {
    if (signedOut && isServiceError(state.error) && state.error.code === 'UNAUTHENTICATED') return <EmptyState {...signedOut} />;
    const retry = onRetry === false ? undefined : (onRetry ?? (state.reload ? () => state.reload?.() : undefined));
    const title = typeof errorTitle === 'function' ? errorTitle(state.error) : errorTitle;
    return <ErrorState error={state.error} onRetry={retry} title={title} />;
  }
  const data = state.data as DataOf<S>;
  if (empty?.when(data)) {
    const { title, description, action } = empty;
    return <EmptyState title={title} description={description} action={action} />;
  }
  return <>{children(data)}</>;
}
