import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NOTIFICATIONS_CURSOR, pairSideOf, readsPair } from '@citymentor/persistence';
import type { NotificationDraft, WrittenNotification } from './notification-writer';

/*
 * The notifications' SQL: the cursor over the event log, who can read a pair, what the drafts name, and
 * the set-based insert of notifications. Every function runs on the caller's EntityManager, in the
 * batch's transaction (docs/decisions/0007, 0011).
 */

/** One row of the event log as the batch reads it. */
export interface EventRow {
  seq: string;
  room: string;
  type: string;
  payload: unknown;
  actorId: string | null;
}

/** The notifications cursor, created at 0 the first time, locked until the batch commits (a second worker waits here). */
export async function lockCursor(tx: EntityManager): Promise<string> {
  await tx.execute(`insert into worker_cursors (name, seq, updated_at) values (?, 0, now()) on conflict do nothing`, [
    NOTIFICATIONS_CURSOR,
  ]);
  const [{ seq }] = await tx.execute<{ seq: string }[]>(
    `select seq::text as seq from worker_cursors where name = ? for update`,
    [NOTIFICATIONS_CURSOR],
  );
  return seq;
}

/** Up to `limit` events after `cursor`, in log order. */
export function eventsAfter(tx: EntityManager, cursor: string, limit: number): Promise<EventRow[]> {
  return tx.execute<EventRow[]>(
    `select seq::text as seq, room, type, payload, actor_id as "actorId" from events where events.seq > ? order by events.seq limit ?`,
    [cursor, limit],
  );
}

export async function moveCursor(tx: EntityManager, seq: string): Promise<void> {
  await tx.execute(`update worker_cursors set seq = ?, updated_at = now() where name = ?`, [seq, NOTIFICATIONS_CURSOR]);
}

/** Where someone stands towards a pair, as the api's PairPolicy decides it. */
export type PairSideOf = 'mentor' | 'mentee' | 'coordinator' | 'expert';

export interface PairPerson {
  userId: string;
  name: string;
  side: PairSideOf;
}

export interface PairInfo {
  pairId: string;
  programmeId: string;
  mentorName: string;
  menteeName: string;
  people: PairPerson[];
}

/** The titles of a pair's focus sections, in the benchmark's order. */
export async function focusSectionTitles(em: EntityManager, pairId: string): Promise<string[]> {
  const rows = await em.execute<{ title: string }[]>(
    `select s->>'title' as title
     from pairs p
     join benchmarks b on b.code = p.benchmark_code
     cross join lateral jsonb_array_elements(b.document->'sections') s
     where p.id = ? and p.focus_section_codes @> jsonb_build_array(s->>'code')
     order by (s->>'order')::int`,
    [pairId],
  );
  return rows.map((r) => r.title);
}

/**
 * Everyone who can read a pair today, with their side: the two cities' members, the programme's
 * coordinators and experts (`readsPair`, the rule PairPolicy.sideOf decides). Notifications only go to them, so
 * someone who has left the programme is not told about it any more.
 */
export async function pairInfo(em: EntityManager, pairId: string): Promise<PairInfo | null> {
  const rows = await em.execute<
    {
      pairId: string;
      programmeId: string;
      mentorName: string;
      menteeName: string;
      userId: string | null;
      name: string | null;
      side: PairSideOf | null;
    }[]
  >(
    `select p.id as "pairId", p.programme_id as "programmeId", mo.name as "mentorName", me.name as "menteeName", u.id as "userId", u.name,
       ${pairSideOf('m', 'p')} as side
     from pairs p
     join organisations mo on mo.id = p.mentor_organisation_id
     join organisations me on me.id = p.mentee_organisation_id
     left join memberships m on ${readsPair('m', 'p')}
     left join users u on u.id = m.user_id
     where p.id = ?
     order by u.id`,
    [pairId],
  );
  if (rows.length === 0) return null;
  const { programmeId, mentorName, menteeName } = rows[0];
  const people = rows
    .filter((r) => r.userId && r.side)
    .map((r) => ({ userId: r.userId!, name: r.name ?? '', side: r.side! }));
  return { pairId, programmeId, mentorName, menteeName, people };
}

export const onSide = (info: PairInfo, ...sides: PairSideOf[]) =>
  info.people.filter((p) => sides.includes(p.side)).map((p) => p.userId);

export async function planTitle(tx: EntityManager, planId: string): Promise<string | undefined> {
  const [plan] = await tx.execute<{ title: string }[]>(`select title from action_plans where id = ?`, [planId]);
  return plan?.title;
}

/** Every member of the programme (each person once). */
export async function membersOf(tx: EntityManager, programmeId: string): Promise<string[]> {
  const rows = await tx.execute<{ userId: string }[]>(
    `select distinct user_id as "userId" from memberships where programme_id = ?`,
    [programmeId],
  );
  return rows.map((r) => r.userId);
}

export async function userName(tx: EntityManager, id: string): Promise<string | undefined> {
  const [row] = await tx.execute<{ name: string }[]>(`select name from users where id = ?`, [id]);
  return row?.name;
}

/** Who has been told of a mention in the comment already. */
export async function mentionedBefore(tx: EntityManager, commentId: string): Promise<string[]> {
  const rows = await tx.execute<{ userId: string }[]>(
    `select user_id as "userId" from notifications where kind = 'mention' and subject_id = ?`,
    [commentId],
  );
  return rows.map((r) => r.userId);
}

/** Who had written in the thread before this comment (not after it: reading the event again gives the same people). */
export async function threadAuthorsBefore(tx: EntityManager, commentId: string, threadId: string): Promise<string[]> {
  const rows = await tx.execute<{ userId: string }[]>(
    `select distinct t.author_id as "userId" from comments t join comments c on c.id = ?
     where t.thread_id = ? and t.id <> c.id and t.created_at <= c.created_at`,
    [commentId, threadId],
  );
  return rows.map((r) => r.userId);
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
