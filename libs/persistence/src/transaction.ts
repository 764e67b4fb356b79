import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs `work` in a transaction on this very EntityManager (not a fork), so entities it already
 * manages or has been asked to persist are flushed in that transaction; commit flushes.
 */
export async function inTransaction<T>(em: EntityManager, work: () => Promise<T>): Promise<T> {
  await em.begin();
  try {
    const result = await work();
    await em.commit();
    return result;
  } catch (error) {
    await em.rollback();
    throw error;
  }
}
