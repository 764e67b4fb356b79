import { Entity, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../identity/user.entity';
import { ActionPlan } from './action-plan.entity';

/**
 * A reader's "Viewed" mark on one changed field of a plan's diff, for one revision: private to them, it folds
 * that field away in their diff view until a later revision. `fieldKey` is `field:objective` or
 * `milestone:<id>` (`DIFF_FIELD_KEY`).
 */
@Entity({ tableName: 'plan_diff_views' })
@Unique({ properties: ['plan', 'user', 'revision', 'fieldKey'] })
export class DiffFieldView {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ActionPlan, { deleteRule: 'cascade' })
  plan: ActionPlan;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user: User;

  @Property({ type: 'integer' })
  revision: number;

  @Property({ type: 'text' })
  fieldKey: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  constructor(plan: ActionPlan, user: User, revision: number, fieldKey: string) {
    this.plan = plan;
    this.user = user;
    this.revision = revision;
    this.fieldKey = fieldKey;
  }
}
