import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PlanAction } from '@citymentor/contracts';
import { ActionPlan, conflict, Milestone, PlanReview, PlanRevision, staleVersion, User } from '@citymentor/domain';
import { EventLog } from '../events/event-log';
import type { Actor } from '../auth/actor';
import { PairScopes, type PlanScopeRow } from '../pairs/pair-scopes';
import type { ReviewDto } from './dto/plan-request.dto';
import type { PlanDto } from './dto/plan-response.dto';
import { PlanPolicy, type Access } from './plan.policy';
import { planReviewed, planSubmitted, planUpdated, planWithdrawn, staleAware } from './plan-events';
import { PlanQueries } from './plan.queries';

/**
 * The review workflow: draft → submitted → changes-requested | approved → in-progress → completed
 * (and archived from anywhere); a submission not reviewed yet can be withdrawn. Each step is applied to the plan entity, whose version lock makes
 * two concurrent steps (two reviews, a review racing a resubmission) end with one winner and a 409.
 */
@Injectable()
export class PlanWorkflowService {
  constructor(
    private readonly em: EntityManager,
    private readonly scopes: PairScopes,
    private readonly policy: PlanPolicy,
    private readonly queries: PlanQueries,
    private readonly events: EventLog,
  ) {}

  /** The mentee submits: the plan moves on and an immutable revision records what the mentor reviews. */
  async submit(actor: Actor, planId: string, version?: number): Promise<PlanDto> {
    const { scope, side, plan } = await this.begin(actor, planId, 'submit', version);
    const milestones = await this.em.find(
      Milestone,
      { plan: planId },
      { orderBy: { dueDate: 'asc', createdAt: 'asc', id: 'asc' } },
    );
    plan.submit(milestones);
    const revision = new PlanRevision(plan, plan.revisionCount, plan.snapshot(milestones), actor.userId);
    this.em.persist(revision);
    await this.commit(planId, () =>
      this.events.flushWith(this.em, () => planSubmitted(scope, plan, revision, actor.userId)),
    );
    return this.queries.plan({ ...scope, planState: plan.state }, side);
  }

  /**
   * The mentee takes a submission back before the mentor reviews it, to change it: the revision stays
   * recorded; the plan is a draft again, or "changes requested" when the mentor had reviewed an earlier
   * revision. A review racing the withdrawal leaves one winner (the version lock) and a 409 for the other.
   */
  async withdraw(actor: Actor, planId: string, version?: number): Promise<PlanDto> {
    const { scope, side, plan } = await this.begin(actor, planId, 'withdraw', version);
    plan.withdraw(await this.queries.reviewedBefore(planId));
    await this.commit(planId, () => this.events.flushWith(this.em, () => planWithdrawn(scope, plan, actor.userId)));
    return this.queries.plan({ ...scope, planState: plan.state }, side);
  }

  /**
   * The mentor's verdict on the latest revision. Approval waits until the review threads on the
   * plan are resolved, unless the mentor overrides that.
   */
  async review(actor: Actor, planId: string, dto: ReviewDto): Promise<PlanDto> {
    const { scope, side, plan } = await this.begin(actor, planId, dto.verdict, dto.version);
    plan.apply(dto.verdict);
    const openThreads = dto.verdict === 'approve' ? await this.queries.openThreads(planId) : 0;
    if (openThreads > 0 && !dto.overrideOpenThreads) {
      throw conflict(
        `${openThreads} review thread${openThreads === 1 ? ' is' : 's are'} still open on this plan; resolve ${openThreads === 1 ? 'it' : 'them'} or approve with overrideOpenThreads`,
        { openThreads },
      );
    }
    const review = new PlanReview(
      plan,
      plan.revisionCount,
      dto.verdict,
      dto.summary,
      this.em.getReference(User, actor.userId),
    );
    review.overrodeOpenThreads = openThreads > 0;
    this.em.persist(review);
    await this.commit(planId, () =>
      this.events.flushWith(this.em, () => planReviewed(scope, plan, review, actor.userId)),
    );
    return this.queries.plan({ ...scope, planState: plan.state }, side);
  }

  /** start and complete (the mentee), archive (the mentee or a coordinator). */
  async step(
    actor: Actor,
    planId: string,
    action: Extract<PlanAction, 'start' | 'complete' | 'archive'>,
    version?: number,
  ): Promise<PlanDto> {
    const { scope, side, plan } = await this.begin(actor, planId, action, version);
    plan.apply(action);
    await this.commit(planId, () => this.events.flushWith(this.em, () => planUpdated(scope, plan, actor.userId)));
    return this.queries.plan({ ...scope, planState: plan.state }, side);
  }

  /** Scope, policy, then the plan itself; a `version` the caller sent must still be current. */
  private async begin(
    actor: Actor,
    planId: string,
    action: PlanAction,
    version?: number,
  ): Promise<Access<PlanScopeRow> & { plan: ActionPlan }> {
    const { scope, side } = this.policy.workflow(actor, await this.scopes.forPlan(planId), action);
    const plan = await this.em.findOneOrFail(ActionPlan, planId);
    if (version !== undefined && version !== plan.version) throw staleVersion(plan.version);
    return { scope, side, plan };
  }

  private commit(planId: string, write: () => Promise<unknown>) {
    return staleAware(write, () => this.queries.planVersion(planId));
  }
}
