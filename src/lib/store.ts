/** A value with listeners: the shared state of the app is a handful of these, no framework needed. */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: (value: T) => void): () => void;
}

export function createStore<T>(initial: () => T): Store<T> {
  let value: { v: T } | null = null;
  const listeners = new Set<(value: T) => void>();
  return {
    get() {
      if (!value) value = { v: initial() };
      return value.v;
    },
    set(v) {
      value = { v };
      listeners.forEach((l) => l(v));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
