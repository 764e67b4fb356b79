import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PlanState } from '@citymentor/contracts';
import { PreparedQuery } from '@citymentor/persistence';
import type { Actor } from '../auth/actor';
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
 * What a plan's page and comments are made of besides the plan room's events: the plan's scope (pair status,
 * plan state), the newest event of `plan:{id}` (every change of the plan, its milestones, progress, reviews
 * and comments appends one: docs/decisions/0014-etags-from-the-event-log.md) and the programme's members
 * (whose side and organisation the answers show), as a count and the newest creation, which any insert or
 * delete changes. One indexed look-up each.
 */
export interface PlanVersionRow extends PlanScopeRow {
  planSeq: string;
  members: string;
}

const PLAN_VERSION = new PreparedQuery<PlanVersionRow>(
  `select ${planColumns},
     coalesce((select e.seq from events e where e.room = 'plan:' || a.id::text order by e.seq desc limit 1), 0)::text as "planSeq",
     (select count(*) || '@' || coalesce(to_char(max(m.created_at) at time zone 'UTC', 'YYYYMMDDHH24MISSUS'), '')
        from memberships m where m.programme_id = p.programme_id) as members
   from action_plans a join pairs p on p.id = a.pair_id where a.id = ?`,
);

/** The parts of a plan's version that are not the reader's: see `PlanVersionRow`. */
export const planVersionOf = (row: PlanVersionRow): string =>
  [row.planSeq, row.members, row.pairStatus, row.planState].join('|');

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

  private readonly readForETag = new WeakMap<Actor, PlanVersionRow>();

  forPlan(planId: string): Promise<PlanScopeRow | null> {
    return PLAN.one(this.em, [planId]);
  }

  /**
   * `forPlan` with what the plan's version is made of (`PlanVersionRow`): the ETag of the plan page and its
   * comments. The row is kept for `reader`'s read that follows in the same request (`forPlanRead`).
   */
  async forPlanVersion(planId: string, reader: Actor): Promise<PlanVersionRow | null> {
    const row = await PLAN_VERSION.one(this.em, [planId]);
    if (row) this.readForETag.set(reader, row);
    return row;
  }

  /**
   * `forPlan` for a read: the row this request's ETag step already read (forPlanVersion), else a look-up.
   * Kept by the request's Actor, made for each request, so nothing outlives the request: one scope query
   * per plan page, not two.
   */
  forPlanRead(reader: Actor, planId: string): Promise<PlanScopeRow | null> {
    const row = this.readForETag.get(reader);
    if (row?.planId !== planId) return this.forPlan(planId);
    this.readForETag.delete(reader);
    return Promise.resolve(row);
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
