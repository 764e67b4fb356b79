import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../identity/user.entity';

export const DATA_EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type DataExportStatus = (typeof DATA_EXPORT_STATUSES)[number];

/**
 * A person's request for a copy of their own data (GDPR art. 15 and 20), built by the worker into a
 * .zip. Only that person may see or download it. At most one is queued or running per person at a time
 * (the partial unique index). Kept until `expiresAt` (set when built: RETENTION_EXPORTS_DAYS later),
 * then the daily purge deletes the row and its file.
 */
@Entity({ tableName: 'data_exports' })
@Index({ properties: ['user', 'createdAt'] })
@Index({
  name: 'data_exports_one_unfinished_per_user',
  expression: `create unique index "data_exports_one_unfinished_per_user" on "data_exports" ("user_id") where "status" in ('queued', 'running')`,
})
export class DataExport {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user: User;

  @Enum({ items: [...DATA_EXPORT_STATUSES], type: 'string', length: 16 })
  status: DataExportStatus & Opt = 'queued';

  /** 0–100. */
  @Property({ type: 'smallint' })
  progress: number & Opt = 0;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  /** File name under `<REPORTS_DIR>/exports` once done. */
  @Property({ type: 'string', length: 200, nullable: true })
  fileName: string | null = null;

  @Property({ type: 'integer', nullable: true })
  sizeBytes: number | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;

  /** When the file stops being downloadable and the purge may delete it; set once it is built. */
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  constructor(user: User) {
    this.user = user;
  }
}
