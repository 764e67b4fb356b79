import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { buildExportJob, EXPORTS_QUEUE, type BuildExportJob } from '@citymentor/contracts';
import { conflict, DataExport, notFound, User } from '@citymentor/domain';
import { WorkerWakeQueue } from '../jobs/worker-wake-queue';
import { AuditLog } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { appConfig, type AppConfig } from '../config/app.config';
import { DataExportPolicy } from './data-export.policy';
import { DataExportQueries, type DataExportRow } from './data-exports.queries';
import type { DataExportDto } from './dto/data-export.dto';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const isExpired = (r: DataExportRow, now: Date) => r.expiresAt !== null && new Date(r.expiresAt) <= now;

const toDto = (r: DataExportRow, now = new Date()): DataExportDto => ({
  id: r.id,
  status: r.status,
  progress: r.progress,
  error: r.error,
  sizeBytes: r.sizeBytes,
  createdAt: new Date(r.createdAt).toISOString(),
  finishedAt: iso(r.finishedAt),
  expiresAt: iso(r.expiresAt),
  expired: isExpired(r, now),
  downloadUrl: r.status === 'done' && !isExpired(r, now) ? `/api/v1/me/exports/${r.id}/download` : null,
});

/** The folder under REPORTS_DIR the worker writes exports to. */
export const EXPORTS_SUBDIR = 'exports';

/**
 * "My data": a person asks for a copy of their own data (a row and a BullMQ job the worker builds
 * into a .zip), follows it, and downloads it until it expires. Only they see it (DataExportPolicy).
 */
@Injectable()
export class DataExportsService implements OnApplicationShutdown {
  private readonly logger = new Logger(DataExportsService.name);
  private readonly wakeQueue: WorkerWakeQueue<BuildExportJob>;

  constructor(
    private readonly em: EntityManager,
    private readonly queries: DataExportQueries,
    private readonly policy: DataExportPolicy,
    private readonly audit: AuditLog,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {
    this.wakeQueue = new WorkerWakeQueue(EXPORTS_QUEUE, config, this.logger);
  }

  /** One queued or running export per person: another request meanwhile is a 409 naming it. */
  async create(actor: Actor): Promise<DataExportDto> {
    const running = await this.queries.unfinished(actor.userId);
    if (running) throw busy(running.id);
    const em = this.em.fork();
    const dataExport = new DataExport(em.getReference(User, actor.userId));
    em.persist(dataExport);
    this.audit.record(em, actor, { action: 'export.requested', subject: { type: 'data-export', id: dataExport.id } });
    try {
      await em.flush();
    } catch (error) {
      // A twin request won the race for the partial unique index.
      if (error instanceof UniqueConstraintViolationException) {
        const winner = await this.queries.unfinished(actor.userId);
        throw busy(winner?.id ?? null);
      }
      throw error;
    }
    await this.wakeQueue.wake(buildExportJob(dataExport.id), { exportId: dataExport.id });
    return this.get(actor, dataExport.id);
  }

  async list(actor: Actor): Promise<DataExportDto[]> {
    const now = new Date();
    return (await this.queries.ofUser(actor.userId)).map((r) => toDto(r, now));
  }

  async get(actor: Actor, id: string): Promise<DataExportDto> {
    return toDto(await this.visible(actor, id));
  }

  /** The .zip as a stream: 409 while it is being built, 404 once expired (the purge deletes it). */
  async download(actor: Actor, id: string) {
    const row = await this.visible(actor, id);
    if (row.status !== 'done' || !row.fileName)
      throw conflict(`The export is ${row.status}; download it once it is done`, { status: row.status });
    if (isExpired(row, new Date())) throw notFound('Data export file (expired)');
    const path = join(resolve(this.config.reportsDir), EXPORTS_SUBDIR, row.fileName);
    await access(path).catch(() => {
      throw notFound('Data export file');
    });
    const em = this.em.fork();
    this.audit.record(em, actor, { action: 'export.downloaded', subject: { type: 'data-export', id: row.id } });
    await em.flush();
    return {
      stream: createReadStream(path),
      fileName: `citymentor-my-data-${new Date(row.createdAt).toISOString().slice(0, 10)}.zip`,
      size: row.sizeBytes,
    };
  }

  private async visible(actor: Actor, id: string): Promise<DataExportRow> {
    const row = await this.queries.one(id);
    if (!row) throw notFound('Data export');
    this.policy.assertVisible(actor, row);
    return row;
  }

  async onApplicationShutdown() {
    await this.wakeQueue.close();
  }
}

const busy = (id: string | null) =>
  conflict('An export of your data is already being built; wait for it to finish', { exportId: id });
