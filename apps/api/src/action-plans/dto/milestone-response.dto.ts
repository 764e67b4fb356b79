import { ApiProperty } from '@nestjs/swagger';
import { PLAN_STATES, WORK_STATUSES, type PlanState, type WorkStatus } from '@citymentor/contracts';
import { MilestoneSummaryDto } from './plan-response.dto';

export class ProgressDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) milestoneId: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent: number;
  @ApiProperty({ enum: WORK_STATUSES }) status: WorkStatus;
  @ApiProperty() note: string;
  @ApiProperty({ type: [String] }) evidenceUrls: string[];
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty() authorName: string;
  @ApiProperty({ description: 'Comments on this entry (not deleted)' }) commentCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MilestoneDto extends MilestoneSummaryDto {
  @ApiProperty({ format: 'uuid' }) pairId: string;
  @ApiProperty({ enum: PLAN_STATES }) planState: PlanState;
  @ApiProperty({ type: [ProgressDto], description: 'Newest first' }) progress: ProgressDto[];
}

/** A new progress entry, with what it moved: the milestone's status and version, and the plan's state. */
export class LoggedProgressDto extends ProgressDto {
  @ApiProperty({ enum: WORK_STATUSES }) milestoneStatus: WorkStatus;
  @ApiProperty() milestoneVersion: number;
  @ApiProperty({ enum: PLAN_STATES }) planState: PlanState;
}
