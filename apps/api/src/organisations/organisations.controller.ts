import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { EntityManager } from '@mikro-orm/postgresql';
import { ORGANISATION_KINDS, type OrganisationKind } from '@citymentor/contracts';
import { DomainError, forbidden, Organisation, Participant } from '@citymentor/domain';
import { CurrentActor, type Actor } from '../auth/actor';
import { OrganisationDto } from '../programmes/dto/programme.dto';
import { toOrganisationDto } from '../programmes/programme.mappers';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Liège' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS, { message: `kind must be one of ${ORGANISATION_KINDS.join(', ')}` })
  kind: OrganisationKind;
  @ApiProperty({ example: 'BE' })
  @IsString()
  @Matches(/^[A-Za-z]{2}$/, { message: 'country must be a two-letter ISO 3166-1 code' })
  country: string;
}

/** The installation's organisations. An admin manages them; others see those of their programmes. */
@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly em: EntityManager) {}

  @Get()
  @ApiOkResponse({ type: [OrganisationDto] })
  async list(@CurrentActor() actor: Actor): Promise<OrganisationDto[]> {
    const programmes = actor.memberships.map((m) => m.programmeId);
    const organisations = actor.isAdmin
      ? await this.em.find(Organisation, {}, { orderBy: { name: 'asc' } })
      : (await this.em.find(Participant, { programme: { $in: programmes } }, { populate: ['organisation'] })).map((p) => p.organisation);
    return [...new Map(organisations.map((o) => [o.id, toOrganisationDto(o)])).values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  @Post()
  @ApiCreatedResponse({ type: OrganisationDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateOrganisationDto): Promise<OrganisationDto> {
    if (!actor.isAdmin) throw forbidden('Only an admin may create organisations outside a programme');
    if (await this.em.count(Organisation, { name: dto.name.trim() })) throw new DomainError('ALREADY_EXISTS', `An organisation named "${dto.name.trim()}" exists already`);
    const organisation = new Organisation(dto.name, dto.kind, dto.country);
    await this.em.persistAndFlush(organisation);
    return toOrganisationDto(organisation);
  }
}
