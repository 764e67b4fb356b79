import type { EntityManager } from '@mikro-orm/postgresql';
import type { AssessmentPhase, Rating } from '@citymentor/contracts';
import type { ReportFormat, ReportLocale, ReportStatus, SectionShape } from '@citymentor/domain';
import type { MilestoneRow, PairRow, PlanRow, ProgressRow, ReportData } from './report-data';

/*
 * The worker's reports SQL: the report rows, and the report's own data (below). Progress is a guarded
 * update: one statement that never moves a finished report, or a further step, back (docs/decisions/0011).
 */

export interface ReportRow {
  id: string;
  programmeId: string;
  requestedById: string;
  format: ReportFormat;
  locale: ReportLocale;
  status: ReportStatus;
}

/** The report's row, with its programme when the caller builds it. */
export async function reportRow(em: EntityManager, id: string): Promise<ReportRow | undefined> {
  const [row] = await em.execute<ReportRow[]>(
    `select id, programme_id as "programmeId", requested_by_id as "requestedById", format, locale, status from reports where id = ?`,
    [id],
  );
  return row;
}

/** Records progress unless the report is finished or further along already; false when nothing changed. */
export async function recordProgress(
  tx: EntityManager,
  id: string,
  status: ReportStatus,
  progress: number,
  extra: { fileName?: string; sizeBytes?: number; error?: string },
): Promise<boolean> {
  const updated = await tx.execute<{ id: string }[]>(
    `update reports set status = ?, progress = ?, file_name = coalesce(?, file_name), size_bytes = coalesce(?, size_bytes), error = ?,
       finished_at = case when ? in ('done', 'failed') then now() else null end
     where id = ? and status not in ('done', 'failed') and (? <> 'running' or progress <= ?)
     returning id`,
    [
      status,
      progress,
      extra.fileName ?? null,
      extra.sizeBytes ?? null,
      extra.error ?? null,
      status,
      id,
      status,
      progress,
    ],
  );
  return updated.length > 0;
}

/** Reports queued or running for longer than `olderThanSecs` (their jobs may be lost). */
export function unfinishedReports(em: EntityManager, olderThanSecs: number): Promise<{ id: string }[]> {
  return em.execute<{ id: string }[]>(
    `select id from reports where status in ('queued', 'running') and created_at < now() - make_interval(secs => ?)`,
    [olderThanSecs],
  );
}

/*
 * The report's own data, read by `loadReportData` (report-data.ts) in this order on one forked
 * EntityManager: the programme, its pairs, its plans, the milestones of its plans, their progress, the
 * submitted assessments with the sections of their benchmarks, and the consortium's milestones. A draft
 * plan is the city's own unfinished work and an archived one is put away: neither reaches the funder.
 */

/** The plan states a funder reads about (SQL list). */
export const FUNDER_PLAN_STATES = `('submitted', 'changes-requested', 'approved', 'in-progress', 'completed')`;

/** A submitted assessment with its ratings. */
export interface ReportAssessmentRow {
  organisationName: string;
  benchmarkCode: string;
  phase: AssessmentPhase;
  answers: { questionCode: string; rating: Rating }[];
}

/** A benchmark's title and sections in order, with their questions' codes: what an assessment is scored on. */
export interface ReportBenchmarkRow {
  code: string;
  title: string;
  sections: (SectionShape & { title: string })[];
}

/** The programme with its coordinator's name. */
export async function reportProgramme(
  em: EntityManager,
  programmeId: string,
): Promise<ReportData['programme'] | undefined> {
  const [programme] = await em.execute<ReportData['programme'][]>(
    `select p.id, p.name, to_char(p.start_date, 'YYYY-MM-DD') as "startDate", to_char(p.end_date, 'YYYY-MM-DD') as "endDate", o.name as coordinator
     from programmes p join organisations o on o.id = p.coordinator_organisation_id where p.id = ?`,
    [programmeId],
  );
  return programme;
}

/** Every pair of the programme with both cities' names. */
export function reportPairs(em: EntityManager, programmeId: string): Promise<PairRow[]> {
  return em.execute<PairRow[]>(
    `select p.id as "pairId", mo.name as "mentorName", me.name as "menteeName", p.benchmark_code as "benchmarkCode", p.status
     from pairs p join organisations mo on mo.id = p.mentor_organisation_id join organisations me on me.id = p.mentee_organisation_id
     where p.programme_id = ? order by me.name, mo.name, p.id`,
    [programmeId],
  );
}

/** The programme's plans a funder reads about (no drafts, no archived plans). */
export function reportPlans(
  em: EntityManager,
  programmeId: string,
): Promise<Omit<PlanRow, 'sectionTitles' | 'benchmarkTitle' | 'scores' | 'counts'>[]> {
  return em.execute(
    `select a.id as "planId", p.id as "pairId", mo.name as "mentorName", me.name as "menteeName", p.benchmark_code as "benchmarkCode",
       a.title, a.state, a.section_codes as "sectionCodes"
     from action_plans a join pairs p on p.id = a.pair_id
     join organisations mo on mo.id = p.mentor_organisation_id join organisations me on me.id = p.mentee_organisation_id
     where p.programme_id = ? and a.state in ${FUNDER_PLAN_STATES}
     order by me.name, mo.name, a.title, a.id`,
    [programmeId],
  );
}

