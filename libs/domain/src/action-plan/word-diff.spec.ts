import { wordDiff, type WordPart } from './word-diff';

const side = (parts: WordPart[], op: 'added' | 'removed') =>
  parts
    .filter((p) => p.op !== op)
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('marks only the changed word, keeping the words around it', () => {
    expect(wordDiff('Train 12 advisers', 'Train 15 advisers')).toEqual([
      { op: 'same', text: 'Train ' },
      { op: 'removed', text: '12' },
      { op: 'added', text: '15' },
      { op: 'same', text: ' advisers' },
    ]);
  });

  it('gives back both texts exactly, whitespace and punctuation included', () => {
    const before = 'Open a one-stop shop,  with the chamber.\nThen evaluate.';
    const after = 'Open two one-stop shops with the chamber and the city.\nThen evaluate!';
    const parts = wordDiff(before, after);
    expect(side(parts, 'added')).toBe(before);
    expect(side(parts, 'removed')).toBe(after);
  });

  it('is one same part for equal texts, one added part from nothing, one removed part to nothing', () => {
    expect(wordDiff('Same text', 'Same text')).toEqual([{ op: 'same', text: 'Same text' }]);
    expect(wordDiff('', 'New')).toEqual([{ op: 'added', text: 'New' }]);
    expect(wordDiff('Old', '')).toEqual([{ op: 'removed', text: 'Old' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('joins a rewritten phrase into one deletion and one insertion, not word for word in turn', () => {
    const before = 'Coordinate every support service in one place';
    const after = 'Coordinate every service and reach out through the associations';
    const parts = wordDiff(before, after);
    expect(parts).toEqual([
      { op: 'same', text: 'Coordinate every ' },
      { op: 'removed', text: 'support ' },
      { op: 'same', text: 'service ' },
      { op: 'removed', text: 'in one place' },
      { op: 'added', text: 'and reach out through the associations' },
    ]);
    expect(side(parts, 'added')).toBe(before);
    expect(side(parts, 'removed')).toBe(after);
  });
});
