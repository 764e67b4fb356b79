import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { ORGANISATION_KINDS, PROGRAMME_ROLES, type OrganisationKind, type ProgrammeRole } from '@citymentor/contracts';
import { Clearable, IsIsoDate, Optional } from '../../http/validators';

export class CreateProgrammeDto {
  @ApiProperty({ example: 'CITIES GROW 2017–2019' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ description: 'null: none (the same as leaving it out)' })
  @Clearable('')
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ format: 'date', example: '2017-02-01' })
  @IsIsoDate()
  startDate: string;

  @ApiProperty({ format: 'date', example: '2019-01-31' })
  @IsIsoDate()
  endDate: string;

  @ApiProperty({ format: 'uuid', description: 'The organisation that coordinates the programme' })
  @IsUUID('all', { message: 'coordinatorOrganisationId must be a UUID' })
  coordinatorOrganisationId: string;
}

/**
 * What a coordinator may change of a programme; every field optional (left out: kept), unknown fields
 * rejected. null clears the description; every other field (name, dates, the settings) refuses it.
 */
export class UpdateProgrammeDto {
  @ApiPropertyOptional() @Optional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ description: 'null: cleared' })
  @Clearable('')
  @IsString()
  @MaxLength(5000)
  description?: string;
  @ApiPropertyOptional({ format: 'date' }) @Optional() @IsIsoDate() startDate?: string;
  @ApiPropertyOptional({ format: 'date' }) @Optional() @IsIsoDate() endDate?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 90,
    description: 'Remind the mentee side this many days before a milestone is due',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(90)
  reminderDaysBefore?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 365,
    description: 'Escalate a milestone overdue by more than this many days',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(365)
  escalateAfterDays?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 365,
    description: 'A pair with no activity for this many days is stalled',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(365)
  stalledAfterDays?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 90,
    description: 'A submitted plan or a thread waits this many days for an answer before it is flagged',
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(90)
  respondWithinDays?: number;
}

export class ProgrammeSettingsDto {
  @ApiProperty({ type: 'integer' }) reminderDaysBefore: number;
  @ApiProperty({ type: 'integer' }) escalateAfterDays: number;
  @ApiProperty({ type: 'integer' }) stalledAfterDays: number;
  @ApiProperty({ type: 'integer' }) respondWithinDays: number;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' }) kind: OrganisationKind;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'FI' }) country: string;
}

export class ProgrammeSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ type: OrganisationDto }) coordinatorOrganisation: OrganisationDto;
  @ApiProperty({
    enum: PROGRAMME_ROLES,
    enumName: 'ProgrammeRole',
    nullable: true,
    description: 'Your role in it (null for an admin who is not a member)',
  })
  myRole: ProgrammeRole | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When a coordinator closed it (read-only for everyone: every write gets 409 PROGRAMME_CLOSED); null: open',
  })
  closedAt: string | null;
}

/** What the reader may do with the programme itself now. */
export class ProgrammePermissionsDto {
  @ApiProperty({ description: 'Change its details, settings, organisations, members, invitations, pairs' })
  manage: boolean;
  @ApiProperty() close: boolean;
  @ApiProperty() reopen: boolean;
  @ApiProperty({ description: 'Closed for long enough (deletableFrom passed)' }) delete: boolean;
}

export class ProgrammeDto extends ProgrammeSummaryDto {
  @ApiProperty({ type: ProgrammeSettingsDto, description: 'Reminder, escalation and stalled-pair thresholds' })
  settings: ProgrammeSettingsDto;

  @ApiProperty({ type: [OrganisationDto], description: 'Member organisations' })
  organisations: OrganisationDto[];

  @ApiProperty({ type: ProgrammePermissionsDto }) can: ProgrammePermissionsDto;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'From when a closed programme may be deleted; null while open',
  })
  deletableFrom: string | null;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Shown to the programme’s coordinators, to the member’s own organisation and to the organisations it is paired with (an active pair); null for everyone else',
  })
  email: string | null;
  @ApiProperty({ enum: PROGRAMME_ROLES, enumName: 'ProgrammeRole' }) role: ProgrammeRole;
  @ApiProperty({ type: OrganisationDto }) organisation: OrganisationDto;
}
