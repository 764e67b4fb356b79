import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUrl, Length, Max, MaxLength, Min } from 'class-validator';
import { WORK_STATUSES, type WorkStatus } from '@citymentor/contracts';
import { Clearable, IsIsoDate, Optional, TextList } from '../../http/validators';

const STATUS_MESSAGE = { message: `status must be one of ${WORK_STATUSES.join(', ')}` };

// null: description, owner and note are cleared (''); every other field refuses null (400 naming it):
// gapQuestionCodes is cleared with [], as the plan's lists are.

const gaps = (leftOut: string): ApiPropertyOptions => ({
  type: [String],
  example: ['access-to-finance.q2'],
  description: `The plan's gaps this milestone addresses: guide question codes among the plan's gapQuestionCodes (400 otherwise), up to 200. Left out: ${leftOut}; [] addresses none; null is refused (400)`,
});

export class CreateMilestoneDto {
  @ApiProperty({ example: 'Microcredit desk opens at the business centre' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ description: 'null: none (the same as leaving it out)' })
  @Clearable('')
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiProperty({ format: 'date', example: '2027-03-31' })
  @IsIsoDate()
  dueDate: string;

  @ApiPropertyOptional({ description: 'Who answers for it; null: nobody named (the same as leaving it out)' })
  @Clearable('')
  @IsString()
  @MaxLength(200)
  owner?: string;

  @ApiPropertyOptional({ enum: WORK_STATUSES, enumName: 'MilestoneStatus', default: 'planned' })
  @Optional()
  @IsIn(WORK_STATUSES, STATUS_MESSAGE)
  status?: WorkStatus;

  @ApiPropertyOptional(gaps('none'))
  @Optional()
  @TextList({ maxItems: 200, maxLength: 120 })
  gapQuestionCodes?: string[];
}

/** Title, description, due date, owner and the gaps addressed change while the plan is drafted or revised; the status also once it is approved. */
export class UpdateMilestoneDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ description: 'Left out: kept; null: cleared' })
  @Clearable('')
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ format: 'date' })
  @Optional()
  @IsIsoDate()
  dueDate?: string;

  @ApiPropertyOptional({ description: 'Left out: kept; null: cleared' })
  @Clearable('')
  @IsString()
  @MaxLength(200)
  owner?: string;

  @ApiPropertyOptional({ enum: WORK_STATUSES, enumName: 'MilestoneStatus' })
  @Optional()
  @IsIn(WORK_STATUSES, STATUS_MESSAGE)
  status?: WorkStatus;

  @ApiPropertyOptional(gaps('kept'))
  @Optional()
  @TextList({ maxItems: 200, maxLength: 120 })
  gapQuestionCodes?: string[];

  @ApiProperty({
    type: 'integer',
    description: 'The version you loaded; a stale one gets 409 with details.currentVersion',
  })
  @IsInt()
  @Min(1)
  version: number;
}

export class LogProgressDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  percent: number;

  @ApiProperty({
    enum: WORK_STATUSES,
    enumName: 'MilestoneStatus',
    description: "The milestone's status from now on; done means 100 percent",
  })
  @IsIn(WORK_STATUSES, STATUS_MESSAGE)
  status: WorkStatus;

  @ApiPropertyOptional({ maxLength: 10_000, description: 'null: no note (the same as leaving it out)' })
  @Clearable('')
  @IsString()
  @MaxLength(10_000)
  note?: string;

  @ApiPropertyOptional({ type: [String], description: 'Links to evidence: http(s) URLs, up to 20' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { each: true, message: 'evidenceUrls must be http or https URLs' },
  )
  evidenceUrls?: string[];
}
