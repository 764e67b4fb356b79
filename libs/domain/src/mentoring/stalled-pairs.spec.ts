import { stallKey, stallSignals, type PairActivity } from './stalled-pairs';

const now = new Date('2026-03-31T12:00:00Z');
const daysAgo = (days: number, hours = 0) => new Date(now.getTime() - days * 86_400_000 - hours * 3_600_000);
const thresholds = { stalledAfterDays: 21, respondWithinDays: 7 };
const pair = (pairId: string, activity: Partial<PairActivity> = {}): PairActivity => ({
  pairId,
  lastActivityAt: daysAgo(1),
  submittedPlans: [],
  openThreads: [],
  ...activity,
});

describe('stallSignals', () => {
  it('says nothing of a pair where things happen and nobody waits', () => {
    expect(stallSignals([pair('a')], thresholds, now)).toEqual([]);
  });

  it('flags a pair with no activity for the threshold in whole days, not a day before', () => {
    const [signal, ...rest] = stallSignals(
      [pair('a', { lastActivityAt: daysAgo(21) }), pair('b', { lastActivityAt: daysAgo(20, 23) })],
      thresholds,
      now,
    );
    expect(rest).toEqual([]);
    expect(signal).toEqual({ kind: 'no-activity', pairId: 'a', since: daysAgo(21), days: 21, awaiting: 'both' });
  });

  it('flags a submitted plan waiting for its review, awaiting the mentor', () => {
    const submitted = [
      { planId: 'p1', planTitle: 'Welcome desk', submittedAt: daysAgo(9) },
      { planId: 'p2', planTitle: 'Language classes', submittedAt: daysAgo(6) },
    ];
    expect(stallSignals([pair('a', { submittedPlans: submitted })], thresholds, now)).toEqual([
      {
        kind: 'plan-not-reviewed',
        pairId: 'a',
        planId: 'p1',
        planTitle: 'Welcome desk',
        since: daysAgo(9),
        days: 9,
        awaiting: 'mentor',
      },
    ]);
  });

  it('flags a thread whose last word waits for the other side', () => {
    const threads = [
      {
        threadId: 't1',
        planId: 'p1',
        planTitle: 'Welcome desk',
        lastCommentAt: daysAgo(8),
        lastAuthorSide: 'mentee' as const,
      },
      {
        threadId: 't2',
        planId: 'p1',
        planTitle: 'Welcome desk',
        lastCommentAt: daysAgo(12),
        lastAuthorSide: 'mentor' as const,
      },
      {
        threadId: 't3',
        planId: 'p1',
        planTitle: 'Welcome desk',
        lastCommentAt: daysAgo(2),
        lastAuthorSide: 'mentor' as const,
      },
    ];
    const signals = stallSignals([pair('a', { openThreads: threads })], thresholds, now);
    expect(signals.map((s) => [s.kind === 'thread-unanswered' && s.threadId, s.awaiting, s.days])).toEqual([
      ['t2', 'mentee', 12],
      ['t1', 'mentor', 8],
    ]);
  });

  it('lists the longest waits first across pairs', () => {
    const signals = stallSignals(
      [
        pair('a', { lastActivityAt: daysAgo(30) }),
        pair('b', {
          lastActivityAt: daysAgo(40),
          submittedPlans: [{ planId: 'p', planTitle: 'P', submittedAt: daysAgo(40) }],
        }),
      ],
      thresholds,
      now,
    );
    expect(signals.map((s) => [s.pairId, s.kind, s.days])).toEqual([
      ['b', 'no-activity', 40],
      ['b', 'plan-not-reviewed', 40],
      ['a', 'no-activity', 30],
    ]);
  });

  it('uses the programme’s own thresholds', () => {
    expect(
      stallSignals([pair('a', { lastActivityAt: daysAgo(5) })], { stalledAfterDays: 5, respondWithinDays: 2 }, now),
    ).toHaveLength(1);
  });
});

describe('stallKey', () => {
  it('stays the same while one wait lasts and changes when a new one begins', () => {
    const first = stallSignals([pair('a', { lastActivityAt: daysAgo(22) })], thresholds, now)[0];
    const dayLater = stallSignals(
      [pair('a', { lastActivityAt: daysAgo(22) })],
      thresholds,
      new Date(now.getTime() + 86_400_000),
    )[0];
    const newWait = stallSignals([pair('a', { lastActivityAt: daysAgo(21) })], thresholds, now)[0];
    expect(stallKey(first)).toBe(stallKey(dayLater));
    expect(stallKey(first)).not.toBe(stallKey(newWait));
    expect(stallKey(first)).toBe(`no-activity:a:${daysAgo(22).toISOString()}`);
  });
});
