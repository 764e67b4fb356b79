import { ApiProperty } from '@nestjs/swagger';
import { PAIR_STATUSES, WORK_STATUSES, type PairStatus, type WorkStatus } from '@citymentor/contracts';
import { ConsortiumMilestoneDto } from '../../programmes/dto/consortium-milestone.dto';

export class TimelineMilestoneDto {
  @ApiProperty({ format: 'uuid' }) milestoneId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: WORK_STATUSES, enumName: 'MilestoneStatus' }) status: WorkStatus;
  @ApiProperty({ description: 'Due date past and not done' }) late: boolean;
  @ApiProperty({ type: 'integer', description: 'Whole days since the due date when late, else 0' }) daysLate: number;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() planTitle: string;
  @ApiProperty({ type: [String] }) sectionCodes: string[];
  @ApiProperty({ type: [String], description: 'The titles of the plan’s sections, in the benchmark’s order' })
  sectionTitles: string[];
}

export class TimelinePairDto {
  @ApiProperty({ format: 'uuid' }) pairId: string;
  @ApiProperty({ enum: PAIR_STATUSES, enumName: 'PairStatus' }) status: PairStatus;
  @ApiProperty() mentorName: string;
  @ApiProperty() menteeName: string;
  @ApiProperty({
    type: [TimelineMilestoneDto],
    description: 'Every milestone of the pair’s plans (archived plans left out), by due date',
  })
  milestones: TimelineMilestoneDto[];
}

export class TimelineDto {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'date', description: 'The day (UTC) lateness is measured against' }) today: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ type: [ConsortiumMilestoneDto], description: 'By due date' })
  consortium: ConsortiumMilestoneDto[];
  @ApiProperty({ type: [TimelinePairDto], description: 'Every pair of the programme, active ones first' })
  pairs: TimelinePairDto[];
}
