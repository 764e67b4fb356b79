import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { REVIEW_VERDICTS, WORK_STATUSES, type ReviewVerdict } from '@citymentor/contracts';
import { DIFF_FIELD_KEY } from '@citymentor/domain';
import { Optional } from '../../http/validators';

const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;

export class DiffQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    description:
      'Revision number; defaults to the revision you last reviewed before `to`, else the one last reviewed before it',
  })
  @Optional()
  @Transform(toInteger)
  @IsInt({ message: 'from must be a revision number (an integer)' })
  @Min(1)
  @Max(1_000_000)
  from?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Revision number; defaults to the latest' })
  @Optional()
  @Transform(toInteger)
  @IsInt({ message: 'to must be a revision number (an integer)' })
  @Min(1)
  @Max(1_000_000)
  to?: number;
}

export class RevisionReviewDto {
  @ApiProperty({ enum: REVIEW_VERDICTS, enumName: 'ReviewVerdict' }) verdict: ReviewVerdict;
  @ApiProperty() summary: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class RevisionSummaryDto {
  @ApiProperty({ type: 'integer' }) number: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'uuid' }) submittedById: string;
  @ApiProperty() submittedByName: string;
  @ApiProperty({
    type: RevisionReviewDto,
    nullable: true,
    description: 'The verdict on this revision, if it has been reviewed',
  })
  review: RevisionReviewDto | null;
}

export class MilestoneSnapshotDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty() owner: string;
  @ApiProperty({ enum: WORK_STATUSES, enumName: 'MilestoneStatus' }) status: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'The gaps it addresses; missing in revisions recorded before milestones named gaps (none)',
  })
  gapQuestionCodes?: string[];
}

export class PlanSnapshotDto {
  @ApiProperty() title: string;
  @ApiProperty() objective: string;
  @ApiProperty({ type: [String] }) sectionCodes: string[];
  @ApiProperty({ type: [String] }) gapQuestionCodes: string[];
  @ApiProperty({ type: [String] }) activities: string[];
  @ApiProperty({ type: [String] }) indicators: string[];
  @ApiProperty({ type: [String] }) stakeholders: string[];
  @ApiProperty() budget: string;
  @ApiProperty() owner: string;
  @ApiProperty({ type: [MilestoneSnapshotDto] }) milestones: MilestoneSnapshotDto[];
}

export class RevisionDto extends RevisionSummaryDto {
  @ApiProperty({ type: PlanSnapshotDto, description: 'The plan and its milestones as submitted' })
  snapshot: PlanSnapshotDto;
}

/** A text field's value, a list field's values, or null (OpenAPI 3.0: nullable goes beside a type). */
const fieldValue = {
  oneOf: [
    { type: 'string', nullable: true },
    { type: 'array', items: { type: 'string' } },
  ],
};

export class WordPartDto {
  @ApiProperty({
    enum: ['same', 'added', 'removed'],
    enumName: 'WordOp',
    description: 'same on both sides, inserted (only in the new text) or deleted (only in the old)',
  })
  op: 'same' | 'added' | 'removed';
  @ApiProperty({ description: 'The run of words, with its spaces and punctuation' }) text: string;
}

export class ItemChangeDto {
  @ApiProperty({
    enum: ['same', 'moved', 'changed', 'added', 'removed'],
    enumName: 'ItemChangeKind',
    description:
      'Same text on both sides (`same`, or `moved` when out of order), reworded (`changed`), or only on one side. Items pair by equal text, then by similarity (half their characters shared), then by place when the list kept its length and an item was rewritten in place; codes (sections, gaps) only by equal text',
  })
  change: 'same' | 'moved' | 'changed' | 'added' | 'removed';
  @ApiProperty({ type: 'string', nullable: true, description: 'Its text in the old list; null when added' })
  before: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Its text in the new list; null when removed' })
  after: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Its place in the old list (from 0); null when added' })
  beforeIndex: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Its place in the new list (from 0); null when removed',
  })
  afterIndex: number | null;
  @ApiProperty({ type: [WordPartDto], description: 'How its text changed, word by word' })
  words: WordPartDto[];
}

