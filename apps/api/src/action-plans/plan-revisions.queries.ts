import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PlanSnapshot } from '@citymentor/domain';
import type { RevisionDto, RevisionSummaryDto } from './dto/revision.dto';
import { iso } from './plan.queries';

const REVISION_SELECT = `
  select r.number, ${iso('r.created_at')} as "createdAt", r.submitted_by as "submittedById", coalesce(u.name, '') as "submittedByName",
    case when v.verdict is null then null else json_build_object('verdict', v.verdict, 'summary', v.summary, 'reviewerName', v.reviewer_name, 'createdAt', ${iso('v.created_at')}) end as review`;

const REVISION_FROM = `
  from plan_revisions r
  left join users u on u.id = r.submitted_by
  left join lateral (select pr.verdict, pr.summary, pr.created_at, ru.name as reviewer_name from plan_reviews pr join users ru on ru.id = pr.reviewer_id
                     where pr.plan_id = r.plan_id and pr.revision = r.number order by pr.created_at desc limit 1) v on true
  where r.plan_id = ?`;

/** The approved revision a plan was last approved at, with who approved it and when. */
export interface ApprovalRow {
  number: number;
  snapshot: PlanSnapshot;
  approvedAt: string;
  approvedByName: string;
}

/** The plan as it is now, shaped like a revision's snapshot, in one query. */
const CURRENT_SNAPSHOT = `
  select a.title, a.objective, a.section_codes as "sectionCodes", a.gap_question_codes as "gapQuestionCodes", a.activities, a.indicators,
    a.stakeholders, a.budget, a.owner,
    coalesce((select json_agg(json_build_object('id', m.id, 'title', m.title, 'description', m.description, 'dueDate', to_char(m.due_date, 'YYYY-MM-DD'),
        'owner', m.owner, 'status', m.status, 'gapQuestionCodes', m.gap_question_codes) order by m.due_date, m.created_at, m.id)
      from milestones m where m.plan_id = a.id), '[]'::json) as milestones
  from action_plans a where a.id = ?`;

/** The SQL of a plan's revisions (immutable snapshots) and reviews; the caller has asked the policy first. */
@Injectable()
export class PlanRevisionQueries {
  constructor(private readonly em: EntityManager) {}

  /** Every revision of the plan, oldest first, with its review if it had one. */
  list(planId: string): Promise<RevisionSummaryDto[]> {
    return this.em
      .getConnection()
      .execute<RevisionSummaryDto[]>(`${REVISION_SELECT} ${REVISION_FROM} order by r.number`, [planId]);
  }

  /** One revision with its snapshot. */
  async one(planId: string, number: number): Promise<RevisionDto | null> {
    const [row] = await this.em
      .getConnection()
      .execute<RevisionDto[]>(`${REVISION_SELECT}, r.snapshot ${REVISION_FROM} and r.number = ?`, [planId, number]);
    return row ?? null;
  }

  /** The latest revision (or `to`'s number when given) and the revision last reviewed before it. */
  /**
   * What a diff compares by default: the latest revision; the revision last reviewed before `to` (or the latest);
   * and the latest review `reviewerId` gave of a revision before it (null when none).
   */
  async diffDefaults(planId: string, to: number | null, reviewerId: string): Promise<DiffDefaults> {
    const [row] = await this.em
      .getConnection()
      .execute<(Omit<DiffDefaults, 'yours'> & { yourRevision: number | null; yourReviewedAt: string | null })[]>(
        `with bound as (select coalesce(?::int, (select max(number) from plan_revisions where plan_id = ?)) as upto),
            yours as (select revision, created_at from plan_reviews
                      where plan_id = ? and reviewer_id = ? and revision < (select upto from bound)
                      order by revision desc, created_at desc limit 1)
       select (select max(number) from plan_revisions where plan_id = ?) as latest,
              (select max(revision) from plan_reviews where plan_id = ? and revision < (select upto from bound)) as reviewed,
              (select revision from yours) as "yourRevision",
              (select ${iso('created_at')} from yours) as "yourReviewedAt"`,
        [to, planId, planId, reviewerId, planId, planId],
      );
    const { yourRevision, yourReviewedAt, ...defaults } = row;
    return {
      ...defaults,
      yours:
        yourRevision === null || yourReviewedAt === null
          ? null
          : { revision: yourRevision, reviewedAt: yourReviewedAt },
    };
  }

  /** The keys of the changed fields `userId` marked viewed in the diff leading to `revision`. */
  async viewed(planId: string, userId: string, revision: number): Promise<string[]> {
    const rows = await this.em.execute<{ key: string }[]>(
      `select field_key as key from plan_diff_views where plan_id = ? and user_id = ? and revision = ? order by field_key`,
      [planId, userId, revision],
    );
    return rows.map((r) => r.key);
  }

  /** Marks (or unmarks) one changed field viewed; marking it twice or unmarking it twice changes nothing. */
  async markViewed(mark: { planId: string; userId: string; revision: number; field: string; viewed: boolean }) {
    const { planId, userId, revision, field } = mark;
    // Through the EntityManager, so inside the caller's transaction (EventLog.writeWith).
    await this.em.execute(
      mark.viewed
        ? `insert into plan_diff_views (id, plan_id, user_id, revision, field_key, created_at) values (?, ?, ?, ?, ?, now())
             on conflict (plan_id, user_id, revision, field_key) do nothing`
        : `delete from plan_diff_views where plan_id = ? and user_id = ? and revision = ? and field_key = ?`,
      mark.viewed ? [randomUUID(), planId, userId, revision, field] : [planId, userId, revision, field],
    );
  }

  /** Whether the plan has a revision numbered `number`. */
  async exists(planId: string, number: number): Promise<boolean> {
    const rows = await this.em
      .getConnection()
      .execute<unknown[]>(`select 1 from plan_revisions where plan_id = ? and number = ?`, [planId, number]);
    return rows.length > 0;
  }

  /** The snapshots of the revisions numbered `numbers` (those that exist). */
  snapshots(planId: string, numbers: number[]): Promise<{ number: number; snapshot: PlanSnapshot }[]> {
    return this.em
      .getConnection()
      .execute<{ number: number; snapshot: PlanSnapshot }[]>(
        `select number, snapshot from plan_revisions where plan_id = ? and number in (${numbers.map(() => '?').join(', ')})`,
        [planId, ...numbers],
      );
  }

  /** The revision the plan was last approved at, and the plan as it is now shaped like a snapshot, side by side. */
  async approvalAndNow(planId: string): Promise<[ApprovalRow | undefined, PlanSnapshot | undefined]> {
    const connection = this.em.getConnection();
    const [[approval], [now]] = await Promise.all([
      connection.execute<ApprovalRow[]>(
        `select r.number, r.snapshot, ${iso('v.created_at')} as "approvedAt", coalesce(u.name, '') as "approvedByName"
         from plan_reviews v join plan_revisions r on r.plan_id = v.plan_id and r.number = v.revision left join users u on u.id = v.reviewer_id
         where v.plan_id = ? and v.verdict = 'approve' order by v.revision desc, v.created_at desc limit 1`,
        [planId],
      ),
      connection.execute<PlanSnapshot[]>(CURRENT_SNAPSHOT, [planId]),
    ]);
    return [approval, now];
  }
}

export interface DiffDefaults {
  latest: number | null;
  reviewed: number | null;
  yours: { revision: number; reviewedAt: string } | null;
}
