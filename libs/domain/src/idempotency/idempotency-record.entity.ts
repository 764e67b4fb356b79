import { Entity, Enum, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * One use of an `Idempotency-Key` by one user: the request's fingerprint and, once done, the
 * response to replay. The unique key is what makes a concurrent duplicate lose.
 *
 * `pending` while the request runs; `committed` in the same transaction as the change it made (so a
 * request that died after committing is never run again); `done` with the response to replay.
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

  @Enum({ items: ['pending', 'committed', 'done'], type: 'string', length: 16 })
  status: 'pending' | 'committed' | 'done' = 'pending';

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
