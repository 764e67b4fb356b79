import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PLAN_STATES, type AssessmentPhase, type PlanState, type WorkStatus } from '@citymentor/contracts';
import { acceptsProgress } from '@citymentor/domain';
import { pairActivity, pairIncludes, PreparedQuery, type PairActivityRow } from '@citymentor/persistence';
import type { Actor } from '../auth/actor';
import { DUE_SOON_DAYS } from './work-kinds';

/** How someone works in a pair: a side of it (their city) or the programme's expert or coordinator. */
export type WorkSide = 'mentor' | 'mentee' | 'expert' | 'coordinator';

/**
 * Where to look, from the actor's memberships (the same ones the policies decide with): the
 * programmes and cities they are a city member for, and the programmes they are expert or
 * coordinator in. Postgres array literals of uuids and role names, so one statement text serves any
 * number of memberships.
 */
export interface WorkScope {
  cityProgrammes: string;
  cityOrganisations: string;
  staffProgrammes: string;
  staffRoles: string;
  expertProgrammeIds: string[];
  coordinatorProgrammeIds: string[];
}

const array = (values: string[]) => `{${values.join(',')}}`;

export function workScope(actor: Actor): WorkScope {
  const city = actor.memberships.filter((m) => m.role === 'city-member');
  const staff = actor.memberships.filter((m) => m.role !== 'city-member');
  return {
    cityProgrammes: array(city.map((m) => m.programmeId)),
    cityOrganisations: array(city.map((m) => m.organisationId)),
    staffProgrammes: array(staff.map((m) => m.programmeId)),
    staffRoles: array(staff.map((m) => m.role)),
    expertProgrammeIds: staff.filter((m) => m.role === 'expert').map((m) => m.programmeId),
    coordinatorProgrammeIds: staff.filter((m) => m.role === 'coordinator').map((m) => m.programmeId),
  };
}

const scopeParams = (s: WorkScope) => [s.cityProgrammes, s.cityOrganisations, s.staffProgrammes, s.staffRoles];

/**
 * The active pairs one works in, with the side: a city member's pairs (their city mentors or is
 * mentored), every pair of a programme they are expert or coordinator in. Its four parameters come
 * first in every statement below (`scopeParams`).
 */
const MY_PAIRS = `my_pairs as (
    select p.id as pair_id, p.programme_id, case when p.mentee_organisation_id = c.organisation_id then 'mentee' else 'mentor' end as side
    from unnest(?::uuid[], ?::uuid[]) c(programme_id, organisation_id)
    join pairs p on p.programme_id = c.programme_id and p.status = 'active' and ${pairIncludes('p', 'c.organisation_id')}
    union all
    select p.id, p.programme_id, s.role
    from unnest(?::uuid[], ?::text[]) s(programme_id, role)
    join pairs p on p.programme_id = s.programme_id and p.status = 'active')`;

/** A timestamp as milliseconds since the epoch (a number, whatever the driver's type parsers do with timestamps). */
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

/** A plan that is archived was given up: nothing of it waits on anyone (as on the dashboard). */
const LIVE_PLAN = `a.state <> 'archived'`;
const TAKES_PROGRESS = PLAN_STATES.filter(acceptsProgress)
  .map((s) => `'${s}'`)
  .join(', ');

export interface WorkPairRow {
  pairId: string;
  side: WorkSide;
  programmeId: string;
  programmeName: string;
  mentorOrganisationId: string;
  menteeOrganisationId: string;
  mentorName: string;
  menteeName: string;
}

const PAIRS = new PreparedQuery<WorkPairRow>(
  `with ${MY_PAIRS}
   select mp.pair_id as "pairId", mp.side, p.programme_id as "programmeId", pr.name as "programmeName",
     p.mentor_organisation_id as "mentorOrganisationId", p.mentee_organisation_id as "menteeOrganisationId", mo.name as "mentorName", me.name as "menteeName"
   from my_pairs mp join pairs p on p.id = mp.pair_id join programmes pr on pr.id = p.programme_id
     join organisations mo on mo.id = p.mentor_organisation_id join organisations me on me.id = p.mentee_organisation_id
   order by case when mp.side in ('mentor', 'mentee') then 0 else 1 end, pr.name, me.name, mo.name, p.id`,
);

export interface WorkAssessmentRow {
  kind: 'assessment-to-finish' | 'calibration-to-do';
  id: string;
  programmeId: string;
  programmeName: string;
  organisationId: string;
  organisationName: string;
  benchmarkCode: string;
  phase: AssessmentPhase;
  /** The pair whose mentor calibrates (calibration-to-do only). */
  pairId: string | null;
  sinceMs: number;
}

/**
 * A city member's own drafts, and the submitted assessments of the mentee cities of the active pairs
 * their city mentors on the same benchmark that carry no calibration rating yet.
 */
