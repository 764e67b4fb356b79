import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { WORK_STATUSES, type WorkStatus } from '@citymentor/contracts';
import { Clearable, IsIsoDate, Optional } from '../../http/validators';

// null: description is cleared (''); title, dueDate, status and version refuse null (400 naming the field).

export class CreateConsortiumMilestoneDto {
  @ApiProperty({ example: 'Baseline self-assessments done' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ description: 'null: none (the same as leaving it out)' })
  @Clearable('')
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  dueDate: string;

  @ApiPropertyOptional({ enum: WORK_STATUSES, enumName: 'MilestoneStatus', default: 'planned' })
  @Optional()
  @IsIn(WORK_STATUSES, { message: `status must be one of ${WORK_STATUSES.join(', ')}` })
  status?: WorkStatus;
}

export class UpdateConsortiumMilestoneDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ description: 'Left out: kept; null: cleared' })
  @Clearable('')
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ format: 'date' })
  @Optional()
  @IsIsoDate()
  dueDate?: string;

  @ApiPropertyOptional({ enum: WORK_STATUSES, enumName: 'MilestoneStatus' })
  @Optional()
  @IsIn(WORK_STATUSES, { message: `status must be one of ${WORK_STATUSES.join(', ')}` })
  status?: WorkStatus;

  @ApiProperty({
    type: 'integer',
    description: 'The version you loaded; a stale one gets 409 with the current version',
  })
  @IsInt()
  @Min(1)
  version: number;
}

export class DeleteConsortiumMilestoneDto {
  @ApiProperty({
    type: 'integer',
    description: 'The version you loaded; a stale one gets 409 with the current version and nothing is deleted',
  })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({
    minLength: 1,
    maxLength: 500,
    description: 'Why it goes: kept in the programme’s activity feed with the milestone’s title and date',
    example: 'Merged into the final conference',
  })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

export class ConsortiumMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ enum: WORK_STATUSES, enumName: 'MilestoneStatus' }) status: WorkStatus;
  @ApiProperty({ description: 'Due date past and not done' }) late: boolean;
  @ApiProperty({ type: 'integer' }) version: number;
}
