import type { EntityManager } from '@mikro-orm/postgresql';

/*
 * Erasing an account (GDPR art. 17) in SQL: set-based writes over many tables that the unit of work cannot
 * state (decision 0011). Every function runs on the EntityManager it is given, inside the erasure's transaction.
 */

export interface LiveUser {
  name: string;
  email: string;
  isAdmin: boolean;
}

/** The user's row, locked until the transaction ends; undefined when there is none or it is erased already. */
export async function lockLiveUser(em: EntityManager, userId: string): Promise<LiveUser | undefined> {
  const [row] = await em.execute<LiveUser[]>(
    `select name, email, is_admin as "isAdmin" from users where id = ? and erased_at is null for update`,
    [userId],
  );
  return row;
}

export interface FormerMembership {
  programmeId: string;
  organisationId: string;
  organisationName: string;
}

export function membershipsOf(em: EntityManager, userId: string): Promise<FormerMembership[]> {
  return em.execute<FormerMembership[]>(
    `select m.programme_id as "programmeId", m.organisation_id as "organisationId", o.name as "organisationName"
       from memberships m join organisations o on o.id = m.organisation_id where m.user_id = ? order by m.created_at`,
    [userId],
  );
}

/** The JSON text of a string without its quotes: how it appears inside a jsonb value's text. */
const inJson = (s: string) => JSON.stringify(s).slice(1, -1);

/**
 * Removes the person: their row keeps its id (what they wrote points to it) and the organisations they acted
 * for, and its name becomes `label`, so every page that names an author (activity, progress, reviews, my
 * work) reads "a former member of <organisation>"; nothing else stays; sessions, preferences, notifications to them, Viewed marks, exports, memberships and
 * invitations to their address go; their name and address are replaced by `label` where others' records
 * quoted them (mentions in comments and earlier versions, notifications, the event log, kept answers of
 * retried requests). Returns the file names of the exports whose rows went.
 */
export async function eraseUser(
  em: EntityManager,
  userId: string,
  who: LiveUser,
  former: Record<string, string>,
  label: string,
): Promise<string[]> {
  const tombstone = `erased-${userId}@invalid`;
  await em.execute(
    `update users set name = ?, email = ?, password_hash = '', is_admin = false, erased_at = now(), former_organisations = ?::jsonb where id = ?`,
    [label, tombstone, JSON.stringify(former), userId],
  );
  for (const table of ['refresh_tokens', 'notification_preferences', 'notifications', 'plan_diff_views', 'memberships'])
    await em.execute(`delete from ${table} where user_id = ?`, [userId]);
  await em.execute(`delete from idempotency_keys where user_id = ?`, [userId]);
  const exports = await em.execute<{ fileName: string | null }[]>(
    `delete from data_exports where user_id = ? returning file_name as "fileName"`,
    [userId],
  );
  await em.execute(`delete from invitations where email = ? and accepted_at is null`, [who.email]);
  await em.execute(`update invitations set email = ? where email = ?`, [tombstone, who.email]);

  const token = `@\\[[^\\]\\r\\n]*\\]\\(${userId}\\)`;
  const replacement = `@[${label.replace(/[\\\]&]/g, '')}](${userId})`;
  await em.execute(`update comments set body = regexp_replace(body, ?, ?, 'gi') where body ~* ?`, [
    token,
    replacement,
    token,
  ]);
  await em.execute(
    `update comment_edits set previous_body = regexp_replace(previous_body, ?, ?, 'gi') where previous_body ~* ?`,
    [token, replacement, token],
  );
  for (const quoted of [who.name, who.email].filter((s) => s.length >= 2)) {
    await em.execute(
      `update notifications set title = left(replace(title, ?, ?), 300), body = replace(body, ?, ?)
        where strpos(title, ?) > 0 or strpos(body, ?) > 0`,
      [quoted, label, quoted, label, quoted, quoted],
    );
    await em.execute(
      `update events set payload = replace(payload::text, ?, ?)::jsonb where strpos(payload::text, ?) > 0`,
      [inJson(quoted), inJson(label), inJson(quoted)],
    );
    await em.execute(`delete from idempotency_keys where strpos(response_body::text, ?) > 0`, [inJson(quoted)]);
  }
  return exports.flatMap((e) => (e.fileName ? [e.fileName] : []));
}
