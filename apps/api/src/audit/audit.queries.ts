import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AuditAction, AuditSubject } from '@citymentor/contracts';

/** One audit entry with its actor as they are now: a name while the account lives, else erased. */
export interface AuditRow {
  id: string;
  at: Date;
  action: AuditAction;
  subjectType: AuditSubject;
  subjectId: string;
  programmeId: string | null;
  programmeName: string | null;
  details: Record<string, unknown>;
  actorId: string | null;
  actorName: string | null;
  actorErased: boolean;
  actorOrganisation: string | null;
}

/** The admin's audit log read: newest first, a page at a time, optionally one action. */
@Injectable()
export class AuditQueries {
  constructor(private readonly em: EntityManager) {}

  page(filter: { action?: AuditAction; offset: number; limit: number }): Promise<AuditRow[]> {
    const params: unknown[] = [];
    let where = '';
    if (filter.action) {
      where = 'where a.action = ?';
      params.push(filter.action);
    }
    params.push(filter.limit, filter.offset);
    return this.em.getConnection().execute<AuditRow[]>(
      `select a.id, a.at, a.action, a.subject_type as "subjectType", a.subject_id as "subjectId",
         a.programme_id as "programmeId", p.name as "programmeName", a.details, a.actor_id as "actorId",
         case when u.erased_at is null then u.name end as "actorName", u.erased_at is not null as "actorErased",
         a.actor_organisation as "actorOrganisation"
       from audit_entries a
       left join users u on u.id = a.actor_id
       left join programmes p on p.id = a.programme_id
       ${where} order by a.at desc, a.id desc limit ? offset ?`,
      params,
    );
  }
}
