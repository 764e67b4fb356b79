import { Entity, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../shared/domain-error';
import { User } from '../identity/user.entity';
import { Organisation } from './organisation.entity';
import { assertOpen } from './programme-closed';

/** A consortium of organisations working together for a period, run by a coordinating organisation. */
@Entity({ tableName: 'programmes' })
export class Programme {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name: string;

  @Property({ type: 'text' })
  description: string & Opt = '';

  /** `YYYY-MM-DD` */
  @Property({ type: 'date' })
  startDate: string;

  /** `YYYY-MM-DD`, not before `startDate`. */
  @Property({ type: 'date' })
  endDate: string;

  @ManyToOne(() => Organisation)
  coordinatorOrganisation: Organisation;

  /** Milestone reminders go to the mentee side this many days before the due date. */
  @Property({ type: 'smallint', default: 7 })
  reminderDaysBefore: number & Opt = 7;

  /** A milestone overdue by more than this many days is escalated to the mentor side and the coordinators. */
  @Property({ type: 'smallint', default: 14 })
  escalateAfterDays: number & Opt = 14;

  /** An active pair with no activity for this many days is shown to the coordinators as stalled. */
  @Property({ type: 'smallint', default: 21 })
  stalledAfterDays: number & Opt = 21;

  /** A submitted plan should be reviewed, and a comment answered by the other side, within this many days. */
  @Property({ type: 'smallint', default: 7 })
  respondWithinDays: number & Opt = 7;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  /** When a coordinator closed it: read-only for everyone until reopened (`assertOpen`). */
  @Property({ type: 'timestamptz', nullable: true })
  closedAt: (Date & Opt) | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  closedBy: (User & Opt) | null = null;

  constructor(
    name: string,
    startDate: string,
    endDate: string,
    coordinatorOrganisation: Organisation,
    description = '',
  ) {
    this.name = name.trim();
    this.description = description;
    this.coordinatorOrganisation = coordinatorOrganisation;
    this.startDate = startDate;
    this.endDate = endDate;
    Programme.assertPeriod(startDate, endDate);
  }

  update(
    changes: Partial<
      Pick<
        Programme,
        | 'name'
        | 'description'
        | 'startDate'
        | 'endDate'
        | 'reminderDaysBefore'
        | 'escalateAfterDays'
        | 'stalledAfterDays'
        | 'respondWithinDays'
      >
    >,
  ) {
    Programme.assertPeriod(changes.startDate ?? this.startDate, changes.endDate ?? this.endDate);
    const { name, ...rest } = changes;
    if (name !== undefined) this.name = name.trim();
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) Object.assign(this, { [key]: value });
  }

  close(by: User, at = new Date()) {
    assertOpen(this);
    this.closedAt = at;
    this.closedBy = by;
  }

  reopen() {
    if (!this.closedAt) throw new DomainError('CONFLICT', 'This programme is open');
    this.closedAt = null;
    this.closedBy = null;
  }

  static assertPeriod(startDate: string, endDate: string) {
    if (endDate < startDate) {
      throw new DomainError('VALIDATION_FAILED', 'endDate must not be before startDate', [
        { path: 'endDate', message: 'endDate must not be before startDate' },
      ]);
    }
  }
}
