import type { EntityManager } from '@mikro-orm/postgresql';
import type { PlanState, WorkStatus } from '@citymentor/contracts';
import { scoreAssessment } from '@citymentor/domain';
import {
  assessedBenchmarks,
  reportConsortiumMilestones,
  reportMilestones,
  reportPairs,
  reportProgramme,
  submittedAssessments,
  type ReportAssessmentRow,
  type ReportBenchmarkRow,
} from './reports.queries';

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

/** Everything a funder report shows, in a handful of statements over the programme (reports.queries.ts). */
export async function loadReportData(em: EntityManager, programmeId: string, today: string): Promise<ReportData> {
  const programme = await reportProgramme(em, programmeId);
  if (!programme) throw new Error(`programme ${programmeId} not found`);
  const pairs = await reportPairs(em, programmeId);
  const milestones = await reportMilestones(em, programmeId, today);
  const assessments = await submittedAssessments(em, programmeId);
  const benchmarks = await assessedBenchmarks(em, programmeId);
  const consortium = await reportConsortiumMilestones(em, programmeId, today);
  return {
    programme,
    today,
    pairs,
    milestones: milestones.map((m) => ({ ...m, daysLate: Number(m.daysLate) })),
    scores: toScores(assessments, benchmarks),
    consortiumMilestones: consortium,
  };
}

function toScores(assessments: ReportAssessmentRow[], benchmarks: ReportBenchmarkRow[]): SectionScores[] {
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
