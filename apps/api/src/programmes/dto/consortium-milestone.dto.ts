import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { WORK_STATUSES, type WorkStatus } from '@citymentor/contracts';
import { IsIsoDate } from '../../http/validators';

export class CreateConsortiumMilestoneDto {
  @ApiProperty({ example: 'Baseline self-assessments done' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  dueDate: string;

  @ApiPropertyOptional({ enum: WORK_STATUSES, default: 'planned' })
  @IsOptional()
  @IsIn(WORK_STATUSES, { message: `status must be one of ${WORK_STATUSES.join(', ')}` })
  status?: WorkStatus;
}

export class UpdateConsortiumMilestoneDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string;

  @ApiPropertyOptional({ enum: WORK_STATUSES })
  @IsOptional()
  @IsIn(WORK_STATUSES, { message: `status must be one of ${WORK_STATUSES.join(', ')}` })
  status?: WorkStatus;

  @ApiProperty({ description: 'The version you loaded; a stale one gets 409 with the current version' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ConsortiumMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: WORK_STATUSES }) status: WorkStatus;
  @ApiProperty({ description: 'Due date past and not done' }) late: boolean;
  @ApiProperty() version: number;
}
