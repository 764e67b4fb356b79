import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PairSide, PlanAction, PlanState } from '@citymentor/contracts';
import {
  acceptsProgress,
  allowedActions,
  assertGapsOfPlan,
  conflict,
  DomainError,
  forbidden,
  isEditable,
} from '@citymentor/domain';
import { lockedCheck } from '../events/still-holds';
import type { Actor } from '../auth/actor';
import type { PairScopeRow, PlanScopeRow } from '../pairs/pair-scopes';
import { PairPolicy, sideMay, type PairAction } from '../pairs/pair.policy';
import { PLAN_STATE_AND_GAPS_LOCKED, PLAN_STATE_LOCKED } from './plan-locks.queries';

/**
 * Which workflow steps each side of a pair takes: the mentee submits (and withdraws a submission not
 * reviewed yet), starts, completes and archives its plan; the mentor approves or sends it back; a coordinator may archive it.
 * Experts and admins read only. `PairPolicy` says who is on which side.
 */
export const WORKFLOW_BY_SIDE: Record<PairSide, readonly PlanAction[]> = {
  mentee: ['submit', 'withdraw', 'start', 'complete', 'archive'],
  mentor: ['approve', 'request-changes'],
  coordinator: ['archive'],
  expert: [],
  admin: [],
};

/** What the pair policy must allow for a workflow step: approving and sending back is 'review', archiving needs 'read', the mentee's steps 'edit-plan'. */
const POLICY_FOR = (action: PlanAction): PairAction =>
  action === 'approve' || action === 'request-changes' ? 'review' : action === 'archive' ? 'read' : 'edit-plan';

/** Whether a side takes this workflow step at all (whatever the plan's state): the pair policy and the side's steps. */
const sideTakes = (side: PairSide, action: PlanAction) =>
  sideMay(side, POLICY_FOR(action)) && WORKFLOW_BY_SIDE[side].includes(action);

/**
 * What the actor can do with the plan now: the state machine ∩ their side (only archiving once the pair has ended,
 * nothing in a closed programme).
 */
export function allowedActionsFor(side: PairSide, state: PlanState, pairActive = true, open = true): PlanAction[] {
  if (!open) return [];
  return allowedActions(state).filter((a) => sideTakes(side, a) && (pairActive || a === 'archive'));
}

/** Plan changes the mentee makes outside the workflow, and the plan states that allow them. */
export type PlanChange = 'edit-plan' | 'add-milestone' | 'edit-milestone' | 'change-milestone-status' | 'log-progress';

const STATES_FOR: Record<PlanChange, (state: PlanState) => boolean> = {
  'edit-plan': isEditable,
  'edit-milestone': isEditable,
  'add-milestone': (s) => isEditable(s) || acceptsProgress(s),
  'change-milestone-status': (s) => isEditable(s) || acceptsProgress(s),
  'log-progress': acceptsProgress,
};

const WORDS: Record<PlanChange, string> = {
  'edit-plan': 'edited',
  'add-milestone': 'given new milestones',
  'edit-milestone': 'have its milestones rewritten',
  'change-milestone-status': 'have milestone statuses changed',
  'log-progress': 'have progress logged',
};

export const PLAN_CHANGE_STATES: Record<PlanChange, PlanState[]> = Object.fromEntries(
  (Object.keys(STATES_FOR) as PlanChange[]).map((c) => [
    c,
    (
      ['draft', 'submitted', 'changes-requested', 'approved', 'in-progress', 'completed', 'archived'] as PlanState[]
    ).filter(STATES_FOR[c]),
  ]),
) as Record<PlanChange, PlanState[]>;

/** 409 TRANSITION_NOT_ALLOWED when the plan's state does not allow the change, naming the states that do. */
export function assertPlanAllows(change: PlanChange, state: PlanState) {
  if (STATES_FOR[change](state)) return;
  const allowedStates = PLAN_CHANGE_STATES[change];
  throw new DomainError(
    'TRANSITION_NOT_ALLOWED',
    `A plan that is ${state} cannot be ${WORDS[change]}; only a plan that is ${allowedStates.join(', ')} can`,
    {
      state,
      action: change,
      allowed: allowedActions(state),
      allowedStates,
    },
  );
}

/**
 * `assertPlanAllows` once more inside the change's transaction (EventLog.flushWith's `stillHolds`), on
 * the plan's row as committed now and locked until commit: a submit, review or archive racing the change
 * either waits for it (and the revision includes it) or commits first (and the change gets 409).
 * With `milestoneGaps` (a milestone names gaps it addresses), they must be gaps of the plan as it is
 * then (400 naming gapQuestionCodes): an edit of the plan's gaps cannot slip in between.
 */
