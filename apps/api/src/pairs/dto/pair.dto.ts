import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PAIR_SIDES, PAIR_STATUSES, type PairSide, type PairStatus } from '@citymentor/contracts';
import { Optional } from '../../http/validators';

/** Benchmark and section codes are kebab-case. */
export const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class CreatePairDto {
  @ApiProperty({ example: 'migrant-entrepreneurs' })
  @IsString()
  @MaxLength(100)
  @Matches(CODE, { message: 'benchmarkCode must be a kebab-case benchmark code' })
  benchmarkCode: string;

  @ApiProperty({ format: 'uuid', description: 'A city of the programme that coaches' })
  @IsUUID('all', { message: 'mentorOrganisationId must be a UUID' })
  mentorOrganisationId: string;

  @ApiProperty({ format: 'uuid', description: 'A city of the programme that is coached; not the mentor' })
  @IsUUID('all', { message: 'menteeOrganisationId must be a UUID' })
  menteeOrganisationId: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['strategy', 'networking'],
    description: 'Sections of the benchmark the pair concentrates on; [] or left out means all (null is refused)',
  })
  @Optional()
  @IsArray({ message: 'focusSectionCodes must be an array of section codes' })
  @ArrayMaxSize(50)
  @IsString({ each: true, message: 'focusSectionCodes must be an array of section codes' })
  @Matches(CODE, { each: true, message: 'focusSectionCodes must be an array of kebab-case section codes' })
  focusSectionCodes?: string[];
}

export class OrganisationRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'FI' }) country: string;
}

/** What you may do on the pair's page, by the rules the server enforces (the pair and assessment policies). */
export class PairPermissionsDto {
  @ApiProperty({ description: 'Draft a plan for the pair (the mentee side, while the pair is active)' })
  createPlan: boolean;
  @ApiProperty({
    description:
      "Start the mentee city's self-assessment (its members, a coordinator or the admin); which phase is due follows from its assessments",
  })
  startAssessment: boolean;
}

export class PairDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ example: 'migrant-entrepreneurs' }) benchmarkCode: string;
  @ApiProperty({ type: OrganisationRefDto }) mentorOrganisation: OrganisationRefDto;
  @ApiProperty({ type: OrganisationRefDto }) menteeOrganisation: OrganisationRefDto;
  @ApiProperty({ type: [String], description: 'Sections the pair concentrates on; empty means all' })
  focusSectionCodes: string[];
  @ApiProperty({ enum: PAIR_STATUSES, enumName: 'PairStatus' }) status: PairStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: string | null;
  @ApiProperty({
    enum: PAIR_SIDES,
    enumName: 'PairSide',
    description: 'How you see this pair: your city is its mentor or mentee, or you are an expert, coordinator or admin',
  })
  mySide: PairSide;
  @ApiProperty({ type: PairPermissionsDto }) can: PairPermissionsDto;
}
