import type { EntityManager } from '@mikro-orm/postgresql';

/*
 * The e-mail delivery's SQL: pending notifications are locked by the transaction that mails them
 * (FOR UPDATE, SKIP LOCKED for the one-at-a-time immediate mails) and marked `emailed_at` in one
 * set-based update before it commits (docs/decisions/0007, 0011).
 */

export interface PendingRow {
  id: string;
  userId: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  email: string;
  name: string;
}

/** Notifications older than this are not mailed any more (someone who just switched e-mails on does not get last month's). */
const MAIL_WINDOW = `interval '3 days'`;

const PENDING = `select n.id, n.user_id as "userId", n.title, n.body, n.link, n.created_at as "createdAt", u.email, u.name
  from notifications n join users u on u.id = n.user_id left join notification_preferences p on p.user_id = n.user_id
  where n.emailed_at is null and n.created_at > now() - ${MAIL_WINDOW}`;

/** The oldest pending notification of someone who wants mails at once, locked; one another worker holds is skipped. */
export async function claimNextImmediate(tx: EntityManager): Promise<PendingRow | undefined> {
  const [row] = await tx.execute<PendingRow[]>(
    `${PENDING} and coalesce(p.email, 'immediate') = 'immediate' order by n.created_at, n.id limit 1 for update of n skip locked`,
  );
  return row;
}

/** Who chose the daily digest and has notifications not mailed yet. */
export function digestUsers(em: EntityManager): Promise<{ userId: string }[]> {
  return em.execute<{ userId: string }[]>(
    `select distinct n.user_id as "userId" from notifications n join notification_preferences p on p.user_id = n.user_id
        where p.email = 'daily' and n.emailed_at is null and n.created_at > now() - ${MAIL_WINDOW}`,
  );
}

/** One user's pending digest notifications, locked (a second run waits, then finds them mailed). */
export function lockDigestOf(tx: EntityManager, userId: string): Promise<PendingRow[]> {
  return tx.execute<PendingRow[]>(
    `${PENDING} and p.email = 'daily' and n.user_id = ? order by n.created_at, n.id for update of n`,
    [userId],
  );
}

export async function markEmailed(tx: EntityManager, id: string): Promise<void> {
  await tx.execute(`update notifications set emailed_at = now() where id = ?`, [id]);
}

/** One set-based update for a whole digest. */
export async function markAllEmailed(tx: EntityManager, ids: string[]): Promise<void> {
  await tx.execute(`update notifications set emailed_at = now() where id = any(?::uuid[])`, [`{${ids.join(',')}}`]);
}
