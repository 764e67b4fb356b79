import type { EntityManager } from '@mikro-orm/postgresql';
import type { PlanState, WorkStatus } from '@citymentor/contracts';
import { FUNDER_PLAN_STATES } from './reports.queries';

/*
 * What the open-data package adds to the report's data: the plans' dates, each milestone's done date and
 * the progress counts per plan. The same plans as the funder report (no drafts, nothing archived), and
 * nothing about people: organisations' names only, no owners, no narratives.
 */

export interface OpenPlanRow {
  planId: string;
  pairId: string;
  mentorOrganisation: string;
  menteeOrganisation: string;
  benchmarkCode: string;
  title: string;
  state: PlanState;
  sectionCodes: string[];
  created: string;
  updated: string;
}

export interface OpenMilestoneRow {
  milestoneId: string;
  planId: string;
  title: string;
  dueDate: string;
  status: WorkStatus;
  /** The day its last progress entry marked it done; null unless it is done. */
  doneDate: string | null;
  /** Days past the due date: until done, or until `today` while not done; 0 when on time. */
  daysLate: number;
}

export interface OpenProgressRow {
  planId: string;
  entries: number;
  lastEntry: string | null;
}

const day = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;

export function openPlans(em: EntityManager, programmeId: string): Promise<OpenPlanRow[]> {
  return em.execute<OpenPlanRow[]>(
    `select a.id as "planId", p.id as "pairId", mo.name as "mentorOrganisation", me.name as "menteeOrganisation",
       p.benchmark_code as "benchmarkCode", a.title, a.state, a.section_codes as "sectionCodes",
       ${day('a.created_at')} as created, ${day('a.updated_at')} as updated
     from action_plans a join pairs p on p.id = a.pair_id
     join organisations mo on mo.id = p.mentor_organisation_id join organisations me on me.id = p.mentee_organisation_id
     where p.programme_id = ? and a.state in ${FUNDER_PLAN_STATES}
     order by me.name, mo.name, a.title, a.id`,
    [programmeId],
  );
}

export function openMilestones(em: EntityManager, programmeId: string, today: string): Promise<OpenMilestoneRow[]> {
  return em.execute<OpenMilestoneRow[]>(
    `select m.id as "milestoneId", a.id as "planId", m.title, to_char(m.due_date, 'YYYY-MM-DD') as "dueDate", m.status,
       case when m.status = 'done' then ${day('d.created_at')} end as "doneDate",
       greatest(0, case when m.status = 'done' then coalesce((d.created_at at time zone 'UTC')::date, m.due_date) else ?::date end - m.due_date)::int as "daysLate"
     from milestones m
     join action_plans a on a.id = m.plan_id and a.state in ${FUNDER_PLAN_STATES}
     join pairs p on p.id = a.pair_id
     left join lateral (select e.created_at from progress_entries e where e.milestone_id = m.id and e.status = 'done'
       order by e.created_at desc, e.id desc limit 1) d on true
     where p.programme_id = ?
     order by a.id, m.due_date, m.title, m.id`,
    [today, programmeId],
  );
}

export function openProgress(em: EntityManager, programmeId: string): Promise<OpenProgressRow[]> {
  return em.execute<OpenProgressRow[]>(
    `select a.id as "planId", count(e.id)::int as entries, ${day('max(e.created_at)')} as "lastEntry"
     from action_plans a join pairs p on p.id = a.pair_id
     left join milestones m on m.plan_id = a.id left join progress_entries e on e.milestone_id = m.id
     where p.programme_id = ? and a.state in ${FUNDER_PLAN_STATES}
     group by a.id order by a.id`,
    [programmeId],
  );
}
