import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { WorkStatus } from '@citymentor/contracts';
import { DomainError } from '../shared/domain-error';
import { User } from '../identity/user.entity';
import { Milestone } from './milestone.entity';

/** What the mentee reports on a milestone: how far, its status, a narrative and evidence links. */
@Entity({ tableName: 'progress_entries' })
@Index({ properties: ['milestone', 'createdAt'] })
export class ProgressEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Milestone, { deleteRule: 'cascade' })
  milestone: Milestone;

  @Property({ type: 'smallint' })
  percent: number;

  @Enum({ items: ['planned', 'in-progress', 'done', 'blocked'], type: 'string', length: 16 })
  status: WorkStatus;

  @Property({ type: 'text' })
  note: string & Opt = '';

  @Property({ type: 'json' })
  evidenceUrls: string[] & Opt = [];

  @ManyToOne(() => User)
  author: User;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  constructor(
    milestone: Milestone,
    author: User,
    entry: { percent: number; status: WorkStatus; note?: string; evidenceUrls?: string[] },
  ) {
    if (!Number.isInteger(entry.percent) || entry.percent < 0 || entry.percent > 100) {
      throw new DomainError('VALIDATION_FAILED', 'percent must be an integer from 0 to 100', [
        { path: 'percent', message: 'percent must be an integer from 0 to 100' },
      ]);
    }
    if (entry.status === 'done' && entry.percent !== 100) {
      throw new DomainError('VALIDATION_FAILED', 'a done milestone is 100 percent', [
        { path: 'percent', message: 'percent must be 100 when status is done' },
      ]);
    }
    this.milestone = milestone;
    this.author = author;
    this.percent = entry.percent;
    this.status = entry.status;
    this.note = entry.note ?? '';
    this.evidenceUrls = entry.evidenceUrls ?? [];
  }
}
