import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * How far a worker consumer has read the event log. Advanced in the same transaction as the rows
 * the consumer writes, so a crash loses nothing and repeats nothing (docs/decisions/0007).
 */
@Entity({ tableName: 'worker_cursors' })
export class WorkerCursor {
  @PrimaryKey({ type: 'string', length: 64 })
  name: string;

  @Property({ type: 'bigint' })
  seq: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();

  constructor(name: string, seq: string) {
    this.name = name;
    this.seq = seq;
  }
}
