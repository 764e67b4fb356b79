import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { ReviewVerdict } from '@citymentor/contracts';
import { User } from '../identity/user.entity';
import { ActionPlan } from './action-plan.entity';

/** The mentor side's verdict on one revision of a plan. */
@Entity({ tableName: 'plan_reviews' })
// The plan page shows a plan's latest review; the workflow asks for its latest reviewed revision.
@Index({ properties: ['plan', 'revision'] })
export class PlanReview {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ActionPlan, { deleteRule: 'cascade' })
  plan: ActionPlan;

  @Property({ type: 'integer' })
  revision: number;

  @Enum({ items: ['approve', 'request-changes'], type: 'string', length: 16 })
  verdict: ReviewVerdict;

  @Property({ type: 'text' })
  summary: string;

  /** Approved although review threads were still open, because the mentor said so. */
  @Property({ type: 'boolean' })
  overrodeOpenThreads: boolean & Opt = false;

  @ManyToOne(() => User)
  reviewer: User;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  constructor(plan: ActionPlan, revision: number, verdict: ReviewVerdict, summary: string, reviewer: User) {
    this.plan = plan;
    this.revision = revision;
    this.verdict = verdict;
    this.summary = summary;
    this.reviewer = reviewer;
  }
}
