import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { ProgrammeRole } from '@citymentor/contracts';
import { User } from '../identity/user.entity';
import { Organisation } from './organisation.entity';
import { Programme } from './programme.entity';

/** A person in a programme, on behalf of one organisation, with one role. */
@Entity({ tableName: 'memberships' })
@Unique({ properties: ['user', 'programme'] })
@Index({ properties: ['programme', 'organisation'] })
export class Membership {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user: User;

  @ManyToOne(() => Programme, { deleteRule: 'cascade' })
  programme: Programme;

  @ManyToOne(() => Organisation)
  organisation: Organisation;

  @Enum({ items: ['coordinator', 'expert', 'city-member'], type: 'string', length: 16 })
  role: ProgrammeRole;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  constructor(user: User, programme: Programme, organisation: Organisation, role: ProgrammeRole) {
    this.user = user;
    this.programme = programme;
    this.organisation = organisation;
    this.role = role;
  }
}
