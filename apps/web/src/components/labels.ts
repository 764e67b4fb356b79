/** Localised names of the contract's enums (plan states, work statuses, ratings, pair sides). */
import type { Schemas } from '../api/client';
import { t } from '../i18n';

export type PlanState = Schemas['PlanDto']['state'];
export type WorkStatus = Schemas['MilestoneDto']['status'];
export type PairSide = Schemas['PairDto']['mySide'];
export type Rating = Schemas['AssessmentAnswerDto']['rating'];
export type PlanAction = Schemas['PlanDto']['allowedActions'][number];

export const WORK_STATUSES: WorkStatus[] = ['planned', 'in-progress', 'done', 'blocked'];
export const RATINGS: Rating[] = [0, 1, 2, null];

export type PlanRequirement = Schemas['PlanDto']['missingForSubmit'][number];
const PLAN_STATES: PlanState[] = [
  'draft',
  'submitted',
  'changes-requested',
  'approved',
  'in-progress',
  'completed',
  'archived',
];
const PLAN_REQUIREMENTS: PlanRequirement[] = ['objective', 'milestone', 'milestone-owner'];

export const isPlanState = (value: string): value is PlanState => (PLAN_STATES as string[]).includes(value);
export const isRequirement = (value: unknown): value is PlanRequirement =>
  typeof value === 'string' && (PLAN_REQUIREMENTS as string[]).includes(value);

/** What a plan still needs before it can be submitted, as a person reads it. */
export function requirementLabel(requirement: PlanRequirement): string {
  return t(`plan.missing.${requirement}`);
}

export function planStateLabel(state: PlanState): string {
  return t(`planState.${state}`);
}

export function workStatusLabel(status: WorkStatus): string {
  return t(`status.${status}`);
}

export function sideLabel(side: PairSide): string {
  return t(`side.${side}`);
}

export function ratingLabel(rating: Rating): string {
  return rating === null ? t('rating.na') : t(`rating.${rating}`);
}

export type Tone = 'neutral' | 'good' | 'warn' | 'late';

export const PLAN_STATE_TONE: Record<PlanState, Tone> = {
  draft: 'neutral',
  submitted: 'warn',
  'changes-requested': 'late',
  approved: 'good',
  'in-progress': 'neutral',
  completed: 'good',
  archived: 'neutral',
};

export const WORK_STATUS_TONE: Record<WorkStatus, Tone> = {
  planned: 'neutral',
  'in-progress': 'neutral',
  done: 'good',
  blocked: 'warn',
};

/** Initials for an avatar: "Mikko Mentor" → "MM". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0][0], parts[parts.length - 1][0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join('').toUpperCase() || '?';
}
