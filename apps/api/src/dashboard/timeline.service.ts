import { Injectable } from '@nestjs/common';
import { notFound, todayIso } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { toConsortiumMilestone } from './dashboard.mappers';
import { DashboardPolicy } from './dashboard.policy';
import { DashboardQueries } from './dashboard.queries';
import type { TimelineDto } from './dto/timeline.dto';
import { TimelineQueries } from './timeline.queries';

/**
 * The programme's milestones on one time axis: the consortium's own, then every pair's plan
 * milestones, each with its lateness. Seen by whoever sees the dashboard; three statements.
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly policy: DashboardPolicy,
    private readonly dashboard: DashboardQueries,
    private readonly queries: TimelineQueries,
  ) {}

  async get(actor: Actor, programmeId: string, now = new Date()): Promise<TimelineDto> {
    this.policy.assert(actor, programmeId);
    const today = todayIso(now);
    const [[span], consortium, pairs] = await Promise.all([
      this.queries.span(programmeId),
      this.dashboard.consortiumMilestones(programmeId),
      this.queries.pairs(programmeId, today),
    ]);
    if (!span) throw notFound('Programme');
    return {
      programmeId,
      today,
      startDate: span.startDate,
      endDate: span.endDate,
      consortium: consortium.map(toConsortiumMilestone(programmeId, today)),
      pairs,
    };
  }
}
