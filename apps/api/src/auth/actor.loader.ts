import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './actor';
import { actorRow } from './auth.queries';

/**
 * Loads the actor of a request in one lean query: the user, whether the session lives, and memberships.
 * It runs on every request, so it is a prepared statement (planned once per connection: `actorRow`).
 */
@Injectable()
export class ActorLoader {
  constructor(private readonly em: EntityManager) {}

  async load(userId: string, sessionId: string): Promise<Actor | null> {
    const row = await actorRow(this.em, userId, sessionId);
    if (!row || !row.session_active) return null;
    return {
      userId: row.id,
      name: row.name,
      email: row.email,
      sessionId,
      isAdmin: row.is_admin,
      memberships: row.memberships,
      closedProgrammes: row.closed_programmes,
    };
  }
}
