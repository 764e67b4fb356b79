import { Entity, Enum, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { ProgrammeRole } from '@citymentor/contracts';
import { DomainError } from '../shared/domain-error';
import { User } from '../identity/user.entity';
import { Organisation } from './organisation.entity';
import { Programme } from './programme.entity';

/** An invitation of an e-mail address to join a programme for an organisation. Only a hash of the token is kept. */
@Entity({ tableName: 'invitations' })
export class Invitation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Programme, { deleteRule: 'cascade' })
  programme: Programme;

  @ManyToOne(() => Organisation)
  organisation: Organisation;

  @Property({ type: 'string', length: 320 })
  email: string;

  @Enum({ items: ['coordinator', 'expert', 'city-member'], type: 'string', length: 16 })
  role: ProgrammeRole;

  @Property({ type: 'string', length: 64, hidden: true, unique: true })
  tokenHash: string;

  @ManyToOne(() => User)
  invitedBy: User;

  @Property({ type: 'timestamptz' })
  expiresAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt?: Date;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  constructor(args: {
    programme: Programme;
    organisation: Organisation;
    email: string;
    role: ProgrammeRole;
    tokenHash: string;
    invitedBy: User;
    expiresAt: Date;
  }) {
    Object.assign(this, args);
    this.email = User.normaliseEmail(args.email);
  }

  accept(now: Date) {
    if (this.acceptedAt) throw new DomainError('CONFLICT', 'This invitation has already been accepted');
    if (this.expiresAt <= now) throw new DomainError('NOT_FOUND', 'This invitation has expired');
    this.acceptedAt = now;
  }
}
