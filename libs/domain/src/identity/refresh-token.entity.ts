import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from './user.entity';

/**
 * One refresh token of a sign-in "family". Rotating a token marks it rotated and issues the next
 * one in the same family; presenting a rotated token again means it was stolen, so the whole
 * family is revoked. Only a hash of the secret is stored.
 */
@Entity({ tableName: 'refresh_tokens' })
@Index({ properties: ['familyId'] })
export class RefreshToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user: User;

  @Property({ type: 'uuid' })
  familyId: string;

  @Property({ type: 'string', length: 64, hidden: true })
  secretHash: string;

  @Property({ type: 'timestamptz' })
  expiresAt: Date;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  rotatedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;

  constructor(user: User, familyId: string, secretHash: string, expiresAt: Date) {
    this.user = user;
    this.familyId = familyId;
    this.secretHash = secretHash;
    this.expiresAt = expiresAt;
  }

  isUsable(now: Date): boolean {
    return !this.rotatedAt && !this.revokedAt && this.expiresAt > now;
  }
}
