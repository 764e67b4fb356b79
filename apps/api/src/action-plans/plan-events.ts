import { OptimisticLockError } from '@mikro-orm/core';
import type { ActionPlan, Milestone, PlanReview, PlanRevision, ProgressEntry } from '@citymentor/domain';
import { acceptsProgress, staleVersion } from '@citymentor/domain';
import type { AnyEvent } from '../events/event-log';
import { inPlanRooms } from '../events/rooms';
import type { PairScopeRow, PlanScopeRow } from '../pairs/pair-scopes';

/** The events of a plan's life, each in the plan's room and its pair's room (see `inPlanRooms`). */
const where = (scope: Pick<PairScopeRow, 'programmeId' | 'pairId'>, planId: string) => ({
  programmeId: scope.programmeId,
  pairId: scope.pairId,
  planId,
});

const planPayload = (scope: PairScopeRow, plan: ActionPlan) => ({
  ...where(scope, plan.id),
  title: plan.title,
  state: plan.state,
  version: plan.version,
});

export const planUpdated = (scope: PairScopeRow, plan: ActionPlan, actorId: string): AnyEvent[] =>
  inPlanRooms('plan.updated', planPayload(scope, plan), actorId);

export const planSubmitted = (
  scope: PairScopeRow,
  plan: ActionPlan,
  revision: PlanRevision,
  actorId: string,
): AnyEvent[] => inPlanRooms('plan.submitted', { ...planPayload(scope, plan), revision: revision.number }, actorId);

export const planWithdrawn = (scope: PairScopeRow, plan: ActionPlan, actorId: string): AnyEvent[] =>
  inPlanRooms('plan.withdrawn', { ...planPayload(scope, plan), revision: plan.revisionCount }, actorId);

export const planReviewed = (scope: PairScopeRow, plan: ActionPlan, review: PlanReview, actorId: string): AnyEvent[] =>
  inPlanRooms(
    'plan.reviewed',
    { ...planPayload(scope, plan), revision: review.revision, verdict: review.verdict, summary: review.summary },
    actorId,
  );

/** `scope.planState` is the plan's state the change was allowed in (checked again, locked, in its transaction). */
const milestonePayload = (scope: PlanScopeRow, planId: string, m: Milestone) => ({
  ...where(scope, planId),
  milestoneId: m.id,
  title: m.title,
  dueDate: m.dueDate,
  owner: m.owner,
  status: m.status,
  version: m.version,
  afterApproval: acceptsProgress(scope.planState),
});

export const milestoneCreated = (scope: PlanScopeRow, planId: string, m: Milestone, actorId: string): AnyEvent[] =>
  inPlanRooms('milestone.created', milestonePayload(scope, planId, m), actorId);

export const milestoneUpdated = (scope: PlanScopeRow, planId: string, m: Milestone, actorId: string): AnyEvent[] =>
  inPlanRooms('milestone.updated', milestonePayload(scope, planId, m), actorId);

export const progressLogged = (scope: PairScopeRow, planId: string, e: ProgressEntry, actorId: string): AnyEvent[] =>
  inPlanRooms(
    'progress.logged',
    {
      ...where(scope, planId),
      milestoneId: e.milestone.id,
      progressId: e.id,
      percent: e.percent,
      status: e.status,
      note: e.note,
    },
    actorId,
  );

/**
 * Runs a versioned write; when a concurrent writer won the race at flush time (the optimistic
 * lock), answers like a stale version does: 409 STALE_VERSION with details.currentVersion.
 */
export async function staleAware<T>(
  write: () => Promise<T>,
  currentVersion: () => Promise<number | undefined>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof OptimisticLockError)) throw error;
    const version = await currentVersion();
    throw version === undefined ? error : staleVersion(version);
  }
}
