import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { IdempotencyRecord } from '@citymentor/domain';
import { withIdempotencyClaim } from '@citymentor/persistence';
import { startOrm } from '../support/orm';

/**
 * A request's Idempotency-Key claim is marked `committed` by the very transaction that commits its
 * change (IdempotencyClaimSubscriber), whatever opened it, and by nothing else.
 */
let orm: MikroORM;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ orm, close } = await startOrm());
});

afterAll(() => close?.());

/** A pending claim, as the interceptor writes it before the handler runs. */
async function pendingClaim() {
  const claim = { userId: randomUUID(), key: `key-${randomUUID()}` };
  await orm.em
    .fork()
    .execute(
      `insert into idempotency_keys (id, user_id, key, fingerprint, status, created_at, expires_at) values (?, ?, ?, 'f', 'pending', now(), now() + interval '1 day')`,
      [randomUUID(), claim.userId, claim.key],
    );
  return claim;
}

const statusOf = async (claim: { userId: string; key: string }) =>
  (
    await orm.em
      .fork()
      .execute<{ status: string }[]>(`select status from idempotency_keys where user_id = ? and key = ?`, [
        claim.userId,
        claim.key,
      ])
  )[0]?.status;

const aRecord = () =>
  new IdempotencyRecord(randomUUID(), `other-${randomUUID()}`, 'f', new Date(Date.now() + 86_400_000));

it('is marked by an explicit transaction that commits', async () => {
  const claim = await pendingClaim();
  await withIdempotencyClaim(claim, () => orm.em.fork().transactional((em) => Promise.resolve(em.persist(aRecord()))));
  expect(await statusOf(claim)).toBe('committed');
});

it('is marked by the transaction a plain flush opens', async () => {
  const claim = await pendingClaim();
  await withIdempotencyClaim(claim, async () => {
    const em = orm.em.fork();
    await em.persist(aRecord()).flush();
  });
  expect(await statusOf(claim)).toBe('committed');
});

it('stays pending when the transaction rolls back, so a retry may run the request', async () => {
  const claim = await pendingClaim();
  await expect(
    withIdempotencyClaim(claim, () =>
      orm.em.fork().transactional(async (em) => {
        em.persist(aRecord());
        await em.flush();
        throw new Error('failed after writing');
      }),
    ),
  ).rejects.toThrow('failed after writing');
  expect(await statusOf(claim)).toBe('pending');
});

it('is not touched by transactions outside the request', async () => {
  const claim = await pendingClaim();
  await orm.em.fork().transactional((em) => Promise.resolve(em.persist(aRecord())));
  expect(await statusOf(claim)).toBe('pending');
});
