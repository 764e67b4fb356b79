import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { changesSinceApproval, DomainError, diffPlans, type PlanSnapshot } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { PairScopes } from '../pairs/pair-scopes';
import type { ChangesSinceApprovalDto, PlanDiffDto, RevisionDto, RevisionSummaryDto } from './dto/revision.dto';
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
    return this.em
      .getConnection()
      .execute<RevisionSummaryDto[]>(`${REVISION_SELECT} ${REVISION_FROM} order by r.number`, [planId]);
  }

  async get(actor: Actor, planId: string, number: number): Promise<RevisionDto> {
    this.access.read(actor, await this.scopes.forPlan(planId), 'Action plan');
    const [row] = await this.em
      .getConnection()
      .execute<RevisionDto[]>(`${REVISION_SELECT}, r.snapshot ${REVISION_FROM} and r.number = ?`, [planId, number]);
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
    if (to === null)
      throw new DomainError('NOT_FOUND', 'This plan has not been submitted yet, so it has no revisions to compare');
    const from = query.from ?? defaults.reviewed;
    const numbers = from === null ? [to] : [from, to];
    const rows = await connection.execute<{ number: number; snapshot: PlanSnapshot }[]>(
      `select number, snapshot from plan_revisions where plan_id = ? and number in (${numbers.map(() => '?').join(', ')})`,
      [planId, ...numbers],
    );
    const snapshotOf = (n: number) => {
      const row = rows.find((r) => r.number === n);
      if (!row) throw new DomainError('NOT_FOUND', `Revision ${n} of this plan not found`);
      return row.snapshot;
    };
    const after = snapshotOf(to);
    const before = from === null ? EMPTY : snapshotOf(from);
    return { from, to, ...diffPlans(before, after) };
  }

  /**
   * What changed after the mentor approved the plan: the approved revision against the plan as it is
   * now (milestones added since, and anything else the rules let change), statuses left out. 404 when
   * the plan has not been approved.
   */
  async sinceApproval(actor: Actor, planId: string): Promise<ChangesSinceApprovalDto> {
    this.access.read(actor, await this.scopes.forPlan(planId), 'Action plan');
    const connection = this.em.getConnection();
    const [[approval], [now]] = await Promise.all([
      connection.execute<{ number: number; snapshot: PlanSnapshot; approvedAt: string; approvedByName: string }[]>(
        `select r.number, r.snapshot, ${iso('v.created_at')} as "approvedAt", coalesce(u.name, '') as "approvedByName"
         from plan_reviews v join plan_revisions r on r.plan_id = v.plan_id and r.number = v.revision left join users u on u.id = v.reviewer_id
         where v.plan_id = ? and v.verdict = 'approve' order by v.revision desc, v.created_at desc limit 1`,
        [planId],
      ),
      connection.execute<PlanSnapshot[]>(CURRENT_SNAPSHOT, [planId]),
    ]);
    if (!approval || !now)
      throw new DomainError('NOT_FOUND', 'This plan has not been approved, so nothing has changed since an approval');
    return {
      approvedRevision: approval.number,
      approvedAt: approval.approvedAt,
      approvedByName: approval.approvedByName,
      ...changesSinceApproval(approval.snapshot, now),
    };
  }
}

/** The plan as it is now, shaped like a revision's snapshot, in one query. */
const CURRENT_SNAPSHOT = `
  select a.title, a.objective, a.section_codes as "sectionCodes", a.gap_question_codes as "gapQuestionCodes", a.activities, a.indicators,
    a.stakeholders, a.budget, a.owner,
    coalesce((select json_agg(json_build_object('id', m.id, 'title', m.title, 'description', m.description, 'dueDate', to_char(m.due_date, 'YYYY-MM-DD'),
        'owner', m.owner, 'status', m.status, 'gapQuestionCodes', m.gap_question_codes) order by m.due_date, m.created_at, m.id)
      from milestones m where m.plan_id = a.id), '[]'::json) as milestones
  from action_plans a where a.id = ?`;

const EMPTY: PlanSnapshot = {
  title: '',
  objective: '',
  sectionCodes: [],
  gapQuestionCodes: [],
  activities: [],
  indicators: [],
  stakeholders: [],
  budget: '',
  owner: '',
  milestones: [],
};
