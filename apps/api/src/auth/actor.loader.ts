import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PreparedQuery } from '@citymentor/persistence';
import type { Actor, ActorMembership } from './actor';

interface ActorRow {
  id: string;
  name: string;
  email: string;
  is_admin: boolean;
  session_active: boolean;
  memberships: ActorMembership[];
}

const ACTOR = new PreparedQuery<ActorRow>(
  `select u.id, u.name, u.email, u.is_admin,
     exists(select 1 from refresh_tokens t where t.family_id = ? and t.user_id = u.id and t.revoked_at is null) as session_active,
     coalesce(json_agg(json_build_object('programmeId', m.programme_id, 'organisationId', m.organisation_id, 'organisationName', o.name, 'role', m.role))
       filter (where m.id is not null), '[]') as memberships
   from users u left join memberships m on m.user_id = u.id left join organisations o on o.id = m.organisation_id
   where u.id = ? group by u.id`,
);

/**
 * Loads the actor of a request in one lean query: the user, whether the session lives, and memberships.
 * It runs on every request, so it is a prepared statement (planned once per connection).
 */
@Injectable()
export class ActorLoader {
  constructor(private readonly em: EntityManager) {}

  async load(userId: string, sessionId: string): Promise<Actor | null> {
    const row = await ACTOR.one(this.em, [sessionId, userId]);
    if (!row || !row.session_active) return null;
    return {
      userId: row.id,
      name: row.name,
      email: row.email,
      sessionId,
      isAdmin: row.is_admin,
      memberships: row.memberships,
    };
  }
}
