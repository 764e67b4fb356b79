import { excerpt, groupItems, workItem } from './work-items';

const programme = { id: 'p', name: 'Programme' };
const now = new Date('2026-11-30T12:00:00Z');
const daysAgo = (n: number) => now.getTime() - n * 86_400_000;

describe('work items', () => {
  it('counts whole days waited from when the wait began, and fills what does not apply with null', () => {
    const item = workItem('plan-awaiting-review', 'plan-1', '/programmes/p/plans/plan-1', programme, now, {
      plan: { id: 'plan-1', title: 'Plan' },
      sinceMs: daysAgo(3.9),
    });
    expect(item).toEqual({
      kind: 'plan-awaiting-review',
      key: 'plan-awaiting-review:plan-1',
      link: '/programmes/p/plans/plan-1',
      programme,
      pair: null,
      plan: { id: 'plan-1', title: 'Plan' },
      milestone: null,
      comment: null,
      assessment: null,
      since: new Date(daysAgo(3.9)).toISOString(),
      waitingDays: 3,
      dueInDays: null,
      reason: null,
    });
    expect(workItem('milestone-late', 'm', '/x', programme, now, { dueInDays: -2 })).toMatchObject({
      since: null,
      waitingDays: null,
      dueInDays: -2,
    });
  });

  it('groups by kind in the fixed order, longest wait or nearest due date first, each item once', () => {
    const wait = (id: string, days: number) =>
      workItem('thread-awaiting-reply', id, '/x', programme, now, { sinceMs: daysAgo(days) });
    const due = (id: string, dueInDays: number) => workItem('milestone-late', id, '/x', programme, now, { dueInDays });
    const groups = groupItems([wait('a', 1), due('m1', -3), wait('b', 9), due('m2', -30), wait('a', 1)]);
    expect(groups.map((g) => [g.kind, g.items.map((i) => i.key)])).toEqual([
      ['thread-awaiting-reply', ['thread-awaiting-reply:b', 'thread-awaiting-reply:a']],
      ['milestone-late', ['milestone-late:m2', 'milestone-late:m1']],
    ]);
    expect(groupItems([])).toEqual([]);
  });

  it('makes a one-line excerpt of a comment, mentions as names', () => {
    expect(excerpt('@[Anna Expert](0b7c2f0e-1b7f-4c55-9a53-3f1c2d9e8a10) how did\n\nVienna do this?')).toBe(
      '@Anna Expert how did Vienna do this?',
    );
    const long = excerpt('word '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(140);
    expect(long.endsWith('…')).toBe(true);
  });
});
