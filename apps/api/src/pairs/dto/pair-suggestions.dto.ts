import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNumber, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '@citymentor/contracts';
import { Optional } from '../../http/validators';
import { CODE, OrganisationRefDto } from './pair.dto';

/** A query parameter that looks like a number becomes one; anything else stays a string and fails validation. */
const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : value;

export class PairSuggestionsQueryDto {
  @ApiProperty({ example: 'migrant-entrepreneurs', description: 'The benchmark to match on' })
  @IsString({ message: 'benchmark must be a kebab-case benchmark code' })
  @MaxLength(100)
  @Matches(CODE, { message: 'benchmark must be a kebab-case benchmark code' })
  benchmark: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    default: 75,
    description: 'A mentor is strong in a section from this score',
  })
  @Optional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'strong must be a number from 0 to 100' })
  @Min(0, { message: 'strong must be a number from 0 to 100' })
  @Max(100, { message: 'strong must be a number from 0 to 100' })
  strong?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    default: 50,
    description: 'A mentee has a gap in a section below this score',
  })
  @Optional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'gap must be a number from 0 to 100' })
  @Min(0, { message: 'gap must be a number from 0 to 100' })
  @Max(100, { message: 'gap must be a number from 0 to 100' })
  gap?: number;
}

export class SuggestedSectionDto {
  @ApiProperty() sectionCode: string;
  @ApiProperty() title: string;
}

export class SectionGapDto extends SuggestedSectionDto {
  @ApiProperty({ description: "The mentee's baseline score in it (0–100)" }) score: number;
}

export class CoveredSectionDto extends SuggestedSectionDto {
  @ApiProperty({ description: "The mentor's baseline score in it (0–100)" }) mentorScore: number;
  @ApiProperty({ description: "The mentee's baseline score in it (0–100)" }) menteeScore: number;
}

export class MentorCandidateDto {
  @ApiProperty({ type: OrganisationRefDto }) mentor: OrganisationRefDto;
  @ApiProperty({
    description: 'Higher is better: over the covered sections, the sum of how far the mentor is ahead (/100 each)',
  })
  score: number;
  @ApiProperty({
    type: [CoveredSectionDto],
    description: "Why: the mentee's gap sections in which this city is strong",
  })
  covers: CoveredSectionDto[];
  @ApiProperty({
    enum: ASSESSMENT_STATUSES,
    enumName: 'AssessmentStatus',
    description: "Status of the mentor's baseline the scores come from",
  })
  assessmentStatus: AssessmentStatus;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The active pair these two cities already form on this benchmark',
  })
  activePairId: string | null;
  @ApiProperty({
    minimum: 0,
    description: 'How many active pairs of the programme this city already mentors, on any benchmark',
  })
  mentorActivePairs: number;
}

export class MenteeSuggestionsDto {
  @ApiProperty({ type: OrganisationRefDto }) mentee: OrganisationRefDto;
  @ApiProperty({
    enum: ASSESSMENT_STATUSES,
    enumName: 'AssessmentStatus',
    description: "Status of the mentee's baseline the scores come from",
  })
  assessmentStatus: AssessmentStatus;
  @ApiProperty({ type: [SectionGapDto] }) gaps: SectionGapDto[];
  @ApiProperty({ type: [MentorCandidateDto], description: 'Best first' }) candidates: MentorCandidateDto[];
}

export class PairSuggestionsDto {
  @ApiProperty() benchmarkCode: string;
  @ApiProperty() strong: number;
  @ApiProperty() gap: number;
  @ApiProperty({ type: [MenteeSuggestionsDto], description: 'Cities with gaps, by name' })
  mentees: MenteeSuggestionsDto[];
  @ApiProperty({
    type: [OrganisationRefDto],
    description: 'Cities of the programme without a baseline self-assessment of this benchmark, left out',
  })
  citiesWithoutBaseline: OrganisationRefDto[];
}
