import { Injectable } from '@nestjs/common';
import { DEFAULT_EMAIL_PREFERENCE, notFound } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { decodeCursor, encodeCursor } from './notifications-cursor';
import { NotificationQueries, type NotificationRow } from './notifications.queries';
import {
  NOTIFICATIONS_PAGE_DEFAULT,
  type NotificationDto,
  type NotificationPageDto,
  type NotificationPreferencesDto,
} from './dto/notification.dto';

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
  constructor(private readonly queries: NotificationQueries) {}

  async page(actor: Actor, query: { cursor?: string; limit?: number }): Promise<NotificationPageDto> {
    const limit = query.limit ?? NOTIFICATIONS_PAGE_DEFAULT;
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const { rows, unread } = await this.queries.page(actor.userId, after, limit + 1);
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
    const row = await this.queries.markRead(actor.userId, id);
    if (!row) throw notFound('Notification');
    return toDto(row);
  }

  async readAll(actor: Actor): Promise<{ updated: number }> {
    return { updated: await this.queries.markAllRead(actor.userId) };
  }

  async preferences(actor: Actor): Promise<NotificationPreferencesDto> {
    return { email: (await this.queries.emailPreference(actor.userId)) ?? DEFAULT_EMAIL_PREFERENCE };
  }

  async setPreferences(actor: Actor, dto: NotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    await this.queries.setEmailPreference(actor.userId, dto.email);
    return { email: dto.email };
  }
}
