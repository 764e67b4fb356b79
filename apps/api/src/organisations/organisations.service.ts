import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, forbidden, Organisation, Participant } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import type { OrganisationDto } from '../programmes/dto/programme.dto';
import { toOrganisationDto } from '../programmes/programme.mappers';
import type { CreateOrganisationDto } from './organisations.controller';

/** The installation's organisations: an admin manages them; others see those of their programmes. */
@Injectable()
export class OrganisationsService {
  constructor(private readonly em: EntityManager) {}

  async list(actor: Actor): Promise<OrganisationDto[]> {
    const programmes = actor.memberships.map((m) => m.programmeId);
    const organisations = actor.isAdmin
      ? await this.em.find(Organisation, {}, { orderBy: { name: 'asc' } })
      : (await this.em.find(Participant, { programme: { $in: programmes } }, { populate: ['organisation'] })).map(
          (p) => p.organisation,
        );
    return [...new Map(organisations.map((o) => [o.id, toOrganisationDto(o)])).values()].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  }

  async create(actor: Actor, dto: CreateOrganisationDto): Promise<OrganisationDto> {
    if (!actor.isAdmin) throw forbidden('Only an admin may create organisations outside a programme');
    const name = dto.name.trim();
    if (await this.em.count(Organisation, { name }))
      throw new DomainError('ALREADY_EXISTS', `An organisation named "${name}" exists already`);
    const organisation = new Organisation(name, dto.kind, dto.country);
    await this.em.persistAndFlush(organisation);
    return toOrganisationDto(organisation);
  }
}
