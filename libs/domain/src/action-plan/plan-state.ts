import type { PlanAction, PlanState } from '@citymentor/contracts';
import { DomainError } from '../shared/domain-error';

/** The review workflow of an action plan: a table of allowed transitions, nothing else. */
const TRANSITIONS: Record<PlanState, Partial<Record<PlanAction, PlanState>>> = {
  draft: { submit: 'submitted', archive: 'archived' },
  // Withdrawn, a plan goes back to where the mentee left it (see withdrawnState): 'draft' here.
  submitted: { withdraw: 'draft', approve: 'approved', 'request-changes': 'changes-requested', archive: 'archived' },
  'changes-requested': { submit: 'submitted', archive: 'archived' },
  approved: { start: 'in-progress', archive: 'archived' },
  'in-progress': { complete: 'completed', archive: 'archived' },
  completed: { archive: 'archived' },
  archived: {},
};

export const allowedActions = (state: PlanState): PlanAction[] => Object.keys(TRANSITIONS[state]) as PlanAction[];

/**
 * The state `action` leads to from `state`; a 409 naming the allowed actions when it is not allowed.
 * `reviewedBefore` (a mentor has reviewed an earlier revision) matters to a withdrawal only.
 */
export function nextState(state: PlanState, action: PlanAction, { reviewedBefore = false } = {}): PlanState {
  const next = TRANSITIONS[state][action];
  if (!next) {
    const allowed = allowedActions(state);
    throw new DomainError(
      'TRANSITION_NOT_ALLOWED',
      `A plan that is ${state} cannot be ${PAST[action]}; allowed: ${allowed.length ? allowed.join(', ') : 'nothing (archived)'}`,
      { state, action, allowed },
    );
  }
  return action === 'withdraw' ? withdrawnState(reviewedBefore) : next;
}

/**
 * Where a withdrawn submission goes: back to "changes requested" when the mentor had sent an earlier
 * revision back (their review still stands and is still answered), to a draft when nobody reviewed it yet.
 */
export const withdrawnState = (reviewedBefore: boolean): PlanState => (reviewedBefore ? 'changes-requested' : 'draft');

/** The mentee edits the plan's text and milestones while drafting or answering a review. */
export const isEditable = (state: PlanState) => state === 'draft' || state === 'changes-requested';

/** Milestones keep moving (status, progress) once the plan is approved and under way. */
export const acceptsProgress = (state: PlanState) => state === 'approved' || state === 'in-progress';

const PAST: Record<PlanAction, string> = {
  submit: 'submitted',
  withdraw: 'withdrawn',
  approve: 'approved',
  'request-changes': 'sent back for changes',
  start: 'started',
  complete: 'completed',
  archive: 'archived',
};
