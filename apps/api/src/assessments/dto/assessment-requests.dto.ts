import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { ASSESSMENT_PHASES, type AssessmentPhase, type Rating } from '@citymentor/contracts';
import { Clearable, Optional } from '../../http/validators';
import { CODE } from '../../pairs/dto/pair.dto';

const RATING_MESSAGE = 'rating must be 0 (not in place), 1 (partly), 2 (in place) or null (not applicable)';

/** Exactly 0, 1, 2 or null: the key is required, a string "1" is not a rating. */
const IsRating = () =>
  ValidateBy({
    name: 'isRating',
    validator: {
      validate: (value) => value === 0 || value === 1 || value === 2 || value === null,
      defaultMessage: () => RATING_MESSAGE,
    },
  });

const ratingProperty = {
  type: 'integer',
  enum: [0, 1, 2],
  enumName: 'Rating',
  nullable: true,
  description: '0 not in place, 1 partly, 2 in place, null not applicable',
} as const;

export class CreateAssessmentDto {
  @ApiProperty({ format: 'uuid', description: 'The city that assesses itself' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId: string;

  @ApiProperty({ example: 'migrant-entrepreneurs' })
  @IsString()
  @MaxLength(100)
  @Matches(CODE, { message: 'benchmarkCode must be a kebab-case benchmark code' })
  benchmarkCode: string;

  @ApiProperty({ enum: ASSESSMENT_PHASES, enumName: 'AssessmentPhase' })
  @IsIn(ASSESSMENT_PHASES, { message: `phase must be one of ${ASSESSMENT_PHASES.join(', ')}` })
  phase: AssessmentPhase;

  @ApiPropertyOptional({
    description: "A follow-up only: start from the baseline's answers and context notes (not its calibration)",
  })
  @Optional()
  @IsBoolean({ message: 'copyFromBaseline must be true or false' })
  copyFromBaseline?: boolean;
}

export class SaveAnswerDto {
  @ApiProperty(ratingProperty)
  @IsRating()
  rating: Rating;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Left out: kept as it is; null: cleared' })
  @Clearable('')
  @IsString({ message: 'evidence must be text' })
  @MaxLength(5000, { message: 'evidence must be at most 5000 characters' })
  evidence?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description: 'http(s) URLs; left out: kept as they are; [] clears them (null is refused)',
  })
  @Optional()
  @IsArray({ message: 'links must be an array of http(s) URLs' })
  @ArrayMaxSize(20, { message: 'links may hold at most 20 URLs' })
  @IsString({ each: true, message: 'links must be an array of http(s) URLs' })
  @MaxLength(2000, { each: true, message: 'links must be URLs of at most 2000 characters' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { each: true, message: 'links must be an array of http(s) URLs' },
  )
  links?: string[];
}

export class SaveContextNoteDto {
  @ApiProperty({
    maxLength: 5000,
    description: 'Why the city can or cannot meet the standard; an empty note removes it',
  })
  @IsString({ message: 'note must be text' })
  @MaxLength(5000, { message: 'note must be at most 5000 characters' })
  note: string;
}

export class CalibrateAnswerDto {
  @ApiProperty({ ...ratingProperty, description: "The mentor side's rating of the same guide question" })
  @IsRating()
  rating: Rating;

  @ApiPropertyOptional({
    maxLength: 5000,
    description: "The mentor side's note; left out: kept as it is; null: removed",
  })
  @Clearable(null)
  @IsString({ message: 'note must be text' })
  @MaxLength(5000, { message: 'note must be at most 5000 characters' })
  note?: string;
}

export class AssessmentGapsQueryDto {
  @ApiPropertyOptional({
    example: 'strategy,networking',
    description: 'Section codes, comma-separated; left out: every section with gaps',
  })
  @Optional()
  @IsString({ message: 'sections must be comma-separated section codes' })
  @MaxLength(1000)
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:,[a-z0-9]+(?:-[a-z0-9]+)*)*$/, {
    message: 'sections must be comma-separated kebab-case section codes',
  })
  sections?: string;
}
