import { ApiProperty } from '@nestjs/swagger';
import {
  ANCHOR_FIELDS,
  COMMENT_TARGETS,
  PAIR_SIDES,
  PLAN_ACTIONS,
  PLAN_REQUIREMENTS,
  PLAN_STATES,
  REVIEW_VERDICTS,
  WORK_STATUSES,
} from '@citymentor/contracts';
import type {
  AnchorField,
  CommentTargetType,
  PairSide,
  PlanAction,
  PlanRequirement,
  PlanState,
  ReviewVerdict,
  WorkStatus,
} from '@citymentor/contracts';

export class LatestProgressDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 }) percent: number;
  @ApiProperty({ enum: WORK_STATUSES, enumName: 'MilestoneStatus' }) status: WorkStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class MilestoneSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty() owner: string;
  @ApiProperty({ enum: WORK_STATUSES, enumName: 'MilestoneStatus' }) status: WorkStatus;
  @ApiProperty({ type: [String], description: "The plan's gaps (guide question codes) this milestone addresses" })
  gapQuestionCodes: string[];
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ description: 'Due date before today (UTC) and not done' }) late: boolean;
  @ApiProperty({ type: LatestProgressDto, nullable: true, description: 'The latest progress entry, if any' })
  latestProgress: LatestProgressDto | null;
  @ApiProperty({ type: 'integer', description: 'Comments on this milestone (not deleted)' }) commentCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** A thread the review opened: one the mentor side started on the plan between the previous review (or the first submission) and this one. */
export class ReviewThreadDto {
  @ApiProperty({ format: 'uuid', description: "The thread's first comment (link to it as #comment-{id})" }) id: string;
  @ApiProperty({ description: 'Its first words, mentions shown as @Name, at most 120 characters' }) excerpt: string;
  @ApiProperty({ enum: COMMENT_TARGETS, enumName: 'CommentTarget' }) targetType: CommentTargetType;
  @ApiProperty({ format: 'uuid', description: 'The plan, milestone or progress entry it is about' }) targetId: string;
  @ApiProperty({
    enum: ANCHOR_FIELDS,
    enumName: 'AnchorField',
    nullable: true,
    description: 'The field it is anchored on, if any (with `item` for one item of a list field)',
  })
  field: AnchorField | null;
  @ApiProperty({ type: 'integer', nullable: true, description: "The anchored item's index in a list field" })
  item: number | null;
  @ApiProperty({ description: 'Resolved since' }) resolved: boolean;
}

export class ReviewSummaryDto {
  @ApiProperty({ enum: REVIEW_VERDICTS, enumName: 'ReviewVerdict' }) verdict: ReviewVerdict;
  @ApiProperty() summary: string;
  @ApiProperty({ type: 'integer', description: 'The revision reviewed' }) revision: number;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ description: 'Approved while review threads were open' }) overrodeOpenThreads: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: [ReviewThreadDto],
    description:
      'The threads this review opened: those the mentor side started on the plan (not deleted) after the previous review, or the first submission, up to this review, oldest first',
  })
  threads: ReviewThreadDto[];
}

export class CommentCountDto {
  @ApiProperty({ enum: COMMENT_TARGETS, enumName: 'CommentTarget' }) targetType: CommentTargetType;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty({ type: 'integer', description: 'Comments on it that are not deleted' }) count: number;
}

/**
 * What you may do with the plan now, decided by the same rules the server enforces (the pair policy,
 * the plan's state, whether the pair is still active): a client offers exactly these.
 */
export class PlanPermissionsDto {
  @ApiProperty({ description: 'Edit the plan text (PATCH)' }) edit: boolean;
  @ApiProperty({ description: 'Submit for review; see missingForSubmit for what must be filled in first' })
  submit: boolean;
  @ApiProperty({ description: 'Withdraw the submission before it is reviewed' }) withdraw: boolean;
  @ApiProperty({ description: 'Approve or request changes' }) review: boolean;
  @ApiProperty({ description: 'Start implementing' }) start: boolean;
  @ApiProperty({ description: 'Mark as completed' }) complete: boolean;
  @ApiProperty() archive: boolean;
  @ApiProperty({ description: 'Start or answer comment threads on the plan, its milestones and progress' })
  comment: boolean;
  @ApiProperty({
    description:
      'Suggest new text for a field or list item in an anchored thread (the mentor side); the mentee applies it',
  })
  suggest: boolean;
  @ApiProperty() addMilestone: boolean;
  @ApiProperty({ description: "Rewrite a milestone's text, due date and owner" }) editMilestone: boolean;
  @ApiProperty({ description: "Change a milestone's status" }) changeMilestoneStatus: boolean;
  @ApiProperty() logProgress: boolean;
}

