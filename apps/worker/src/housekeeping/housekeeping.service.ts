import { Inject, Injectable, Logger } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, IdempotencyRecord, Invitation, Notification, RefreshToken } from '@citymentor/domain';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { reportFileName } from '../reports/reports.service';
import type { PurgeResult } from './housekeeping.jobs';
import { exportsDir } from '../exports/exports.service';
import { deleteExpiredDataExports, deleteReportsRequestedBefore } from './housekeeping.queries';

const DAY_MS = 86_400_000;

/**
 * Enforces the installation's retention periods (worker config `retention`, docs/privacy.md): once a
 * day, what has outlived its period is deleted. Every cut-off is a time, so a second run deletes nothing
 * more: running the job twice is safe.
 */
@Injectable()
export class HousekeepingService {
  private readonly logger = new Logger(HousekeepingService.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {}

  /**
   * Removes the report files of a deleted programme (its rows went in the api's transaction); a file already
   * gone is fine, so a retried job does nothing more. Only plain names inside REPORTS_DIR. The count removed.
   */
  async deleteProgrammeFiles(reportFiles: string[]): Promise<number> {
    const dir = resolve(this.config.reportsDir);
    const names = reportFiles.filter((name) => name === basename(name) && !name.startsWith('.'));
    await Promise.all(names.map((name) => rm(join(dir, name), { force: true })));
    this.logger.log({ files: names.length }, 'removed the files of a deleted programme');
    return names.length;
  }

  async purgeExpired(now: Date = new Date()): Promise<PurgeResult> {
    const { retention } = this.config;
    const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const em = this.em.fork();
    const sessionsCutOff = before(retention.sessionsDays);
    const refreshTokens = await em.nativeDelete(RefreshToken, {
      $or: [{ expiresAt: { $lt: sessionsCutOff } }, { revokedAt: { $lt: sessionsCutOff } }],
    });
    const invitations = await em.nativeDelete(Invitation, {
      acceptedAt: null,
      expiresAt: { $lt: before(retention.invitationsDays) },
    });
    const notifications = await em.nativeDelete(Notification, {
      createdAt: { $lt: before(retention.notificationsDays) },
    });
    // Answers kept for retried requests (they may hold what people wrote) are of no use once expired (24 hours).
    const idempotencyKeys = await em.nativeDelete(IdempotencyRecord, { expiresAt: { $lt: now } });
    const reports = await deleteReportsRequestedBefore(em, before(retention.reportsDays));
    // The rows went first: a file left by a crash here is only an orphan, never a report without its file.
    const dir = resolve(this.config.reportsDir);
    await Promise.all(reports.map((r) => rm(join(dir, reportFileName(r.id, r.format)), { force: true })));
    // A data export goes once past its expiry (RETENTION_EXPORTS_DAYS after it was built);
    // one never built (failed, stuck) as long after it was asked for.
    const dataExports = await deleteExpiredDataExports(em, now, before(retention.exportsDays));
    const exportsFolder = exportsDir(this.config.reportsDir);
    const exportFiles = dataExports.flatMap((e) => (e.fileName ? [join(exportsFolder, e.fileName)] : []));
    await Promise.all(exportFiles.map((file) => rm(file, { force: true })));
    const auditEntries = await em.nativeDelete(AuditEntry, { at: { $lt: before(retention.auditDays) } });
    const result = {
      refreshTokens,
      invitations,
      notifications,
      idempotencyKeys,
      reports: reports.length,
      dataExports: dataExports.length,
      auditEntries,
    };
    this.logger.log(result, 'purged what outlived its retention period');
    return result;
  }
}