/** Every milestone of the plans a funder reads about, late as of `today`, with its latest progress. */
export function reportMilestones(
  em: EntityManager,
  programmeId: string,
  today: string,
): Promise<Omit<MilestoneRow, 'sectionTitles' | 'benchmarkTitle'>[]> {
  return em.execute(
    `select a.id as "planId", p.id as "pairId", mo.name as "mentorName", me.name as "menteeName", p.benchmark_code as "benchmarkCode",
       a.title as "planTitle", a.state as "planState", a.section_codes as "sectionCodes",
       m.title as "milestoneTitle", to_char(m.due_date, 'YYYY-MM-DD') as "dueDate", m.status, m.owner,
       (m.due_date < ?::date and m.status <> 'done') as late, greatest(0, ?::date - m.due_date) as "daysLate",
       lp.percent as "progressPercent", lp.note as "progressNote", to_char(lp.created_at at time zone 'UTC', 'YYYY-MM-DD') as "progressAt"
     from milestones m
     join action_plans a on a.id = m.plan_id and a.state in ${FUNDER_PLAN_STATES}
     join pairs p on p.id = a.pair_id
     join organisations mo on mo.id = p.mentor_organisation_id join organisations me on me.id = p.mentee_organisation_id
     left join lateral (select e.percent, e.note, e.created_at from progress_entries e where e.milestone_id = m.id order by e.created_at desc, e.id desc limit 1) lp on true
     where p.programme_id = ?
     order by me.name, mo.name, a.title, m.due_date, m.title, m.id`,
    [today, today, programmeId],
  );
}

/** Every progress entry on those milestones, oldest first per milestone: the narrative and its evidence links. */
export function reportProgress(em: EntityManager, programmeId: string): Promise<ProgressRow[]> {
  return em.execute<ProgressRow[]>(
    `select mo.name as "mentorName", me.name as "menteeName", a.title as "planTitle", m.title as "milestoneTitle",
       to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD') as "date", e.percent, e.status, e.note, e.evidence_urls as "evidenceUrls"
     from progress_entries e join milestones m on m.id = e.milestone_id
     join action_plans a on a.id = m.plan_id and a.state in ${FUNDER_PLAN_STATES}
     join pairs p on p.id = a.pair_id
     join organisations mo on mo.id = p.mentor_organisation_id join organisations me on me.id = p.mentee_organisation_id
     where p.programme_id = ?
     order by me.name, mo.name, a.title, m.due_date, m.title, m.id, e.created_at, e.id`,
    [programmeId],
  );
}

/** The programme's submitted assessments (a draft is no result yet) with their ratings. */
export function submittedAssessments(em: EntityManager, programmeId: string): Promise<ReportAssessmentRow[]> {
  return em.execute<ReportAssessmentRow[]>(
    `select o.name as "organisationName", s.benchmark_code as "benchmarkCode", s.phase,
       coalesce(json_agg(json_build_object('questionCode', aa.question_code, 'rating', aa.rating)) filter (where aa.id is not null), '[]') as answers
     from assessments s join organisations o on o.id = s.organisation_id left join assessment_answers aa on aa.assessment_id = s.id
     where s.programme_id = ? and s.status = 'submitted' -- a draft is no result yet
     group by s.id, o.name order by o.name, s.benchmark_code`,
    [programmeId],
  );
}

/** The benchmarks of the programme's pairs and assessments, with their titles and sections. */
export function reportBenchmarks(em: EntityManager, programmeId: string): Promise<ReportBenchmarkRow[]> {
  return em.execute<ReportBenchmarkRow[]>(
    `select b.code, b.title, coalesce((select jsonb_agg(jsonb_build_object('code', s->'code', 'title', s->'title',
         'guideQuestions', coalesce((select jsonb_agg(jsonb_build_object('code', q->'code')) from jsonb_array_elements(s->'guideQuestions') q), '[]'))
         order by (s->>'order')::int) from jsonb_array_elements(b.document->'sections') s), '[]') as sections
     from benchmarks b
     where b.code in (select benchmark_code from assessments where programme_id = ? union select benchmark_code from pairs where programme_id = ?)`,
    [programmeId, programmeId],
  );
}

/** The consortium's milestones of the programme, late as of `today` (and by how many days). */
export async function reportConsortiumMilestones(
  em: EntityManager,
  programmeId: string,
  today: string,
): Promise<ReportData['consortiumMilestones']> {
  const rows = await em.execute<ReportData['consortiumMilestones']>(
    `select title, to_char(due_date, 'YYYY-MM-DD') as "dueDate", status, (due_date < ?::date and status <> 'done') as late,
       greatest(0, ?::date - due_date) as "daysLate"
     from consortium_milestones where programme_id = ? order by due_date, title`,
    [today, today, programmeId],
  );
  return rows.map((r) => ({ ...r, daysLate: Number(r.daysLate) }));
}
