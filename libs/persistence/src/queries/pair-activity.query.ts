import type { EntityManager } from '@mikro-orm/postgresql';
import type { PairParty } from '@citymentor/contracts';
import type { PairActivity, StallThresholds } from '@citymentor/domain';

/** One active pair's activity with its programme's thresholds, as the stalled-pair signals need them. */
export interface PairActivityRow extends PairActivity, StallThresholds {
  programmeId: string;
  mentorName: string;
  menteeName: string;
}

interface RawRow {
  pairId: string;
  programmeId: string;
  mentorName: string;
  menteeName: string;
  stalledAfterDays: number;
  respondWithinDays: number;
  lastActivityAt: Date;
  submittedPlans: { planId: string; planTitle: string; submittedAt: string }[];
  openThreads: {
    threadId: string;
    planId: string;
    planTitle: string;
    lastCommentAt: string;
    lastAuthorSide: PairParty;
  }[];
}

/**
 * The active pairs of one programme, of several (an array of ids) or of every programme (null)
 * with, in one statement: the time of the latest event in the pair's room (or the pair's start),
 * its plans waiting for review since their latest submission, and its open threads with the side
 * of whoever wrote last. Someone of the mentee organisation speaks for the mentee side; anyone
 * else (mentor city, experts, coordinators) for the mentor side.
 */
export async function pairActivity(
  em: EntityManager,
  programmes: string | readonly string[] | null,
): Promise<PairActivityRow[]> {
  const [where, params] =
    programmes === null
      ? ['', []]
      : typeof programmes === 'string'
        ? ['and p.programme_id = ?', [programmes]]
        : ['and p.programme_id = any(?::uuid[])', [`{${programmes.join(',')}}`]];
  const rows = await em.getConnection().execute<RawRow[]>(
    `select p.id as "pairId", p.programme_id as "programmeId", mo.name as "mentorName", me.name as "menteeName",
       pr.stalled_after_days as "stalledAfterDays", pr.respond_within_days as "respondWithinDays",
       greatest(p.created_at, (select e.at from events e where e.room = 'pair:' || p.id order by e.seq desc limit 1)) as "lastActivityAt",
       coalesce((select json_agg(json_build_object('planId', a.id, 'planTitle', a.title,
           'submittedAt', coalesce((select max(r.created_at) from plan_revisions r where r.plan_id = a.id), a.updated_at)) order by a.title)
         from action_plans a where a.pair_id = p.id and a.state = 'submitted'), '[]') as "submittedPlans",
       coalesce((select json_agg(json_build_object('threadId', t.thread_id, 'planId', t.plan_id, 'planTitle', t.title,
           'lastCommentAt', t.created_at, 'lastAuthorSide', t.side) order by t.created_at)
         from (select distinct on (c.thread_id) c.thread_id, c.plan_id, a.title, c.created_at,
                 case when exists (select 1 from memberships m where m.user_id = c.author_id and m.programme_id = p.programme_id
                   and m.organisation_id = p.mentee_organisation_id) then 'mentee' else 'mentor' end as side
               from action_plans a
               join comments c on c.plan_id = a.id and c.deleted_at is null
               join comments root on root.id = c.thread_id and root.resolved_at is null
               where a.pair_id = p.id and a.state <> 'archived'
               order by c.thread_id, c.created_at desc) t), '[]') as "openThreads"
     from pairs p join programmes pr on pr.id = p.programme_id
       join organisations mo on mo.id = p.mentor_organisation_id join organisations me on me.id = p.mentee_organisation_id
     where p.status = 'active' ${where}
     order by p.id`,
    params,
  );
  return rows.map((row) => ({
    ...row,
    lastActivityAt: new Date(row.lastActivityAt),
    submittedPlans: row.submittedPlans.map((plan) => ({ ...plan, submittedAt: new Date(plan.submittedAt) })),
    openThreads: row.openThreads.map((thread) => ({ ...thread, lastCommentAt: new Date(thread.lastCommentAt) })),
  }));
}
