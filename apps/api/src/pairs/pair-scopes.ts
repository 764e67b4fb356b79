import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PlanState } from '@citymentor/contracts';
import { PreparedQuery } from '@citymentor/persistence';
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

const planColumns = `${pairColumns}, a.id as "planId", a.state as "planState"`;

// Prepared statements: one of them runs before nearly every request about a pair's work.
const PAIR = new PreparedQuery<PairScopeRow>(`select ${pairColumns} from pairs p where p.id = ?`);
const PLAN = new PreparedQuery<PlanScopeRow>(
  `select ${planColumns} from action_plans a join pairs p on p.id = a.pair_id where a.id = ?`,
);
const MILESTONE = new PreparedQuery<PlanScopeRow>(
  `select ${planColumns} from milestones m join action_plans a on a.id = m.plan_id join pairs p on p.id = a.pair_id where m.id = ?`,
);
const PROGRESS = new PreparedQuery<PlanScopeRow>(
  `select ${planColumns} from progress_entries e join milestones m on m.id = e.milestone_id join action_plans a on a.id = m.plan_id
   join pairs p on p.id = a.pair_id where e.id = ?`,
);
const COMMENT = new PreparedQuery<PlanScopeRow>(
  `select ${planColumns} from comments c join action_plans a on a.id = c.plan_id join pairs p on p.id = a.pair_id where c.id = ?`,
);

/**
 * Finds which pair (and plan) a thing belongs to, in one lean query, so the policy can decide
 * before anything is loaded. Used by every service of the pair's work and by the socket gateway.
 */
@Injectable()
export class PairScopes {
  constructor(private readonly em: EntityManager) {}

  forPair(pairId: string): Promise<PairScopeRow | null> {
    return PAIR.one(this.em, [pairId]);
  }

  forPlan(planId: string): Promise<PlanScopeRow | null> {
    return PLAN.one(this.em, [planId]);
  }

  forMilestone(milestoneId: string): Promise<PlanScopeRow | null> {
    return MILESTONE.one(this.em, [milestoneId]);
  }

  forProgress(progressId: string): Promise<PlanScopeRow | null> {
    return PROGRESS.one(this.em, [progressId]);
  }

  forComment(commentId: string): Promise<PlanScopeRow | null> {
    return COMMENT.one(this.em, [commentId]);
  }
}
