import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventPayloads, EventType } from '@citymentor/contracts';
import { appendEvents, inTransaction, type LogEvent, type PreparedQuery } from '@citymentor/persistence';

/** Any one event to record, with its payload type bound to its type (libs/persistence's LogEvent). */
export type AnyEvent = LogEvent;

type PlanEventType = {
  [T in EventType]: EventPayloads[T] extends { planId: string; pairId: string } ? T : never;
}[EventType];

/**
 * A change inside a plan is announced in the plan's room and in its pair's room, one row each, so
 * that replay of either room is a plain `where room = ? and seq > ?`. The activity feed reads the
 * pair rows.
 */
export function inPlanRooms<T extends PlanEventType>(
  type: T,
  payload: EventPayloads[T],
  actorId: string | null,
): AnyEvent[] {
  const { planId, pairId, programmeId } = payload as EventPayloads[T] & {
    planId: string;
    pairId: string;
    programmeId: string;
  };
  return [`plan:${planId}`, `pair:${pairId}`].map(
    (room) => ({ room, type, payload, actorId, programmeId }) as AnyEvent,
  );
}

/**
 * A `stillHolds` for `EventLog.flushWith`: reads the row `query` selects by `id` (written `… for no key
 * update`), locked until commit, and asserts what the change was decided on against it as committed now.
 */
export function lockedCheck<R>(
  em: EntityManager,
  query: PreparedQuery<R>,
  id: string,
  assert: (row: R) => void,
): () => Promise<void> {
  return async () => {
    const row = await query.one(em, [id]);
    if (row) assert(row);
  };
}

/**
 * The event log. A change and the events announcing it are committed in one transaction, so a
 * change is never saved without its event and replay never misses one.
 */
@Injectable()
export class EventLog {
  /**
   * Flushes the pending changes of `em`, then appends the events `announce` builds from the
   * flushed state (ids, versions), all in one transaction: the change and its events commit
   * together, and appends are serialised so `seq` order is commit order (see appendEvents).
   * `stillHolds` runs first in that transaction: a locking read of what the change was decided on
   * (the plan's state, the assessment's status), so a concurrent change of it waits or is seen.
   */
  async flushWith(
    em: EntityManager,
    announce: () => AnyEvent | AnyEvent[],
    stillHolds?: () => Promise<void>,
  ): Promise<void> {
    await inTransaction(em, async () => {
      await stillHolds?.();
      await em.flush();
      await appendEvents(em, [announce()].flat());
    });
  }
}
