import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { DataExportStatus } from '@citymentor/domain';

/** A data export as the lean reads give it. */
export interface DataExportRow {
  id: string;
  userId: string;
  status: DataExportStatus;
  progress: number;
  error: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
}

const COLUMNS = `id, user_id as "userId", status, progress, error, file_name as "fileName", size_bytes as "sizeBytes",
  created_at as "createdAt", finished_at as "finishedAt", expires_at as "expiresAt"`;

/** The api's data-export SQL: one export (for the policy to judge), and a person's own, newest first. */
@Injectable()
export class DataExportQueries {
  constructor(private readonly em: EntityManager) {}

  async one(id: string): Promise<DataExportRow | null> {
    const [row] = await this.em
      .getConnection()
      .execute<DataExportRow[]>(`select ${COLUMNS} from data_exports where id = ?`, [id]);
    return row ?? null;
  }

  ofUser(userId: string): Promise<DataExportRow[]> {
    return this.em
      .getConnection()
      .execute<DataExportRow[]>(
        `select ${COLUMNS} from data_exports where user_id = ? order by created_at desc, id desc limit 50`,
        [userId],
      );
  }

  /** The person's export still queued or running, if any (at most one: a partial unique index). */
  async unfinished(userId: string): Promise<{ id: string } | null> {
    const [row] = await this.em
      .getConnection()
      .execute<{ id: string }[]>(`select id from data_exports where user_id = ? and status in ('queued', 'running')`, [
        userId,
      ]);
    return row ?? null;
  }
}
