import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventPayloads, EventType } from '@citymentor/contracts';

/** Any one event, with its payload type bound to its type (as the api's EventLog takes them). */
export type WorkerEvent = { [T in EventType]: { room: string; type: T; payload: EventPayloads[T]; actorId: string | null; programmeId: string | null } }[EventType];

/**
 * The api's event-log lock (apps/api/src/activity/event-log.ts, EVENT_LOG_LOCK): appends are
 * serialised so `seq` order is commit order. The worker writes to the same log and must take the
 * same lock, or a socket reading after seq N could miss a row committed later with a lower seq.
 */
export const EVENT_LOG_LOCK = 727_001;

/**
 * Appends event rows inside the caller's transaction (`em` must be in one), taking the event-log
 * lock first. Call it last in the transaction: the lock is held until commit.
 */
export async function appendEvents(em: EntityManager, events: WorkerEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (!em.isInTransaction()) throw new Error('appendEvents must run inside a transaction');
  await em.execute(`select pg_advisory_xact_lock(${EVENT_LOG_LOCK})`);
  const values = events.map(() => '(?, ?, ?::jsonb, ?, ?, now())').join(', ');
  const params = events.flatMap((e) => [e.room, e.type, JSON.stringify(e.payload), e.actorId, e.programmeId]);
  await em.execute(`insert into events (room, type, payload, actor_id, programme_id, at) values ${values}`, params);
}
