import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { WorkStatus } from '@citymentor/contracts';
import { staleVersion } from '../shared/domain-error';
import type { ActionPlan } from './action-plan.entity';

export type MilestoneFields = Pick<Milestone, 'title' | 'description' | 'dueDate' | 'owner' | 'status'>;

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

  isLate(today: string): boolean {
    return this.dueDate < today && this.status !== 'done';
  }

  private assign(changes: Partial<MilestoneFields>) {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) Object.assign(this, { [key]: value });
    }
  }
}
