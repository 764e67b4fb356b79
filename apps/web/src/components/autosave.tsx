/**
 * Saving text as it is typed: a save runs once the person pauses (`delayMs`), when the field is left
 * (`flush`) and when the component goes away (another step, another page) — so what was typed is
 * stored without waiting for a blur, and "Saved" is shown only for what the server has.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

export type SaveState = 'idle' | 'saving' | 'saved';

export function useAutosave<T>(save: (value: T) => Promise<boolean>, delayMs = 800) {
  const [state, setState] = useState<SaveState>('idle');
  const latest = useRef(save);
  latest.current = save;
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const pending = useRef<{ value: T } | null>(null);

  const flush = () => {
    clearTimeout(timer.current);
    const next = pending.current;
    if (next === null) return;
    pending.current = null;
    setState('saving');
    void latest.current(next.value).then((ok) => {
      // Typed again meanwhile: that text is not saved yet.
      if (pending.current === null) setState(ok ? 'saved' : 'idle');
    });
  };

  /** The person changed the value: it is saved after a pause (a choice, as a select's, with `wait` 0). */
  const changed = (value: T, wait = delayMs) => {
    pending.current = { value };
    setState('idle');
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, wait);
  };

  useEffect(() => flush, []);
  return { state, changed, flush };
}

/** "Saving…" while a save runs, "Saved" once the server has the value, nothing while it is being changed. */
export function SaveStateHint({ state, id }: { state: SaveState; id?: string }) {
  return (
    <p id={id} class="hint" aria-live="polite">
      {state === 'saving' ? t('common.saving') : state === 'saved' ? t('common.saved') : ''}
    </p>
  );
}
