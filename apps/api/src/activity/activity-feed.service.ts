import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { readsPair } from '@citymentor/persistence';
import type { Actor } from '../auth/actor';
import { ProgrammePolicy } from '../programmes/programme.policy';
import { ACTIVITY_PAGE_DEFAULT, type ActivityItemDto, type ActivityPageDto } from './dto/activity.dto';

interface EventRow {
  seq: string;
  room: string;
  type: string;
  payload: Record<string, unknown>;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  planTitle: string | null;
  milestoneTitle: string | null;
}

const ASSESSMENT = 'assessment.updated';

const toItem = (r: EventRow): ActivityItemDto => ({
  seq: String(r.seq),
  type: r.type,
  room: r.room,
  payload: r.payload,
  actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
  at: (r.at instanceof Date ? r.at : new Date(r.at)).toISOString(),
  subject: { planTitle: r.planTitle, milestoneTitle: r.milestoneTitle },
});

/**
 * The programme's activity, newest first, read straight from the event log in one statement, with
 * the current title of the plan and milestone each change is about.
 * A change is logged in several rooms; the feed reads each change from one room only, so it
 * appears once:
 * - the programme's own events from `programme:{id}`;
 * - a change inside a plan (logged in `plan:` and `pair:`) from its pair's room;
 * - `assessment.updated` (logged in `assessment:{id}` and in the room of every pair of the city)
 *   from the assessment's room — except for the other city of a pair, who may read its partner's
 *   assessment but not its room, and reads it from the pair's room.
 */
@Injectable()
export class ActivityFeedService {
  constructor(
    private readonly em: EntityManager,
    private readonly policy: ProgrammePolicy,
  ) {}

  async page(actor: Actor, programmeId: string, query: { cursor?: string; limit?: number }): Promise<ActivityPageDto> {
    const membership = this.policy.assert(actor, 'read', programmeId);
    const limit = query.limit ?? ACTIVITY_PAGE_DEFAULT;
    const params: unknown[] = [programmeId, `programme:${programmeId}`];
    // Coordinators, experts and the admin see every pair and every assessment.
    let rooms = `(e.room like 'pair:%' and e.type <> '${ASSESSMENT}') or e.room like 'assessment:%'`;
    if (!actor.isAdmin && membership?.role === 'city-member') {
      // A city sees the pairs it is in: its own assessments once (from their rooms), its partners' from the pair.
      rooms = `(e.room in (select 'pair:' || p.id from pairs p
            join (select ?::uuid as programme_id, ?::text as role, ?::uuid as organisation_id) m on ${readsPair('m', 'p')})
          and not (e.type = '${ASSESSMENT}' and e.payload->>'organisationId' = ?))
        or (e.room like 'assessment:%' and e.payload->>'organisationId' = ?)`;
      const own = membership.organisationId;
      params.push(programmeId, membership.role, own, own, own);
    }
    let below = '';
    if (query.cursor !== undefined) {
      below = 'and e.seq < ?';
      params.push(query.cursor);
    }
    params.push(limit + 1);
    const rows = await this.em.getConnection().execute<EventRow[]>(
      `select e.seq, e.room, e.type, e.payload, e.at, e.actor_id as "actorId", u.name as "actorName",
         ap.title as "planTitle", m.title as "milestoneTitle"
       from events e left join users u on u.id = e.actor_id
       left join action_plans ap on ap.id = (e.payload->>'planId')::uuid
       left join milestones m on m.id = coalesce(e.payload->>'milestoneId',
         case when e.payload->'target'->>'type' = 'milestone' then e.payload->'target'->>'id' end)::uuid
       where e.programme_id = ? and (e.room = ? or ${rooms}) ${below}
       order by e.seq desc limit ?`,
      params,
    );
    const items = rows.slice(0, limit).map(toItem);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].seq : null };
  }
}
