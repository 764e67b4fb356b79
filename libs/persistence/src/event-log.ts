import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventPayloads, EventType } from '@citymentor/contracts';
import { PreparedQuery } from './prepared-query';

/** Any one event, with its payload type bound to its type. */
export type LogEvent = {
  [T in EventType]: {
    room: string;
    type: T;
    payload: EventPayloads[T];
    actorId: string | null;
    programmeId: string | null;
    /** When it happened (default: now; the demo's history is dated). */ at?: Date;
  };
}[EventType];

/**
 * The event-log lock: every append (the api's EventLog, the worker, the demo seeder) takes it in its
 * transaction, so appends are serialised and `seq` order is commit order — a socket reading after
 * seq N never misses a row committed later with a lower seq.
 */
export const EVENT_LOG_LOCK = 727_001;

/** The row of `worker_cursors` the worker's notifications consumer advances through the log. */
export const NOTIFICATIONS_CURSOR = 'notifications';

/**
 * Appends event rows inside the caller's transaction (`em` must be in one), in one statement that
 * takes the event-log lock before it numbers the rows (the lock's one-row subquery is joined to
 * every row, so it runs before the first `nextval`), in the order given. Call it last in the
 * transaction: the lock is held until commit.
 */
export async function appendEvents(em: EntityManager, events: LogEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (!em.isInTransaction()) throw new Error('appendEvents must run inside a transaction');
  const params = events.flatMap((e, i) => [
    i,
    e.room,
    e.type,
    JSON.stringify(e.payload),
    e.actorId,
    e.programmeId,
    e.at ?? null,
  ]);
  const prepared =
    events.length <= PREPARED_UP_TO
      ? (appends[events.length] ??= new PreparedQuery(appendSql(events.length)))
      : undefined;
  if (prepared) await prepared.all(em, params);
  else await em.execute(appendSql(events.length), params);
}

/** The usual appends (a change announced in a room or two) are prepared once per connection, one statement per count. */
const PREPARED_UP_TO = 8;
const appends: PreparedQuery<never>[] = [];

function appendSql(count: number): string {
  const values = Array.from(
    { length: count },
    () => '(?::int, ?::text, ?::text, ?::jsonb, ?::uuid, ?::uuid, ?::timestamptz)',
  ).join(', ');
  return `insert into events (room, type, payload, actor_id, programme_id, at)
     select v.room, v.type, v.payload, v.actor_id, v.programme_id, coalesce(v.at, now())
     from (select pg_advisory_xact_lock(${EVENT_LOG_LOCK})) as lock, (values ${values}) as v(n, room, type, payload, actor_id, programme_id, at)
     order by v.n`;
}
