import type { PlanRequirement } from '@citymentor/contracts';
import { DomainError } from '../shared/domain-error';

/** What the rule looks at: the plan's objective and its milestones' due dates and owners. */
export interface SubmissionDraft {
  objective: string;
  milestones: readonly { dueDate: string | null; owner: string }[];
}

const blank = (text: string | null | undefined) => !text || text.trim() === '';

/**
 * What a plan still lacks before it can be submitted for review: the mentor reviews a plan that says
 * what it wants (an objective) and how (at least one milestone with a due date and an owner).
 * Empty when it is ready.
 */
export function missingForSubmit(plan: SubmissionDraft): PlanRequirement[] {
  const missing: PlanRequirement[] = [];
  if (blank(plan.objective)) missing.push('objective');
  if (plan.milestones.length === 0) missing.push('milestone');
  else if (!plan.milestones.some((m) => !blank(m.dueDate) && !blank(m.owner))) missing.push('milestone-owner');
  return missing;
}

/** Each requirement in words, as the 422's message names them. */
export const REQUIREMENT_WORDS: Record<PlanRequirement, string> = {
  objective: 'an objective',
  milestone: 'at least one milestone with a due date and an owner',
  'milestone-owner': 'an owner on at least one of its milestones',
};

/** 422 PLAN_INCOMPLETE naming what is missing, in words (message) and as a list (`details.missing`). */
export function assertReadyToSubmit(plan: SubmissionDraft): void {
  const missing = missingForSubmit(plan);
  if (missing.length === 0) return;
  const words = missing.map((m) => REQUIREMENT_WORDS[m]);
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  throw new DomainError('PLAN_INCOMPLETE', `This plan cannot be submitted yet: it needs ${list}`, { missing });
}
