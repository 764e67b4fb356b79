import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReportFormat, ReportStatus } from '@citymentor/domain';

/*
 * The report rows' SQL (the report's own data is read by report-data.ts). Progress is a guarded update:
 * one statement that never moves a finished report, or a further step, back (docs/decisions/0011).
 */

export interface ReportRow {
  id: string;
  programmeId: string;
  requestedById: string;
  format: ReportFormat;
  status: ReportStatus;
}

/** The report's row, with its programme when the caller builds it. */
export async function reportRow(em: EntityManager, id: string): Promise<ReportRow | undefined> {
  const [row] = await em.execute<ReportRow[]>(
    `select id, programme_id as "programmeId", requested_by_id as "requestedById", format, status from reports where id = ?`,
    [id],
  );
  return row;
}

/** Records progress unless the report is finished or further along already; false when nothing changed. */
export async function recordProgress(
  tx: EntityManager,
  id: string,
  status: ReportStatus,
  progress: number,
  extra: { fileName?: string; sizeBytes?: number; error?: string },
): Promise<boolean> {
  const updated = await tx.execute<{ id: string }[]>(
    `update reports set status = ?, progress = ?, file_name = coalesce(?, file_name), size_bytes = coalesce(?, size_bytes), error = ?,
       finished_at = case when ? in ('done', 'failed') then now() else null end
     where id = ? and status not in ('done', 'failed') and (? <> 'running' or progress <= ?)
     returning id`,
    [
      status,
      progress,
      extra.fileName ?? null,
      extra.sizeBytes ?? null,
      extra.error ?? null,
      status,
      id,
      status,
      progress,
    ],
  );
  return updated.length > 0;
}

/** Reports queued or running for longer than `olderThanSecs` (their jobs may be lost). */
export function unfinishedReports(em: EntityManager, olderThanSecs: number): Promise<{ id: string }[]> {
  return em.execute<{ id: string }[]>(
    `select id from reports where status in ('queued', 'running') and created_at < now() - make_interval(secs => ?)`,
    [olderThanSecs],
  );
}
