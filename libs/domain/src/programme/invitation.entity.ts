import { Entity, Enum, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { ProgrammeRole } from '@citymentor/contracts';
import { DomainError } from '../shared/domain-error';
import { User } from '../identity/user.entity';
import { Organisation } from './organisation.entity';
import { Programme } from './programme.entity';

export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * An invitation of an e-mail address to join a programme for an organisation. Only a hash of the token is kept
 * for good; the plain token waits in `mailToken` until the worker has e-mailed it, then is cleared
 * (docs/decisions/0013). Resending gives a new token (the old one is dead at once); revoking kills it.
 */
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

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;

  /** The token to e-mail, only until the worker sent it (or the invitation is revoked or accepted). */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  mailToken?: string | null;

  /** When the current token was sent: created, or resent. */
  @Property({ type: 'timestamptz' })
  sentAt: Date & Opt = new Date();

  /** How many times a token was sent (1, then one more per resend): names the e-mail of each send. */
  @Property({ type: 'integer', default: 1 })
  sendCount: number & Opt = 1;

  /** When the e-mail of the current token went out; null while it waits for the worker. */
  @Property({ type: 'timestamptz', nullable: true })
  emailedAt?: Date | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  constructor(args: {
    programme: Programme;
    organisation: Organisation;
    email: string;
    role: ProgrammeRole;
    tokenHash: string;
    /** The token to e-mail; left out, nothing is mailed (the link was handed over otherwise). */
    mailToken?: string;
    invitedBy: User;
    expiresAt: Date;
  }) {
    Object.assign(this, args);
    this.email = User.normaliseEmail(args.email);
  }

  status(now: Date): InvitationStatus {
    if (this.acceptedAt) return 'accepted';
    if (this.revokedAt) return 'revoked';
    return this.expiresAt <= now ? 'expired' : 'pending';
  }

  accept(now: Date) {
    if (this.acceptedAt) throw new DomainError('CONFLICT', 'This invitation has already been accepted');
    if (this.revokedAt || this.expiresAt <= now) throw new DomainError('NOT_FOUND', 'Invitation not found or expired');
    this.acceptedAt = now;
    this.mailToken = null;
  }

  /** A new token (the old one is dead at once) with a new expiry, to be e-mailed again. Pending or expired only. */
  resend(args: { tokenHash: string; mailToken: string; invitedBy: User; expiresAt: Date; now: Date }) {
    if (this.acceptedAt) throw new DomainError('CONFLICT', 'This invitation has already been accepted');
    if (this.revokedAt) throw new DomainError('CONFLICT', 'This invitation was revoked; invite the person again');
    this.tokenHash = args.tokenHash;
    this.mailToken = args.mailToken;
    this.invitedBy = args.invitedBy;
    this.expiresAt = args.expiresAt;
    this.sentAt = args.now;
    this.sendCount += 1;
    this.emailedAt = null;
  }

  /** Kills the link at once; revoking twice changes nothing; an accepted invitation cannot be revoked. */
  revoke(now: Date) {
    if (this.acceptedAt) throw new DomainError('CONFLICT', 'This invitation has already been accepted');
    this.revokedAt ??= now;
    this.mailToken = null;
  }
}
