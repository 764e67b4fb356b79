import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { pairActivity, readRows, type PairActivityRow } from '@citymentor/persistence';
import type { StallThresholds } from '@citymentor/domain';
import type {
  AssessmentPhase,
  AssessmentStatus,
  PairStatus,
  PlanState,
  Rating,
  WorkStatus,
} from '@citymentor/contracts';

export interface PairRow {
  id: string;
  benchmarkCode: string;
  status: PairStatus;
  mentorId: string;
  mentorName: string;
  mentorCountry: string;
  menteeId: string;
  menteeName: string;
  menteeCountry: string;
}

/** One plan of the programme, with what the grid links to it by. */
export interface PlanRow {
  id: string;
  pairId: string;
  title: string;
  state: PlanState;
  sectionCodes: string[];
}

/**
 * Milestone counts by status for the plans of one pair that cover the same sections: the service
 * adds each row to the pair and to each of those sections.
 */
export interface MilestoneCountRow {
  pairId: string;
  sectionCodes: string[];
  status: WorkStatus;
  count: number;
  late: number;
}

export interface LateMilestoneRow {
  milestoneId: string;
  title: string;
  dueDate: string;
  daysLate: number;
  owner: string;
  status: WorkStatus;
  planId: string;
  planTitle: string;
  sectionCodes: string[];
  pairId: string;
  mentorName: string;
  menteeName: string;
}

export interface AssessmentRow {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationCountry: string;
  benchmarkCode: string;
  phase: AssessmentPhase;
  status: AssessmentStatus;
  answers: { questionCode: string; rating: Rating }[];
}

export interface BenchmarkSectionsRow {
  code: string;
  sections: { code: string; title: string; guideQuestions: { code: string }[] }[];
}

export interface ConsortiumMilestoneRow {
  id: string;
  title: string;
  description: string;
  dueDate: string;
  status: WorkStatus;
  version: number;
}

/** A plan that is archived was given up: its milestones are neither counted nor late. */
const LIVE_PLANS = `a.state <> 'archived'`;

/**
 * The coordinator dashboard's reads: each one plain statement over the whole programme, so the
 * number of statements does not depend on how many pairs, plans or milestones there are.
 */
@Injectable()
export class DashboardQueries {
  constructor(private readonly em: EntityManager) {}

  pairs(programmeId: string): Promise<PairRow[]> {
    return this.all<PairRow>(
      `select p.id, p.benchmark_code as "benchmarkCode", p.status,
         mo.id as "mentorId", mo.name as "mentorName", mo.country as "mentorCountry",
         me.id as "menteeId", me.name as "menteeName", me.country as "menteeCountry"
       from pairs p join organisations mo on mo.id = p.mentor_organisation_id join organisations me on me.id = p.mentee_organisation_id
       where p.programme_id = ? order by p.status, me.name, mo.name, p.id`,
      [programmeId],
    );
  }

  /** Every plan of the programme, oldest first: counted by state, and linked from the grid's cells. */
  plans(programmeId: string): Promise<PlanRow[]> {
    return this.all<PlanRow>(
      `select a.id, a.pair_id as "pairId", a.title, a.state, a.section_codes as "sectionCodes"
       from action_plans a join pairs p on p.id = a.pair_id where p.programme_id = ? order by a.created_at, a.id`,
      [programmeId],
    );
  }

  /**
   * One aggregation over the programme's milestones, grouped by pair, the plan's sections and status
   * (no fan-out per section in SQL: expanding `section_codes` there made Postgres count every
   * milestone once per section and again per pair with `count(distinct)`, and misjudge the rows).
   */
  milestoneCounts(programmeId: string, today: string): Promise<MilestoneCountRow[]> {
    return this.all<MilestoneCountRow>(
      `select a.pair_id as "pairId", a.section_codes as "sectionCodes", m.status,
         count(*)::int as count,
         (count(*) filter (where m.due_date < ?::date and m.status <> 'done'))::int as late
       from milestones m
       join action_plans a on a.id = m.plan_id and ${LIVE_PLANS}
       join pairs p on p.id = a.pair_id
       where p.programme_id = ?
       group by a.pair_id, a.section_codes, m.status`,
      [today, programmeId],
    );
  }

