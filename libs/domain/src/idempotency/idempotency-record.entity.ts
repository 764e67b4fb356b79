import { Entity, Enum, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * One use of an `Idempotency-Key` by one user: the request's fingerprint and, once done, the
 * response to replay. The unique key is what makes a concurrent duplicate lose.
 */
@Entity({ tableName: 'idempotency_keys' })
@Unique({ properties: ['userId', 'key'] })
export class IdempotencyRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'string', length: 255 })
  key: string;

  /** sha256 of method, path and body. */
  @Property({ type: 'string', length: 64 })
  fingerprint: string;

  @Enum({ items: ['pending', 'done'], type: 'string', length: 16 })
  status: 'pending' | 'done' = 'pending';

  @Property({ type: 'smallint', nullable: true })
  responseStatus?: number;

  @Property({ type: 'json', nullable: true })
  responseBody?: unknown;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', index: true })
  expiresAt: Date;

  constructor(userId: string, key: string, fingerprint: string, expiresAt: Date) {
    this.userId = userId;
    this.key = key;
    this.fingerprint = fingerprint;
    this.expiresAt = expiresAt;
  }
}
