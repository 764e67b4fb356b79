import { ApiProperty } from '@nestjs/swagger';
import { ASSESSMENT_PHASES, STALL_KINDS, type AssessmentPhase, type StallKind } from '@citymentor/contracts';
import { WORK_KINDS, type WorkKind } from '../work-kinds';

export class WorkProgrammeRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class WorkPairRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() mentorName: string;
  @ApiProperty() menteeName: string;
}

export class WorkPlanRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

export class WorkMilestoneRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
}

export class WorkCommentRefDto {
  @ApiProperty({ format: 'uuid', description: 'The comment to answer (or that mentions you)' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'Its thread (the root comment)' }) threadId: string;
  @ApiProperty() authorName: string;
  @ApiProperty({ description: 'The start of the comment, at most 140 characters' }) excerpt: string;
}

export class WorkAssessmentRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The assessed city' }) organisationName: string;
  @ApiProperty() benchmarkCode: string;
  @ApiProperty({ enum: ASSESSMENT_PHASES, enumName: 'AssessmentPhase' }) phase: AssessmentPhase;
}

export class WorkItemDto {
  @ApiProperty({ enum: WORK_KINDS, enumName: 'WorkKind' }) kind: WorkKind;
  @ApiProperty({ description: 'Unique in the answer and stable while the item waits' }) key: string;
  @ApiProperty({ description: 'A path of the web client: the page (and #anchor) where one acts on it' }) link: string;
  @ApiProperty({ type: WorkProgrammeRefDto }) programme: WorkProgrammeRefDto;
  @ApiProperty({
    type: WorkPairRefDto,
    nullable: true,
    description: 'null for consortium milestones and an assessment of a city without a pair',
  })
  pair: WorkPairRefDto | null;
  @ApiProperty({ type: WorkPlanRefDto, nullable: true }) plan: WorkPlanRefDto | null;
  @ApiProperty({
    type: WorkMilestoneRefDto,
    nullable: true,
    description: "A plan's milestone, or the consortium's (consortium-milestone-due)",
  })
  milestone: WorkMilestoneRefDto | null;
  @ApiProperty({ type: WorkCommentRefDto, nullable: true }) comment: WorkCommentRefDto | null;
  @ApiProperty({ type: WorkAssessmentRefDto, nullable: true }) assessment: WorkAssessmentRefDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When the wait began (submission, review, comment, last progress, …); null for due dates',
  })
  since: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Whole days waited since `since`' }) waitingDays:
    number | null;
  @ApiProperty({
    type: 'integer',

    nullable: true,
    description: 'Days until the due date, negative when late; null when nothing is due',
  })
  dueInDays: number | null;
  @ApiProperty({
    enum: STALL_KINDS,
    enumName: 'StallKind',
    nullable: true,
    description: 'stalled-pair only: why the pair shows as stalled',
  })
  reason: StallKind | null;
}

export class WorkGroupDto {
  @ApiProperty({ enum: WORK_KINDS, enumName: 'WorkKind' }) kind: WorkKind;
  @ApiProperty({ type: [WorkItemDto], description: 'Longest wait or nearest due date first' }) items: WorkItemDto[];
}

export class WorkFollowDto {
  @ApiProperty({ type: [String], description: 'Programmes whose rooms announce changes to this queue' })
  programmeIds: string[];
  @ApiProperty({
    type: [String],
    description: 'Pairs whose rooms announce changes to this queue, those one works in first, then those with items',
  })
  pairIds: string[];
}

export class WorkDto {
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ type: 'integer', description: 'Items in all groups' }) count: number;
  @ApiProperty({ type: [WorkGroupDto], description: 'Only kinds with items, in a fixed order of kinds' })
  groups: WorkGroupDto[];
  @ApiProperty({ type: WorkFollowDto }) follow: WorkFollowDto;
}
