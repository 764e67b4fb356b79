import type { EntityManager } from '@mikro-orm/postgresql';
import type { AssessmentPhase, PlanState, WorkStatus } from '@citymentor/contracts';
import { scoreAssessment, type ReportLocale } from '@citymentor/domain';
import {
  reportBenchmarks,
  reportConsortiumMilestones,
  reportMilestones,
  reportPairs,
  reportPlans,
  reportProgramme,
  reportProgress,
  submittedAssessments,
  type ReportAssessmentRow,
  type ReportBenchmarkRow,
} from './reports.queries';

/** Baseline and follow-up scores (% of the highest rating) and the change in points; null where not assessed. */
export interface Scores {
  baseline: number | null;
  followUp: number | null;
  change: number | null;
}

export interface MilestoneRow {
  planId: string;
  pairId: string;
  mentorName: string;
  menteeName: string;
  benchmarkCode: string;
  benchmarkTitle: string;
  planTitle: string;
  planState: PlanState;
  sectionCodes: string[];
  sectionTitles: string[];
  milestoneTitle: string;
  dueDate: string;
  status: WorkStatus;
  late: boolean;
  daysLate: number;
  owner: string;
  progressPercent: number | null;
  progressNote: string | null;
  progressAt: string | null;
  /** The mentee city's scores on the sections the plan works on. */
  planScores: Scores;
}

export interface PairRow {
  pairId: string;
  mentorName: string;
  menteeName: string;
  benchmarkCode: string;
  status: string;
}

export interface PlanRow {
  planId: string;
  pairId: string;
  mentorName: string;
  menteeName: string;
  benchmarkCode: string;
  benchmarkTitle: string;
  title: string;
  state: PlanState;
  sectionCodes: string[];
  sectionTitles: string[];
  counts: { milestones: number; done: number; inProgress: number; late: number };
  /** The mentee city's scores on the sections the plan works on. */
  scores: Scores;
}

export interface ProgressRow {
  mentorName: string;
  menteeName: string;
  planTitle: string;
  milestoneTitle: string;
  date: string;
  percent: number;
  status: WorkStatus;
  note: string;
  evidenceUrls: string[];
}

export interface SectionScores {
  organisationName: string;
  benchmarkCode: string;
  benchmarkTitle: string;
  sections: ({ code: string; title: string } & Scores)[];
}

export interface ReportData {
  locale: ReportLocale;
  programme: { id: string; name: string; startDate: string; endDate: string; coordinator: string };
  today: string;
  pairs: (PairRow & { benchmarkTitle: string })[];
  plans: PlanRow[];
  /** How many plans are in each state a funder reads about (drafts and archived plans left out), in the states' order. */
  planStates: { state: PlanState; count: number }[];
  milestones: MilestoneRow[];
  /** The late milestones, most late first. */
  lateMilestones: MilestoneRow[];
  progress: ProgressRow[];
  scores: SectionScores[];
  consortiumMilestones: { title: string; dueDate: string; status: WorkStatus; late: boolean; daysLate: number }[];
}

const FUNDER_PLAN_STATES: PlanState[] = ['submitted', 'changes-requested', 'approved', 'in-progress', 'completed'];

/** Follow-up minus baseline in points (one decimal), null unless both are there. */
export const change = (baseline: number | null, followUp: number | null) =>
  baseline === null || followUp === null ? null : Math.round((followUp - baseline) * 10) / 10;