/** The plan page: the plan, what the reader may do with it, its milestones, comment counts and the latest review. */
export class PlanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) pairId: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() title: string;
  @ApiProperty() objective: string;
  @ApiProperty({ type: [String] }) sectionCodes: string[];
  @ApiProperty({ type: [String] }) gapQuestionCodes: string[];
  @ApiProperty({ type: [String] }) activities: string[];
  @ApiProperty({ type: [String] }) indicators: string[];
  @ApiProperty({ type: [String] }) stakeholders: string[];
  @ApiProperty() budget: string;
  @ApiProperty() owner: string;
  @ApiProperty({ enum: PLAN_STATES, enumName: 'PlanState' }) state: PlanState;
  @ApiProperty({ type: 'integer', description: 'Send it back with PATCH and versioned workflow steps' })
  version: number;
  @ApiProperty({ type: 'integer', description: 'How many times it has been submitted (the latest revision number)' })
  revisionCount: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The assessment the plan started from' })
  sourceAssessmentId: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ enum: PAIR_SIDES, enumName: 'PairSide', description: 'Your side of the pair' }) mySide: PairSide;
  @ApiProperty({
    enum: PLAN_ACTIONS,
    enumName: 'PlanAction',
    isArray: true,
    description: 'The workflow steps you can take now',
  })
  allowedActions: PlanAction[];
  @ApiProperty({ description: 'Whether you can edit the plan text now (can.edit)' }) editable: boolean;
  @ApiProperty({ type: PlanPermissionsDto, description: 'What you may do with the plan now' }) can: PlanPermissionsDto;
  @ApiProperty({
    enum: PLAN_REQUIREMENTS,
    enumName: 'PlanRequirement',
    isArray: true,
    description:
      'What the plan lacks before it can be submitted (empty when ready): an objective, a milestone, an owner on a milestone',
  })
  missingForSubmit: PlanRequirement[];
  @ApiProperty({ type: [String], description: "The plan's gaps no milestone addresses yet, in the plan's order" })
  uncoveredGapQuestionCodes: string[];
  @ApiProperty({ type: 'integer', description: 'Comments on the plan itself (not deleted)' }) commentCount: number;
  @ApiProperty({
    type: 'integer',
    description: 'Unresolved review threads anywhere in the plan; they hold back approval',
  })
  openThreadCount: number;
  @ApiProperty({
    type: [CommentCountDto],
    description: 'Comment counts of every target of the plan (plan, milestones, progress entries)',
  })
  commentCounts: CommentCountDto[];
  @ApiProperty({ type: ReviewSummaryDto, nullable: true }) latestReview: ReviewSummaryDto | null;
  @ApiProperty({ type: [MilestoneSummaryDto], description: 'By due date' }) milestones: MilestoneSummaryDto[];
}

export class PlanExampleDto {
  @ApiProperty() sectionCode: string;
  @ApiProperty({ example: 'Helsinki' }) city: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [String] }) links: string[];
  @ApiProperty({ type: String, nullable: true }) contact: string | null;
}

export class CreatedPlanDto extends PlanDto {
  @ApiProperty({ type: [PlanExampleDto], description: "The toolkit's city examples for the plan's sections" })
  examples: PlanExampleDto[];
}

export class MilestoneCountsDto {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) planned: number;
  @ApiProperty({ type: 'integer' }) inProgress: number;
  @ApiProperty({ type: 'integer' }) done: number;
  @ApiProperty({ type: 'integer' }) blocked: number;
  @ApiProperty({ type: 'integer', description: 'Due before today (UTC) and not done' }) late: number;
}

export class PlanSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) pairId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PLAN_STATES, enumName: 'PlanState' }) state: PlanState;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: 'integer' }) revisionCount: number;
  @ApiProperty({ type: [String] }) sectionCodes: string[];
  @ApiProperty({ type: MilestoneCountsDto }) milestoneCounts: MilestoneCountsDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
