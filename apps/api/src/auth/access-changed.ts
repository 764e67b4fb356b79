import type { EntityManager } from '@mikro-orm/postgresql';

/** The Postgres NOTIFY channel on which every API instance hears that a user's access changed (EventStream listens). */
export const ACCESS_CHANGED_CHANNEL = 'citymentor_access';

/**
 * Tells every instance that this user's access changed (signed out, password changed, membership
 * ended): their open sockets are checked again and leave what they may no longer read. Inside a
 * transaction of `em`, the notice goes out when it commits.
 */
export async function announceAccessChanged(em: EntityManager, userId: string): Promise<void> {
  await em.execute(`select pg_notify('${ACCESS_CHANGED_CHANNEL}', ?)`, [userId]);
}
