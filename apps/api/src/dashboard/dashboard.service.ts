import { Injectable } from '@nestjs/common';
import { DEFAULT_STALL_THRESHOLDS, stallSignals, todayIso, type SectionShape } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import {
  addMilestones,
  addPlan,
  addTally,
  noMilestones,
  noPlans,
  toConsortiumMilestone,
  toScores,
  toStallSignal,
} from './dashboard.mappers';
import { DashboardPolicy } from './dashboard.policy';
import { DashboardQueries } from './dashboard.queries';
import type { DashboardDto, DashboardPairDto, SectionMilestonesDto } from './dto/dashboard.dto';

/**
 * The coordinator's view of the whole consortium: per pair and section, milestones by status and
 * lateness and the plans that work on it; the late ones first; plans by state; self-assessment progress; consortium milestones;
 * the pairs that have stalled.
 * A fixed handful of SQL statements, whatever the number of pairs; the rest is arithmetic.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly policy: DashboardPolicy,
    private readonly queries: DashboardQueries,
  ) {}

  async get(actor: Actor, programmeId: string, now = new Date()): Promise<DashboardDto> {
    this.policy.assert(actor, programmeId);
    const q = this.queries;
    const today = todayIso(now);
    const [
      pairs,
      planRows,
      milestoneCounts,
      late,
      assessments,
      benchmarks,
      consortium,
      activity,
      [thresholds = DEFAULT_STALL_THRESHOLDS],
    ] = await Promise.all([
      q.pairs(programmeId),
      q.plans(programmeId),
      q.milestoneCounts(programmeId, today),
      q.lateMilestones(programmeId, today),
      q.assessments(programmeId),
      q.benchmarkSections(programmeId),
      q.consortiumMilestones(programmeId),
      q.pairActivity(programmeId),
      q.thresholds(programmeId),
    ]);
    const sectionsOf = new Map<string, (SectionShape & { title: string })[]>(
      benchmarks.map((b) => [b.code, b.sections]),
    );

    const byPair = new Map<string, DashboardPairDto>(
      pairs.map((p) => [
        p.id,
        {
          id: p.id,
          benchmarkCode: p.benchmarkCode,
          status: p.status,
          mentor: { id: p.mentorId, name: p.mentorName, country: p.mentorCountry },
          mentee: { id: p.menteeId, name: p.menteeName, country: p.menteeCountry },
          plans: noPlans(),
          milestones: noMilestones(),
          sections: (sectionsOf.get(p.benchmarkCode) ?? []).map((s) => ({
            sectionCode: s.code,
            sectionTitle: s.title,
            milestones: noMilestones(),
            plans: [],
          })),
        },
      ]),
    );
    const plans = noPlans();
    for (const plan of planRows) {
      addPlan(plans, plan);
      const pair = byPair.get(plan.pairId);
      if (!pair) continue;
      addPlan(pair.plans, plan);
      // An archived plan was given up: counted by state, but no cell leads to it.
      if (plan.state === 'archived') continue;
      const link = { id: plan.id, title: plan.title, state: plan.state };
      for (const code of new Set(plan.sectionCodes)) sectionOf(pair, code).plans.push(link);
    }
    for (const row of milestoneCounts) {
      const pair = byPair.get(row.pairId);
      if (!pair) continue;
      addMilestones(pair.milestones, row);
      for (const code of new Set(row.sectionCodes)) addMilestones(sectionOf(pair, code).milestones, row);
    }
    const milestones = noMilestones();
    for (const pair of byPair.values()) addTally(milestones, pair.milestones);

    return {
      programmeId,
      today,
      pairs: [...byPair.values()],
      plans,
      milestones,
      lateMilestones: late,
      scores: toScores(assessments, sectionsOf),
      consortiumMilestones: consortium.map(toConsortiumMilestone(programmeId, today)),
      stalled: stallSignals(activity, thresholds, now).map(toStallSignal(byPair)),
      stallThresholds: {
        stalledAfterDays: thresholds.stalledAfterDays,
        respondWithinDays: thresholds.respondWithinDays,
      },
    };
  }
}

/** The pair's cell for a section; a section the benchmark does not list (should not happen) is added at the end. */
function sectionOf(pair: DashboardPairDto, code: string): SectionMilestonesDto {
  let section = pair.sections.find((s) => s.sectionCode === code);
  if (!section) {
    section = { sectionCode: code, sectionTitle: code, milestones: noMilestones(), plans: [] };
    pair.sections.push(section);
  }
  return section;
}