export class FieldChangeDto {
  @ApiProperty({ description: 'The field: title, objective, activities, …; dueDate, status, … in a milestone' })
  field: string;
  @ApiProperty({
    enum: ['text', 'list', 'value'],
    enumName: 'FieldKind',
    description:
      '`text`: compared word by word (`words`); `list`: item by item (`items`); `value` (a due date, a status): as a whole, raw, for the client to show in its language',
  })
  kind: 'text' | 'list' | 'value';
  @ApiProperty({ ...fieldValue, description: 'The whole value before; null when the milestone is new' })
  before: string | string[] | null;
  @ApiProperty({ ...fieldValue, description: 'The whole value after; null when the milestone was removed' })
  after: string | string[] | null;
  @ApiProperty({ type: [WordPartDto], description: 'The words deleted and inserted (text fields; empty otherwise)' })
  words: WordPartDto[];
  @ApiProperty({
    type: [ItemChangeDto],
    description: 'Every item and what became of it (list fields; empty otherwise)',
  })
  items: ItemChangeDto[];
}

export class MilestoneChangeDto {
  @ApiProperty({ format: 'uuid' }) milestoneId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'], enumName: 'ChangeKind' }) change:
    'added' | 'removed' | 'changed';
  @ApiProperty({ type: [FieldChangeDto] }) fields: FieldChangeDto[];
}

/** What the mentee changed after the mentor approved the plan: the approved revision against the plan as it is now. */
export class ChangesSinceApprovalDto {
  @ApiProperty({ type: 'integer', description: 'The revision the mentor approved' }) approvedRevision: number;
  @ApiProperty({ format: 'date-time' }) approvedAt: string;
  @ApiProperty() approvedByName: string;
  @ApiProperty({ type: [FieldChangeDto], description: "The plan's fields that differ from the approved revision" })
  fields: FieldChangeDto[];
  @ApiProperty({
    type: [MilestoneChangeDto],
    description: 'Milestones added, removed or changed since; their status is left out (it moves with the work)',
  })
  milestones: MilestoneChangeDto[];
}

export class YourReviewDto {
  @ApiProperty({ type: 'integer', description: 'The revision you reviewed' }) revision: number;
  @ApiProperty({ format: 'date-time', description: 'When you gave the verdict' }) reviewedAt: string;
}

export class PlanDiffDto {
  @ApiProperty({
    type: 'integer',

    nullable: true,
    description: 'null when no earlier revision was reviewed: everything counts as new',
  })
  from: number | null;
  @ApiProperty({ type: 'integer' }) to: number;
  @ApiProperty({
    type: YourReviewDto,
    nullable: true,
    description:
      "The caller's latest review of a revision before `to` (null when they reviewed none); `from` defaults to its revision",
  })
  yourReview: YourReviewDto | null;
  @ApiProperty({
    type: [String],
    description:
      'The changed fields you marked viewed for revision `to` (`field:objective`, `milestone:<id>`): yours alone',
  })
  viewed: string[];
  @ApiProperty({ type: [FieldChangeDto] }) fields: FieldChangeDto[];
  @ApiProperty({ type: [MilestoneChangeDto] }) milestones: MilestoneChangeDto[];
}

/** Marks one changed field of a diff viewed (or not) for the reader, for one revision. */
export class MarkViewedDto {
  @ApiProperty({ type: 'integer', description: 'The revision the diff leads to (its `to`)' })
  @IsInt({ message: 'revision must be a revision number (an integer)' })
  @Min(1)
  @Max(1_000_000)
  revision: number;

  @ApiProperty({
    description: 'Which changed field: `field:<plan field>` (`field:objective`) or `milestone:<id>`',
    example: 'field:objective',
    maxLength: 60,
  })
  @IsString()
  @MaxLength(60)
  @Matches(DIFF_FIELD_KEY, { message: 'field must be field:<plan field> or milestone:<milestone id>' })
  field: string;

  @ApiProperty({ description: 'true marks it viewed, false takes the mark away' })
  @IsBoolean()
  viewed: boolean;
}

export class DiffViewedDto {
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ type: [String], description: 'Every changed field you marked viewed for this revision' })
  viewed: string[];
}