  lateMilestones(programmeId: string, today: string): Promise<LateMilestoneRow[]> {
    return this.all<LateMilestoneRow>(
      `select m.id as "milestoneId", m.title, to_char(m.due_date, 'YYYY-MM-DD') as "dueDate", (?::date - m.due_date)::int as "daysLate",
         m.owner, m.status, a.id as "planId", a.title as "planTitle", a.section_codes as "sectionCodes",
         p.id as "pairId", mo.name as "mentorName", me.name as "menteeName"
       from milestones m
       join action_plans a on a.id = m.plan_id and ${LIVE_PLANS}
       join pairs p on p.id = a.pair_id
       join organisations mo on mo.id = p.mentor_organisation_id join organisations me on me.id = p.mentee_organisation_id
       where p.programme_id = ? and m.due_date < ?::date and m.status <> 'done'
       order by m.due_date, me.name, a.title, m.title, m.id`,
      [today, programmeId, today],
    );
  }

  /** Every assessment of the programme with all its answers, in one statement. */
  assessments(programmeId: string): Promise<AssessmentRow[]> {
    return this.all<AssessmentRow>(
      `select s.id, s.organisation_id as "organisationId", o.name as "organisationName", o.country as "organisationCountry",
         s.benchmark_code as "benchmarkCode", s.phase, s.status,
         coalesce(json_agg(json_build_object('questionCode', aa.question_code, 'rating', aa.rating)) filter (where aa.id is not null), '[]') as answers
       from assessments s join organisations o on o.id = s.organisation_id
       left join assessment_answers aa on aa.assessment_id = s.id
       where s.programme_id = ?
       group by s.id, o.id
       order by o.name, s.benchmark_code`,
      [programmeId],
    );
  }

  /** The sections (code, title, guide question codes) of the benchmarks the programme's pairs and assessments use. */
  benchmarkSections(programmeId: string): Promise<BenchmarkSectionsRow[]> {
    return this.all<BenchmarkSectionsRow>(
      `select b.code, coalesce((
           select jsonb_agg(jsonb_build_object('code', s->'code', 'title', s->'title',
             'guideQuestions', coalesce((select jsonb_agg(jsonb_build_object('code', q->'code')) from jsonb_array_elements(s->'guideQuestions') q), '[]'))
             order by (s->>'order')::int)
           from jsonb_array_elements(b.document->'sections') s), '[]') as sections
       from benchmarks b
       where b.code in (select benchmark_code from pairs where programme_id = ? union select benchmark_code from assessments where programme_id = ?)`,
      [programmeId, programmeId],
    );
  }

  consortiumMilestones(programmeId: string): Promise<ConsortiumMilestoneRow[]> {
    return this.all<ConsortiumMilestoneRow>(
      `select id, title, description, to_char(due_date, 'YYYY-MM-DD') as "dueDate", status, version
       from consortium_milestones where programme_id = ? order by due_date, title`,
      [programmeId],
    );
  }

  /** The programme's active pairs with what the stalled-pair signals need (one statement). */
  pairActivity(programmeId: string): Promise<PairActivityRow[]> {
    return pairActivity(this.em, programmeId);
  }

  thresholds(programmeId: string): Promise<StallThresholds[]> {
    return this.all<StallThresholds>(
      `select stalled_after_days as "stalledAfterDays", respond_within_days as "respondWithinDays" from programmes where id = ?`,
      [programmeId],
    );
  }

  private all<T>(sql: string, params: unknown[]): Promise<T[]> {
    return readRows<T>(this.em, sql, params);
  }
}
