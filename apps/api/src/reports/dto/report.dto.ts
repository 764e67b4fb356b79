import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  REPORT_FORMATS,
  REPORT_LOCALES,
  REPORT_STATUSES,
  type ReportFormat,
  type ReportLocale,
  type ReportStatus,
} from '@citymentor/domain';
import { Optional } from '../../http/validators';

export class CreateReportDto {
  @ApiProperty({ enum: REPORT_FORMATS, enumName: 'ReportFormat' })
  @IsIn(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` })
  format: ReportFormat;

  @ApiProperty({
    enum: REPORT_LOCALES,
    enumName: 'ReportLocale',
    required: false,
    description: "The report's language (labels, dates, numbers); the web client sends its own. Defaults to en.",
  })
  @Optional()
  @IsIn(REPORT_LOCALES, { message: `locale must be one of ${REPORT_LOCALES.join(', ')}` })
  locale?: ReportLocale;
}

export class ReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ enum: REPORT_FORMATS, enumName: 'ReportFormat' }) format: ReportFormat;
  @ApiProperty({ enum: REPORT_LOCALES, enumName: 'ReportLocale' }) locale: ReportLocale;
  @ApiProperty({ enum: REPORT_STATUSES, enumName: 'ReportStatus' }) status: ReportStatus;
  @ApiProperty({ type: 'integer', description: '0–100' }) progress: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed, once failed' }) error: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) sizeBytes: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Where to download it, once done' }) downloadUrl:
    string | null;
}
