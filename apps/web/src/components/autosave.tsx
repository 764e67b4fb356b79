/**
 * Saving text as it is typed: a save runs once the person pauses (`delayMs`), when the field is left
 * (`flush`) and when the component goes away (another step, another page) — so what was typed is
 * stored without waiting for a blur, and "Saved" is shown only for what the server has. With a
 * `draftKey`, what is not saved yet is also kept as a draft (drafts.ts): a save refused because the
 * session ended is restored, and saved, when the person is back.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { dropDraft, loadDraft, saveDraft } from './drafts';

export type SaveState = 'idle' | 'saving' | 'saved';

export function useAutosave<T>(save: (value: T) => Promise<boolean>, delayMs = 800, draftKey?: string) {
  const [state, setState] = useState<SaveState>('idle');
  /** A draft left by an earlier visit that could not save it: start from it. */
  const [restored] = useState(() => (draftKey ? loadDraft<T>(draftKey) : null));
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
      if (pending.current !== null) return;
      setState(ok ? 'saved' : 'idle');
      if (ok && draftKey) dropDraft(draftKey);
    });
  };

  /** The person changed the value: it is saved after a pause (a choice, as a select's, with `wait` 0). */
  const changed = (value: T, wait = delayMs) => {
    pending.current = { value };
    if (draftKey) saveDraft(draftKey, value);
    setState('idle');
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, wait);
  };

  useEffect(() => {
    if (restored !== null) changed(restored, 0);
    return flush;
  }, []);
  return { state, changed, flush, restored };
}

/** "Saving…" while a save runs, "Saved" once the server has the value, nothing while it is being changed. */
export function SaveStateHint({ state, id }: { state: SaveState; id?: string }) {
  return (
    <p id={id} class="hint" aria-live="polite">
      {state === 'saving' ? t('common.saving') : state === 'saved' ? t('common.saved') : ''}
    </p>
  );
}
