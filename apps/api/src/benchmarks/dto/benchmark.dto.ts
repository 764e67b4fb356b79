import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class GuideQuestionDto {
  @ApiProperty({ example: 'strategy.q1' }) code: string;
  @ApiProperty() text: string;
}

export class PracticeExampleDto {
  @ApiProperty({ example: 'Helsinki' }) city: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [String] }) links: string[];
  @ApiProperty({ type: String, nullable: true }) contact: string | null;
}

export class BenchmarkSectionDto {
  @ApiProperty({ example: 'strategy' }) code: string;
  @ApiProperty({ type: 'integer' }) order: number;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'The standard a city should reach in this section' }) standard: string;
  @ApiProperty() rationale: string;
  @ApiProperty({ type: [GuideQuestionDto] }) guideQuestions: GuideQuestionDto[];
  @ApiProperty({ type: [PracticeExampleDto] }) examples: PracticeExampleDto[];
}

export class ContextFactorDto {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) examples: string[];
}

export class BenchmarkSummaryDto {
  @ApiProperty({ example: 'migrant-entrepreneurs' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty() standard: string;
  @ApiProperty({ type: 'integer' }) sectionCount: number;
  @ApiProperty({ type: 'integer' }) guideQuestionCount: number;
  @ApiProperty({ format: 'date-time' }) importedAt: string;
}

export class BenchmarkDto {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() standard: string;
  @ApiPropertyOptional() introduction?: string;
  @ApiProperty({ type: [BenchmarkSectionDto] }) sections: BenchmarkSectionDto[];
  @ApiProperty({ type: [ContextFactorDto] }) contextFactors: ContextFactorDto[];
  @ApiProperty({ format: 'date-time' }) importedAt: string;
}
