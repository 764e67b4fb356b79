import type { PairParty } from '@citymentor/contracts';

/** What is known about one active pair to tell whether it has stalled. */
export interface PairActivity {
  pairId: string;
  /** The latest change in the pair (a comment, plan, milestone, progress or assessment event), or when the pair began. */
  lastActivityAt: Date;
  /** Plans waiting for the mentor's review, since their latest submission. */
  submittedPlans: { planId: string; planTitle: string; submittedAt: Date }[];
  /** Open threads with the side of whoever wrote last in them. */
  openThreads: {
    threadId: string;
    planId: string;
    planTitle: string;
    lastCommentAt: Date;
    lastAuthorSide: PairParty;
  }[];
}

/** Per programme: a pair with no activity for `stalledAfterDays` stalls; a review or a reply is due within `respondWithinDays`. */
export interface StallThresholds {
  stalledAfterDays: number;
  respondWithinDays: number;
}

export const DEFAULT_STALL_THRESHOLDS: StallThresholds = { stalledAfterDays: 21, respondWithinDays: 7 };

interface SignalBase {
  pairId: string;
  /** When the waiting began. */
  since: Date;
  /** Whole days waited so far. */
  days: number;
  /** Who is expected to act. */
  awaiting: PairParty | 'both';
}

export type StallSignal =
  | (SignalBase & { kind: 'no-activity' })
  | (SignalBase & { kind: 'plan-not-reviewed'; planId: string; planTitle: string })
  | (SignalBase & { kind: 'thread-unanswered'; planId: string; planTitle: string; threadId: string });

const DAY_MS = 86_400_000;
const daysBetween = (since: Date, now: Date) => Math.floor((now.getTime() - since.getTime()) / DAY_MS);
const otherSide = (side: PairParty): PairParty => (side === 'mentee' ? 'mentor' : 'mentee');

/**
 * The reasons a coordinator should look at a pair: nothing happened for `stalledAfterDays`, a
 * submitted plan has waited `respondWithinDays` for its review, or a thread's last word has waited
 * as long for the other side's answer. Longest wait first.
 */
export function stallSignals(pairs: PairActivity[], thresholds: StallThresholds, now: Date): StallSignal[] {
  const signals: StallSignal[] = [];
  for (const pair of pairs) {
    const idle = daysBetween(pair.lastActivityAt, now);
    if (idle >= thresholds.stalledAfterDays) {
      signals.push({
        kind: 'no-activity',
        pairId: pair.pairId,
        since: pair.lastActivityAt,
        days: idle,
        awaiting: 'both',
      });
    }
    for (const plan of pair.submittedPlans) {
      const days = daysBetween(plan.submittedAt, now);
      if (days >= thresholds.respondWithinDays) {
        signals.push({
          kind: 'plan-not-reviewed',
          pairId: pair.pairId,
          planId: plan.planId,
          planTitle: plan.planTitle,
          since: plan.submittedAt,
          days,
          awaiting: 'mentor',
        });
      }
    }
    for (const thread of pair.openThreads) {
      const days = daysBetween(thread.lastCommentAt, now);
      if (days >= thresholds.respondWithinDays) {
        signals.push({
          kind: 'thread-unanswered',
          pairId: pair.pairId,
          planId: thread.planId,
          planTitle: thread.planTitle,
          threadId: thread.threadId,
          since: thread.lastCommentAt,
          days,
          awaiting: otherSide(thread.lastAuthorSide),
        });
      }
    }
  }
  return signals.sort((a, b) => b.days - a.days || a.pairId.localeCompare(b.pairId) || a.kind.localeCompare(b.kind));
}

/** One key per stall: the same wait keeps its key day after day; a new wait (activity, then silence again) gets a new one. */
export function stallKey(signal: StallSignal): string {
  const subject =
    signal.kind === 'no-activity'
      ? signal.pairId
      : signal.kind === 'plan-not-reviewed'
        ? signal.planId
        : signal.threadId;
  return `${signal.kind}:${subject}:${signal.since.toISOString()}`;
}
