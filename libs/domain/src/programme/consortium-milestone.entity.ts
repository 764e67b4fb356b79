import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { WorkStatus } from '@citymentor/contracts';
import { staleVersion } from '../shared/domain-error';
import { Programme } from './programme.entity';

/** A milestone of the whole consortium ("baseline assessments done", "final report"). */
@Entity({ tableName: 'consortium_milestones' })
@Index({ properties: ['programme', 'dueDate'] })
export class ConsortiumMilestone {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Programme, { deleteRule: 'cascade' })
  programme: Programme;

  @Property({ type: 'string', length: 200 })
  title: string;

  @Property({ type: 'text' })
  description: string & Opt = '';

  @Property({ type: 'date' })
  dueDate: string;

  @Enum({ items: ['planned', 'in-progress', 'done', 'blocked'], type: 'string', length: 16 })
  status: WorkStatus & Opt = 'planned';

  /** Optimistic lock: MikroORM adds `where version = ?` to every update and bumps it. */
  @Property({ type: 'integer', version: true })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  constructor(programme: Programme, title: string, dueDate: string, description = '') {
    this.programme = programme;
    this.title = title.trim();
    this.dueDate = dueDate;
    this.description = description;
  }

  /** Refuses a change or deletion made against a version that is no longer current. */
  assertVersion(expectedVersion: number) {
    if (expectedVersion !== this.version) throw staleVersion(this.version);
  }

  /** Applies a change made against `expectedVersion`; a stale version is refused. */
  update(
    expectedVersion: number,
    changes: Partial<Pick<ConsortiumMilestone, 'title' | 'description' | 'dueDate' | 'status'>>,
  ) {
    this.assertVersion(expectedVersion);
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) Object.assign(this, { [key]: value });
    }
  }
}
