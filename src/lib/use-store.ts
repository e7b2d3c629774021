import { useEffect, useState } from 'react';
import type { Store } from './store';

export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState(store.get);
  useEffect(() => {
    // The value may have changed between render and subscription.
    setValue(store.get());
    return store.subscribe(setValue);
  }, [store]);
  return value;
}
