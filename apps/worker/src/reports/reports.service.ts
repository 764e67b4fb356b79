import { Inject, Injectable, Logger } from '@nestjs/common';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import { REPORT_EXTENSIONS, todayIso, type ReportFormat, type ReportStatus } from '@citymentor/domain';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { writeAtomically } from '../files/write-atomically';
import { appendEvents } from '@citymentor/persistence';
import { reportCsv } from './report-csv';
import { loadOpenData, openDataZip } from './open-data';
import { loadReportData } from './report-data';
import { writeReportPdf } from './report-pdf';
import { writeReportXlsx } from './report-xlsx';
import { recordProgress, reportRow, type ReportRow } from './reports.queries';

/** The file name of a report under REPORTS_DIR (the api streams it from there). */
export const reportFileName = (id: string, format: ReportFormat) => `${id}.${REPORT_EXTENSIONS[format]}`;

/**
 * Builds a report into REPORTS_DIR and records its progress (the row, and a `report.updated` event
 * in the requester's room). Idempotent: a retried job writes the same file again (to a temporary
 * name, then renamed), and a report already done is left alone.
 */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {}

  async build(reportId: string, today = todayIso()): Promise<{ fileName: string; sizeBytes: number } | null> {
    const report = await reportRow(this.em.fork(), reportId);
    if (!report) throw new Error(`report ${reportId} not found`);
    if (report.status === 'done') return null;
    await this.progress(report, 'running', 5);
    const fileName = reportFileName(report.id, report.format);
    const write =
      report.format === 'datapackage'
        ? await this.openDataWriter(report.programmeId, today)
        : await this.reportWriter(report, today);
    const size = await writeAtomically(resolve(this.config.reportsDir), fileName, write);
    await this.progress(report, 'done', 100, { fileName, sizeBytes: size });
    this.logger.log({ reportId, format: report.format, size }, 'built a report');
    return { fileName, sizeBytes: size };
  }

  private async reportWriter(report: ReportRow, today: string) {
    const data = await loadReportData(this.em.fork(), report.programmeId, today, report.locale);
    await this.progress(report, 'running', 25);
    return (path: string) =>
      report.format === 'csv'
        ? writeFile(path, reportCsv(data), 'utf8')
        : report.format === 'xlsx'
          ? writeReportXlsx(data, path)
          : writeReportPdf(data, path, (percent) => this.progress(report, 'running', percent));
  }

  private async openDataWriter(programmeId: string, today: string) {
    const data = await loadOpenData(this.em.fork(), programmeId, today);
    return (path: string) => writeFile(path, openDataZip(data, new Date()));
  }

  /** After the last attempt failed: the report says so, with the reason. */
  async fail(reportId: string, error: string) {
    const report = await reportRow(this.em.fork(), reportId);
    if (report && report.status !== 'done') await this.progress(report, 'failed', 0, { error: error.slice(0, 1000) });
  }

  private async progress(
    report: Pick<ReportRow, 'id' | 'requestedById'>,
    status: ReportStatus,
    progress: number,
    extra: { fileName?: string; sizeBytes?: number; error?: string } = {},
  ) {
    await this.em.fork().transactional(async (tx) => {
      // Progress reported while the PDF is drawn is not awaited: a late one must never move a
      // finished report (or a further step) back.
      if (!(await recordProgress(tx, report.id, status, progress, extra))) return;
      await appendEvents(tx, [
        {
          room: `user:${report.requestedById}`,
          type: 'report.updated',
          payload: { reportId: report.id, status, progress },
          actorId: null,
          programmeId: null,
        },
      ]);
    });
  }
}
