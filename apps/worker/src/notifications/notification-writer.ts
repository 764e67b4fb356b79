import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NotificationKind } from '@citymentor/domain';
import type { LogEvent } from '@citymentor/persistence';

/** A notification to write; `userIds` each get one. */
export interface NotificationDraft {
  userIds: string[];
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  sourceEventSeq: string | null;
  subjectId: string | null;
  programmeId: string | null;
}

export interface WrittenNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  link: string;
}

/**
 * Inserts the drafts' notifications in the caller's transaction. ON CONFLICT DO NOTHING on
 * (user, source_event_seq, kind): what was written before (a batch run twice) is skipped and not
 * returned, so only new notifications are announced.
 */
export async function writeNotifications(
  em: EntityManager,
  drafts: NotificationDraft[],
): Promise<WrittenNotification[]> {
  const rows = drafts.flatMap((d) => [...new Set(d.userIds)].map((userId) => ({ ...d, userId })));
  if (rows.length === 0) return [];
  const values = rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, now())').join(', ');
  const params = rows.flatMap((r) => [
    randomUUID(),
    r.userId,
    r.kind,
    r.title.slice(0, 300),
    r.body,
    r.link.slice(0, 500),
    r.sourceEventSeq,
    r.subjectId,
    r.programmeId,
  ]);
  return em.execute<WrittenNotification[]>(
    `insert into notifications (id, user_id, kind, title, body, link, source_event_seq, subject_id, programme_id, created_at) values ${values}
     on conflict do nothing returning id, user_id as "userId", kind, title, link`,
    params,
  );
}

/** `notification.created` in each recipient's own room, so the realtime gateway delivers it live. */
export const announce = (written: WrittenNotification[]): LogEvent[] =>
  written.map((n) => ({
    room: `user:${n.userId}`,
    type: 'notification.created',
    payload: { notificationId: n.id, kind: n.kind, title: n.title, link: n.link },
    actorId: null,
    programmeId: null,
  }));

/** A short plain-text excerpt of a comment body (mention tokens `@[Name](id)` shown as `@Name`). */
export function excerpt(body: string, max = 280): string {
  const plain = body
    .replace(/@\[([^\]\r\n]{1,200})\]\([0-9a-fA-F-]{36}\)/g, '@$1')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

export const planLink = (programmeId: string, planId: string) => `/programmes/${programmeId}/plans/${planId}`;
export const pairLink = (programmeId: string, pairId: string) => `/programmes/${programmeId}/pairs/${pairId}`;
