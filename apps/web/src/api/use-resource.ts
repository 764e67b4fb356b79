import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Resource<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  /** Loads again, keeping what is shown meanwhile (a property: pages pass it around unbound). */
  reload: () => void;
}

/**
 * Loads data for a component and loads again when `deps` change (showing nothing stale meanwhile) or on
 * `reload()` (keeping what is shown). A superseded or unmounted load is aborted and its result dropped.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [attempt, setAttempt] = useState(0);
  const lastAttempt = useRef(attempt);

  useEffect(() => {
    const controller = new AbortController();
    const isReload = attempt !== lastAttempt.current;
    lastAttempt.current = attempt;
    setState((previous) => ({ data: isReload ? previous.data : undefined, loading: true }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, loading: false }),
      (error: unknown) => !controller.signal.aborted && setState({ error, loading: false }),
    );
    return () => controller.abort();
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
