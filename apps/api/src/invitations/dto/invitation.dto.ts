import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PROGRAMME_ROLES, type ProgrammeRole } from '@citymentor/contracts';
import { INVITATION_STATUSES, type InvitationStatus } from '@citymentor/domain';
import { Optional } from '../../http/validators';
import { OrganisationDto } from '../../programmes/dto/programme.dto';

export class CreateInvitationDto {
  @ApiProperty({ example: 'officer@liege.be' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ format: 'uuid', description: 'The organisation (already in the programme) the person joins for' })
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId: string;

  @ApiPropertyOptional({
    enum: PROGRAMME_ROLES,
    enumName: 'ProgrammeRole',
    description: 'Left out: from the organisation, city-member for a city, expert for a partner (null is refused)',
  })
  @Optional()
  @IsIn(PROGRAMME_ROLES, { message: `role must be one of ${PROGRAMME_ROLES.join(', ')}` })
  role?: ProgrammeRole;
}

export class AcceptInvitationDto {
  @ApiPropertyOptional({ description: 'Your name; required when you have no account yet' })
  @Optional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiProperty({ description: 'A new password (10+ characters) or, if you have an account already, your current one' })
  @IsString()
  @Length(10, 200, { message: 'password must be 10 to 200 characters long' })
  password: string;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: PROGRAMME_ROLES, enumName: 'ProgrammeRole' }) role: ProgrammeRole;
  @ApiProperty({ type: OrganisationDto }) organisation: OrganisationDto;
  @ApiProperty({
    enum: INVITATION_STATUSES,
    enumName: 'InvitationStatus',
    description:
      'pending (the link works), accepted, expired (resend to give a new link) or revoked (the link is dead)',
  })
  status: InvitationStatus;
  @ApiProperty({ format: 'date-time', description: 'When the current link was made: invited, or last resent' })
  sentAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the e-mail with the current link went out; null while it waits to be sent',
  })
  emailedAt: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
}

export class CreatedInvitationDto extends InvitationDto {
  @ApiProperty({
    description:
      'The link, e-mailed to the invitee too; it holds the one-time token and is shown only in this answer (copy it now if you hand it over yourself)',
  })
  acceptUrl: string;
}

export class InvitationPreviewDto {
  @ApiProperty() email: string;
  @ApiProperty() programmeName: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ enum: PROGRAMME_ROLES, enumName: 'ProgrammeRole' }) role: ProgrammeRole;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'The e-mail has an account already: accept with its current password' })
  accountExists: boolean;
}
