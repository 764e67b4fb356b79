import { wordDiff, type WordPart } from './word-diff';

export type ItemChangeKind = 'same' | 'moved' | 'changed' | 'added' | 'removed';

/** One item of a list field (an activity, a section code, …) and what became of it. */
export interface ItemChange {
  change: ItemChangeKind;
  /** Its text in the old list, null when added. */
  before: string | null;
  /** Its text in the new list, null when removed. */
  after: string | null;
  /** Where it was in the old list (0-based), null when added. */
  beforeIndex: number | null;
  /** Where it is in the new list (0-based), null when removed. */
  afterIndex: number | null;
  /** Word by word, how `before` became `after`: one `same` part when unchanged, one `added` or `removed` part. */
  words: WordPart[];
}

/** Items sharing at least this share of their characters (word-diff `same` parts) are one item reworded. */
export const SIMILAR = 0.5;

/** How much of two texts their word diff keeps: 1 for equal texts, 0 for texts with no word in common. */
export function similarity(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  const kept = wordDiff(a, b)
    .filter((p) => p.op === 'same' && p.text.trim())
    .reduce((n, p) => n + p.text.length, 0);
  return (2 * kept) / (a.length + b.length);
}

interface Pair {
  b: number;
  a: number;
}

/** The pairs (sorted by `a`) whose `b` grows too, as many as possible: the items that kept their order. */
function keptOrder(pairs: Pair[]): Set<Pair> {
  const best: Pair[][] = [];
  for (const p of pairs) {
    const chain = best
      .filter((c) => c[c.length - 1].b < p.b)
      .reduce<Pair[]>((l, c) => (c.length > l.length ? c : l), []);
    best.push([...chain, p]);
  }
  return new Set(best.reduce<Pair[]>((l, c) => (c.length > l.length ? c : l), []));
}

/**
 * Item by item, how one list became another. The rule, in this order:
 * 1. an item with the same text on both sides is the same item (the n-th copy pairs with the n-th copy): `same` when
 *    it kept its order relative to the other items paired (the longest run in order), `moved` otherwise;
 * 2. of the items left, the most similar old and new items pair as `changed` while they share at least half their
 *    characters (`SIMILAR`), best match first;
 * 3. in a list of unchanged length, an old and a new item still left at the same place pair as `changed` (an item
 *    rewritten in place);
 * 4. what is still left was `removed` or `added`.
 * Lists of codes (sections, gap questions) pass `{ codes: true }`: a code is what it names, so steps 2 and 3 are
 * skipped and a code replaced by another is one removed and one added, never `changed`.
 * The result follows the new list; a removed item comes just after the item that preceded it in the old list.
 */
export function diffLists(before: readonly string[], after: readonly string[], { codes = false } = {}): ItemChange[] {
  const pairs: Pair[] = [];
  const usedB = new Set<number>();
  const usedA = new Set<number>();
  const pair = (b: number, a: number) => {
    pairs.push({ b, a });
    usedB.add(b);
    usedA.add(a);
  };

  after.forEach((text, a) => {
    const b = before.findIndex((old, i) => old === text && !usedB.has(i));
    if (b >= 0) pair(b, a);
  });
  const exact = new Set(pairs);

  const leftB = () => before.map((_, i) => i).filter((i) => !usedB.has(i));
  const leftA = () => after.map((_, i) => i).filter((i) => !usedA.has(i));
  if (!codes) {
    const candidates = leftB()
      .flatMap((b) => leftA().map((a) => ({ b, a, score: similarity(before[b], after[a]) })))
      .filter((c) => c.score >= SIMILAR)
      .sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
    for (const c of candidates) if (!usedB.has(c.b) && !usedA.has(c.a)) pair(c.b, c.a);
    if (before.length === after.length) for (const b of leftB()) if (!usedA.has(b)) pair(b, b);
  }

  const inOrder = keptOrder([...pairs].sort((x, y) => x.a - y.a));
  const byA = new Map(pairs.map((p) => [p.a, p]));
  const items: { key: number; item: ItemChange }[] = after.map((text, a) => {
    const p = byA.get(a);
    if (!p) return { key: a, item: item('added', null, text, null, a) };
    const kind = !exact.has(p) ? 'changed' : inOrder.has(p) ? 'same' : 'moved';
    return { key: a, item: item(kind, before[p.b], text, p.b, a) };
  });
  for (const b of leftB()) {
    const previous = pairs.filter((p) => p.b < b).reduce((max, p) => Math.max(max, p.a), -1);
    items.push({ key: previous + 0.5, item: item('removed', before[b], null, b, null) });
  }
  return items.sort((x, y) => x.key - y.key).map((x) => x.item);
}

function item(
  change: ItemChangeKind,
  before: string | null,
  after: string | null,
  beforeIndex: number | null,
  afterIndex: number | null,
): ItemChange {
  return { change, before, after, beforeIndex, afterIndex, words: wordDiff(before ?? '', after ?? '') };
}
