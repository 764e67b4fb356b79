import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendEvents, inTransaction, type LogEvent } from '@citymentor/persistence';

/** Any one event to record, with its payload type bound to its type (libs/persistence's LogEvent). */
export type AnyEvent = LogEvent;

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
   * (the plan's state, the assessment's status), so a concurrent change of it waits or is seen
   * (`lockedCheck` in still-holds.ts builds one).
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

  /**
   * The same for a change made in SQL (a `<feature>.queries.ts` statement run through `em`, so inside
   * this transaction) rather than through the unit of work: `write`, then the events it announces.
   */
  async writeWith<T>(
    em: EntityManager,
    write: () => Promise<T>,
    announce: (written: T) => AnyEvent | AnyEvent[],
  ): Promise<T> {
    return inTransaction(em, async () => {
      const written = await write();
      await appendEvents(em, [announce(written)].flat());
      return written;
    });
  }
}
