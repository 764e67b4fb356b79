import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PreparedQuery, readRows, readsPair } from '@citymentor/persistence';

/** One event of the feed as the lean read gives it, with the titles of what it is about. */
export interface ActivityEventRow {
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

/** The city member's side of the feed: their role and organisation in the programme. */
export interface ActivityCityReader {
  role: string;
  organisationId: string;
}

const ASSESSMENT = 'assessment.updated';

// The newest event of the programme: the feed reads only the programme's events (`feed`), so any change of
// what it shows (an event, a plan's or a milestone's title: each rename logs one) moves it. One index row.
const NEWEST = new PreparedQuery<{ seq: string }>(
  `select coalesce((select seq from events where programme_id = ? order by seq desc limit 1), 0)::text as seq`,
);

/**
 * The activity feed's SQL: the programme's events, newest first, read straight from the event log in one
 * statement, with the current title of the plan and milestone each change is about. The caller asks the
 * policy first. A change is logged in several rooms; the feed reads each change from one room only, so it
 * appears once:
 * - the programme's own events from `programme:{id}`;
 * - a change inside a plan (logged in `plan:` and `pair:`) from its pair's room;
 * - `assessment.updated` (logged in `assessment:{id}` and in the room of every pair of the city)
 *   from the assessment's room — except for the other city of a pair, who may read its partner's
 *   assessment but not its room, and reads it from the pair's room.
 */
@Injectable()
export class ActivityQueries {
  constructor(private readonly em: EntityManager) {}

  /** The seq of the programme's newest event (0 when none): the feed's version (its ETag). */
  async newestSeq(programmeId: string): Promise<string> {
    return (await NEWEST.one(this.em, [programmeId]))!.seq;
  }

  /**
   * Up to `take` events of the programme before `cursor` (a seq), newest first. Without `city` every
   * pair and every assessment is read (coordinators, experts, the admin); with it, the pairs the city is
   * in: its own assessments once (from their rooms), its partners' from the pair.
   */
  feed(programmeId: string, city: ActivityCityReader | null, cursor: string | undefined, take: number) {
    const params: unknown[] = [programmeId, `programme:${programmeId}`];
    let rooms = `(e.room like 'pair:%' and e.type <> '${ASSESSMENT}') or e.room like 'assessment:%'`;
    if (city) {
      rooms = `(e.room in (select 'pair:' || p.id from pairs p
            join (select ?::uuid as programme_id, ?::text as role, ?::uuid as organisation_id) m on ${readsPair('m', 'p')})
          and not (e.type = '${ASSESSMENT}' and e.payload->>'organisationId' = ?))
        or (e.room like 'assessment:%' and e.payload->>'organisationId' = ?)`;
      const own = city.organisationId;
      params.push(programmeId, city.role, own, own, own);
    }
    let below = '';
    if (cursor !== undefined) {
      below = 'and e.seq < ?';
      params.push(cursor);
    }
    params.push(take);
    return readRows<ActivityEventRow>(
      this.em,
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
  }
}
