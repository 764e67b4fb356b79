import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { changesSinceApproval, DomainError, diffPlans, type PlanSnapshot } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { EventLog } from '../events/event-log';
import { PairScopes } from '../pairs/pair-scopes';
import type {
  ChangesSinceApprovalDto,
  DiffViewedDto,
  MarkViewedDto,
  PlanDiffDto,
  RevisionDto,
  RevisionSummaryDto,
} from './dto/revision.dto';
import { PlanPolicy } from './plan.policy';
import { PlanRevisionQueries } from './plan-revisions.queries';

/** A plan's revisions (what was submitted each time) and what changed between two of them. */
@Injectable()
export class PlanRevisionsService {
  constructor(
    private readonly scopes: PairScopes,
    private readonly policy: PlanPolicy,
    private readonly queries: PlanRevisionQueries,
    private readonly em: EntityManager,
    private readonly events: EventLog,
  ) {}

  async list(actor: Actor, planId: string): Promise<RevisionSummaryDto[]> {
    this.policy.read(actor, await this.scopes.forPlan(planId), 'Action plan');
    return this.queries.list(planId);
  }

  async get(actor: Actor, planId: string, number: number): Promise<RevisionDto> {
    this.policy.read(actor, await this.scopes.forPlan(planId), 'Action plan');
    const row = await this.queries.one(planId, number);
    if (!row) throw new DomainError('NOT_FOUND', `Revision ${number} of this plan not found`);
    return row;
  }

  /**
   * Field by field, what changed between two revisions. By default `to` is the latest and `from` the revision
   * the caller last reviewed before it (what changed since *my* last review), else the revision anyone last
   * reviewed before it. With no earlier review, everything in `to` counts as new (`from` is null). `yourReview`
   * says which review of the caller's that is, so the client can say "since your review" and list what was
   * said since.
   */
  async diff(actor: Actor, planId: string, query: { from?: number; to?: number }): Promise<PlanDiffDto> {
    this.policy.read(actor, await this.scopes.forPlan(planId), 'Action plan');
    const defaults = await this.queries.diffDefaults(planId, query.to ?? null, actor.userId);
    const to = query.to ?? defaults.latest;
    if (to === null)
      throw new DomainError('NOT_FOUND', 'This plan has not been submitted yet, so it has no revisions to compare');
    const from = query.from ?? defaults.yours?.revision ?? defaults.reviewed;
    const numbers = from === null ? [to] : [from, to];
    const [rows, viewed] = await Promise.all([
      this.queries.snapshots(planId, numbers),
      this.queries.viewed(planId, actor.userId, to),
    ]);
    const snapshotOf = (n: number) => {
      const row = rows.find((r) => r.number === n);
      if (!row) throw new DomainError('NOT_FOUND', `Revision ${n} of this plan not found`);
      return row.snapshot;
    };
    const after = snapshotOf(to);
    const before = from === null ? EMPTY : snapshotOf(from);
    return { from, to, yourReview: defaults.yours, viewed, ...diffPlans(before, after) };
  }

  /**
   * The reader's own "Viewed" mark on one changed field of the diff leading to `revision`: anyone who may read
   * the plan keeps their own marks (no one else sees them, so no event). Unknown revision: 404.
   */
  async markViewed(actor: Actor, planId: string, mark: MarkViewedDto): Promise<DiffViewedDto> {
    this.policy.mark(actor, await this.scopes.forPlan(planId), 'Action plan');
    if (!(await this.queries.exists(planId, mark.revision)))
      throw new DomainError('NOT_FOUND', `Revision ${mark.revision} of this plan not found`);
    const viewed = await this.events.writeWith(
      this.em,
      async () => {
        await this.queries.markViewed({ planId, userId: actor.userId, ...mark });
        return this.queries.viewed(planId, actor.userId, mark.revision);
      },
      (viewed) => ({
        // The reader's own room: their other pages fold the same fields; no one else hears of it.
        room: `user:${actor.userId}`,
        type: 'plan.diff.viewed',
        payload: { planId, revision: mark.revision, viewed },
        actorId: actor.userId,
        programmeId: null,
      }),
    );
    return { revision: mark.revision, viewed };
  }

  /**
   * What changed after the mentor approved the plan: the approved revision against the plan as it is
   * now (milestones added since, and anything else the rules let change), statuses left out. 404 when
   * the plan has not been approved.
   */
  async sinceApproval(actor: Actor, planId: string): Promise<ChangesSinceApprovalDto> {
    this.policy.read(actor, await this.scopes.forPlan(planId), 'Action plan');
    const [approval, now] = await this.queries.approvalAndNow(planId);
    if (!approval || !now)
      throw new DomainError('NOT_FOUND', 'This plan has not been approved, so nothing has changed since an approval');
    return {
      approvedRevision: approval.number,
      approvedAt: approval.approvedAt,
      approvedByName: approval.approvedByName,
      ...changesSinceApproval(approval.snapshot, now),
    };
  }
}

const EMPTY: PlanSnapshot = {
  title: '',
  objective: '',
  sectionCodes: [],
  gapQuestionCodes: [],
  activities: [],
  indicators: [],
  stakeholders: [],
  budget: '',
  owner: '',
  milestones: [],
};
