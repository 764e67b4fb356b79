import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Sends mails one at a time, each in the transaction that claimed its row (docs/decisions/0007): `sendOne`
 * claims the next row (FOR UPDATE SKIP LOCKED), sends its mail and marks it, returning false when nothing is
 * left. An SMTP failure rolls that one back and ends the pass. Returns how many went out, at most `max`.
 */
export async function sendEach(
  em: EntityManager,
  max: number,
  sendOne: (tx: EntityManager) => Promise<boolean>,
): Promise<number> {
  let sent = 0;
  while (sent < max && (await em.fork().transactional(sendOne))) sent += 1;
  return sent;
}
