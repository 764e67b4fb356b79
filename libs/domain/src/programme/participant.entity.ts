import { Entity, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation } from './organisation.entity';
import { Programme } from './programme.entity';

/** An organisation taking part in a programme. */
@Entity({ tableName: 'programme_participants' })
@Unique({ properties: ['programme', 'organisation'] })
export class Participant {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Programme, { deleteRule: 'cascade' })
  programme: Programme;

  @ManyToOne(() => Organisation)
  organisation: Organisation;

  @Property({ type: 'timestamptz' })
  joinedAt: Date & Opt = new Date();

  constructor(programme: Programme, organisation: Organisation) {
    this.programme = programme;
    this.organisation = organisation;
  }
}
