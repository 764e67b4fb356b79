/**
 * Running what a person asked for (save, send, create, submit) from a form or a button:
 *
 *   const { busy, error, submit } = useSubmit();
 *   <form onSubmit={submit(async () => { await api.post(…); onSaved(); })}>
 *     {error !== null && <ErrorNotice error={error} />}
 *     <button type="submit" disabled={busy}>…</button>
 *
 * `submit(action)` is the event handler: it stops a form's own submission, runs the action once at a
 * time (a second click while it runs does nothing), says `busy` meanwhile, and keeps what it threw as
 * `error` until the next run. Nothing else is touched: what the person typed stays in the form (and in
 * its draft, components/drafts.ts) for them to send again. An action that knows an error (a field the
 * API names, a conflict to show otherwise) catches it itself; what it rethrows becomes `error`.
 */
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';

export interface Submitter {
  /** An action is running. */
  busy: boolean;
  /** The `key` given to the running action (which of a list's buttons is busy), null when none runs. */
  running: string | null;
  /** What the last action threw, until the next one starts; null when nothing failed. */
  error: unknown;
  /** Shows an error found otherwise (a check before sending, a failed background read); null clears it. */
  setError: (error: unknown) => void;
  /** An event handler (`onSubmit`, `onClick`) that runs `action` as described above. */
  submit: (action: () => Promise<unknown> | void, key?: string) => (event?: Event) => void;
  /** The same run for a caller that needs its result: undefined when it failed or another run was going on. */
  run: <T>(action: () => Promise<T> | T, key?: string) => Promise<T | undefined>;
}

export function useSubmit(): Submitter {
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(false);

  const run = async <T>(action: () => Promise<T> | T, key = 'submit'): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setRunning(key);
    setError(null);
    try {
      return await action();
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      inFlight.current = false;
      setRunning(null);
    }
  };

  const submit = (action: () => Promise<unknown> | void, key?: string) => (event?: Event) => {
    if (event?.type === 'submit') event.preventDefault();
    void run(action, key);
  };

  return { busy: running !== null, running, error, setError, submit, run };
}

/** One of a VALIDATION_FAILED's `details[]`: the field (`path`, '' when it names none) and the server's sentence. */
export interface FieldDetail {
  path: string;
  message: string;
}

/** What a VALIDATION_FAILED says about each field, or null for any other error. */
export function validationDetails(error: unknown): FieldDetail[] | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.body.details))
    return null;
  return (error.body.details as ({ path?: unknown; message?: unknown } | null)[]).map((detail) => ({
    path: typeof detail?.path === 'string' ? detail.path : '',
    message: typeof detail?.message === 'string' ? detail.message : '',
  }));
}
