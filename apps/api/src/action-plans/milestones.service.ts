import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ActionPlan, Milestone, ProgressEntry, staleVersion, User } from '@citymentor/domain';
import { EventLog, type AnyEvent } from '../events/event-log';
import type { Actor } from '../auth/actor';
import { PairScopes } from '../pairs/pair-scopes';
import type { CreateMilestoneDto, LogProgressDto, UpdateMilestoneDto } from './dto/milestone-request.dto';
import type { LoggedProgressDto, MilestoneDto, ProgressDto } from './dto/milestone-response.dto';
import { assertPlanAllows, PlanPolicy, planStillAllows } from './plan.policy';
import { milestoneCreated, milestoneUpdated, planUpdated, progressLogged, staleAware } from './plan-events';
import { PlanQueries } from './plan.queries';

/** What the mentor reviewed of a milestone: rewritten only while the plan is drafted or revised. */
const TEXT_FIELDS = ['title', 'description', 'dueDate', 'owner', 'gapQuestionCodes'] as const;

const unique = (codes: string[] | undefined) => codes && [...new Set(codes)];

/**
 * A plan's milestones and the progress logged on them. The mentee writes them: the whole
 * milestone while the plan is drafted or revised, its status (and progress) once it is approved.
 */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly em: EntityManager,
    private readonly scopes: PairScopes,
    private readonly policy: PlanPolicy,
    private readonly queries: PlanQueries,
    private readonly events: EventLog,
  ) {}

  async create(actor: Actor, planId: string, dto: CreateMilestoneDto): Promise<MilestoneDto> {
    const { scope } = this.policy.edit(actor, await this.scopes.forPlan(planId), 'Action plan');
    assertPlanAllows('add-milestone', scope.planState);
    const gapQuestionCodes = unique(dto.gapQuestionCodes);
    const milestone = new Milestone(this.em.getReference(ActionPlan, planId), { ...dto, gapQuestionCodes });
    this.em.persist(milestone);
    await this.events.flushWith(
      this.em,
      () => milestoneCreated(scope, planId, milestone, actor.userId),
      planStillAllows(this.em, 'add-milestone', planId, gapQuestionCodes),
    );
    return this.queries.milestone(scope, milestone.id);
  }

  async get(actor: Actor, milestoneId: string): Promise<MilestoneDto> {
    const { scope } = this.policy.read(actor, await this.scopes.forMilestone(milestoneId), 'Milestone');
    return this.queries.milestone(scope, milestoneId);
  }

  /** An edit against the version the mentee loaded; the loser of a race gets 409 with the current version. */
  async update(actor: Actor, milestoneId: string, dto: UpdateMilestoneDto): Promise<MilestoneDto> {
    const { scope } = this.policy.edit(actor, await this.scopes.forMilestone(milestoneId), 'Milestone');
    const { version, ...changes } = { ...dto, gapQuestionCodes: unique(dto.gapQuestionCodes) };
    const milestone = await this.em.findOneOrFail(Milestone, milestoneId);
    if (version !== milestone.version) throw staleVersion(milestone.version);
    const change = TEXT_FIELDS.some((f) => changes[f] !== undefined) ? 'edit-milestone' : 'change-milestone-status';
    assertPlanAllows(change, scope.planState);
    milestone.update(version, changes);
    await staleAware(
      () =>
        this.events.flushWith(
          this.em,
          () => milestoneUpdated(scope, scope.planId, milestone, actor.userId),
          planStillAllows(this.em, change, scope.planId, changes.gapQuestionCodes),
        ),
      () => this.queries.milestoneVersion(milestoneId),
    );
    return this.queries.milestone(scope, milestoneId);
  }

  /**
   * A progress entry on a milestone of an approved or running plan. The milestone takes the entry's
   * status (and a new version); the first progress on an approved plan starts it.
   */
  async logProgress(actor: Actor, milestoneId: string, dto: LogProgressDto): Promise<LoggedProgressDto> {
    const { scope } = this.policy.edit(actor, await this.scopes.forMilestone(milestoneId), 'Milestone');
    assertPlanAllows('log-progress', scope.planState);
    const milestone = await this.em.findOneOrFail(Milestone, milestoneId);
    const entry = new ProgressEntry(milestone, this.em.getReference(User, actor.userId), dto);
    milestone.update(milestone.version, { status: entry.status });
    milestone.updatedAt = new Date(); // a new entry always moves the milestone's version on
    // The first progress on an approved plan starts it (a concurrent first entry loses on the plan's version).
    const plan = scope.planState === 'approved' ? await this.em.findOneOrFail(ActionPlan, scope.planId) : undefined;
    const starting = plan?.state === 'approved' ? plan : undefined;
    starting?.apply('start');
    this.em.persist(entry);
    await this.events.flushWith(
      this.em,
      () => {
        const events: AnyEvent[] = [
          ...progressLogged(scope, scope.planId, entry, actor.userId),
          ...milestoneUpdated(scope, scope.planId, milestone, actor.userId),
        ];
        return starting ? [...events, ...planUpdated(scope, starting, actor.userId)] : events;
      },
      planStillAllows(this.em, 'log-progress', scope.planId),
    );
    const [logged] = await this.queries.progress(scope, milestoneId, entry.id);
    return {
      ...logged,
      milestoneStatus: milestone.status,
      milestoneVersion: milestone.version,
      planState: plan?.state ?? scope.planState,
    };
  }

  async listProgress(actor: Actor, milestoneId: string): Promise<ProgressDto[]> {
    const { scope } = this.policy.read(actor, await this.scopes.forMilestone(milestoneId), 'Milestone');
    return this.queries.progress(scope, milestoneId);
  }
}
