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
