import { randomUUID } from 'node:crypto';
import { DriverException } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { appendEvents, ormOptions, PreparedQuery } from '@citymentor/persistence';
import { startOrm } from '../support/orm';

/**
 * PreparedQuery: the hot statements (actor, pair scopes, event appends) are prepared once per
 * connection, run in the caller's transaction, and fail as MikroORM's own queries do.
 */
let orm: MikroORM;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ orm, close } = await startOrm());
});

afterAll(() => close?.());

const ROOM_EVENTS = new PreparedQuery<{ type: string; n: string }>(
  `select type, count(*)::text as n from events where room = ? group by type order by type`,
);
const preparedNames = (em: Parameters<PreparedQuery<unknown>['all']>[0]) =>
  em.execute<{ name: string }[]>(`select name from pg_prepared_statements`).then((rows) => rows.map((r) => r.name));

const event = (room: string, i: number) => ({
  room,
  type: 'comment.created' as const,
  payload: { i } as never,
  actorId: null,
  programmeId: null,
});

describe('PreparedQuery', () => {
  it('runs with bound parameters in the caller’s transaction, prepared on that connection under its name', async () => {
    const room = `test:${randomUUID()}`;
    await orm.em.fork().transactional(async (em) => {
      await appendEvents(em, [event(room, 1), event(room, 2)]);
      // Uncommitted rows are visible only on the transaction's own connection.
      expect(await ROOM_EVENTS.all(em, [room])).toEqual([{ type: 'comment.created', n: '2' }]);
      expect(await preparedNames(em)).toEqual(expect.arrayContaining([ROOM_EVENTS.name]));
    });
    // Outside a transaction, on whichever pooled connection; twice, so a connection reuses its statement.
    for (let i = 0; i < 2; i++)
      expect(await ROOM_EVENTS.one(orm.em.fork(), [room])).toEqual({ type: 'comment.created', n: '2' });
  });

  it('rolls back with the transaction it ran in', async () => {
    const room = `test:${randomUUID()}`;
    await expect(
      orm.em.fork().transactional(async (em) => {
        await appendEvents(em, [event(room, 1)]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await ROOM_EVENTS.all(orm.em.fork(), [room])).toEqual([]);
  });

  it('fails as MikroORM’s queries do: a driver exception with the SQLSTATE', async () => {
    const byId = new PreparedQuery(`select 1 from events where actor_id = ?`);
    const error = await byId.all(orm.em.fork(), ['not-a-uuid']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DriverException);
    expect((error as DriverException).code).toBe('22P02');
  });

  it('appends many events in order, prepared or not (more than 8 at once go unprepared)', async () => {
    for (const count of [1, 2, 12]) {
      const room = `test:${randomUUID()}`;
      await orm.em.fork().transactional((em) =>
        appendEvents(
          em,
          Array.from({ length: count }, (_, i) => event(room, i)),
        ),
      );
      const rows = await orm.em
        .fork()
        .execute<{ payload: { i: number } }[]>(`select payload from events where room = ? order by seq`, [room]);
      expect(rows.map((r) => r.payload.i)).toEqual(Array.from({ length: count }, (_, i) => i));
    }
  });

  it('runs unnamed behind a transaction pooler: nothing is left prepared on the connection', async () => {
    const pooled = await MikroORM.init(
      ormOptions({ databaseUrl: orm.config.getClientUrl(), poolSize: 1, pooler: 'transaction' }),
    );
    try {
      const room = `test:${randomUUID()}`;
      await pooled.em.fork().transactional(async (em) => {
        await appendEvents(em, [event(room, 1)]);
        expect(await ROOM_EVENTS.all(em, [room])).toEqual([{ type: 'comment.created', n: '1' }]);
        expect(await preparedNames(em)).toEqual([]);
      });
    } finally {
      await pooled.close(true);
    }
  });
});
