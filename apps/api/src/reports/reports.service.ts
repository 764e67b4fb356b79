import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import { buildReportJob, REPORTS_QUEUE, type BuildReportJob } from '@citymentor/contracts';
import {
  conflict,
  notFound,
  Programme,
  Report,
  REPORT_EXTENSIONS,
  User,
  type ReportFormat,
  type ReportLocale,
} from '@citymentor/domain';
import { WorkerWakeQueue } from '../jobs/worker-wake-queue';
import type { Actor } from '../auth/actor';
import { appConfig, type AppConfig } from '../config/app.config';
import { DashboardPolicy } from '../dashboard/dashboard.policy';
import type { ReportDto } from './dto/report.dto';
import { ReportQueries, type ReportRow } from './reports.queries';

const toDto = (r: ReportRow): ReportDto => ({
  id: r.id,
  programmeId: r.programmeId,
  format: r.format,
  locale: r.locale,
  status: r.status,
  progress: r.progress,
  error: r.error,
  sizeBytes: r.sizeBytes,
  createdAt: new Date(r.createdAt).toISOString(),
  finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
  downloadUrl: r.status === 'done' ? `/api/v1/reports/${r.id}/download` : null,
});

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  datapackage: 'application/zip',
};

/** The name the browser saves a report under: the open-data package says what it is. */
const downloadName = (format: ReportFormat, createdAt: Date) =>
  `${format === 'datapackage' ? 'open-data' : 'report'}-${createdAt.toISOString().slice(0, 10)}.${REPORT_EXTENSIONS[format]}`;

/**
 * Funder reports: a row per request and a BullMQ job (id derived from the report's) that the worker
 * builds. Who may ask for, see and download a programme's reports is who may see its dashboard.
 */
@Injectable()
export class ReportsService implements OnApplicationShutdown {
  private readonly logger = new Logger(ReportsService.name);
  private readonly wakeQueue: WorkerWakeQueue<BuildReportJob>;

  constructor(
    private readonly em: EntityManager,
    private readonly queries: ReportQueries,
    private readonly policy: DashboardPolicy,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {
    this.wakeQueue = new WorkerWakeQueue(REPORTS_QUEUE, config, this.logger);
  }

  async create(actor: Actor, programmeId: string, format: ReportFormat, locale: ReportLocale): Promise<ReportDto> {
    this.policy.assert(actor, programmeId);
    const em = this.em.fork();
    const report = new Report(
      em.getReference(Programme, programmeId),
      em.getReference(User, actor.userId),
      format,
      locale,
    );
    await em.persistAndFlush(report);
    // Redis down or slow: answer anyway, the worker queues the report itself (see WorkerWakeQueue).
    await this.wakeQueue.wake(buildReportJob(report.id), { reportId: report.id });
    return this.get(actor, report.id);
  }

  async get(actor: Actor, id: string): Promise<ReportDto> {
    return toDto(await this.visible(actor, id));
  }

  /** The finished file as a stream; 409 while it is not built yet. */
  async download(actor: Actor, id: string) {
    const report = await this.visible(actor, id);
    if (report.status !== 'done' || !report.fileName)
      throw conflict(`The report is ${report.status}; download it once it is done`, { status: report.status });
    const path = join(resolve(this.config.reportsDir), report.fileName);
    await access(path).catch(() => {
      throw notFound('Report file');
    });
    return {
      stream: createReadStream(path),
      type: CONTENT_TYPES[report.format],
      fileName: downloadName(report.format, report.createdAt),
      size: report.sizeBytes,
    };
  }

  private async visible(actor: Actor, id: string): Promise<ReportRow> {
    const row = await this.queries.one(id);
    if (!row) throw notFound('Report');
    row.createdAt = new Date(row.createdAt);
    this.policy.assert(actor, row.programmeId);
    return row;
  }

  async onApplicationShutdown() {
    await this.wakeQueue.close();
  }
}
