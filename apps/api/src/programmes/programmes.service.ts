import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  conflict,
  contactsVisibleTo,
  contactVisible,
  deletableFrom,
  DomainError,
  Membership,
  Organisation,
  Pair,
  Participant,
  Programme,
  User,
} from '@citymentor/domain';
import { inTransaction } from '@citymentor/persistence';
import { AuditLog } from '../audit/audit-log';
import { announceAccessChanged } from '../auth/auth.queries';
import { appConfig, type AppConfig } from '../config/app.config';
import { membershipIn, type Actor } from '../auth/actor';
import type { AddOrganisationDto } from './dto/add-organisation.dto';
import type {
  CreateProgrammeDto,
  MemberDto,
  OrganisationDto,
  ProgrammeDto,
  ProgrammeSummaryDto,
  UpdateProgrammeDto,
} from './dto/programme.dto';
import { toOrganisationDto, toProgrammeSettings, toProgrammeSummary } from './programme.mappers';
import { ProgrammePolicy } from './programme.policy';

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly em: EntityManager,
    private readonly policy: ProgrammePolicy,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  async create(actor: Actor, dto: CreateProgrammeDto): Promise<ProgrammeDto> {
    this.policy.assertCanCreate(actor, dto.coordinatorOrganisationId);
    const coordinator = await this.em.findOne(Organisation, dto.coordinatorOrganisationId);
    if (!coordinator) throw new DomainError('NOT_FOUND', 'Coordinator organisation not found');
    const programme = new Programme(dto.name, dto.startDate, dto.endDate, coordinator, dto.description);
    this.em.persist([programme, new Participant(programme, coordinator)]);
    // A coordinator who creates a programme coordinates it; an admin sets it up for others.
    const creatorCoordinates =
      !actor.isAdmin || actor.memberships.some((m) => m.organisationId === coordinator.id && m.role === 'coordinator');
    if (creatorCoordinates) {
      const membership = new Membership(
        this.em.getReference(User, actor.userId),
        programme,
        coordinator,
        'coordinator',
      );
      this.em.persist(membership);
      this.audit.record(this.em, actor, {
        action: 'membership.added',
        subject: { type: 'membership', id: membership.id },
        programmeId: programme.id,
        details: { userId: actor.userId, organisation: coordinator.name, role: 'coordinator' },
      });
    }
    await this.em.flush();
    return {
      ...toProgrammeSummary(programme, creatorCoordinates ? 'coordinator' : null),
      settings: toProgrammeSettings(programme),
      organisations: [toOrganisationDto(coordinator)],
      ...this.lifecycle(actor, programme),
    };
  }

  /** The programmes the actor belongs to (an admin sees all). */
  async list(actor: Actor): Promise<ProgrammeSummaryDto[]> {
    const ids = actor.memberships.map((m) => m.programmeId);
    const programmes = await this.em.find(Programme, actor.isAdmin ? {} : { id: { $in: ids } }, {
      populate: ['coordinatorOrganisation'],
      orderBy: { startDate: 'desc', name: 'asc' },
    });
    return programmes.map((p) => toProgrammeSummary(p, membershipIn(actor, p.id)?.role ?? null));
  }

  async get(actor: Actor, id: string): Promise<ProgrammeDto> {
    const membership = this.policy.assert(actor, 'read', id);
    const programme = await this.findOrFail(id);
    return {
      ...toProgrammeSummary(programme, membership?.role ?? null),
      settings: toProgrammeSettings(programme),
      organisations: await this.organisations(actor, id),
      ...this.lifecycle(actor, programme),
    };
  }

  /** What the actor may do with the programme as it is now, and from when a closed one may be deleted. */
  private lifecycle(actor: Actor, programme: Programme): Pick<ProgrammeDto, 'can' | 'deletableFrom'> {
    const from = deletableFrom(programme.closedAt, this.config.programmeDeleteAfterClosedDays);
    return {
      can: this.policy.permissions(actor, programme.id, programme.closedAt, from),
      deletableFrom: from?.toISOString() ?? null,
    };
  }

  /** A coordinator renames the programme, moves its period or changes its reminder and stalled-pair thresholds. */
  async update(actor: Actor, id: string, dto: UpdateProgrammeDto): Promise<ProgrammeDto> {
    this.policy.assert(actor, 'manage', id);
    const programme = await this.findOrFail(id);
    programme.update(dto);
    await this.em.flush();
    return this.get(actor, id);
  }

  async organisations(actor: Actor, id: string): Promise<OrganisationDto[]> {
    this.policy.assert(actor, 'read', id);
    const participants = await this.em.find(
      Participant,
      { programme: id },
      { populate: ['organisation'], orderBy: { organisation: { name: 'asc' } } },
    );
    return participants.map((p) => toOrganisationDto(p.organisation));
  }

  async addOrganisation(actor: Actor, id: string, dto: AddOrganisationDto): Promise<OrganisationDto> {
    this.policy.assert(actor, 'manage', id);
    const programme = await this.findOrFail(id);
    let organisation: Organisation | null;
    if (dto.organisationId) {
      organisation = await this.em.findOne(Organisation, dto.organisationId);
      if (!organisation) throw new DomainError('NOT_FOUND', 'Organisation not found');
      if (await this.em.count(Participant, { programme, organisation }))
        throw conflict(`${organisation.name} is already in this programme`);
    } else {
      const name = dto.name!.trim();
      if (await this.em.count(Organisation, { name })) {
        throw new DomainError(
          'ALREADY_EXISTS',
          `An organisation named "${name}" exists already; add it by its organisationId`,
        );
      }
      organisation = new Organisation(name, dto.kind!, dto.country!);
    }
    this.em.persist(new Participant(programme, organisation));
    await this.em.flush();
    return toOrganisationDto(organisation);
  }

  async members(actor: Actor, id: string): Promise<MemberDto[]> {
    const membership = this.policy.assert(actor, 'read', id);
    const [memberships, pairs] = await Promise.all([
      this.em.find(
        Membership,
        { programme: id },
        { populate: ['user', 'organisation'], orderBy: { organisation: { name: 'asc' }, user: { name: 'asc' } } },
      ),
      this.em.find(Pair, { programme: id, status: 'active' }, { fields: ['mentorOrganisation', 'menteeOrganisation'] }),
    ]);
    const visible = contactsVisibleTo(
      {
        isAdmin: actor.isAdmin,
        role: membership?.role ?? null,
        organisationIds: actor.memberships.filter((m) => m.programmeId === id).map((m) => m.organisationId),
      },
      pairs.map((p) => ({
        mentorOrganisationId: p.mentorOrganisation.id,
        menteeOrganisationId: p.menteeOrganisation.id,
      })),
    );
    return memberships.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: contactVisible(visible, m.organisation.id) ? m.user.email : null,
      role: m.role,
      organisation: toOrganisationDto(m.organisation),
    }));
  }

  /**
   * Ends someone's membership. Their open sockets are told at commit (NOTIFY citymentor_access)
   * and leave the rooms they may no longer read.
   */
  async removeMember(actor: Actor, id: string, userId: string): Promise<void> {
    this.policy.assert(actor, 'manage', id);
    const membership = await this.em.findOne(Membership, { programme: id, user: userId });
    if (!membership) throw new DomainError('NOT_FOUND', 'Member not found');
    if (userId === actor.userId) throw conflict('You cannot remove yourself; ask another coordinator');
    await inTransaction(this.em, async () => {
      this.em.remove(membership);
      this.audit.record(this.em, actor, {
        action: 'membership.removed',
        subject: { type: 'membership', id: membership.id },
        programmeId: id,
        details: { userId, organisationId: membership.organisation.id, role: membership.role },
      });
      await this.em.flush();
      await announceAccessChanged(this.em, userId);
    });
  }

  private async findOrFail(id: string): Promise<Programme> {
    const programme = await this.em.findOne(Programme, id, { populate: ['coordinatorOrganisation'] });
    if (!programme) throw new DomainError('NOT_FOUND', 'Programme not found');
    return programme;
  }
}