/** Everything a funder report shows, in a handful of statements over the programme (reports.queries.ts). */
export async function loadReportData(
  em: EntityManager,
  programmeId: string,
  today: string,
  locale: ReportLocale = 'en',
): Promise<ReportData> {
  const programme = await reportProgramme(em, programmeId);
  if (!programme) throw new Error(`programme ${programmeId} not found`);
  const pairs = await reportPairs(em, programmeId);
  const planRows = await reportPlans(em, programmeId);
  const milestoneRows = await reportMilestones(em, programmeId, today);
  const progress = await reportProgress(em, programmeId);
  const assessments = await submittedAssessments(em, programmeId);
  const benchmarks = await reportBenchmarks(em, programmeId);
  const consortium = await reportConsortiumMilestones(em, programmeId, today);

  const benchmark = (code: string) => benchmarks.find((b) => b.code === code);
  const titles = (code: string, sectionCodes: string[]) =>
    sectionCodes.map((s) => benchmark(code)?.sections.find((x) => x.code === s)?.title ?? s);
  const scoresOf = new Map<string, Scores>();
  for (const p of planRows)
    scoresOf.set(p.planId, planScores(assessments, benchmark(p.benchmarkCode), p.menteeName, p.sectionCodes));

  const milestones: MilestoneRow[] = milestoneRows.map((m) => ({
    ...m,
    daysLate: Number(m.daysLate),
    benchmarkTitle: benchmark(m.benchmarkCode)?.title ?? m.benchmarkCode,
    sectionTitles: titles(m.benchmarkCode, m.sectionCodes),
    planScores: scoresOf.get(m.planId) ?? { baseline: null, followUp: null, change: null },
  }));
  const plans: PlanRow[] = planRows.map((p) => {
    const ms = milestones.filter((m) => m.planId === p.planId);
    return {
      ...p,
      benchmarkTitle: benchmark(p.benchmarkCode)?.title ?? p.benchmarkCode,
      sectionTitles: titles(p.benchmarkCode, p.sectionCodes),
      counts: {
        milestones: ms.length,
        done: ms.filter((m) => m.status === 'done').length,
        inProgress: ms.filter((m) => m.status === 'in-progress').length,
        late: ms.filter((m) => m.late).length,
      },
      scores: scoresOf.get(p.planId)!,
    };
  });
  return {
    locale,
    programme,
    today,
    pairs: pairs.map((p) => ({ ...p, benchmarkTitle: benchmark(p.benchmarkCode)?.title ?? p.benchmarkCode })),
    plans,
    planStates: FUNDER_PLAN_STATES.map((state) => ({
      state,
      count: plans.filter((p) => p.state === state).length,
    })).filter((s) => s.count > 0),
    milestones,
    lateMilestones: milestones
      .filter((m) => m.late)
      .sort((a, b) => b.daysLate - a.daysLate || a.dueDate.localeCompare(b.dueDate)),
    progress: progress.map((p) => ({ ...p, note: p.note ?? '', evidenceUrls: p.evidenceUrls ?? [] })),
    scores: toScores(assessments, benchmarks),
    consortiumMilestones: consortium,
  };
}

/** The latest submitted assessment of a city on a benchmark in a phase. */
const assessmentOf = (
  assessments: ReportAssessmentRow[],
  organisationName: string,
  benchmarkCode: string,
  phase: AssessmentPhase,
) =>
  assessments.findLast(
    (a) => a.organisationName === organisationName && a.benchmarkCode === benchmarkCode && a.phase === phase,
  );

/** A city's scores over the sections a plan works on (all the benchmark's sections when it names none). */
function planScores(
  assessments: ReportAssessmentRow[],
  benchmark: ReportBenchmarkRow | undefined,
  menteeName: string,
  sectionCodes: string[],
): Scores {
  if (!benchmark) return { baseline: null, followUp: null, change: null };
  const sections = sectionCodes.length
    ? benchmark.sections.filter((s) => sectionCodes.includes(s.code))
    : benchmark.sections;
  const score = (phase: AssessmentPhase) => {
    const a = assessmentOf(assessments, menteeName, benchmark.code, phase);
    return a ? scoreAssessment(sections, a.answers).overall : null;
  };
  const baseline = score('baseline');
  const followUp = score('follow-up');
  return { baseline, followUp, change: change(baseline, followUp) };
}

function toScores(assessments: ReportAssessmentRow[], benchmarks: ReportBenchmarkRow[]): SectionScores[] {
  const groups = new Map<string, SectionScores>();
  for (const a of assessments) {
    const benchmark = benchmarks.find((b) => b.code === a.benchmarkCode);
    const sections = benchmark?.sections ?? [];
    const key = `${a.organisationName}\u0000${a.benchmarkCode}`;
    const group = groups.get(key) ?? {
      organisationName: a.organisationName,
      benchmarkCode: a.benchmarkCode,
      benchmarkTitle: benchmark?.title ?? a.benchmarkCode,
      sections: sections.map((s) => ({ code: s.code, title: s.title, baseline: null, followUp: null, change: null })),
    };
    const scored = scoreAssessment(sections, a.answers);
    for (const s of group.sections) {
      const score = scored.sections.find((x) => x.sectionCode === s.code)?.score ?? null;
      if (a.phase === 'baseline') s.baseline = score;
      else s.followUp = score;
      s.change = change(s.baseline, s.followUp);
    }
    groups.set(key, group);
  }
  return [...groups.values()];
}
