import { Injectable } from '@nestjs/common';
import { notFound } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { AuditQueries, type AuditRow } from './audit.queries';
import { AUDIT_PAGE_SIZE, type AuditEntryDto, type AuditPageDto, type AuditQueryDto } from './dto/audit.dto';

const toDto = (r: AuditRow): AuditEntryDto => ({
  id: r.id,
  at: new Date(r.at).toISOString(),
  action: r.action,
  actor: { id: r.actorId, name: r.actorName, former: r.actorErased, organisation: r.actorOrganisation },
  subjectType: r.subjectType,
  subjectId: r.subjectId,
  programmeId: r.programmeId,
  programmeName: r.programmeName,
  details: r.details,
});

/** The audit log for the installation admin; anyone else gets 404, as if it did not exist. */
@Injectable()
export class AuditService {
  constructor(private readonly queries: AuditQueries) {}

  async page(actor: Actor, query: AuditQueryDto): Promise<AuditPageDto> {
    if (!actor.isAdmin) throw notFound('Audit log');
    const page = query.page ?? 1;
    const rows = await this.queries.page({
      action: query.action,
      offset: (page - 1) * AUDIT_PAGE_SIZE,
      limit: AUDIT_PAGE_SIZE + 1,
    });
    return { items: rows.slice(0, AUDIT_PAGE_SIZE).map(toDto), page, hasMore: rows.length > AUDIT_PAGE_SIZE };
  }
}
