import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '@citymentor/contracts';
import { CurrentActor, type Actor } from '../auth/actor';
import { OrganisationDto } from '../programmes/dto/programme.dto';
import { OrganisationsService } from './organisations.service';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Liège' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' })
  @IsIn(ORGANISATION_KINDS, { message: `kind must be one of ${ORGANISATION_KINDS.join(', ')}` })
  kind: OrganisationKind;
  @ApiProperty({ example: 'BE' })
  @IsString()
  @Matches(/^[A-Za-z]{2}$/, { message: 'country must be a two-letter ISO 3166-1 code' })
  country: string;
}

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @ApiOperation({
    summary: 'List organisations',
    description:
      'Any signed-in user. The installation admin gets every organisation; everyone else gets the organisations of the programmes they belong to. Sorted by name.',
  })
  @ApiOkResponse({ type: [OrganisationDto] })
  list(@CurrentActor() actor: Actor): Promise<OrganisationDto[]> {
    return this.organisations.list(actor);
  }

  @Post()
  @ApiOperation({
    summary: 'Create an organisation',
    description:
      'Installation admin only (others get 403). Creates an organisation outside any programme; a name already taken is 409 ALREADY_EXISTS. Coordinators add organisations with POST /programmes/{id}/organisations instead.',
  })
  @ApiCreatedResponse({ type: OrganisationDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.organisations.create(actor, dto);
  }
}
