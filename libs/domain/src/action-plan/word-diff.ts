import { diffWordsWithSpace } from 'diff';

/** A run of text that is the same on both sides, only in the new text, or only in the old. */
export interface WordPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Word by word, how `before` became `after` (jsdiff): read the `same` and `removed` parts for the old text,
 * the `same` and `added` parts for the new. Runs of one kind are merged, so a reader sees "12" → "15"
 * as one deletion beside one insertion.
 */
export function wordDiff(before: string, after: string): WordPart[] {
  const parts: WordPart[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    const op = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const last = parts.at(-1);
    if (last?.op === op) last.text += change.value;
    else if (change.value) parts.push({ op, text: change.value });
  }
  return parts;
}
