import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown };

export interface ReloadOptions {
  /** Keep showing what is there until the new answer arrives (e.g. when a tab page is shown again). */
  silent?: boolean;
}

/** Runs `load` on mount and whenever `reload` is called; stale answers are dropped. */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: readonly unknown[] = [],
): AsyncState<T> & { reload: (options?: ReloadOptions) => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const run = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `load` depends on
  const stableLoad = useCallback(load, deps);

  const reload = useCallback(
    (options: ReloadOptions = {}) => {
      const id = ++run.current;
      if (!options.silent) setState((s) => (s.status === 'loading' ? s : { status: 'loading' }));
      stableLoad().then(
        (data) => id === run.current && setState({ status: 'ready', data }),
        (error: unknown) => id === run.current && setState({ status: 'error', error }),
      );
    },
    [stableLoad],
  );

  useEffect(() => {
    reload();
    return () => {
      run.current++;
    };
  }, [reload]);

  return { ...state, reload };
}
