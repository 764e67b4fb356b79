import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { ConsortiumMilestone, DomainError, Programme } from '@citymentor/domain';
import { EventLog, type AnyEvent } from '../events/event-log';
import type { Actor } from '../auth/actor';
import type {
  ConsortiumMilestoneDto,
  CreateConsortiumMilestoneDto,
  DeleteConsortiumMilestoneDto,
  UpdateConsortiumMilestoneDto,
} from './dto/consortium-milestone.dto';
import { toConsortiumMilestoneDto } from './programme.mappers';
import { ProgrammePolicy } from './programme.policy';

/** The consortium's own milestones: members read them, coordinators set them. */
@Injectable()
export class ConsortiumMilestonesService {
  constructor(
    private readonly em: EntityManager,
    private readonly policy: ProgrammePolicy,
    private readonly events: EventLog,
  ) {}

  async list(actor: Actor, programmeId: string): Promise<ConsortiumMilestoneDto[]> {
    this.policy.assert(actor, 'read', programmeId);
    const milestones = await this.em.find(
      ConsortiumMilestone,
      { programme: programmeId },
      { orderBy: { dueDate: 'asc', title: 'asc' } },
    );
    return milestones.map((m) => toConsortiumMilestoneDto(m));
  }

  async create(actor: Actor, programmeId: string, dto: CreateConsortiumMilestoneDto): Promise<ConsortiumMilestoneDto> {
    this.policy.assert(actor, 'manage', programmeId);
    const programme = await this.em.findOne(Programme, programmeId);
    if (!programme) throw new DomainError('NOT_FOUND', 'Programme not found');
    const milestone = new ConsortiumMilestone(programme, dto.title, dto.dueDate, dto.description);
    if (dto.status) milestone.status = dto.status;
    this.em.persist(milestone);
    await this.events.flushWith(this.em, () => this.announce(actor, milestone));
    return toConsortiumMilestoneDto(milestone);
  }

  async update(
    actor: Actor,
    programmeId: string,
    id: string,
    dto: UpdateConsortiumMilestoneDto,
  ): Promise<ConsortiumMilestoneDto> {
    const milestone = await this.managed(actor, programmeId, id);
    const { version, ...changes } = dto;
    const previousDueDate = milestone.dueDate;
    milestone.update(version, changes);
    await this.events.flushWith(this.em, () => this.announce(actor, milestone, previousDueDate));
    return toConsortiumMilestoneDto(milestone);
  }

  /** Deletes it against the version the coordinator saw; the reason stays in the activity feed. */
  async remove(actor: Actor, programmeId: string, id: string, dto: DeleteConsortiumMilestoneDto): Promise<void> {
    const milestone = await this.managed(actor, programmeId, id);
    milestone.assertVersion(dto.version);
    // A DELETE does not check the version as an UPDATE does: the row is locked and read again, then removed.
    const removeIfStillSeen = async () => {
      const now = await this.em.findOne(ConsortiumMilestone, id, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
        refresh: true,
      });
      if (!now) throw new DomainError('NOT_FOUND', 'Consortium milestone not found');
      now.assertVersion(dto.version);
      this.em.remove(now);
    };
    await this.events.flushWith(
      this.em,
      () => ({
        room: `programme:${programmeId}`,
        type: 'programme.milestone.deleted',
        payload: {
          programmeId,
          milestoneId: milestone.id,
          title: milestone.title,
          dueDate: milestone.dueDate,
          reason: dto.reason.trim(),
        },
        actorId: actor.userId,
        programmeId,
      }),
      removeIfStillSeen,
    );
  }

  private async managed(actor: Actor, programmeId: string, id: string): Promise<ConsortiumMilestone> {
    this.policy.assert(actor, 'manage', programmeId);
    const milestone = await this.em.findOne(ConsortiumMilestone, { id, programme: programmeId });
    if (!milestone) throw new DomainError('NOT_FOUND', 'Consortium milestone not found');
    return milestone;
  }

  private announce(actor: Actor, m: ConsortiumMilestone, previousDueDate?: string): AnyEvent {
    const programmeId = m.programme.id;
    return {
      room: `programme:${programmeId}`,
      type: 'programme.milestone.updated',
      payload: {
        programmeId,
        milestoneId: m.id,
        title: m.title,
        dueDate: m.dueDate,
        previousDueDate: previousDueDate !== undefined && previousDueDate !== m.dueDate ? previousDueDate : null,
        status: m.status,
        version: m.version,
      },
      actorId: actor.userId,
      programmeId,
    };
  }
}
