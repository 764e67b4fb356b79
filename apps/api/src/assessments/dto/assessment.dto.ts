import { ApiProperty } from '@nestjs/swagger';
import {
  ASSESSMENT_PHASES,
  ASSESSMENT_STATUSES,
  type AssessmentPhase,
  type AssessmentStatus,
  type Rating,
} from '@citymentor/contracts';
import { PracticeExampleDto } from '../../benchmarks/dto/benchmark.dto';
import { OrganisationRefDto } from '../../pairs/dto/pair.dto';
import { ASSESSMENT_RELATIONS, type AssessmentRelation } from '../assessment.policy';

const rating = (description: string) =>
  ({ type: 'integer', enum: [0, 1, 2], enumName: 'Rating', nullable: true, description }) as const;

export class AssessmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ type: OrganisationRefDto, description: 'The city assessed' }) organisation: OrganisationRefDto;
  @ApiProperty({ example: 'migrant-entrepreneurs' }) benchmarkCode: string;
  @ApiProperty({ enum: ASSESSMENT_PHASES, enumName: 'AssessmentPhase' }) phase: AssessmentPhase;
  @ApiProperty({
    enum: ASSESSMENT_STATUSES,
    enumName: 'AssessmentStatus',
    description: 'A submitted assessment is locked',
  })
  status: AssessmentStatus;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '0–100 over all applicable answered questions; null when none',
  })
  overall: number | null;
  @ApiProperty({ type: 'integer', description: 'Guide questions answered (not applicable included)' }) answered: number;
  @ApiProperty({ type: 'integer', description: 'Guide questions of the benchmark' }) questions: number;
  @ApiProperty({
    enum: ASSESSMENT_RELATIONS,
    enumName: 'AssessmentRelation',
    description:
      'How you stand to it: your city, coordinator, expert, the mentor or mentee side of a pair with the city, admin',
  })
  myRelation: AssessmentRelation;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
}

export class AssessmentAnswerDto {
  @ApiProperty({ example: 'strategy.q1' }) questionCode: string;
  @ApiProperty(rating('0 not in place, 1 partly, 2 in place, null not applicable')) rating: Rating;
  @ApiProperty() evidence: string;
  @ApiProperty({ type: [String] }) links: string[];
  @ApiProperty({ description: 'Whether the mentor side has rated this question' }) mentorRated: boolean;
  @ApiProperty(rating("The mentor side's rating; null also when not rated (see mentorRated)")) mentorRating: Rating;
  @ApiProperty({ type: String, nullable: true }) mentorNote: string | null;
  @ApiProperty({ description: 'The mentor side rated it differently from the city' }) calibrationDiffers: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AssessmentContextNoteDto {
  @ApiProperty({ example: 'national-legislation-and-policy' }) factorCode: string;
  @ApiProperty() note: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SectionScoreDto {
  @ApiProperty() sectionCode: string;
  @ApiProperty() title: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '0–100: share of the attainable points; null when nothing applicable is answered',
  })
  score: number | null;
  @ApiProperty({ type: 'integer' }) answered: number;
  @ApiProperty({ type: 'integer' }) notApplicable: number;
  @ApiProperty({ type: 'integer' }) questions: number;
  @ApiProperty({ type: [String], description: 'Guide questions rated 0 or 1' }) gaps: string[];
}

export class PeerStatisticDto {
  @ApiProperty() sectionCode: string;
  @ApiProperty({ type: Number, nullable: true }) average: number | null;
  @ApiProperty({ type: Number, nullable: true }) min: number | null;
  @ApiProperty({ type: Number, nullable: true }) max: number | null;
  @ApiProperty({ type: 'integer', description: 'Other cities with a score in this section' }) cities: number;
}

export class SectionDeltaDto {
  @ApiProperty() sectionCode: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Follow-up minus baseline score; null where either has none',
  })
  delta: number | null;
}

export class AssessmentDto extends AssessmentSummaryDto {
  @ApiProperty({ description: 'You may answer it now (your city, not submitted)' }) canAnswer: boolean;
  @ApiProperty({ description: 'You may calibrate it (the mentor side of a pair with the city)' }) canCalibrate: boolean;
  @ApiProperty({ type: [SectionScoreDto], description: 'In the order of the benchmark' }) sections: SectionScoreDto[];
  @ApiProperty({ type: [AssessmentAnswerDto] }) answers: AssessmentAnswerDto[];
  @ApiProperty({ type: [AssessmentContextNoteDto] }) contextNotes: AssessmentContextNoteDto[];
  @ApiProperty({ type: [String], description: 'Every guide question rated 0 or 1' }) gaps: string[];
  @ApiProperty({ type: [String], description: 'Questions the mentor side rated differently' })
  calibrationFlags: string[];
  @ApiProperty({
    type: [PeerStatisticDto],
    description:
      "Per section, over the other cities' submitted assessments of this benchmark and phase in the programme: numbers only",
  })
  peerComparison: PeerStatisticDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "A follow-up's baseline" })
  baselineAssessmentId: string | null;
  @ApiProperty({
    type: [SectionDeltaDto],
    nullable: true,
    description: 'A follow-up against its baseline; null for a baseline or without one',
  })
  deltaFromBaseline: SectionDeltaDto[] | null;
}

export class GapQuestionDto {
  @ApiProperty({ example: 'strategy.q2' }) questionCode: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: 'integer', enum: [0, 1], enumName: 'GapRating', description: '0 not in place, 1 partly' })
  rating: 0 | 1;
  @ApiProperty() evidence: string;
}

export class GapSectionDto {
  @ApiProperty() sectionCode: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'The standard to reach' }) standard: string;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: [GapQuestionDto] }) gaps: GapQuestionDto[];
  @ApiProperty({ type: [PracticeExampleDto], description: "The toolkit's city examples for this section" })
  examples: PracticeExampleDto[];
}

export class AssessmentGapsDto {
  @ApiProperty({ format: 'uuid' }) assessmentId: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ type: OrganisationRefDto }) organisation: OrganisationRefDto;
  @ApiProperty() benchmarkCode: string;
  @ApiProperty({ enum: ASSESSMENT_PHASES, enumName: 'AssessmentPhase' }) phase: AssessmentPhase;
  @ApiProperty({
    type: [GapSectionDto],
    description: 'The sections asked for, or every section with gaps, in benchmark order',
  })
  sections: GapSectionDto[];
}
