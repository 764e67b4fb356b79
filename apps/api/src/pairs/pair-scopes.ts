import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PlanState } from '@citymentor/contracts';
import type { PairScope } from './pair.policy';

export interface PairScopeRow extends PairScope {
  pairId: string;
  benchmarkCode: string;
  pairStatus: 'active' | 'ended';
}

export interface PlanScopeRow extends PairScopeRow {
  planId: string;
  planState: PlanState;
}

const pairColumns = `p.id as "pairId", p.programme_id as "programmeId", p.mentor_organisation_id as "mentorOrganisationId",
  p.mentee_organisation_id as "menteeOrganisationId", p.benchmark_code as "benchmarkCode", p.status as "pairStatus"`;

/**
 * Finds which pair (and plan) a thing belongs to, in one lean query, so the policy can decide
 * before anything is loaded. Used by every service of the pair's work and by the socket gateway.
 */
@Injectable()
export class PairScopes {
  constructor(private readonly em: EntityManager) {}

  forPair(pairId: string): Promise<PairScopeRow | null> {
    return this.one<PairScopeRow>(`select ${pairColumns} from pairs p where p.id = ?`, pairId);
  }

  forPlan(planId: string): Promise<PlanScopeRow | null> {
    return this.one<PlanScopeRow>(
      `select ${pairColumns}, a.id as "planId", a.state as "planState" from action_plans a join pairs p on p.id = a.pair_id where a.id = ?`,
      planId,
    );
  }

  forMilestone(milestoneId: string): Promise<PlanScopeRow | null> {
    return this.one<PlanScopeRow>(
      `select ${pairColumns}, a.id as "planId", a.state as "planState"
       from milestones m join action_plans a on a.id = m.plan_id join pairs p on p.id = a.pair_id where m.id = ?`,
      milestoneId,
    );
  }

  forProgress(progressId: string): Promise<PlanScopeRow | null> {
    return this.one<PlanScopeRow>(
      `select ${pairColumns}, a.id as "planId", a.state as "planState"
       from progress_entries e join milestones m on m.id = e.milestone_id join action_plans a on a.id = m.plan_id join pairs p on p.id = a.pair_id
       where e.id = ?`,
      progressId,
    );
  }

  forComment(commentId: string): Promise<PlanScopeRow | null> {
    return this.one<PlanScopeRow>(
      `select ${pairColumns}, a.id as "planId", a.state as "planState" from comments c join action_plans a on a.id = c.plan_id join pairs p on p.id = a.pair_id where c.id = ?`,
      commentId,
    );
  }

  private async one<T>(sql: string, id: string): Promise<T | null> {
    const rows = await this.em.getConnection().execute<T[]>(sql, [id]);
    return rows[0] ?? null;
  }
}
