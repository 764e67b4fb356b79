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
