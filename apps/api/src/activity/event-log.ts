import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventPayloads, EventType } from '@citymentor/contracts';
import { EventRecord } from '@citymentor/domain';
import { inTransaction } from '@citymentor/persistence';

export interface EventToRecord<T extends EventType> {
  room: string;
  type: T;
  payload: EventPayloads[T];
  actorId: string | null;
  programmeId: string | null;
}

/** Any one event, with its payload type bound to its type. */
export type AnyEvent = { [T in EventType]: EventToRecord<T> }[EventType];

/**
 * The event log. A change and the events announcing it are committed in one transaction, so a
 * change is never saved without its event and replay never misses one.
 */
@Injectable()
export class EventLog {
  /**
   * Flushes the pending changes of `em`, then appends the events `announce` builds from the
   * flushed state (ids, versions), all in one transaction.
   */
  async flushWith(em: EntityManager, announce: () => AnyEvent | AnyEvent[]): Promise<EventRecord[]> {
    return inTransaction(em, async () => {
      await em.flush();
      const records = [announce()].flat().map((event) => new EventRecord(event));
      em.persist(records);
      return records;
    });
  }
}
