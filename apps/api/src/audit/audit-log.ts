import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditAction, AuditSubject } from '@citymentor/contracts';
import { AuditEntry } from '@citymentor/domain';
import type { Actor } from '../auth/actor';

/** What happened, as `AuditLog.record` takes it. */
export interface AuditRecord {
  action: AuditAction;
  subject: { type: AuditSubject; id: string };
  programmeId?: string | null;
  /** Ids, roles, organisation names: never a person's name or e-mail. */
  details?: Record<string, unknown>;
}

/** How the actor is kept: their id and the organisation they acted for (the installation, for its admin). */
export function auditActor(
  actor: Actor | null,
  programmeId?: string | null,
): Pick<AuditEntry, 'actorId' | 'actorOrganisation'> {
  if (!actor) return { actorId: null, actorOrganisation: null };
  const membership =
    actor.memberships.find((m) => m.programmeId === programmeId) ?? (actor.isAdmin ? undefined : actor.memberships[0]);
  return {
    actorId: actor.userId,
    actorOrganisation: membership?.organisationName ?? (actor.isAdmin ? 'installation' : null),
  };
}

/**
 * The audit log's one writer: `record` adds the entry to `em`'s unit of work, so it is written by the
 * flush (or in the transaction) that writes the change itself — both or neither.
 */
@Injectable()
export class AuditLog {
  record(em: EntityManager, actor: Actor | null, what: AuditRecord): AuditEntry {
    const entry = new AuditEntry(what.action, what.subject.type, what.subject.id);
    Object.assign(entry, auditActor(actor, what.programmeId), {
      programmeId: what.programmeId ?? null,
      details: what.details ?? {},
    });
    em.persist(entry);
    return entry;
  }
}
