import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { PlanAction, PlanState } from '@citymentor/contracts';
import { DomainError, staleVersion } from '../shared/domain-error';
import { Pair } from '../mentoring/pair.entity';
import { Milestone } from './milestone.entity';
import type { PlanSnapshot } from './plan-diff';
import { isEditable, nextState } from './plan-state';
import { assertReadyToSubmit, type SubmissionDraft } from './plan-readiness';

export type PlanFields = Pick<
  ActionPlan,
  | 'title'
  | 'objective'
  | 'sectionCodes'
  | 'gapQuestionCodes'
  | 'activities'
  | 'indicators'
  | 'stakeholders'
  | 'budget'
  | 'owner'
>;

/** A mentee city's plan to close gaps in one or more benchmark sections, reviewed by its mentor. */
@Entity({ tableName: 'action_plans' })
@Index({ properties: ['pair', 'state'] })
export class ActionPlan {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Pair, { deleteRule: 'cascade' })
  pair: Pair;

  @Property({ type: 'string', length: 200 })
  title: string;

  @Property({ type: 'text' })
  objective: string & Opt = '';

  @Property({ type: 'json' })
  sectionCodes: string[];

  /** The guide questions (gaps) the plan means to close. */
  @Property({ type: 'json' })
  gapQuestionCodes: string[] & Opt = [];

  @Property({ type: 'json' })
  activities: string[] & Opt = [];

  /** Indicators of success. */
  @Property({ type: 'json' })
  indicators: string[] & Opt = [];

  @Property({ type: 'json' })
  stakeholders: string[] & Opt = [];

  @Property({ type: 'text' })
  budget: string & Opt = '';

  /** Who in the mentee city answers for the plan. */
  @Property({ type: 'string', length: 200 })
  owner: string & Opt = '';

  @Enum({
    items: ['draft', 'submitted', 'changes-requested', 'approved', 'in-progress', 'completed', 'archived'],
    type: 'string',
    length: 24,
  })
  state: PlanState & Opt = 'draft';

  /** Optimistic lock: MikroORM adds `where version = ?` to every update and bumps it. */
  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;

  /** How many times it has been submitted, i.e. the number of its latest revision. */
  @Property({ type: 'integer' })
  revisionCount: number & Opt = 0;

  @Property({ type: 'uuid', nullable: true })
  sourceAssessmentId?: string;

  @OneToMany(() => Milestone, (m) => m.plan, { orderBy: { dueDate: 'asc', createdAt: 'asc' } })
  milestones = new Collection<Milestone>(this);

  @Property({ type: 'uuid' })
  createdBy: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  constructor(pair: Pair, fields: Partial<PlanFields> & Pick<PlanFields, 'title' | 'sectionCodes'>, createdBy: string) {
    if (fields.sectionCodes.length === 0) {
      throw new DomainError('VALIDATION_FAILED', 'sectionCodes must name at least one section', [
        { path: 'sectionCodes', message: 'sectionCodes must name at least one section' },
      ]);
    }
    this.pair = pair;
    this.createdBy = createdBy;
    this.title = fields.title;
    this.sectionCodes = fields.sectionCodes;
    this.assign(fields);
  }

  /** The mentee's edit, made against `expectedVersion`; only while drafting or answering a review. */
  edit(expectedVersion: number, changes: Partial<PlanFields>) {
    if (expectedVersion !== this.version) throw staleVersion(this.version);
    this.assertEditable();
    this.assign(changes);
  }

  assertEditable() {
    if (!isEditable(this.state)) {
      throw new DomainError(
        'TRANSITION_NOT_ALLOWED',
        `A plan that is ${this.state} cannot be edited; only draft or changes-requested plans can`,
        {
          state: this.state,
          action: 'edit',
          allowed: [],
        },
      );
    }
  }

  /**
   * Submits for review, counting a new revision: only from a draft or a plan sent back (409), and only
   * with an objective and a milestone that has a due date and an owner (422 naming what is missing).
   */
  submit(milestones: SubmissionDraft['milestones']) {
    const next = nextState(this.state, 'submit');
    assertReadyToSubmit({ objective: this.objective, milestones });
    this.moveTo(next);
    this.revisionCount += 1;
  }

  /**
   * Takes a submission back before the mentor reviews it: the revision stays recorded, the plan returns
   * to a draft, or to "changes requested" when the mentor had reviewed an earlier revision.
   */
  withdraw(reviewedBefore: boolean) {
    this.moveTo(nextState(this.state, 'withdraw', { reviewedBefore }));
  }

  /** The other workflow steps (review verdicts, start, complete, archive). */
  apply(action: Exclude<PlanAction, 'submit' | 'withdraw'>) {
    this.moveTo(nextState(this.state, action));
  }

  private moveTo(state: PlanState) {
    this.state = state;
    // The version guards concurrent workflow steps too (two reviewers, a review racing an edit).
    this.updatedAt = new Date();
  }

  snapshot(milestones: Milestone[]): PlanSnapshot {
    return {
      title: this.title,
      objective: this.objective,
      sectionCodes: this.sectionCodes,
      gapQuestionCodes: this.gapQuestionCodes,
      activities: this.activities,
      indicators: this.indicators,
      stakeholders: this.stakeholders,
      budget: this.budget,
      owner: this.owner,
      milestones: milestones.map((m) => ({
        id: m.id,
        title: m.title,
        description: m.description,
        dueDate: m.dueDate,
        owner: m.owner,
        status: m.status,
        gapQuestionCodes: m.gapQuestionCodes,
      })),
    };
  }

  private assign(changes: Partial<PlanFields>) {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) Object.assign(this, { [key]: value });
    }
    if (this.sectionCodes.length === 0) {
      throw new DomainError('VALIDATION_FAILED', 'sectionCodes must name at least one section', [
        { path: 'sectionCodes', message: 'sectionCodes must name at least one section' },
      ]);
    }
  }
}
