import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A stalled-pair signal the coordinators were told about, by its `stallKey` (kind, subject and
 * when the wait began). Inserted with ON CONFLICT DO NOTHING in the transaction that writes the
 * notifications: one alert per wait, however many daily runs or workers see it.
 */
@Entity({ tableName: 'stall_alerts' })
export class StallAlert {
  @PrimaryKey({ type: 'string', length: 200 })
  key: string;

  @Property({ type: 'uuid' })
  programmeId: string;

  @Property({ type: 'uuid' })
  pairId: string;

  @Property({ type: 'timestamptz' })
  sentAt: Date & Opt = new Date();

  constructor(key: string, programmeId: string, pairId: string) {
    this.key = key;
    this.programmeId = programmeId;
    this.pairId = pairId;
  }
}
