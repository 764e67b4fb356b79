/**
 * What a person typed and has not sent yet, kept in this tab's sessionStorage under their user id:
 * a session that ends mid-sentence, a reload or a crash loses nothing, and the form opens with it again
 * after signing in. Signing out (on a shared computer, say) forgets every draft. Text only, never a token.
 */
import { session } from '../session';

const PREFIX = 'citymentor.draft.';

function storageKey(key: string): string | null {
  const user = session.get()?.user.id;
  return user ? `${PREFIX}${user}.${key}` : null;
}

export function loadDraft<T>(key: string): T | null {
  const at = storageKey(key);
  if (!at) return null;
  try {
    const raw = sessionStorage.getItem(at);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

export function saveDraft<T>(key: string, value: T) {
  const at = storageKey(key);
  if (!at) return;
  try {
    sessionStorage.setItem(at, JSON.stringify(value));
  } catch {
    // storage full or blocked: the text stays in the form only
  }
}

export function dropDraft(key: string) {
  const at = storageKey(key);
  if (!at) return;
  try {
    sessionStorage.removeItem(at);
  } catch {
    // blocked
  }
}

/** On sign-out: nothing typed stays behind for the next person at this computer. */
export function dropAllDrafts() {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // blocked
  }
}
