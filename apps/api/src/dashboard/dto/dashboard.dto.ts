import { ApiProperty } from '@nestjs/swagger';
import {
  ASSESSMENT_STATUSES,
  PAIR_STATUSES,
  PLAN_STATES,
  STALL_KINDS,
  WORK_STATUSES,
  type AssessmentStatus,
  type PairStatus,
  type PlanState,
  type StallKind,
  type WorkStatus,
} from '@citymentor/contracts';
import { ConsortiumMilestoneDto } from '../../programmes/dto/consortium-milestone.dto';

export class MilestoneCountsDto {
  @ApiProperty({ type: 'integer' }) planned: number;
  @ApiProperty({ type: 'integer' }) inProgress: number;
  @ApiProperty({ type: 'integer' }) done: number;
  @ApiProperty({ type: 'integer' }) blocked: number;
  @ApiProperty({ type: 'integer', description: 'Due date past and not done (any status but done)' }) late: number;
  @ApiProperty({ type: 'integer' }) total: number;
}

export class PlanCountsDto {
  @ApiProperty({ type: 'integer' }) draft: number;
  @ApiProperty({ type: 'integer' }) submitted: number;
  @ApiProperty({ type: 'integer' }) changesRequested: number;
  @ApiProperty({ type: 'integer' }) approved: number;
  @ApiProperty({ type: 'integer' }) inProgress: number;
  @ApiProperty({ type: 'integer' }) completed: number;
  @ApiProperty({ type: 'integer' }) archived: number;
  @ApiProperty({ type: 'integer' }) total: number;
}

export class DashboardOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country: string;
}

export class DashboardPlanLinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PLAN_STATES, enumName: 'PlanState' }) state: PlanState;
}

export class SectionMilestonesDto {
  @ApiProperty() sectionCode: string;
  @ApiProperty() sectionTitle: string;
  @ApiProperty({
    type: MilestoneCountsDto,
    description: 'Milestones of the plans that address this section (a plan on two sections counts under both)',
  })
  milestones: MilestoneCountsDto;
  @ApiProperty({
    type: [DashboardPlanLinkDto],
    description: 'The pair’s plans that address this section, oldest first (archived plans left out)',
  })
  plans: DashboardPlanLinkDto[];
}

export class DashboardPairDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() benchmarkCode: string;
  @ApiProperty({ enum: PAIR_STATUSES, enumName: 'PairStatus' }) status: PairStatus;
  @ApiProperty({ type: DashboardOrganisationDto }) mentor: DashboardOrganisationDto;
  @ApiProperty({ type: DashboardOrganisationDto }) mentee: DashboardOrganisationDto;
  @ApiProperty({ type: PlanCountsDto }) plans: PlanCountsDto;
  @ApiProperty({
    type: MilestoneCountsDto,
    description: 'Every milestone of the pair’s plans once (archived plans left out)',
  })
  milestones: MilestoneCountsDto;
  @ApiProperty({ type: [SectionMilestonesDto], description: 'Every section of the benchmark, in its order' })
  sections: SectionMilestonesDto[];
}

export class LateMilestoneDto {
  @ApiProperty({ format: 'uuid' }) milestoneId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ type: 'integer', description: 'Whole days since the due date' }) daysLate: number;
  @ApiProperty() owner: string;
  @ApiProperty({ enum: WORK_STATUSES, enumName: 'MilestoneStatus' }) status: WorkStatus;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() planTitle: string;
  @ApiProperty({ type: [String] }) sectionCodes: string[];
  @ApiProperty({ format: 'uuid' }) pairId: string;
  @ApiProperty() mentorName: string;
  @ApiProperty() menteeName: string;
}

export class PhaseScoreDto {
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty({ enum: ASSESSMENT_STATUSES, enumName: 'AssessmentStatus' }) status: AssessmentStatus;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      '0–100; null while the assessment is a draft (only submitted ones count) or when nothing applicable is answered',
  })
  overall: number | null;
}

/** One section's score, baseline vs follow-up (not the assessment's SectionScoreDto). */
export class DashboardSectionScoreDto {
  @ApiProperty() sectionCode: string;
  @ApiProperty({ type: Number, nullable: true }) baseline: number | null;
  @ApiProperty({ type: Number, nullable: true }) followUp: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'followUp − baseline; null unless both are scored' })
  delta: number | null;
}

export class OrganisationScoresDto {
  @ApiProperty({ type: DashboardOrganisationDto }) organisation: DashboardOrganisationDto;
  @ApiProperty() benchmarkCode: string;
  @ApiProperty({ type: PhaseScoreDto, nullable: true }) baseline: PhaseScoreDto | null;
  @ApiProperty({ type: PhaseScoreDto, nullable: true }) followUp: PhaseScoreDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Overall followUp − baseline' }) overallDelta:
    number | null;
  @ApiProperty({ type: [DashboardSectionScoreDto] }) sections: DashboardSectionScoreDto[];
}

export class StallSignalDto {
  @ApiProperty({
    enum: STALL_KINDS,
    enumName: 'StallKind',
    description:
      'no-activity: nothing happened in the pair; plan-not-reviewed: a submitted plan waits for its review; thread-unanswered: a thread waits for the other side',
  })
  kind: StallKind;
  @ApiProperty({ format: 'uuid' }) pairId: string;
  @ApiProperty() mentorName: string;
  @ApiProperty() menteeName: string;
  @ApiProperty({ format: 'date-time', description: 'When the wait began' }) since: string;
  @ApiProperty({ type: 'integer', description: 'Whole days waited' }) days: number;
  @ApiProperty({ enum: ['mentor', 'mentee', 'both'], enumName: 'Awaiting', description: 'Who is expected to act' })
  awaiting: 'mentor' | 'mentee' | 'both';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) planId: string | null;
  @ApiProperty({ type: String, nullable: true }) planTitle: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The thread’s first comment' }) threadId:
    string | null;
}

export class StallThresholdsDto {
  @ApiProperty({ type: 'integer', description: 'A pair with no activity for this many days is stalled' })
  stalledAfterDays: number;
  @ApiProperty({
    type: 'integer',
    description: 'A submitted plan or a thread waits this many days for an answer before it is flagged',
  })
  respondWithinDays: number;
}

export class DashboardDto {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'date', description: 'The day (UTC) lateness is measured against' }) today: string;
  @ApiProperty({ type: [DashboardPairDto] }) pairs: DashboardPairDto[];
  @ApiProperty({ type: PlanCountsDto, description: 'Plans by state across the programme' }) plans: PlanCountsDto;
  @ApiProperty({ type: MilestoneCountsDto, description: 'Milestones by status across the programme' })
  milestones: MilestoneCountsDto;
  @ApiProperty({ type: [LateMilestoneDto], description: 'Late milestones of every pair, oldest due date first' })
  lateMilestones: LateMilestoneDto[];
  @ApiProperty({
    type: [OrganisationScoresDto],
    description: 'Self-assessment scores, baseline vs follow-up, per organisation and benchmark',
  })
  scores: OrganisationScoresDto[];
  @ApiProperty({ type: [ConsortiumMilestoneDto] }) consortiumMilestones: ConsortiumMilestoneDto[];
  @ApiProperty({ type: [StallSignalDto], description: 'Active pairs that have stalled and why, longest wait first' })
  stalled: StallSignalDto[];
  @ApiProperty({ type: StallThresholdsDto, description: 'The programme’s thresholds behind `stalled`' })
  stallThresholds: StallThresholdsDto;
}
