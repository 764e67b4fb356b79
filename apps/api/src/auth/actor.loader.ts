import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor, ActorMembership } from './actor';

interface ActorRow {
  id: string;
  name: string;
  email: string;
  is_admin: boolean;
  session_active: boolean;
  memberships: ActorMembership[];
}

/** Loads the actor of a request in one lean query: the user, whether the session lives, and memberships. */
@Injectable()
export class ActorLoader {
  constructor(private readonly em: EntityManager) {}

  async load(userId: string, sessionId: string): Promise<Actor | null> {
    const rows = await this.em.getConnection().execute<ActorRow[]>(
      `select u.id, u.name, u.email, u.is_admin,
         exists(select 1 from refresh_tokens t where t.family_id = ? and t.user_id = u.id and t.revoked_at is null) as session_active,
         coalesce(json_agg(json_build_object('programmeId', m.programme_id, 'organisationId', m.organisation_id, 'organisationName', o.name, 'role', m.role))
           filter (where m.id is not null), '[]') as memberships
       from users u left join memberships m on m.user_id = u.id left join organisations o on o.id = m.organisation_id
       where u.id = ? group by u.id`,
      [sessionId, userId],
    );
    const row = rows[0];
    if (!row || !row.session_active) return null;
    return { userId: row.id, name: row.name, email: row.email, sessionId, isAdmin: row.is_admin, memberships: row.memberships };
  }
}
