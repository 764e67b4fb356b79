import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ORGANISATION_KINDS, PROGRAMME_ROLES, type OrganisationKind, type ProgrammeRole } from '@citymentor/contracts';
import { IsIsoDate } from '../../http/validators';

export class CreateProgrammeDto {
  @ApiProperty({ example: 'CITIES GROW 2017–2019' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
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

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: OrganisationKind;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'FI' }) country: string;
}

export class ProgrammeSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ type: OrganisationDto }) coordinatorOrganisation: OrganisationDto;
  @ApiProperty({ enum: PROGRAMME_ROLES, nullable: true, description: 'Your role in it (null for an admin who is not a member)' })
  myRole: ProgrammeRole | null;
}

export class ProgrammeDto extends ProgrammeSummaryDto {
  @ApiProperty({ type: [OrganisationDto], description: 'Member organisations' })
  organisations: OrganisationDto[];
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: PROGRAMME_ROLES }) role: ProgrammeRole;
  @ApiProperty({ type: OrganisationDto }) organisation: OrganisationDto;
}
