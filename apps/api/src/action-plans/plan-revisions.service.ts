import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, diffPlans, type PlanSnapshot } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { PairScopes } from '../pairs/pair-scopes';
import type { PlanDiffDto, RevisionDto, RevisionSummaryDto } from './dto/revision.dto';
import { PlanAccess } from './plan-access';
import { iso } from './sql';

const REVISION_SELECT = `
  select r.number, ${iso('r.created_at')} as "createdAt", r.submitted_by as "submittedById", coalesce(u.name, '') as "submittedByName",
    case when v.verdict is null then null else json_build_object('verdict', v.verdict, 'summary', v.summary, 'reviewerName', v.reviewer_name, 'createdAt', ${iso('v.created_at')}) end as review`;

const REVISION_FROM = `
  from plan_revisions r
  left join users u on u.id = r.submitted_by
  left join lateral (select pr.verdict, pr.summary, pr.created_at, ru.name as reviewer_name from plan_reviews pr join users ru on ru.id = pr.reviewer_id
                     where pr.plan_id = r.plan_id and pr.revision = r.number order by pr.created_at desc limit 1) v on true
  where r.plan_id = ?`;

/** A plan's revisions (what was submitted each time) and what changed between two of them. */
@Injectable()
export class PlanRevisionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly scopes: PairScopes,
    private readonly access: PlanAccess,
  ) {}

  async list(actor: Actor, planId: string): Promise<RevisionSummaryDto[]> {
    this.access.read(actor, await this.scopes.forPlan(planId), 'Action plan');
    return this.em.getConnection().execute<RevisionSummaryDto[]>(`${REVISION_SELECT} ${REVISION_FROM} order by r.number`, [planId]);
  }

  async get(actor: Actor, planId: string, number: number): Promise<RevisionDto> {
    this.access.read(actor, await this.scopes.forPlan(planId), 'Action plan');
    const [row] = await this.em.getConnection().execute<RevisionDto[]>(`${REVISION_SELECT}, r.snapshot ${REVISION_FROM} and r.number = ?`, [planId, number]);
    if (!row) throw new DomainError('NOT_FOUND', `Revision ${number} of this plan not found`);
    return row;
  }

  /**
   * Field by field, what changed between two revisions. By default `to` is the latest and `from`
   * the revision last reviewed before it: what changed since the mentor's last review. With no
   * earlier review, everything in `to` counts as new (`from` is null).
   */
  async diff(actor: Actor, planId: string, query: { from?: number; to?: number }): Promise<PlanDiffDto> {
    this.access.read(actor, await this.scopes.forPlan(planId), 'Action plan');
    const connection = this.em.getConnection();
    const [defaults] = await connection.execute<{ latest: number | null; reviewed: number | null }[]>(
      `select (select max(number) from plan_revisions where plan_id = ?) as latest,
              (select max(revision) from plan_reviews where plan_id = ? and revision < coalesce(?::int, (select max(number) from plan_revisions where plan_id = ?))) as reviewed`,
      [planId, planId, query.to ?? null, planId],
    );
    const to = query.to ?? defaults.latest;
    if (to === null) throw new DomainError('NOT_FOUND', 'This plan has not been submitted yet, so it has no revisions to compare');
    const from = query.from ?? defaults.reviewed;
    const numbers = from === null ? [to] : [from, to];
    const rows = await connection.execute<{ number: number; snapshot: PlanSnapshot }[]>(`select number, snapshot from plan_revisions where plan_id = ? and number in (${numbers.map(() => '?').join(', ')})`, [
      planId,
      ...numbers,
    ]);
    const snapshotOf = (n: number) => {
      const row = rows.find((r) => r.number === n);
      if (!row) throw new DomainError('NOT_FOUND', `Revision ${n} of this plan not found`);
      return row.snapshot;
    };
    const after = snapshotOf(to);
    const before = from === null ? EMPTY : snapshotOf(from);
    return { from, to, ...diffPlans(before, after) };
  }
}

const EMPTY: PlanSnapshot = { title: '', objective: '', sectionCodes: [], gapQuestionCodes: [], activities: [], indicators: [], stakeholders: [], budget: '', owner: '', milestones: [] };
