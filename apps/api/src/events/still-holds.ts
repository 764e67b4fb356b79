import type { EntityManager } from '@mikro-orm/postgresql';
import type { PreparedQuery } from '@citymentor/persistence';

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
