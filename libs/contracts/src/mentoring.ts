export const PAIR_STATUSES = ['active', 'ended'] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];

/** Which side of a mentoring pair someone is on, or how else they see it. */
export const PAIR_SIDES = ['mentor', 'mentee', 'expert', 'coordinator', 'admin'] as const;
export type PairSide = (typeof PAIR_SIDES)[number];

export const ASSESSMENT_PHASES = ['baseline', 'follow-up'] as const;
export type AssessmentPhase = (typeof ASSESSMENT_PHASES)[number];

export const ASSESSMENT_STATUSES = ['draft', 'submitted'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** 0 not in place, 1 partly, 2 in place; null = not applicable. */
export type Rating = 0 | 1 | 2 | null;

export const PLAN_STATES = [
  'draft',
  'submitted',
  'changes-requested',
  'approved',
  'in-progress',
  'completed',
  'archived',
] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const PLAN_ACTIONS = [
  'submit',
  'withdraw',
  'approve',
  'request-changes',
  'start',
  'complete',
  'archive',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/**
 * What a plan still lacks before it can be submitted (the `missing` list of a 422 PLAN_INCOMPLETE and
 * of `PlanDto.missingForSubmit`): an objective; a milestone at all; an owner on one of its milestones
 * (every milestone has a due date). Submitting needs an objective and a milestone with a due date and an owner.
 */
export const PLAN_REQUIREMENTS = ['objective', 'milestone', 'milestone-owner'] as const;
export type PlanRequirement = (typeof PLAN_REQUIREMENTS)[number];

export const REVIEW_VERDICTS = ['approve', 'request-changes'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export const COMMENT_TARGETS = ['plan', 'milestone', 'progress'] as const;
export type CommentTargetType = (typeof COMMENT_TARGETS)[number];

/** The plan's one-line or free-text fields a review thread can be anchored on. */
export const PLAN_TEXT_ANCHORS = ['title', 'objective', 'budget', 'owner'] as const;
/** The plan's lists: a thread anchored on one is anchored on one item (its index). */
export const PLAN_LIST_ANCHORS = ['activities', 'indicators', 'stakeholders'] as const;
/** The fields of a milestone a review thread can be anchored on. */
export const MILESTONE_ANCHORS = ['title', 'description', 'dueDate', 'owner', 'status'] as const;
export const ANCHOR_FIELDS = [...PLAN_TEXT_ANCHORS, ...PLAN_LIST_ANCHORS, 'description', 'dueDate', 'status'] as const;
export type AnchorField = (typeof ANCHOR_FIELDS)[number];

/** A suggested change waits for the mentee, who applies it (the field takes its text) or dismisses it with a reply. */
export const SUGGESTION_STATES = ['pending', 'applied', 'dismissed'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

/** The two parties of a pair: the mentee city, and the mentor city with the experts and coordinators beside it. */
export type PairParty = 'mentor' | 'mentee';

/** Why a pair shows as stalled: nothing happened, a submitted plan waits for review, a thread waits for an answer. */
export const STALL_KINDS = ['no-activity', 'plan-not-reviewed', 'thread-unanswered'] as const;
export type StallKind = (typeof STALL_KINDS)[number];
