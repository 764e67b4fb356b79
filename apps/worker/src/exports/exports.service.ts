import { Inject, Injectable, Logger } from '@nestjs/common';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import type { DataExportStatus } from '@citymentor/domain';
import { appendEvents } from '@citymentor/persistence';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { writeAtomically } from '../files/write-atomically';
import { exportArchive, exportReadme, type ArchiveFile } from './export-archive';
import { EXPORT_KINDS, exportRow, recordExportProgress, type ExportRow } from './exports.queries';

/** The folder of the exports, under REPORTS_DIR (the api streams them from there). */
export const exportsDir = (reportsDir: string) => join(resolve(reportsDir), 'exports');
export const exportFileName = (id: string) => `${id}.zip`;

/**
 * Builds a person's data export into `<REPORTS_DIR>/exports` and records its progress (the row, and an
 * `export.updated` event in that person's own room). Idempotent like reports: a retried job writes the
 * same file again (to a temporary name, then renamed), and an export already done is left alone.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {}

  async build(exportId: string): Promise<{ fileName: string; sizeBytes: number } | null> {
    const row = await exportRow(this.em.fork(), exportId);
    if (!row) throw new Error(`data export ${exportId} not found`);
    if (row.status === 'done') return null;
    await this.progress(row, 'running', 5);
    const em = this.em.fork();
    const files: ArchiveFile[] = [];
    for (const [i, kind] of EXPORT_KINDS.entries()) {
      files.push({ file: kind.file, holds: kind.holds, content: await kind.read(em, row.userId) });
      await this.progress(row, 'running', 5 + Math.round(((i + 1) / EXPORT_KINDS.length) * 85));
    }
    const profile = files[0].content as { name?: string; email?: string };
    const archive = exportArchive(
      files,
      exportReadme(files, { name: profile.name ?? '', email: profile.email ?? '' }, new Date()),
    );
    const fileName = exportFileName(row.id);
    const size = await writeAtomically(exportsDir(this.config.reportsDir), fileName, (path) =>
      writeFile(path, archive, { mode: 0o600 }),
    );
    await this.progress(row, 'done', 100, {
      fileName,
      sizeBytes: size,
      expiresInDays: this.config.retention.exportsDays,
    });
    this.logger.log({ exportId, size }, 'built a data export');
    return { fileName, sizeBytes: size };
  }

  /** After the last attempt failed: the export says so, with the reason. */
  async fail(exportId: string, error: string) {
    const row = await exportRow(this.em.fork(), exportId);
    if (row && row.status !== 'done') await this.progress(row, 'failed', 0, { error: error.slice(0, 1000) });
  }

  private async progress(
    row: Pick<ExportRow, 'id' | 'userId'>,
    status: DataExportStatus,
    progress: number,
    extra: { fileName?: string; sizeBytes?: number; error?: string; expiresInDays?: number } = {},
  ) {
    await this.em.fork().transactional(async (tx) => {
      if (!(await recordExportProgress(tx, row.id, status, progress, extra))) return;
      await appendEvents(tx, [
        {
          room: `user:${row.userId}`,
          type: 'export.updated',
          payload: { exportId: row.id, status, progress },
          actorId: null,
          programmeId: null,
        },
      ]);
    });
  }
}
