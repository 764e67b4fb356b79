import { diffWordsWithSpace } from 'diff';

/** A run of text that is the same on both sides, only in the new text, or only in the old. */
export interface WordPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Word by word, how `before` became `after` (jsdiff): read the `same` and `removed` parts for the old text,
 * the `same` and `added` parts for the new. Runs of one kind are merged, so a reader sees "12" → "15"
 * as one deletion beside one insertion; a space between two rewordings joins them, so a rewritten phrase reads
 * as the old phrase struck out and the new one inserted, not word for word in turn.
 */
export function wordDiff(before: string, after: string): WordPart[] {
  const changes = diffWordsWithSpace(before, after);
  const parts: WordPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) parts.push({ op: 'removed', text: removed });
    if (added) parts.push({ op: 'added', text: added });
    removed = added = '';
  };
  changes.forEach((change, i) => {
    if (change.removed) removed += change.value;
    else if (change.added) added += change.value;
    else if (removed && added && /^\s+$/.test(change.value) && i + 1 < changes.length) {
      removed += change.value;
      added += change.value;
    } else {
      flush();
      const last = parts.at(-1);
      if (last?.op === 'same') last.text += change.value;
      else if (change.value) parts.push({ op: 'same', text: change.value });
    }
  });
  flush();
  return parts;
}