export function planStillAllows(
  em: EntityManager,
  change: PlanChange,
  planId: string,
  milestoneGaps?: readonly string[],
): () => Promise<void> {
  if (!milestoneGaps) return lockedCheck(em, PLAN_STATE_LOCKED, planId, (row) => assertPlanAllows(change, row.state));
  return lockedCheck(em, PLAN_STATE_AND_GAPS_LOCKED, planId, (row) => {
    assertPlanAllows(change, row.state);
    assertGapsOfPlan(milestoneGaps, row.gapQuestionCodes);
  });
}

/**
 * Whether a side suggests changes to the plan's text in its review threads: the mentor side, which reviews,
 * while the text may still change (drafted, under review, sent back; not once approved) and the pair goes on.
 */
export const suggestsChanges = (side: PairSide, state: PlanState, pairActive: boolean) =>
  side === 'mentor' && sideMay(side, 'comment') && pairActive && (isEditable(state) || state === 'submitted');

/** What the reader may do with a plan now, as `PlanDto.can` says it: the same rules `PlanPolicy` and the comments enforce. */
export interface PlanPermissions {
  edit: boolean;
  submit: boolean;
  withdraw: boolean;
  review: boolean;
  start: boolean;
  complete: boolean;
  archive: boolean;
  comment: boolean;
  suggest: boolean;
  addMilestone: boolean;
  editMilestone: boolean;
  changeMilestoneStatus: boolean;
  logProgress: boolean;
}

/**
 * `PlanPolicy.edit` + `assertPlanAllows`, `PlanPolicy.workflow` + the state machine, and the policy's 'comment', as
 * booleans; all false in a closed programme (`open` false).
 */
export function planPermissions(side: PairSide, state: PlanState, pairActive: boolean, open = true): PlanPermissions {
  const steps = allowedActionsFor(side, state, pairActive, open);
  const change = (c: PlanChange) => open && sideMay(side, 'edit-plan') && pairActive && STATES_FOR[c](state);
  return {
    edit: change('edit-plan'),
    submit: steps.includes('submit'),
    withdraw: steps.includes('withdraw'),
    review: steps.includes('approve') || steps.includes('request-changes'),
    start: steps.includes('start'),
    complete: steps.includes('complete'),
    archive: steps.includes('archive'),
    comment: open && sideMay(side, 'comment'),
    suggest: open && suggestsChanges(side, state, pairActive),
    addMilestone: change('add-milestone'),
    editMilestone: change('edit-milestone'),
    changeMilestoneStatus: change('change-milestone-status'),
    logProgress: change('log-progress'),
  };
}

/** A thing of the pair, found and allowed: its scope row and the actor's side. */
export interface Access<S extends PairScopeRow> {
  scope: S;
  side: PairSide;
}

/**
 * Who may do what with a pair's plans, milestones and progress: the pair policy's side, the steps each
 * side takes (`WORKFLOW_BY_SIDE`) and the plan states each change needs (`assertPlanAllows`), asked in
 * the order the contract wants: 404 when not visible, 403 when not allowed, then 409 for an ended pair.
 * `planPermissions` says the same rules as `PlanDto.can`. Every plan service asks this one place.
 */
@Injectable()
export class PlanPolicy {
  constructor(private readonly pairs: PairPolicy) {}

  /** Reading anything of the pair. */
  read<S extends PairScopeRow>(actor: Actor, scope: S | null, what: string): Access<S> {
    if (!scope) throw new DomainError('NOT_FOUND', `${what} not found`);
    return { scope, side: this.pairs.assert(actor, 'read', scope, what) };
  }

  /** A reader's own mark on the pair's work (a diff's Viewed marks): 'read' is enough, but it writes (409 once closed). */
  mark<S extends PairScopeRow>(actor: Actor, scope: S | null, what: string): Access<S> {
    if (!scope) throw new DomainError('NOT_FOUND', `${what} not found`);
    return { scope, side: this.pairs.assert(actor, 'read', scope, what, true) };
  }

  /** The mentee's writing: plans, milestones and progress, while the pair is active. */
  edit<S extends PairScopeRow>(actor: Actor, scope: S | null, what: string): Access<S> {
    if (!scope) throw new DomainError('NOT_FOUND', `${what} not found`);
    const side = this.pairs.assert(actor, 'edit-plan', scope, what);
    assertPairActive(scope);
    return { scope, side };
  }

  /** A workflow step; archiving is allowed after the pair has ended, nothing else is. */
  workflow(actor: Actor, scope: PlanScopeRow | null, action: PlanAction): Access<PlanScopeRow> {
    if (!scope) throw new DomainError('NOT_FOUND', 'Action plan not found');
    const side = this.pairs.assert(actor, POLICY_FOR(action), scope, 'Action plan', true);
    if (!sideTakes(side, action)) throw forbidden(`The ${side} side may not ${action.replace('-', ' ')} this plan`);
    if (action !== 'archive') assertPairActive(scope);
    return { scope, side };
  }
}

export function assertPairActive(scope: PairScopeRow) {
  if (scope.pairStatus !== 'active') throw conflict('This pair has ended; its plans can only be read or archived');
}
