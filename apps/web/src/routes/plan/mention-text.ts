/**
 * The text side of @mentions in a comment box, without the DOM: which mention is being typed at the caret,
 * who matches it, and the body once someone is chosen. The body keeps the `@[Name](user-uuid)` tokens the
 * API reads its mentions from (apps/api/src/comments/mentions.ts).
 */

/** Someone who may be mentioned (the `mentionable` route's item, or what of it matters here). */
export interface MentionCandidate {
  id: string;
  name: string;
}

/** A mention being typed: the `@` at `start`, and what follows it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

/** What may follow the `@` while a name is typed: no line break, no other `@`, nothing of a token's brackets. */
const QUERY = /^[^\n\r@[\]()]{0,40}$/;

/**
 * The mention typed just before `caret`, if any: the nearest `@` before the caret on that line followed by
 * at most 40 characters that can be part of a name (spaces too: "@Tiina Ta"). An `@` glued to a word
 * ("signatory.@Ti") counts: inserting then adds the space the person left out.
 */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const start = text.lastIndexOf('@', caret - 1);
  if (start < 0) return null;
  const query = text.slice(start + 1, caret);
  return QUERY.test(query) ? { start, query } : null;
}

/** Lower case, without accents ("Éloïse" → "eloise"), so a search matches however it was typed. */
export const foldForSearch = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The candidates whose name contains `query` (accent- and case-insensitive): those whose name starts with
 * it first, then those with a word starting with it, then the rest, each group in the order given.
 */
export function matchMentions<T extends MentionCandidate>(candidates: readonly T[], query: string): T[] {
  const q = foldForSearch(query.trim());
  const ranked: [T, number][] = [];
  for (const c of candidates) {
    const name = foldForSearch(c.name);
    const at = name.indexOf(q);
    if (at < 0) continue;
    const rank = at === 0 ? 0 : name.split(/\s+/).some((word) => word.startsWith(q)) ? 1 : 2;
    ranked.push([c, rank]);
  }
  return ranked.sort((a, b) => a[1] - b[1]).map(([c]) => c);
}

/** The token for a person: the name without what would end it early, as the API's pattern reads it. */
export const mentionToken = (who: MentionCandidate): string =>
  `@[${
    who.name
      .replace(/[\]\r\n]/g, ' ')
      .trim()
      .slice(0, 100) || '?'
  }](${who.id})`;

/**
 * `text` with the mention typed at `mention` (up to `caret`) replaced by `who`'s token, a space before it
 * when it was glued to the previous word and a space after it; `caret` is where the typing goes on, after
 * that space.
 */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  who: MentionCandidate,
): { text: string; caret: number } {
  const before = text.slice(0, mention.start);
  const after = text.slice(caret);
  const lead = before === '' || /\s$/.test(before) ? '' : ' ';
  const inserted = `${lead}${mentionToken(who)}${/^[ \t]/.test(after) ? '' : ' '}`;
  const end = before.length + inserted.length;
  return { text: before + inserted + after, caret: /^[ \t]/.test(after) ? end + 1 : end };
}
