import { useEffect, useState } from 'preact/hooks';

/** A value that components can read and follow; the whole of the client's shared state is a few of these. */
export interface Store<T> {
  // Properties, not methods: they are passed around unbound (`useState(store.get)`).
  get: () => T;
  set: (value: T) => void;
  subscribe: (listener: (value: T) => void) => () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Re-renders the component whenever the store changes. */
export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState(store.get);
  useEffect(() => {
    setValue(() => store.get()); // it may have changed between render and effect
    return store.subscribe((next) => setValue(() => next));
  }, [store]);
  return value;
}
