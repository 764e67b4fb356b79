import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { PreparedQuery } from '@citymentor/persistence';
import type { ActorMembership } from './actor';

/*
 * The sign-in and sessions' SQL: the actor of every request, the password hash a sign-in checks, the
 * refresh-token writes one statement states better than the unit of work (revoking a session, the lost
 * answer's guarded revoke: decision 0011) and the access-changed notice. Every function runs on the
 * EntityManager it is given, in its transaction if it is in one. Tokens are issued and rotated through
 * the `RefreshToken` entity in `TokensService`.
 */

/** The Postgres NOTIFY channel on which every API instance hears that a user's access changed (EventStream listens). */
export const ACCESS_CHANGED_CHANNEL = 'citymentor_access';

/**
 * Tells every instance that this user's access changed (signed out, password changed, membership
 * ended): their open sockets are checked again and leave what they may no longer read. Inside a
 * transaction of `em`, the notice goes out when it commits.
 */
export async function announceAccessChanged(em: EntityManager, userId: string): Promise<void> {
  await em.execute(`select pg_notify('${ACCESS_CHANGED_CHANNEL}', ?)`, [userId]);
}

/** The actor's row: the user, whether the session lives, memberships and the closed programmes among them. */
export interface ActorRow {
  id: string;
  name: string;
  email: string;
  is_admin: boolean;
  session_active: boolean;
  memberships: ActorMembership[];
  closed_programmes: Record<string, string>;
}

/** It runs on every request, so it is a prepared statement (planned once per connection). */
const ACTOR = new PreparedQuery<ActorRow>(
  `select u.id, u.name, u.email, u.is_admin,
     exists(select 1 from refresh_tokens t where t.family_id = ? and t.user_id = u.id and t.revoked_at is null) as session_active,
     coalesce(json_agg(json_build_object('programmeId', m.programme_id, 'organisationId', m.organisation_id, 'organisationName', o.name, 'role', m.role))
       filter (where m.id is not null), '[]') as memberships,
     (select coalesce(json_object_agg(p.id, p.closed_at), '{}') from programmes p
       where p.closed_at is not null
         and (u.is_admin or exists(select 1 from memberships pm where pm.user_id = u.id and pm.programme_id = p.id))) as closed_programmes
   from users u left join memberships m on m.user_id = u.id left join organisations o on o.id = m.organisation_id
   where u.id = ? group by u.id`,
);

/** The user with the session (`sessionId`: the refresh-token family) in one lean query; null for an unknown user. */
export function actorRow(em: EntityManager, userId: string, sessionId: string): Promise<ActorRow | null> {
  return ACTOR.one(em, [sessionId, userId]);
}

/** A refresh token still current (not rotated, revoked or expired): its hash, its user and whether they are the admin. */
export async function currentRefreshToken(
  em: EntityManager,
  id: string,
): Promise<{ secret_hash: string; user_id: string; is_admin: boolean } | undefined> {
  const [row] = await em.getConnection().execute<{ secret_hash: string; user_id: string; is_admin: boolean }[]>(
    `select t.secret_hash, t.user_id, u.is_admin from refresh_tokens t join users u on u.id = t.user_id
      where t.id = ? and t.rotated_at is null and t.revoked_at is null and t.expires_at > now()`,
    [id],
  );
  return row;
}

/** The id and password hash of the user with this (normalised) e-mail address, if any. */
export async function credentialsByEmail(
  em: EntityManager,
  email: string,
): Promise<{ id: string; password_hash: string } | undefined> {
  const rows = await em
    .getConnection()
    .execute<{ id: string; password_hash: string }[]>('select id, password_hash from users where email = ?', [email]);
  return rows[0];
}

/** The refresh token's user, its row locked until `em`'s transaction ends (retries arriving together take turns). */
export async function lockRefreshToken(em: EntityManager, id: string): Promise<{ user_id: string } | undefined> {
  const [spent] = await em
    .getConnection()
    .execute<{ user_id: string }[]>(
      'select user_id from refresh_tokens where id = ? for update',
      [id],
      'all',
      em.getTransactionContext<Knex.Transaction>(),
    );
  return spent;
}

/**
 * When the spent token `id` is in a live session and nothing issued after its rotation has been used,
 * revokes the tokens still live among those that were issued after `since`; their ids.
 */
export function revokeLostAnswer(em: EntityManager, id: string, since: Date): Promise<{ id: string }[]> {
  return em.getConnection().execute<{ id: string }[]>(
    `update refresh_tokens s set revoked_at = now()
         from refresh_tokens t
        where t.id = ? and t.rotated_at is not null and t.revoked_at is null
          and s.family_id = t.family_id and s.created_at >= t.rotated_at and s.created_at > ? and s.rotated_at is null and s.revoked_at is null
          and not exists (select 1 from refresh_tokens u where u.family_id = t.family_id and u.created_at >= t.rotated_at and u.rotated_at is not null)
       returning s.id`,
    [id, since],
    'all',
    em.getTransactionContext<Knex.Transaction>(),
  );
}

/** Revokes every live token of the session (family); its user when one was live. */
export async function revokeFamilyTokens(
  em: EntityManager,
  familyId: string,
): Promise<{ user_id: string } | undefined> {
  const [row] = await em.getConnection().execute<{ user_id: string }[]>(
    `with revoked as (update refresh_tokens set revoked_at = now() where family_id = ? and revoked_at is null returning user_id)
       select distinct user_id from revoked`,
    [familyId],
  );
  return row;
}
