import { useCallback, useEffect, useState, type DependencyList } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown };

export interface ReloadOptions {
  /** Keep showing what is there until the new answer arrives (e.g. when a tab page is shown again). */
  silent?: boolean;
}

/** Runs `load` on mount, when `deps` change and whenever `reload` is called; stale answers are dropped. */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: DependencyList = [],
): AsyncState<T> & { reload: (options?: ReloadOptions) => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [request, setRequest] = useState(0);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `load` depends on
  }, [request, ...deps]);

  const reload = useCallback((options: ReloadOptions = {}) => {
    if (!options.silent) setState((s) => (s.status === 'loading' ? s : { status: 'loading' }));
    setRequest((n) => n + 1);
  }, []);

  return { ...state, reload };
}
