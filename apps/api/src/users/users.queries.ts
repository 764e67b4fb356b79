import type { EntityManager } from '@mikro-orm/postgresql';

/*
 * The users' SQL: the password hash a change checks, and the password change that ends every session of
 * the user in one statement (a write the unit of work cannot state as one: decision 0011). Every
 * function runs on the EntityManager it is given.
 */

/** The user's password hash, if the user exists. */
export async function passwordHashOf(em: EntityManager, userId: string): Promise<string | undefined> {
  const [row] = await em
    .getConnection()
    .execute<{ password_hash: string }[]>('select password_hash from users where id = ?', [userId]);
  return row?.password_hash;
}

/** Sets the user's password hash and revokes every live refresh token of theirs, in one statement. */
export async function setPasswordEndingSessions(em: EntityManager, userId: string, hash: string): Promise<void> {
  await em.getConnection().execute(
    `with changed as (update users set password_hash = ? where id = ? returning id)
       update refresh_tokens set revoked_at = now() where user_id in (select id from changed) and revoked_at is null`,
    [hash, userId],
  );
}
