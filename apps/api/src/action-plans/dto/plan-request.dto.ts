import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { REVIEW_VERDICTS, type ReviewVerdict } from '@citymentor/contracts';
import { Clearable, Optional, TextList } from '../../http/validators';

const list = (what: string) => ({
  type: String,
  isArray: true,
  description: `${what}; up to 100 items of up to 2000 characters`,
});

/**
 * The plan's free-text and list fields, all optional. null clears the free text (objective, budget,
 * owner: ''); a list is cleared with [], and null for it, as for every other field, is 400 naming it.
 */
class PlanContentDto {
  @ApiPropertyOptional({ description: 'What the plan wants to achieve; null: cleared' })
  @Clearable('')
  @IsString()
  @MaxLength(10_000)
  objective?: string;

  @ApiPropertyOptional({
    type: [String],
    description: "Guide questions (gaps) the plan closes; questions of the plan's sections",
    example: ['access-to-finance.q2'],
  })
  @Optional()
  @TextList({ maxItems: 200, maxLength: 120 })
  gapQuestionCodes?: string[];

  @ApiPropertyOptional(list('Activities'))
  @Optional()
  @TextList({ maxItems: 100, maxLength: 2000 })
  activities?: string[];

  @ApiPropertyOptional(list('Indicators of success'))
  @Optional()
  @TextList({ maxItems: 100, maxLength: 2000 })
  indicators?: string[];

  @ApiPropertyOptional(list('Stakeholders'))
  @Optional()
  @TextList({ maxItems: 100, maxLength: 2000 })
  stakeholders?: string[];

  @ApiPropertyOptional({ description: 'null: cleared' })
  @Clearable('')
  @IsString()
  @MaxLength(5000)
  budget?: string;

  @ApiPropertyOptional({ description: 'Who in the mentee city answers for the plan; null: cleared' })
  @Clearable('')
  @IsString()
  @MaxLength(200)
  owner?: string;
}

export class CreatePlanDto extends PlanContentDto {
  @ApiProperty({
    type: [String],
    description: "Sections of the pair's benchmark (and of its focus, if it has one)",
    example: ['access-to-finance'],
  })
  @TextList({ maxItems: 50, maxLength: 100, minItems: 1 })
  sectionCodes: string[];

  @ApiProperty({ example: 'Open microcredit to migrant founders' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Start from gaps: an assessment of the mentee city on the pair's benchmark; gapQuestionCodes defaults to its questions rated 0 or 1 in the plan's sections",
  })
  @Optional()
  @IsUUID('all', { message: 'fromAssessmentId must be a UUID' })
  fromAssessmentId?: string;
}

export class UpdatePlanDto extends PlanContentDto {
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @TextList({ maxItems: 50, maxLength: 100, minItems: 1 })
  sectionCodes?: string[];

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiProperty({
    type: 'integer',
    description: 'The version you loaded; a stale one gets 409 with details.currentVersion',
  })
  @IsInt()
  @Min(1)
  version: number;
}

/** A workflow step; with `version`, a plan changed since you loaded it gets 409 instead of moving on. */
export class WorkflowStepDto {
  @ApiPropertyOptional({ type: 'integer', description: 'The version you loaded (recommended)' })
  @Optional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ReviewDto extends WorkflowStepDto {
  @ApiProperty({ enum: REVIEW_VERDICTS, enumName: 'ReviewVerdict' })
  @IsIn(REVIEW_VERDICTS, { message: `verdict must be one of ${REVIEW_VERDICTS.join(', ')}` })
  verdict: ReviewVerdict;

  @ApiProperty({ description: 'What the mentor says about this revision', maxLength: 10_000 })
  @IsString()
  @Length(1, 10_000)
  summary: string;

  @ApiPropertyOptional({ description: 'Approve although review threads on the plan are still open', default: false })
  @Optional()
  @IsBoolean()
  overrideOpenThreads?: boolean;
}
