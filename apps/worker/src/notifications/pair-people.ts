import type { EntityManager } from '@mikro-orm/postgresql';
import { pairSideOf, readsPair } from '@citymentor/persistence';

/** Where someone stands towards a pair, as the api's PairPolicy decides it. */
export type PairSideOf = 'mentor' | 'mentee' | 'coordinator' | 'expert';

export interface PairPerson {
  userId: string;
  name: string;
  side: PairSideOf;
}

export interface PairInfo {
  pairId: string;
  programmeId: string;
  mentorName: string;
  menteeName: string;
  people: PairPerson[];
}

/**
 * Everyone who can read a pair today, with their side: the two cities' members, the programme's
 * coordinators and experts (`readsPair`, the rule PairPolicy.sideOf decides). Notifications only go to them, so
 * someone who has left the programme is not told about it any more.
 */
export async function pairInfo(em: EntityManager, pairId: string): Promise<PairInfo | null> {
  const rows = await em.execute<
    {
      pairId: string;
      programmeId: string;
      mentorName: string;
      menteeName: string;
      userId: string | null;
      name: string | null;
      side: PairSideOf | null;
    }[]
  >(
    `select p.id as "pairId", p.programme_id as "programmeId", mo.name as "mentorName", me.name as "menteeName", u.id as "userId", u.name,
       ${pairSideOf('m', 'p')} as side
     from pairs p
     join organisations mo on mo.id = p.mentor_organisation_id
     join organisations me on me.id = p.mentee_organisation_id
     left join memberships m on ${readsPair('m', 'p')}
     left join users u on u.id = m.user_id
     where p.id = ?
     order by u.id`,
    [pairId],
  );
  if (rows.length === 0) return null;
  const { programmeId, mentorName, menteeName } = rows[0];
  const people = rows
    .filter((r) => r.userId && r.side)
    .map((r) => ({ userId: r.userId!, name: r.name ?? '', side: r.side! }));
  return { pairId, programmeId, mentorName, menteeName, people };
}

export const onSide = (info: PairInfo, ...sides: PairSideOf[]) =>
  info.people.filter((p) => sides.includes(p.side)).map((p) => p.userId);
