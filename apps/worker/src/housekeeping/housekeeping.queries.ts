import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReportFormat } from '@citymentor/domain';

/** Deletes the reports requested before `cutOff`, saying which went (their files are the caller's to remove). */
export async function deleteReportsRequestedBefore(
  em: EntityManager,
  cutOff: Date,
): Promise<{ id: string; format: ReportFormat }[]> {
  return em
    .getConnection()
    .execute<{ id: string; format: ReportFormat }[]>(`delete from reports where created_at < ? returning id, format`, [
      cutOff,
    ]);
}

/**
 * Deletes the data exports past their expiry, and those never built (failed, or stuck) requested before
 * `unbuiltCutOff`, saying which files went with them (the caller removes those).
 */
export async function deleteExpiredDataExports(
  em: EntityManager,
  now: Date,
  unbuiltCutOff: Date,
): Promise<{ id: string; fileName: string | null }[]> {
  return em
    .getConnection()
    .execute<{ id: string; fileName: string | null }[]>(
      `delete from data_exports where expires_at < ? or (expires_at is null and created_at < ?) returning id, file_name as "fileName"`,
      [now, unbuiltCutOff],
    );
}
