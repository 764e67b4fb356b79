import { Entity, Enum, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Milestone } from '../action-plan/milestone.entity';

export const REMINDER_KINDS = ['due-soon', 'overdue', 'escalation'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * A reminder that went out. Inserted with ON CONFLICT DO NOTHING in the transaction that writes its
 * notifications: whoever inserts the row sends, anyone else (a second worker, a retried job) skips.
 * `(milestone, kind, day)` — never twice on one day; `(milestone, kind, dueDate)` — once per due
 * date, so a reminder is not repeated every day until the milestone moves or is done.
 */
@Entity({ tableName: 'reminders_sent' })
@Unique({ properties: ['milestone', 'kind', 'day'] })
@Unique({ properties: ['milestone', 'kind', 'dueDate'] })
export class ReminderSent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Milestone, { deleteRule: 'cascade' })
  milestone: Milestone;

  @Enum({ items: [...REMINDER_KINDS], type: 'string', length: 16 })
  kind: ReminderKind;

  /** The day (UTC) of the run that sent it. */
  @Property({ type: 'date' })
  day: string;

  /** The milestone's due date when it was sent. */
  @Property({ type: 'date' })
  dueDate: string;

  @Property({ type: 'timestamptz' })
  sentAt: Date & Opt = new Date();

  constructor(milestone: Milestone, kind: ReminderKind, day: string, dueDate: string) {
    this.milestone = milestone;
    this.kind = kind;
    this.day = day;
    this.dueDate = dueDate;
  }
}
