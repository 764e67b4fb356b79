import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { ReportFormat, ReportLocale, ReportStatus } from '@citymentor/domain';

/** A report request as the lean read gives it. */
export interface ReportRow {
  id: string;
  programmeId: string;
  format: ReportFormat;
  locale: ReportLocale;
  status: ReportStatus;
  progress: number;
  error: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/**
 * The api's reports SQL: the lean read of one report, its programme included, for the caller to ask the
 * policy. Reports are requested through the `Report` entity in `ReportsService`; the worker builds them.
 */
@Injectable()
export class ReportQueries {
  constructor(private readonly em: EntityManager) {}

  async one(id: string): Promise<ReportRow | null> {
    const [row] = await this.em.getConnection().execute<ReportRow[]>(
      `select id, programme_id as "programmeId", format, locale, status, progress, error, file_name as "fileName", size_bytes as "sizeBytes",
         created_at as "createdAt", finished_at as "finishedAt" from reports where id = ?`,
      [id],
    );
    return row ?? null;
  }
}
