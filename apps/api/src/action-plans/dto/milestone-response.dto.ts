import { ApiProperty } from '@nestjs/swagger';
import { PLAN_STATES, WORK_STATUSES, type PlanState, type WorkStatus } from '@citymentor/contracts';
import { MilestoneSummaryDto } from './plan-response.dto';

export class ProgressDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) milestoneId: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 }) percent: number;
  @ApiProperty({ enum: WORK_STATUSES, enumName: 'MilestoneStatus' }) status: WorkStatus;
  @ApiProperty() note: string;
  @ApiProperty({ type: [String] }) evidenceUrls: string[];
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty() authorName: string;
  @ApiProperty({ type: 'integer', description: 'Comments on this entry (not deleted)' }) commentCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MilestoneDto extends MilestoneSummaryDto {
  @ApiProperty({ format: 'uuid' }) pairId: string;
  @ApiProperty({ enum: PLAN_STATES, enumName: 'PlanState' }) planState: PlanState;
  @ApiProperty({ type: [ProgressDto], description: 'Newest first' }) progress: ProgressDto[];
}

/** A new progress entry, with what it moved: the milestone's status and version, and the plan's state. */
export class LoggedProgressDto extends ProgressDto {
  @ApiProperty({ enum: WORK_STATUSES, enumName: 'MilestoneStatus' }) milestoneStatus: WorkStatus;
  @ApiProperty({ type: 'integer' }) milestoneVersion: number;
  @ApiProperty({ enum: PLAN_STATES, enumName: 'PlanState' }) planState: PlanState;
}
