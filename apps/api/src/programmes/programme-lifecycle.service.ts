import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import {
  deleteProgrammeFilesJob,
  HOUSEKEEPING_QUEUE,
  type AuditAction,
  type DeleteProgrammeFilesJob,
} from '@citymentor/contracts';
import { assertDeletable, deletableFrom, DomainError, Programme, User } from '@citymentor/domain';
import { inTransaction } from '@citymentor/persistence';
import { AuditLog } from '../audit/audit-log';
import { announceAccessChanged } from '../auth/auth.queries';
import type { Actor } from '../auth/actor';
import { appConfig, type AppConfig } from '../config/app.config';
import { EventLog } from '../events/event-log';
import { WorkerWakeQueue } from '../jobs/worker-wake-queue';
import type { DeleteProgrammeDto, ProgrammeDeletionPreviewDto } from './dto/programme-lifecycle.dto';
import type { ProgrammeDto } from './dto/programme.dto';
import { deleteProgrammeRows, deletionCounts, memberIdsOf, reportFilesOf } from './programme-lifecycle.queries';
import { ProgrammePolicy } from './programme.policy';
import { ProgrammesService } from './programmes.service';

/**
 * A programme's end: a coordinator closes it (read-only for everyone: the policies refuse every write with 409
 * PROGRAMME_CLOSED), reopens it, and deletes it once it has been closed for PROGRAMME_DELETE_AFTER_CLOSED_DAYS,
 * confirming with its name. Deletion removes every row of it in one transaction; the worker removes its files.
 */
@Injectable()
export class ProgrammeLifecycleService implements OnApplicationShutdown {
  private readonly logger = new Logger(ProgrammeLifecycleService.name);
  private readonly files: WorkerWakeQueue<DeleteProgrammeFilesJob>;

  constructor(
    private readonly em: EntityManager,
    private readonly policy: ProgrammePolicy,
    private readonly programmes: ProgrammesService,
    private readonly events: EventLog,
    private readonly audit: AuditLog,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {
    this.files = new WorkerWakeQueue(HOUSEKEEPING_QUEUE, config, this.logger);
  }

  async close(actor: Actor, id: string): Promise<ProgrammeDto> {
    this.policy.assert(actor, 'oversee', id);
    const programme = await this.find(id);
    programme.close(this.em.getReference(User, actor.userId));
    this.recordAudit(actor, 'programme.closed', id);
    await this.events.flushWith(this.em, () => ({
      room: `programme:${id}`,
      type: 'programme.closed',
      payload: { programmeId: id, name: programme.name, closedAt: programme.closedAt!.toISOString() },
      actorId: actor.userId,
      programmeId: id,
    }));
    return this.programmes.get(actor, id);
  }

  async reopen(actor: Actor, id: string): Promise<ProgrammeDto> {
    this.policy.assert(actor, 'oversee', id);
    const programme = await this.find(id);
    programme.reopen();
    this.recordAudit(actor, 'programme.reopened', id);
    await this.events.flushWith(this.em, () => ({
      room: `programme:${id}`,
      type: 'programme.reopened',
      payload: { programmeId: id, name: programme.name },
      actorId: actor.userId,
      programmeId: id,
    }));
    return this.programmes.get(actor, id);
  }

  async preview(actor: Actor, id: string): Promise<ProgrammeDeletionPreviewDto> {
    this.policy.assert(actor, 'oversee', id);
    const programme = await this.find(id);
    const from = deletableFrom(programme.closedAt, this.config.programmeDeleteAfterClosedDays);
    return {
      programmeId: id,
      name: programme.name,
      closedAt: programme.closedAt?.toISOString() ?? null,
      deletableFrom: from?.toISOString() ?? null,
      deletable: !!from && from <= new Date(),
      counts: await deletionCounts(this.em, id),
    };
  }

  /**
   * Deletes the programme and everything in it in one transaction (its row locked, the rules checked again on
   * it), tells its members' sockets their access changed, then queues the removal of its report files.
   */
  async delete(actor: Actor, id: string, dto: DeleteProgrammeDto): Promise<void> {
    this.policy.assert(actor, 'oversee', id);
    const reportFiles = await inTransaction(this.em, async () => {
      const programme = await this.em.findOne(Programme, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!programme) throw new DomainError('NOT_FOUND', 'Programme not found');
      assertDeletable(programme.closedAt, this.config.programmeDeleteAfterClosedDays);
      if (dto.confirm.trim() !== programme.name) {
        const message = "confirm must be the programme's name, exactly";
        throw new DomainError('VALIDATION_FAILED', message, [{ path: 'confirm', message }]);
      }
      const members = await memberIdsOf(this.em, id);
      const files = await reportFilesOf(this.em, id);
      const counts = await deletionCounts(this.em, id);
      await deleteProgrammeRows(this.em, id);
      this.recordAudit(actor, 'programme.deleted', id, { name: programme.name, counts });
      for (const userId of members) await announceAccessChanged(this.em, userId);
      return files;
    });
    this.em.clear();
    if (reportFiles.length) await this.files.wake(deleteProgrammeFilesJob(id, reportFiles), { programmeId: id });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.files.close();
  }

  /** The audit entry goes into the change's own flush; a deleted programme's entries stay (ids only). */
  private recordAudit(actor: Actor, action: AuditAction, id: string, details?: Record<string, unknown>): void {
    this.audit.record(this.em, actor, { action, subject: { type: 'programme', id }, programmeId: id, details });
  }

  private async find(id: string): Promise<Programme> {
    const programme = await this.em.findOne(Programme, id);
    if (!programme) throw new DomainError('NOT_FOUND', 'Programme not found');
    return programme;
  }
}
