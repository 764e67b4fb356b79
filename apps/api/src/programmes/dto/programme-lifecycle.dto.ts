import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class DeleteProgrammeDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    description: "The programme's name, typed to confirm (compared without surrounding spaces); anything else gets 400",
    example: 'CITIES GROW 2017–2019',
  })
  @IsString()
  @Length(1, 200)
  confirm: string;
}

/** What deleting the programme removes, for the confirmation dialog. */
export class ProgrammeDeletionCountsDto {
  @ApiProperty({ type: 'integer' }) organisations: number;
  @ApiProperty({ type: 'integer' }) members: number;
  @ApiProperty({ type: 'integer' }) invitations: number;
  @ApiProperty({ type: 'integer' }) consortiumMilestones: number;
  @ApiProperty({ type: 'integer' }) pairs: number;
  @ApiProperty({ type: 'integer' }) plans: number;
  @ApiProperty({ type: 'integer' }) milestones: number;
  @ApiProperty({ type: 'integer' }) progressEntries: number;
  @ApiProperty({ type: 'integer' }) comments: number;
  @ApiProperty({ type: 'integer' }) assessments: number;
  @ApiProperty({ type: 'integer', description: 'Activity-feed and realtime events' }) events: number;
  @ApiProperty({ type: 'integer' }) notifications: number;
  @ApiProperty({ type: 'integer' }) reports: number;
  @ApiProperty({ type: 'integer', description: 'Report files, removed by the worker after the deletion' })
  files: number;
}

export class ProgrammeDeletionPreviewDto {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ description: 'What to type to confirm' }) name: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'From when it may be deleted (PROGRAMME_DELETE_AFTER_CLOSED_DAYS after it was closed); null while open',
  })
  deletableFrom: string | null;
  @ApiProperty({ description: 'Whether DELETE would be accepted now' }) deletable: boolean;
  @ApiProperty({ type: ProgrammeDeletionCountsDto }) counts: ProgrammeDeletionCountsDto;
}