const ASSESSMENTS = new PreparedQuery<WorkAssessmentRow>(
  `with city as (select * from unnest(?::uuid[], ?::uuid[]) c(programme_id, organisation_id))
   select 'assessment-to-finish' as kind, s.id, s.programme_id as "programmeId", pr.name as "programmeName", s.organisation_id as "organisationId",
     o.name as "organisationName", s.benchmark_code as "benchmarkCode", s.phase, null::uuid as "pairId", ${ms('s.updated_at')} as "sinceMs"
   from city c join assessments s on s.programme_id = c.programme_id and s.organisation_id = c.organisation_id and s.status = 'draft'
     join programmes pr on pr.id = s.programme_id join organisations o on o.id = s.organisation_id
   union all
   select 'calibration-to-do', s.id, s.programme_id, pr.name, s.organisation_id, o.name, s.benchmark_code, s.phase, p.id, ${ms('coalesce(s.submitted_at, s.updated_at)')}
   from city c
     join pairs p on p.programme_id = c.programme_id and p.mentor_organisation_id = c.organisation_id and p.status = 'active'
     join assessments s on s.programme_id = p.programme_id and s.organisation_id = p.mentee_organisation_id and s.benchmark_code = p.benchmark_code and s.status = 'submitted'
     join programmes pr on pr.id = s.programme_id join organisations o on o.id = s.organisation_id
   where not exists (select 1 from assessment_answers aa where aa.assessment_id = s.id and aa.mentor_rated)
   order by "sinceMs", id`,
);

export interface WorkPlanRow {
  planId: string;
  title: string;
  state: PlanState;
  pairId: string;
  side: WorkSide;
  /** Since its latest submission (submitted) or its latest review (changes requested). */
  sinceMs: number;
}

/** Plans sent back to a mentee city; submitted plans of the pairs a city mentors or of an expert's programmes. */
const PLANS = new PreparedQuery<WorkPlanRow>(
  `with ${MY_PAIRS}
   select a.id as "planId", a.title, a.state, mp.pair_id as "pairId", mp.side,
     ${ms(`coalesce(case when a.state = 'submitted' then (select max(r.created_at) from plan_revisions r where r.plan_id = a.id)
       else (select max(v.created_at) from plan_reviews v where v.plan_id = a.id) end, a.updated_at)`)} as "sinceMs"
   from my_pairs mp join action_plans a on a.pair_id = mp.pair_id
   where (mp.side = 'mentee' and a.state = 'changes-requested') or (mp.side in ('mentor', 'expert') and a.state = 'submitted')
   order by "sinceMs", a.title, a.id`,
);

export interface WorkCommentRow {
  commentId: string;
  threadId: string;
  planId: string;
  planTitle: string;
  pairId: string;
  authorName: string;
  /** Its first 1 000 characters (the excerpt is made from them). */
  body: string;
  sinceMs: number;
}

/**
 * Open threads (root not resolved) of live plans of the pairs a city works in whose last comment is
 * the other side's. As for the stall signals (pairActivity): someone of the mentee city speaks for
 * the mentee side, anyone else for the mentor side.
 */
const THREADS = new PreparedQuery<WorkCommentRow>(
  `with ${MY_PAIRS},
   last as (
     select distinct on (c.thread_id) c.thread_id, c.id, c.plan_id, c.author_id, c.body, c.created_at, a.title, mp.pair_id, mp.side, p.programme_id, p.mentee_organisation_id
     from my_pairs mp
       join pairs p on p.id = mp.pair_id
       join action_plans a on a.pair_id = mp.pair_id and ${LIVE_PLAN}
       join comments c on c.plan_id = a.id and c.deleted_at is null
       join comments root on root.id = c.thread_id and root.resolved_at is null
     where mp.side in ('mentor', 'mentee')
     order by c.thread_id, c.created_at desc)
   select l.id as "commentId", l.thread_id as "threadId", l.plan_id as "planId", l.title as "planTitle", l.pair_id as "pairId",
     u.name as "authorName", left(l.body, 1000) as body, ${ms('l.created_at')} as "sinceMs"
   from last l join users u on u.id = l.author_id
   where l.side <> case when exists (select 1 from memberships m where m.user_id = l.author_id and m.programme_id = l.programme_id
       and m.organisation_id = l.mentee_organisation_id) then 'mentee' else 'mentor' end
   order by l.created_at, l.id`,
);

/**
 * For an expert: in the live plans of their programmes, the latest comment of each open thread that
 * mentions them and that they have not answered since.
 */
const MENTIONS = new PreparedQuery<WorkCommentRow>(
  `with ${MY_PAIRS},
   mentioned as (
     select distinct on (c.thread_id) c.thread_id, c.id, c.plan_id, c.author_id, c.body, c.created_at, a.title, mp.pair_id
     from my_pairs mp
       join action_plans a on a.pair_id = mp.pair_id and ${LIVE_PLAN}
       join comments c on c.plan_id = a.id and c.deleted_at is null and c.mentions @> jsonb_build_array(?::text)
       join comments root on root.id = c.thread_id and root.resolved_at is null
     where mp.side = 'expert'
       and not exists (select 1 from comments r where r.thread_id = c.thread_id and r.author_id = ?::uuid and r.deleted_at is null and r.created_at > c.created_at)
     order by c.thread_id, c.created_at desc)
   select m.id as "commentId", m.thread_id as "threadId", m.plan_id as "planId", m.title as "planTitle", m.pair_id as "pairId",
     u.name as "authorName", left(m.body, 1000) as body, ${ms('m.created_at')} as "sinceMs"
   from mentioned m join users u on u.id = m.author_id
   order by m.created_at, m.id`,
);

