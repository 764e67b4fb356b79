import type { PlanState, WorkStatus } from '@citymentor/contracts';
import {
  scoreAssessment,
  scoreDelta,
  type AssessmentScore,
  type SectionShape,
  type StallSignal,
} from '@citymentor/domain';
import type { ConsortiumMilestoneDto } from '../programmes/dto/consortium-milestone.dto';
import type { AssessmentRow, ConsortiumMilestoneRow, MilestoneCountRow, PlanRow } from './dashboard.queries';
import type {
  DashboardPairDto,
  MilestoneCountsDto,
  OrganisationScoresDto,
  PhaseScoreDto,
  PlanCountsDto,
  StallSignalDto,
} from './dto/dashboard.dto';

const STATUS_KEY: Record<WorkStatus, 'planned' | 'inProgress' | 'done' | 'blocked'> = {
  planned: 'planned',
  'in-progress': 'inProgress',
  done: 'done',
  blocked: 'blocked',
};

const STATE_KEY: Record<PlanState, Exclude<keyof PlanCountsDto, 'total'>> = {
  draft: 'draft',
  submitted: 'submitted',
  'changes-requested': 'changesRequested',
  approved: 'approved',
  'in-progress': 'inProgress',
  completed: 'completed',
  archived: 'archived',
};

export const noMilestones = (): MilestoneCountsDto => ({
  planned: 0,
  inProgress: 0,
  done: 0,
  blocked: 0,
  late: 0,
  total: 0,
});
export const noPlans = (): PlanCountsDto => ({
  draft: 0,
  submitted: 0,
  changesRequested: 0,
  approved: 0,
  inProgress: 0,
  completed: 0,
  archived: 0,
  total: 0,
});

/** Adds one status row (or another tally) into a tally. */
export function addMilestones(into: MilestoneCountsDto, row: Pick<MilestoneCountRow, 'status' | 'count' | 'late'>) {
  into[STATUS_KEY[row.status]] += row.count;
  into.late += row.late;
  into.total += row.count;
}

export function addTally(into: MilestoneCountsDto, other: MilestoneCountsDto) {
  for (const key of Object.keys(into) as (keyof MilestoneCountsDto)[]) into[key] += other[key];
}

export function addPlan(into: PlanCountsDto, plan: Pick<PlanRow, 'state'>) {
  into[STATE_KEY[plan.state]] += 1;
  into.total += 1;
}

export const toConsortiumMilestone =
  (programmeId: string, today: string) =>
  (m: ConsortiumMilestoneRow): ConsortiumMilestoneDto => ({
    id: m.id,
    programmeId,
    title: m.title,
    description: m.description,
    dueDate: m.dueDate,
    status: m.status,
    late: m.dueDate < today && m.status !== 'done',
    version: m.version,
  });

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Baseline vs follow-up per organisation and benchmark: each submitted assessment scored against
 * its benchmark's sections (`scoreAssessment`), the difference by `scoreDelta`. A draft is listed
 * (status `draft`, no score) so the coordinator sees it under way, but counts nowhere.
 */
export function toScores(
  assessments: AssessmentRow[],
  sectionsOf: Map<string, SectionShape[]>,
): OrganisationScoresDto[] {
  const groups = new Map<string, { baseline?: AssessmentRow; followUp?: AssessmentRow }>();
  for (const a of assessments) {
    const key = `${a.organisationId} ${a.benchmarkCode}`;
    const group = groups.get(key) ?? {};
    if (a.phase === 'baseline') group.baseline = a;
    else group.followUp = a;
    groups.set(key, group);
  }
  return [...groups.values()].map(({ baseline, followUp }) => {
    const any = (baseline ?? followUp)!;
    const sections = sectionsOf.get(any.benchmarkCode) ?? [];
    // Only submitted assessments count: a draft is shown as under way, never as a result.
    const before = baseline?.status === 'submitted' ? scoreAssessment(sections, baseline.answers) : null;
    const after = followUp?.status === 'submitted' ? scoreAssessment(sections, followUp.answers) : null;
    const deltas =
      before && after
        ? new Map(scoreDelta(before, after).map((d) => [d.sectionCode, d.delta]))
        : new Map<string, number | null>();
    const scoreIn = (score: AssessmentScore | null, code: string) =>
      score?.sections.find((s) => s.sectionCode === code)?.score ?? null;
    return {
      organisation: { id: any.organisationId, name: any.organisationName, country: any.organisationCountry },
      benchmarkCode: any.benchmarkCode,
      baseline: baseline ? phase(baseline, before) : null,
      followUp: followUp ? phase(followUp, after) : null,
      overallDelta: before?.overall != null && after?.overall != null ? round(after.overall - before.overall) : null,
      sections: sections.map(({ code }) => ({
        sectionCode: code,
        baseline: scoreIn(before, code),
        followUp: scoreIn(after, code),
        delta: deltas.get(code) ?? null,
      })),
    };
  });
}

const phase = (a: AssessmentRow, score: AssessmentScore | null): PhaseScoreDto => ({
  assessmentId: a.id,
  status: a.status,
  overall: score?.overall ?? null,
});

/** A stalled-pair signal with the names of the pair's cities. */
export const toStallSignal =
  (pairs: Map<string, DashboardPairDto>) =>
  (signal: StallSignal): StallSignalDto => {
    const pair = pairs.get(signal.pairId);
    return {
      kind: signal.kind,
      pairId: signal.pairId,
      mentorName: pair?.mentor.name ?? '',
      menteeName: pair?.mentee.name ?? '',
      since: signal.since.toISOString(),
      days: signal.days,
      awaiting: signal.awaiting,
      planId: signal.kind === 'no-activity' ? null : signal.planId,
      planTitle: signal.kind === 'no-activity' ? null : signal.planTitle,
      threadId: signal.kind === 'thread-unanswered' ? signal.threadId : null,
    };
  };
