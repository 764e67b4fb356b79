import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { WorkStatus } from '@citymentor/contracts';
import { DomainError, staleVersion } from '../shared/domain-error';
import type { ActionPlan } from './action-plan.entity';

export type MilestoneFields = Pick<
  Milestone,
  'title' | 'description' | 'dueDate' | 'owner' | 'status' | 'gapQuestionCodes'
>;

/**
 * A milestone addresses gaps of its own plan only: the guide questions it names must be among the
 * plan's `gapQuestionCodes`. A 400 naming gapQuestionCodes (and the strays) otherwise.
 */
export function assertGapsOfPlan(gapQuestionCodes: readonly string[], planGaps: readonly string[]): void {
  const stray = gapQuestionCodes.filter((q) => !planGaps.includes(q));
  if (stray.length === 0) return;
  const message = `gapQuestionCodes must be gaps of the milestone's plan; not: ${stray.join(', ')}`;
  throw new DomainError('VALIDATION_FAILED', message, [{ path: 'gapQuestionCodes', message }]);
}

/** The plan's gaps that none of its milestones addresses yet, in the plan's order. */
export function uncoveredGaps(
  planGaps: readonly string[],
  milestones: readonly { gapQuestionCodes: readonly string[] }[],
): string[] {
  const covered = new Set(milestones.flatMap((m) => m.gapQuestionCodes));
  return planGaps.filter((q) => !covered.has(q));
}

/** A step of an action plan with a due date and an owner. Late = due date past and not done (derived). */
@Entity({ tableName: 'milestones' })
@Index({ properties: ['plan', 'dueDate'] })
@Index({ properties: ['dueDate', 'status'] })
export class Milestone {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('ActionPlan', { deleteRule: 'cascade' })
  plan: ActionPlan;

  @Property({ type: 'string', length: 200 })
  title: string;

  @Property({ type: 'text' })
  description: string & Opt = '';

  @Property({ type: 'date' })
  dueDate: string;

  @Property({ type: 'string', length: 200 })
  owner: string & Opt = '';

  /** The plan's gaps (guide questions) this milestone addresses; a subset of the plan's `gapQuestionCodes`. */
  @Property({ type: 'json', defaultRaw: `'[]'` })
  gapQuestionCodes: string[] & Opt = [];

  @Enum({ items: ['planned', 'in-progress', 'done', 'blocked'], type: 'string', length: 16 })
  status: WorkStatus & Opt = 'planned';

  /** Optimistic lock: MikroORM adds `where version = ?` to every update and bumps it. */
  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  constructor(plan: ActionPlan, fields: Partial<MilestoneFields> & Pick<MilestoneFields, 'title' | 'dueDate'>) {
    this.plan = plan;
    this.title = fields.title;
    this.dueDate = fields.dueDate;
    this.assign(fields);
  }

  update(expectedVersion: number, changes: Partial<MilestoneFields>) {
    if (expectedVersion !== this.version) throw staleVersion(this.version);
    this.assign(changes);
  }

  /** Forgets the gaps its plan no longer names (the plan's gaps were narrowed). */
  keepGapsWithin(planGaps: readonly string[]) {
    const kept = this.gapQuestionCodes.filter((q) => planGaps.includes(q));
    if (kept.length !== this.gapQuestionCodes.length) this.gapQuestionCodes = kept;
  }

  isLate(today: string): boolean {
    return this.dueDate < today && this.status !== 'done';
  }

  private assign(changes: Partial<MilestoneFields>) {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) Object.assign(this, { [key]: value });
    }
  }
}
