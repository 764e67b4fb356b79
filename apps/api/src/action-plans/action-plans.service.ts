import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ActionPlan, Milestone, Pair, staleVersion, todayIso, type PlanFields } from '@citymentor/domain';
import { EventLog } from '../events/event-log';
import { closedAtOf, type Actor } from '../auth/actor';
import { isOpenFor } from '../programmes/programme.policy';
import { isUuid } from '../http/params';
import { PairScopes, planVersionOf } from '../pairs/pair-scopes';
import type { CreatePlanDto, UpdatePlanDto } from './dto/plan-request.dto';
import type { CreatedPlanDto, PlanDto, PlanSummaryDto } from './dto/plan-response.dto';
import { assertPlanAllows, PlanPolicy } from './plan.policy';
import { planUpdated, staleAware } from './plan-events';
import { PlanQueries } from './plan.queries';
import {
  examplesOf,
  gapCodeErrors,
  gapsOf,
  PlanSections,
  sectionCodeErrors,
  throwIfInvalid,
  unique,
} from './plan-sections';

/** Action plans: the mentee drafts and edits them; everyone on the pair reads them. */
@Injectable()
export class ActionPlansService {
  constructor(
    private readonly em: EntityManager,
    private readonly scopes: PairScopes,
    private readonly policy: PlanPolicy,
    private readonly sections: PlanSections,
    private readonly queries: PlanQueries,
    private readonly events: EventLog,
  ) {}

  /**
   * A new draft for sections of the pair's benchmark. Started from an assessment, its gaps are the
   * questions rated 0 or 1 in those sections, and the toolkit's examples come back with it.
   */
  async create(actor: Actor, pairId: string, dto: CreatePlanDto): Promise<CreatedPlanDto> {
    const { scope: pair, side } = this.policy.edit(actor, await this.scopes.forPair(pairId), 'Pair');
    const sections = await this.sections.forPair(pairId);
    const sectionCodes = unique(dto.sectionCodes);
    throwIfInvalid(sectionCodeErrors(sectionCodes, sections));
    let gapQuestionCodes = dto.gapQuestionCodes && unique(dto.gapQuestionCodes);
    if (gapQuestionCodes) throwIfInvalid(gapCodeErrors(gapQuestionCodes, sectionCodes, sections));
    if (dto.fromAssessmentId) {
      const answers = await this.sections.answersOf(
        dto.fromAssessmentId,
        pair.menteeOrganisationId,
        pair.benchmarkCode,
      );
      gapQuestionCodes ??= gapsOf(sectionCodes, sections, answers);
    }
    const { fromAssessmentId, ...fields } = dto;
    const plan = new ActionPlan(
      this.em.getReference(Pair, pairId),
      { ...fields, sectionCodes, gapQuestionCodes },
      actor.userId,
    );
    plan.sourceAssessmentId = fromAssessmentId;
    this.em.persist(plan);
    await this.events.flushWith(this.em, () => planUpdated(pair, plan, actor.userId));
    const created = await this.queries.plan({ ...pair, planId: plan.id, planState: plan.state }, side);
    return { ...created, examples: examplesOf(sectionCodes, sections) };
  }

  async list(actor: Actor, pairId: string): Promise<PlanSummaryDto[]> {
    this.policy.read(actor, await this.scopes.forPair(pairId), 'Pair');
    return this.queries.plansOfPair(pairId);
  }

  /** The plan page: the hot read, in lean SQL. */
  async get(actor: Actor, planId: string): Promise<PlanDto> {
    const { scope, side } = this.policy.read(actor, await this.scopes.forPlanRead(actor, planId), 'Action plan');
    return this.queries.plan(scope, side, isOpenFor(actor, scope.programmeId));
  }

  /**
   * The plan page's version for the actor (its ETag, `@ETagFrom`), asked of the policy as `get` is: the plan
   * room's newest event, the members, the pair's status, the plan's state, the reader's side, and today (a
   * milestone turns late at midnight UTC), and whether the programme is closed. Null for an id `get` refuses as malformed.
   */
  async version(actor: Actor, planId: string): Promise<string | null> {
    if (!isUuid(planId)) return null;
    const { scope, side } = this.policy.read(actor, await this.scopes.forPlanVersion(planId, actor), 'Action plan');
    return `${planVersionOf(scope)}|${side}|${todayIso()}|${closedAtOf(actor, scope.programmeId) ?? 'open'}`;
  }

  /** The mentee's edit against the version they loaded, while the plan is a draft or sent back. */
  async update(actor: Actor, planId: string, dto: UpdatePlanDto): Promise<PlanDto> {
    const { scope, side } = this.policy.edit(actor, await this.scopes.forPlan(planId), 'Action plan');
    const { version, ...changes } = dto;
    const plan = await this.em.findOneOrFail(ActionPlan, planId);
    if (version !== plan.version) throw staleVersion(plan.version); // before the state and the fields are looked at
    assertPlanAllows('edit-plan', plan.state);
    const fields = await this.checkedFields(scope.pairId, plan, changes);
    const gapsBefore = plan.gapQuestionCodes;
    plan.edit(version, fields);
    // Gaps the plan no longer names are no longer addressed by its milestones either.
    if (gapsBefore.some((q) => !plan.gapQuestionCodes.includes(q))) {
      for (const milestone of await this.em.find(Milestone, { plan: planId }))
        milestone.keepGapsWithin(plan.gapQuestionCodes);
    }
    await staleAware(
      () => this.events.flushWith(this.em, () => planUpdated(scope, plan, actor.userId)),
      () => this.queries.planVersion(planId),
    );
    return this.queries.plan({ ...scope, planState: plan.state }, side);
  }

  /** Sections and gaps checked against the benchmark; gaps outside narrowed sections are dropped. */
  private async checkedFields(
    pairId: string,
    plan: ActionPlan,
    changes: Partial<PlanFields>,
  ): Promise<Partial<PlanFields>> {
    if (!changes.sectionCodes && !changes.gapQuestionCodes) return changes;
    const sections = await this.sections.forPair(pairId);
    const sectionCodes = changes.sectionCodes ? unique(changes.sectionCodes) : plan.sectionCodes;
    if (changes.sectionCodes) throwIfInvalid(sectionCodeErrors(sectionCodes, sections));
    let gapQuestionCodes: string[];
    if (changes.gapQuestionCodes) {
      gapQuestionCodes = unique(changes.gapQuestionCodes);
      throwIfInvalid(gapCodeErrors(gapQuestionCodes, sectionCodes, sections));
    } else {
      gapQuestionCodes = plan.gapQuestionCodes.filter((q) => gapCodeErrors([q], sectionCodes, sections).length === 0);
    }
    return { ...changes, sectionCodes, gapQuestionCodes };
  }
}
