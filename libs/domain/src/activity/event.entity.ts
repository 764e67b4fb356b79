import { Entity, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The event log: one row per change, written in the transaction of the change. `seq` grows per
 * installation, so clients can drop duplicates and detect gaps; `publishedAt` is set once broadcast.
 */
@Entity({ tableName: 'events' })
@Index({ properties: ['room', 'seq'] })
// The activity feed reads a programme's events newest first, a page at a time.
@Index({ properties: ['programmeId', 'seq'] })
export class EventRecord {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq: string & Opt;

  @Property({ type: 'string', length: 100 })
  room: string;

  @Property({ type: 'string', length: 64 })
  type: string;

  @Property({ type: 'json' })
  payload: object;

  @Property({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** The programme the event belongs to, for the activity feed. */
  @Property({ type: 'uuid', nullable: true })
  programmeId: string | null;

  @Property({ type: 'timestamptz' })
  at: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date;

  constructor(args: {
    room: string;
    type: string;
    payload: object;
    actorId: string | null;
    programmeId: string | null;
  }) {
    Object.assign(this, args);
  }
}
