import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { EmailPreference, NotificationKind } from '@citymentor/domain';

/** One notification as the lean read gives it: ready for the DTO. */
export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  programmeId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

const COLUMNS = `id, kind, title, body, link, programme_id as "programmeId", created_at as "createdAt", read_at as "readAt"`;

/**
 * The api's notifications SQL: a user's own notifications (the worker writes them) read and marked read
 * by set-based, guarded updates, and the e-mail preference upserted (decision 0011). Every statement is
 * bound to the user, so nobody reads or marks another's.
 */
@Injectable()
export class NotificationQueries {
  constructor(private readonly em: EntityManager) {}

  /**
   * Up to `take` of the user's notifications, newest first, after the cursor position `cursor`
   * (`[createdAt, id]`), each with its position as `cursorAt` (microseconds, UTC); and the unread count.
   */
  async page(
    userId: string,
    cursor: [at: string, id: string] | null,
    take: number,
  ): Promise<{ rows: (NotificationRow & { cursorAt: string })[]; unread: number }> {
    const params: unknown[] = [userId];
    let after = '';
    if (cursor) {
      after = `and (created_at, id) < (?::timestamptz, ?::uuid)`;
      params.push(...cursor);
    }
    const conn = this.em.getConnection();
    const [rows, [{ unread }]] = await Promise.all([
      conn.execute<(NotificationRow & { cursorAt: string })[]>(
        `select ${COLUMNS}, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt"
         from notifications where user_id = ? ${after} order by created_at desc, id desc limit ?`,
        [...params, take],
      ),
      conn.execute<{ unread: number }[]>(
        `select count(*)::int as unread from notifications where user_id = ? and read_at is null`,
        [userId],
      ),
    ]);
    return { rows, unread };
  }

  /** Marks the user's notification read (keeping when it first was); null when the user has none with this id. */
  async markRead(userId: string, id: string): Promise<NotificationRow | null> {
    const [row] = await this.em
      .getConnection()
      .execute<NotificationRow[]>(
        `update notifications set read_at = coalesce(read_at, now()) where id = ? and user_id = ? returning ${COLUMNS}`,
        [id, userId],
      );
    return row ?? null;
  }

  /** Marks every unread notification of the user read; how many. */
  async markAllRead(userId: string): Promise<number> {
    const rows = await this.em
      .getConnection()
      .execute<{ id: string }[]>(
        `update notifications set read_at = now() where user_id = ? and read_at is null returning id`,
        [userId],
      );
    return rows.length;
  }

  /** The user's e-mail preference; null when never set. */
  async emailPreference(userId: string): Promise<EmailPreference | null> {
    const [row] = await this.em
      .getConnection()
      .execute<{ email: EmailPreference }[]>(`select email from notification_preferences where user_id = ?`, [userId]);
    return row?.email ?? null;
  }

  async setEmailPreference(userId: string, email: EmailPreference): Promise<void> {
    await this.em.getConnection().execute(
      `insert into notification_preferences (user_id, email, updated_at) values (?, ?, now())
       on conflict (user_id) do update set email = excluded.email, updated_at = now()`,
      [userId, email],
    );
  }
}
