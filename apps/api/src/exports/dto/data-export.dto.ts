import { ApiProperty } from '@nestjs/swagger';
import { DATA_EXPORT_STATUSES, type DataExportStatus } from '@citymentor/domain';

export class DataExportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DATA_EXPORT_STATUSES, enumName: 'DataExportStatus' }) status: DataExportStatus;
  @ApiProperty({ type: 'integer', description: '0–100' }) progress: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed, once failed' }) error: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) sizeBytes: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Once built: when the file stops being downloadable (RETENTION_EXPORTS_DAYS after it was built)',
  })
  expiresAt: string | null;
  @ApiProperty({ description: 'Built and past expiresAt: no longer downloadable, deleted by the daily purge' })
  expired: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Where to download it, once done and until it expires' })
  downloadUrl: string | null;
}
