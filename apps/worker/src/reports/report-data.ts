import type { EntityManager } from '@mikro-orm/postgresql';
import type { AssessmentPhase, PlanState, Rating, WorkStatus } from '@citymentor/contracts';
import { scoreAssessment, type SectionShape } from '@citymentor/domain';

export interface MilestoneRow {
  pairId: string;
  mentorName: string;
  menteeName: string;
  benchmarkCode: string;
  planTitle: string;
  planState: PlanState;
  sectionCodes: string[];
  milestoneTitle: string;
  dueDate: string;
  status: WorkStatus;
  late: boolean;
  daysLate: number;
  owner: string;
  progressPercent: number | null;
  progressNote: string | null;
  progressAt: string | null;
}

export interface PairRow {
  pairId: string;
  mentorName: string;
  menteeName: string;
  benchmarkCode: string;
  status: string;
}

export interface SectionScores {
  organisationName: string;
  benchmarkCode: string;
  sections: { code: string; title: string; baseline: number | null; followUp: number | null }[];
}

export interface ReportData {
  programme: { id: string; name: string; startDate: string; endDate: string; coordinator: string };
  today: string;
  pairs: PairRow[];
  milestones: MilestoneRow[];
  scores: SectionScores[];
  consortiumMilestones: { title: string; dueDate: string; status: WorkStatus; late: boolean }[];
}

/** Everything a funder report shows, in a handful of statements over the programme. */
export async function loadReportData(em: EntityManager, programmeId: string, today: string): Promise<ReportData> {
  const [programme] = await em.execute<ReportData['programme'][]>(
    `select p.id, p.name, to_char(p.start_date, 'YYYY-MM-DD') as "startDate", to_char(p.end_date, 'YYYY-MM-DD') as "endDate", o.name as coordinator
     from programmes p join organisations o on o.id = p.coordinator_organisation_id where p.id = ?`,
    [programmeId],
  );
  if (!programme) throw new Error(`programme ${programmeId} not found`);
  const pairs = await em.execute<PairRow[]>(
    `select p.id as "pairId", mo.name as "mentorName", me.name as "menteeName", p.benchmark_code as "benchmarkCode", p.status
     from pairs p join organisations mo on mo.id = p.mentor_organisation_id join organisations me on me.id = p.mentee_organisation_id
     where p.programme_id = ? order by me.name, mo.name, p.id`,
    [programmeId],
  );
  const milestones = await em.execute<MilestoneRow[]>(
    `select p.id as "pairId", mo.name as "mentorName", me.name as "menteeName", p.benchmark_code as "benchmarkCode",
       a.title as "planTitle", a.state as "planState", a.section_codes as "sectionCodes",
       m.title as "milestoneTitle", to_char(m.due_date, 'YYYY-MM-DD') as "dueDate", m.status, m.owner,
       (m.due_date < ?::date and m.status <> 'done') as late, greatest(0, ?::date - m.due_date) as "daysLate",
       lp.percent as "progressPercent", lp.note as "progressNote", to_char(lp.created_at at time zone 'UTC', 'YYYY-MM-DD') as "progressAt"
     from milestones m
     join action_plans a on a.id = m.plan_id and a.state <> 'archived'
     join pairs p on p.id = a.pair_id
     join organisations mo on mo.id = p.mentor_organisation_id join organisations me on me.id = p.mentee_organisation_id
     left join lateral (select e.percent, e.note, e.created_at from progress_entries e where e.milestone_id = m.id order by e.created_at desc, e.id desc limit 1) lp on true
     where p.programme_id = ?
     order by me.name, mo.name, a.title, m.due_date, m.title, m.id`,
    [today, today, programmeId],
  );
  const assessments = await em.execute<
    {
      organisationName: string;
      benchmarkCode: string;
      phase: AssessmentPhase;
      answers: { questionCode: string; rating: Rating }[];
    }[]
  >(
    `select o.name as "organisationName", s.benchmark_code as "benchmarkCode", s.phase,
       coalesce(json_agg(json_build_object('questionCode', aa.question_code, 'rating', aa.rating)) filter (where aa.id is not null), '[]') as answers
     from assessments s join organisations o on o.id = s.organisation_id left join assessment_answers aa on aa.assessment_id = s.id
     where s.programme_id = ? and s.status = 'submitted' -- a draft is no result yet
     group by s.id, o.name order by o.name, s.benchmark_code`,
    [programmeId],
  );
  const benchmarks = await em.execute<{ code: string; sections: (SectionShape & { title: string })[] }[]>(
    `select b.code, coalesce((select jsonb_agg(jsonb_build_object('code', s->'code', 'title', s->'title',
         'guideQuestions', coalesce((select jsonb_agg(jsonb_build_object('code', q->'code')) from jsonb_array_elements(s->'guideQuestions') q), '[]'))
         order by (s->>'order')::int) from jsonb_array_elements(b.document->'sections') s), '[]') as sections
     from benchmarks b where b.code in (select benchmark_code from assessments where programme_id = ?)`,
    [programmeId],
  );
  const consortium = await em.execute<ReportData['consortiumMilestones']>(
    `select title, to_char(due_date, 'YYYY-MM-DD') as "dueDate", status, (due_date < ?::date and status <> 'done') as late
     from consortium_milestones where programme_id = ? order by due_date, title`,
    [today, programmeId],
  );
  return {
    programme,
    today,
    pairs,
    milestones: milestones.map((m) => ({ ...m, daysLate: Number(m.daysLate) })),
    scores: toScores(assessments, benchmarks),
    consortiumMilestones: consortium,
  };
}

function toScores(
  assessments: {
    organisationName: string;
    benchmarkCode: string;
    phase: AssessmentPhase;
    answers: { questionCode: string; rating: Rating }[];
  }[],
  benchmarks: { code: string; sections: (SectionShape & { title: string })[] }[],
): SectionScores[] {
  const groups = new Map<string, SectionScores>();
  for (const a of assessments) {
    const sections = benchmarks.find((b) => b.code === a.benchmarkCode)?.sections ?? [];
    const key = `${a.organisationName}\u0000${a.benchmarkCode}`;
    const group = groups.get(key) ?? {
      organisationName: a.organisationName,
      benchmarkCode: a.benchmarkCode,
      sections: sections.map((s) => ({ code: s.code, title: s.title, baseline: null, followUp: null })),
    };
    const scored = scoreAssessment(sections, a.answers);
    for (const s of group.sections) {
      const score = scored.sections.find((x) => x.sectionCode === s.code)?.score ?? null;
      if (a.phase === 'baseline') s.baseline = score;
      else s.followUp = score;
    }
    groups.set(key, group);
  }
  return [...groups.values()];
}