export interface WorkMilestoneRow {
  milestoneId: string;
  title: string;
  dueDate: string;
  status: WorkStatus;
  planId: string;
  planTitle: string;
  pairId: string;
  side: WorkSide;
  /** Days until the due date, negative when late. */
  dueInDays: number;
  /** Since when no progress was logged (the latest entry, the plan's approval or the milestone's creation); null unless its plan takes progress. */
  quietSinceMs: number | null;
}

/**
 * Undone milestones of live plans: for a mentee city, late, due within DUE_SOON_DAYS, or in a plan
 * that takes progress with none logged since `quietBefore`; for a coordinator, every late one of the programme.
 */
const MILESTONES = new PreparedQuery<WorkMilestoneRow>(
  `with ${MY_PAIRS}
   select m.id as "milestoneId", m.title, to_char(m.due_date, 'YYYY-MM-DD') as "dueDate", m.status, a.id as "planId", a.title as "planTitle",
     mp.pair_id as "pairId", mp.side, (m.due_date - ?::date)::int as "dueInDays", ${ms('q.quiet_since')} as "quietSinceMs"
   from my_pairs mp
     join action_plans a on a.pair_id = mp.pair_id and ${LIVE_PLAN}
     join milestones m on m.plan_id = a.id and m.status <> 'done'
     cross join lateral (
       select case when a.state in (${TAKES_PROGRESS}) then greatest(m.created_at,
         (select max(e.created_at) from progress_entries e where e.milestone_id = m.id),
         (select max(v.created_at) from plan_reviews v where v.plan_id = a.id and v.verdict = 'approve')) end as quiet_since) q
   where (mp.side = 'mentee' and (m.due_date <= ?::date + ${DUE_SOON_DAYS} or q.quiet_since < ?::timestamptz))
      or (mp.side = 'coordinator' and m.due_date < ?::date)
   order by m.due_date, a.title, m.title, m.id`,
);

export interface WorkConsortiumRow {
  id: string;
  title: string;
  dueDate: string;
  programmeId: string;
  programmeName: string;
  dueInDays: number;
}

/** Consortium milestones not done, due within DUE_SOON_DAYS or late, of the programmes one coordinates. */
const CONSORTIUM = new PreparedQuery<WorkConsortiumRow>(
  `select cm.id, cm.title, to_char(cm.due_date, 'YYYY-MM-DD') as "dueDate", cm.programme_id as "programmeId", pr.name as "programmeName",
     (cm.due_date - ?::date)::int as "dueInDays"
   from consortium_milestones cm join programmes pr on pr.id = cm.programme_id
   where cm.programme_id = any(?::uuid[]) and cm.status <> 'done' and cm.due_date <= ?::date + ${DUE_SOON_DAYS}
   order by cm.due_date, cm.title, cm.id`,
);

/**
 * The queue's reads: each a fixed statement over everything the actor's memberships reach, so their
 * number depends on the actor's roles (a statement a role does not need is not sent), never on how
 * many pairs, plans, milestones or comments there are. Prepared: the queue is the first page after sign-in.
 */
@Injectable()
export class WorkQueries {
  constructor(private readonly em: EntityManager) {}

  pairs(scope: WorkScope): Promise<WorkPairRow[]> {
    return PAIRS.all(this.em, scopeParams(scope));
  }

  assessments(scope: WorkScope): Promise<WorkAssessmentRow[]> {
    return ASSESSMENTS.all(this.em, [scope.cityProgrammes, scope.cityOrganisations]);
  }

  plans(scope: WorkScope): Promise<WorkPlanRow[]> {
    return PLANS.all(this.em, scopeParams(scope));
  }

  threads(scope: WorkScope): Promise<WorkCommentRow[]> {
    return THREADS.all(this.em, scopeParams(scope));
  }

  mentions(scope: WorkScope, userId: string): Promise<WorkCommentRow[]> {
    return MENTIONS.all(this.em, [...scopeParams(scope), userId, userId]);
  }

  milestones(scope: WorkScope, today: string, quietBefore: Date): Promise<WorkMilestoneRow[]> {
    return MILESTONES.all(this.em, [...scopeParams(scope), today, today, quietBefore.toISOString(), today]);
  }

  consortiumMilestones(programmeIds: string[], today: string): Promise<WorkConsortiumRow[]> {
    return CONSORTIUM.all(this.em, [today, array(programmeIds), today]);
  }

  /** The stall signals' input for the programmes one coordinates (libs/persistence, shared with the dashboard and the worker). */
  pairActivity(programmeIds: string[]): Promise<PairActivityRow[]> {
    return pairActivity(this.em, programmeIds);
  }
}
