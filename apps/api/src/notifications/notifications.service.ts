import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_EMAIL_PREFERENCE, notFound, type EmailPreference, type NotificationKind } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { decodeCursor, encodeCursor } from './notifications-cursor';
import {
  NOTIFICATIONS_PAGE_DEFAULT,
  type NotificationDto,
  type NotificationPageDto,
  type NotificationPreferencesDto,
} from './dto/notification.dto';

interface NotificationRow {
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
const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

const toDto = (r: NotificationRow): NotificationDto => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  programmeId: r.programmeId,
  createdAt: iso(r.createdAt),
  readAt: r.readAt ? iso(r.readAt) : null,
});

/** A user's own notifications (written by the worker) and e-mail preferences; nobody sees another's. */
@Injectable()
export class NotificationsService {
  constructor(private readonly em: EntityManager) {}

  async page(actor: Actor, query: { cursor?: string; limit?: number }): Promise<NotificationPageDto> {
    const limit = query.limit ?? NOTIFICATIONS_PAGE_DEFAULT;
    const params: unknown[] = [actor.userId];
    let after = '';
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      after = `and (created_at, id) < (?::timestamptz, ?::uuid)`;
      params.push(at, id);
    }
    const conn = this.em.getConnection();
    const [rows, [{ unread }]] = await Promise.all([
      conn.execute<(NotificationRow & { cursorAt: string })[]>(
        `select ${COLUMNS}, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt"
         from notifications where user_id = ? ${after} order by created_at desc, id desc limit ?`,
        [...params, limit + 1],
      ),
      conn.execute<{ unread: number }[]>(
        `select count(*)::int as unread from notifications where user_id = ? and read_at is null`,
        [actor.userId],
      ),
    ]);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toDto),
      unreadCount: unread,
      nextCursor: rows.length > limit ? encodeCursor(last.cursorAt, last.id) : null,
    };
  }

  /** Marks one of the actor's own notifications read (again is fine); another's is 404. */
  async read(actor: Actor, id: string): Promise<NotificationDto> {
    const [row] = await this.em
      .getConnection()
      .execute<NotificationRow[]>(
        `update notifications set read_at = coalesce(read_at, now()) where id = ? and user_id = ? returning ${COLUMNS}`,
        [id, actor.userId],
      );
    if (!row) throw notFound('Notification');
    return toDto(row);
  }

  async readAll(actor: Actor): Promise<{ updated: number }> {
    const rows = await this.em
      .getConnection()
      .execute<{ id: string }[]>(
        `update notifications set read_at = now() where user_id = ? and read_at is null returning id`,
        [actor.userId],
      );
    return { updated: rows.length };
  }

  async preferences(actor: Actor): Promise<NotificationPreferencesDto> {
    const [row] = await this.em
      .getConnection()
      .execute<{ email: EmailPreference }[]>(`select email from notification_preferences where user_id = ?`, [
        actor.userId,
      ]);
    return { email: row?.email ?? DEFAULT_EMAIL_PREFERENCE };
  }

  async setPreferences(actor: Actor, dto: NotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    await this.em.getConnection().execute(
      `insert into notification_preferences (user_id, email, updated_at) values (?, ?, now())
       on conflict (user_id) do update set email = excluded.email, updated_at = now()`,
      [actor.userId, dto.email],
    );
    return { email: dto.email };
  }
}
