import { diffLists, similarity } from './list-diff';

const kinds = (before: string[], after: string[]) =>
  diffLists(before, after).map((i) => [i.change, i.before ?? i.after, i.beforeIndex, i.afterIndex]);

describe('diffLists', () => {
  it('marks every item the same in equal lists', () => {
    expect(kinds(['Map', 'Train'], ['Map', 'Train'])).toEqual([
      ['same', 'Map', 0, 0],
      ['same', 'Train', 1, 1],
    ]);
  });

  it('marks an item reworded in a list of the same length as changed, with its words', () => {
    const [first, second] = diffLists(['Map services', 'Train 12 advisers'], ['Map services', 'Train 15 advisers']);
    expect(first.change).toBe('same');
    expect(second).toEqual({
      change: 'changed',
      before: 'Train 12 advisers',
      after: 'Train 15 advisers',
      beforeIndex: 1,
      afterIndex: 1,
      words: [
        { op: 'same', text: 'Train ' },
        { op: 'removed', text: '12' },
        { op: 'added', text: '15' },
        { op: 'same', text: ' advisers' },
      ],
    });
  });

  it('pairs a reworded item by similarity when items were also added, keeping the others added', () => {
    expect(kinds(['Map services', 'Train 12 advisers'], ['Open desk', 'Map services', 'Train 15 advisers'])).toEqual([
      ['added', 'Open desk', null, 0],
      ['same', 'Map services', 0, 1],
      ['changed', 'Train 12 advisers', 1, 2],
    ]);
  });

  it('marks an item rewritten in place, in a list of the same length, as changed', () => {
    expect(kinds(['Map services', 'Hold a fair'], ['Map services', 'Evaluate'])).toEqual([
      ['same', 'Map services', 0, 0],
      ['changed', 'Hold a fair', 1, 1],
    ]);
  });

  it('marks items with nothing in common elsewhere, or in lists of different lengths, as removed and added', () => {
    expect(kinds(['Hold a fair', 'Map services'], ['Map services', 'Evaluate'])).toEqual([
      ['removed', 'Hold a fair', 0, null],
      ['same', 'Map services', 1, 0],
      ['added', 'Evaluate', null, 1],
    ]);

    const items = diffLists(['Map services', 'Hold a fair'], ['Map services', 'Evaluate', 'Publish results']);
    expect(items.map((i) => [i.change, i.before ?? i.after])).toEqual([
      ['same', 'Map services'],
      ['removed', 'Hold a fair'],
      ['added', 'Evaluate'],
      ['added', 'Publish results'],
    ]);
    expect(items[1].words).toEqual([{ op: 'removed', text: 'Hold a fair' }]);
    expect(items[2].words).toEqual([{ op: 'added', text: 'Evaluate' }]);
  });

  it('places a removed item after the item that preceded it', () => {
    expect(kinds(['A first', 'B second', 'C third'], ['A first', 'C third'])).toEqual([
      ['same', 'A first', 0, 0],
      ['removed', 'B second', 1, null],
      ['same', 'C third', 2, 1],
    ]);
    expect(kinds(['Gone', 'Kept'], ['Kept'])).toEqual([
      ['removed', 'Gone', 0, null],
      ['same', 'Kept', 1, 0],
    ]);
  });

  it('marks an item with the same text in another place as moved, the others the same', () => {
    expect(kinds(['Map', 'Train', 'Evaluate'], ['Evaluate', 'Map', 'Train'])).toEqual([
      ['moved', 'Evaluate', 2, 0],
      ['same', 'Map', 0, 1],
      ['same', 'Train', 1, 2],
    ]);
  });

  it('pairs repeated items copy by copy', () => {
    expect(kinds(['Meet', 'Meet'], ['Meet', 'Meet', 'Meet'])).toEqual([
      ['same', 'Meet', 0, 0],
      ['same', 'Meet', 1, 1],
      ['added', 'Meet', null, 2],
    ]);
  });

  it('adds every item to an empty list and removes every item from a list emptied', () => {
    expect(kinds([], ['a', 'b']).map((k) => k[0])).toEqual(['added', 'added']);
    expect(kinds(['a', 'b'], []).map((k) => k[0])).toEqual(['removed', 'removed']);
  });
});

describe('similarity', () => {
  it('is 1 for equal texts, 0 with no word in common, in between for a reworded text', () => {
    expect(similarity('Train advisers', 'Train advisers')).toBe(1);
    expect(similarity('Hold a fair', 'Evaluate')).toBe(0);
    const s = similarity('Train 12 advisers', 'Train 15 advisers');
    expect(s).toBeGreaterThan(0.5);
    expect(s).toBeLessThan(1);
  });
});

describe('diffLists of codes', () => {
  it('never marks a code changed: one replaced by another is removed and added', () => {
    expect(kinds(['a', 'b'], ['c', 'b'])).toContainEqual(['changed', 'a', 0, 0]);
    expect(diffLists(['a', 'b'], ['c', 'b'], { codes: true }).map((i) => [i.change, i.before ?? i.after])).toEqual([
      ['removed', 'a'],
      ['added', 'c'],
      ['same', 'b'],
    ]);
  });
});
