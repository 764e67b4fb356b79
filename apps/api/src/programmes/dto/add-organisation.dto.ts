import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '@citymentor/contracts';
import { Optional } from '../../http/validators';

/** Either an existing organisation's id, or the name, kind and country of a new one; null is refused for each (400 naming it). */
export class AddOrganisationDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing organisation' })
  @Optional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({ example: 'Liège' })
  @ValidateIf((o: AddOrganisationDto) => o.organisationId === undefined)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' })
  @ValidateIf((o: AddOrganisationDto) => o.organisationId === undefined)
  @IsIn(ORGANISATION_KINDS, { message: `kind must be one of ${ORGANISATION_KINDS.join(', ')}` })
  kind?: OrganisationKind;

  @ApiPropertyOptional({ example: 'BE', description: 'ISO 3166-1 alpha-2' })
  @ValidateIf((o: AddOrganisationDto) => o.organisationId === undefined)
  @IsString()
  @Matches(/^[A-Za-z]{2}$/, { message: 'country must be a two-letter ISO 3166-1 code' })
  country?: string;
}
