import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { REVIEW_VERDICTS, WORK_STATUSES, type ReviewVerdict } from '@citymentor/contracts';
import { Optional } from '../../http/validators';

const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;

export class DiffQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    description: 'Revision number; defaults to the revision last reviewed before `to`',
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

export class FieldChangeDto {
  @ApiProperty() field: string;
  @ApiProperty(fieldValue) before: string | string[] | null;
  @ApiProperty(fieldValue) after: string | string[] | null;
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

export class PlanDiffDto {
  @ApiProperty({
    type: 'integer',

    nullable: true,
    description: 'null when no earlier revision was reviewed: everything counts as new',
  })
  from: number | null;
  @ApiProperty({ type: 'integer' }) to: number;
  @ApiProperty({ type: [FieldChangeDto] }) fields: FieldChangeDto[];
  @ApiProperty({ type: [MilestoneChangeDto] }) milestones: MilestoneChangeDto[];
}
