import { Entity, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ActionPlan } from './action-plan.entity';
import type { PlanSnapshot } from './plan-diff';

/** An immutable copy of a plan and its milestones as submitted: what the mentor reviewed. */
@Entity({ tableName: 'plan_revisions' })
@Unique({ properties: ['plan', 'number'] })
export class PlanRevision {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ActionPlan, { deleteRule: 'cascade' })
  plan: ActionPlan;

  @Property({ type: 'integer' })
  number: number;

  @Property({ type: 'json' })
  snapshot: PlanSnapshot;

  @Property({ type: 'uuid' })
  submittedBy: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  constructor(plan: ActionPlan, number: number, snapshot: PlanSnapshot, submittedBy: string) {
    this.plan = plan;
    this.number = number;
    this.snapshot = snapshot;
    this.submittedBy = submittedBy;
  }
}
