import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/*
 * The idempotency keys' SQL: the claim by `INSERT … ON CONFLICT` (the unique key decides which twin
 * wins: decisions 0008, 0011), the read of a claimed key, the response recorded and the key released.
 * Every function runs on the EntityManager it is given (the interceptor's, outside the request's
 * transaction); the request's transaction marks the claim committed (libs/persistence, idempotency-claim.ts).
 */

/** A claimed key as a twin reads it; `abandoned`: claimed longer ago than the abandoned-after limit. */
export interface IdempotencyKeyRow {
  fingerprint: string;
  status: 'pending' | 'committed' | 'done';
  response_body: unknown;
  abandoned: boolean;
}

/** Deletes the user's key if it has expired, so that it can be claimed again. */
export async function deleteExpiredKey(em: EntityManager, userId: string, key: string): Promise<void> {
  await em
    .getConnection()
    .execute(`delete from idempotency_keys where user_id = ? and key = ? and expires_at < now()`, [userId, key]);
}

/**
 * Inserts the key as pending, or takes over a pending claim of the same request (`fingerprint`) made
 * more than `abandonedSecs` ago; true if this request now owns it.
 */
export async function claimKey(
  em: EntityManager,
  userId: string,
  key: string,
  fingerprint: string,
  abandonedSecs: number,
): Promise<boolean> {
  const claimed = await em.getConnection().execute<{ id: string }[]>(
    `insert into idempotency_keys (id, user_id, key, fingerprint, status, created_at, expires_at)
       values (?, ?, ?, ?, 'pending', now(), now() + interval '24 hours')
       on conflict (user_id, key) do update set created_at = now()
         where idempotency_keys.status = 'pending' and idempotency_keys.fingerprint = excluded.fingerprint
           and idempotency_keys.created_at < now() - make_interval(secs => ?)
       returning id`,
    [randomUUID(), userId, key, fingerprint, abandonedSecs],
  );
  return claimed.length > 0;
}

/** The user's key as claimed, if it is. */
export async function readKey(
  em: EntityManager,
  userId: string,
  key: string,
  abandonedSecs: number,
): Promise<IdempotencyKeyRow | undefined> {
  const [row] = await em
    .getConnection()
    .execute<IdempotencyKeyRow[]>(
      `select fingerprint, status, response_body, created_at < now() - make_interval(secs => ?) as abandoned from idempotency_keys where user_id = ? and key = ?`,
      [abandonedSecs, userId, key],
    );
  return row;
}

/** Records the response of the request that held the key: retries get it again. */
export async function recordResponse(em: EntityManager, userId: string, key: string, body: unknown): Promise<void> {
  await em
    .getConnection()
    .execute(`update idempotency_keys set status = 'done', response_body = ? where user_id = ? and key = ?`, [
      JSON.stringify(body ?? null),
      userId,
      key,
    ]);
}

/**
 * After a failed request: frees a pending key for a retry; a committed one is left for retries to find
 * at once (backdated, so it counts as abandoned: ALREADY_DONE), never to run the request again.
 */
export async function releaseKey(em: EntityManager, userId: string, key: string): Promise<void> {
  await em.getConnection().execute(
    `with freed as (delete from idempotency_keys where user_id = ? and key = ? and status = 'pending')
         update idempotency_keys set created_at = 'epoch' where user_id = ? and key = ? and status = 'committed'`,
    [userId, key, userId, key],
  );
}
