import { Entity, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditSubject } from '@citymentor/contracts';

/**
 * One line of the audit log: who did what, when, to what. The actor is kept as an id and the
 * organisation they acted for (never a name or an e-mail), so an entry outlives the person's erasure
 * and reads "a former member of <organisation>" after it. No foreign keys: an entry stays when what it
 * is about goes. Deleted after RETENTION_AUDIT_DAYS by the daily purge.
 */
@Entity({ tableName: 'audit_entries' })
@Index({ properties: ['at'] })
@Index({ properties: ['action', 'at'] })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz' })
  at: Date & Opt = new Date();

  /** Who acted; null when nobody signed in did (the system). */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  /** The organisation the actor acted for, as it was named then ("installation" for the admin). */
  @Property({ type: 'string', length: 200, nullable: true })
  actorOrganisation: string | null = null;

  /** An `AuditAction` (text, no check constraint: a new code needs no migration). */
  @Property({ type: 'string', length: 40 })
  action: AuditAction;

  @Property({ type: 'string', length: 20 })
  subjectType: AuditSubject;

  @Property({ type: 'uuid' })
  subjectId: string;

  @Property({ type: 'uuid', nullable: true })
  programmeId: string | null = null;

  /** What changed, without personal data (ids, roles, organisation names). */
  @Property({ type: 'jsonb' })
  details: Record<string, unknown> & Opt = {};

  constructor(action: AuditAction, subjectType: AuditSubject, subjectId: string) {
    this.action = action;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
  }
}
