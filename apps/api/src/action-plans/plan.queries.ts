import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PracticeExample } from '@citymentor/benchmarks';
import type { PairSide, Rating } from '@citymentor/contracts';
import { DomainError, missingForSubmit, todayIso, uncoveredGaps } from '@citymentor/domain';
import { pairSideOf, readRows } from '@citymentor/persistence';
import type { PlanScopeRow } from '../pairs/pair-scopes';
import type { MilestoneDto, ProgressDto } from './dto/milestone-response.dto';
import type { MilestoneSummaryDto, PlanDto, PlanSummaryDto } from './dto/plan-response.dto';
import { allowedActionsFor, planPermissions } from './plan.policy';

/** One section of the pair's benchmark, as a plan needs it. */
export interface PlanSection {
  code: string;
  questionCodes: string[];
  examples: PracticeExample[];
}

export interface PairSections {
  sections: PlanSection[];
  /** The pair's focus sections; empty means all. */
  focus: string[];
}

/** A timestamptz column as ISO 8601 UTC, straight from SQL (raw rows otherwise carry Postgres' own text). */
export const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const MILESTONE_SELECT = `
  select m.id, m.plan_id as "planId", m.title, m.description, to_char(m.due_date, 'YYYY-MM-DD') as "dueDate", m.owner, m.status, m.version,
    m.gap_question_codes as "gapQuestionCodes",
    (m.due_date < ?::date and m.status <> 'done') as late,
    case when e.id is null then null else json_build_object('percent', e.percent, 'status', e.status, 'at', ${iso('e.created_at')}) end as "latestProgress",
    (select count(*)::int from comments c where c.plan_id = m.plan_id and c.target_type = 'milestone' and c.target_id = m.id and c.deleted_at is null) as "commentCount",
    ${iso('m.created_at')} as "createdAt", ${iso('m.updated_at')} as "updatedAt"
  from milestones m
  left join lateral (select id, percent, status, created_at from progress_entries e where e.milestone_id = m.id order by e.created_at desc, e.id desc limit 1) e on true`;

/** A body's first words as one line, mentions shown as @Name, at most 120 characters. */
const excerpt = (column: string) => `(select case when length(x.t) > 120 then left(x.t, 119) || '…' else x.t end
  from (select btrim(regexp_replace(regexp_replace(${column}, '@\\[([^\\]]+)\\]\\([0-9a-fA-F-]{36}\\)', '@\\1', 'g'), '\\s+', ' ', 'g')) as t) x)`;

/**
 * The threads the review `r` of plan `a` opened (a lateral subquery): root comments by the mentor side
 * (pairSideOf), not deleted, written after the review before it (or the plan's first submission) and up
 * to it.
 */
const REVIEW_THREADS = `
  select json_agg(json_build_object('id', c.id, 'excerpt', ${excerpt('c.body')}, 'targetType', c.target_type, 'targetId', c.target_id,
      'field', c.anchor_field, 'item', c.anchor_item, 'resolved', c.resolved_at is not null) order by c.created_at, c.id) as threads
  from comments c join pairs p on p.id = a.pair_id
  where c.plan_id = a.id and c.parent_id is null and c.deleted_at is null and c.created_at <= r.created_at
    and c.created_at > coalesce(
      (select max(pr.created_at) from plan_reviews pr where pr.plan_id = a.id and pr.created_at < r.created_at),
      (select min(v.created_at) from plan_revisions v where v.plan_id = a.id),
      '-infinity')
    and exists (select 1 from memberships m where m.user_id = c.author_id and m.programme_id = p.programme_id and ${pairSideOf('m', 'p')} = 'mentor')`;

type PlanRow = Omit<
  PlanDto,
  | 'pairId'
  | 'programmeId'
  | 'mySide'
  | 'allowedActions'
  | 'editable'
  | 'can'
  | 'missingForSubmit'
  | 'uncoveredGapQuestionCodes'
  | 'commentCount'
  | 'milestones'
> & { pairId: string };

/**
 * The plans' SQL. The hot reads of plans and milestones: plain SQL mapped straight into response DTOs,
 * no entity hydration; callers have asked the policy first (the scope row comes from `PairScopes`).
 * Then the small look-ups the use cases need (versions after a stale write, the benchmark's sections,
 * the ratings a plan starts from). Writes go through the entities in the services.
 */
@Injectable()
export class PlanQueries {
  constructor(private readonly em: EntityManager) {}

  /**
   * The plan page in two queries (run side by side): the plan with its latest review and comment counts, then its
   * milestones. `open`: whether its programme is open (a closed one's `can` flags are all false).
   */
  async plan(scope: PlanScopeRow, side: PairSide, open = true): Promise<PlanDto> {
    const [[row], milestones] = await Promise.all([
      this.sql<PlanRow>(
        `select a.id, a.pair_id as "pairId", a.title, a.objective, a.section_codes as "sectionCodes", a.gap_question_codes as "gapQuestionCodes",
           a.activities, a.indicators, a.stakeholders, a.budget, a.owner, a.state, a.version, a.revision_count as "revisionCount",
           a.source_assessment_id as "sourceAssessmentId", a.created_by as "createdBy", ${iso('a.created_at')} as "createdAt", ${iso('a.updated_at')} as "updatedAt",
           case when r.id is null then null else json_build_object('verdict', r.verdict, 'summary', r.summary, 'revision', r.revision, 'reviewerId', r.reviewer_id,
             'reviewerName', u.name, 'overrodeOpenThreads', r.overrode_open_threads, 'createdAt', ${iso('r.created_at')},
             'threads', coalesce(rt.threads, '[]'::json)) end as "latestReview",
           (select coalesce(json_agg(json_build_object('targetType', c.target_type, 'targetId', c.target_id, 'count', c.n) order by c.target_type, c.target_id), '[]'::json)
              from (select target_type, target_id, count(*)::int as n from comments where plan_id = a.id and deleted_at is null group by target_type, target_id) c) as "commentCounts",
           (select count(*)::int from comments c where c.plan_id = a.id and c.parent_id is null and c.resolved_at is null and c.deleted_at is null) as "openThreadCount"
         from action_plans a
         left join lateral (select * from plan_reviews r where r.plan_id = a.id order by r.revision desc, r.created_at desc limit 1) r on true
         left join users u on u.id = r.reviewer_id
         left join lateral (${REVIEW_THREADS}) rt on r.id is not null
         where a.id = ?`,
        [scope.planId],
      ),
      this.sql<MilestoneSummaryDto>(`${MILESTONE_SELECT} where m.plan_id = ? order by m.due_date, m.created_at, m.id`, [
        todayIso(),
        scope.planId,
      ]),
    ]);
    if (!row) throw new DomainError('NOT_FOUND', 'Action plan not found');
    const active = scope.pairStatus === 'active';
    const can = planPermissions(side, row.state, active, open);
    return {
      ...row,
      programmeId: scope.programmeId,
      mySide: side,
      allowedActions: allowedActionsFor(side, row.state, active, open),
      editable: can.edit,
      can,
      missingForSubmit: missingForSubmit({ objective: row.objective, milestones }),
      uncoveredGapQuestionCodes: uncoveredGaps(row.gapQuestionCodes, milestones),
      commentCount: row.commentCounts.filter((c) => c.targetType === 'plan').reduce((n, c) => n + c.count, 0),
      milestones,
    };
  }

  /** A pair's plans with milestone counts by status and how many are late, in one query. */
  plansOfPair(pairId: string): Promise<PlanSummaryDto[]> {
    return this.sql<PlanSummaryDto>(
      `select a.id, a.pair_id as "pairId", a.title, a.state, a.version, a.revision_count as "revisionCount", a.section_codes as "sectionCodes",
         json_build_object(
           'total', count(m.id)::int,
           'planned', (count(m.id) filter (where m.status = 'planned'))::int,
           'inProgress', (count(m.id) filter (where m.status = 'in-progress'))::int,
           'done', (count(m.id) filter (where m.status = 'done'))::int,
           'blocked', (count(m.id) filter (where m.status = 'blocked'))::int,
           'late', (count(m.id) filter (where m.due_date < ?::date and m.status <> 'done'))::int) as "milestoneCounts",
         ${iso('a.created_at')} as "createdAt", ${iso('a.updated_at')} as "updatedAt"
       from action_plans a left join milestones m on m.plan_id = a.id
       where a.pair_id = ? group by a.id order by a.created_at desc, a.id`,
      [todayIso(), pairId],
    );
  }

  /** A milestone with its progress entries, newest first. */
  async milestone(scope: PlanScopeRow, milestoneId: string): Promise<MilestoneDto> {
    const [[row], progress] = await Promise.all([
      this.sql<MilestoneSummaryDto>(`${MILESTONE_SELECT} where m.id = ?`, [todayIso(), milestoneId]),
      this.progress(scope, milestoneId),
    ]);
    if (!row) throw new DomainError('NOT_FOUND', 'Milestone not found');
    return { ...row, pairId: scope.pairId, planState: scope.planState, progress };
  }

  progress(scope: PlanScopeRow, milestoneId: string, progressId?: string): Promise<ProgressDto[]> {
    return this.sql<ProgressDto>(
      `select e.id, e.milestone_id as "milestoneId", e.percent, e.status, e.note, e.evidence_urls as "evidenceUrls", e.author_id as "authorId", u.name as "authorName",
         (select count(*)::int from comments c where c.plan_id = ? and c.target_type = 'progress' and c.target_id = e.id and c.deleted_at is null) as "commentCount",
         ${iso('e.created_at')} as "createdAt"
       from progress_entries e join users u on u.id = e.author_id
       where e.milestone_id = ? ${progressId ? 'and e.id = ?' : ''} order by e.created_at desc, e.id desc`,
      progressId ? [scope.planId, milestoneId, progressId] : [scope.planId, milestoneId],
    );
  }

  /** The plan's version now (after a write refused as stale); undefined once it is gone. */
  async planVersion(planId: string): Promise<number | undefined> {
    const [row] = await this.sql<{ version: number }>(`select version from action_plans where id = ?`, [planId]);
    return row?.version;
  }

  /** The milestone's version now (after a write refused as stale); undefined once it is gone. */
  async milestoneVersion(milestoneId: string): Promise<number | undefined> {
    const [row] = await this.sql<{ version: number }>(`select version from milestones where id = ?`, [milestoneId]);
    return row?.version;
  }

  /** Whether the plan has had a review. */
  async reviewedBefore(planId: string): Promise<boolean> {
    const [row] = await this.sql<{ reviewed: boolean }>(
      `select exists (select 1 from plan_reviews where plan_id = ?) as reviewed`,
      [planId],
    );
    return row.reviewed;
  }

  /** How many of the plan's threads are open (not resolved, not deleted). */
  async openThreads(planId: string): Promise<number> {
    const [row] = await this.sql<{ n: number }>(
      `select count(*)::int as n from comments where plan_id = ? and parent_id is null and resolved_at is null and deleted_at is null`,
      [planId],
    );
    return row.n;
  }

  /** The benchmark's sections (question codes and examples only) and the pair's focus, in one query. */
  async sectionsOfPair(pairId: string): Promise<PairSections> {
    const [row] = await this.sql<{ focus: string[]; sections: PlanSection[] }>(
      `select p.focus_section_codes as focus,
         coalesce(json_agg(json_build_object(
           'code', s->>'code',
           'questionCodes', (select coalesce(json_agg(q->>'code'), '[]'::json) from jsonb_array_elements(s->'guideQuestions') q),
           'examples', coalesce(s->'examples', '[]'::jsonb)) order by (s->>'order')::int) filter (where s is not null), '[]'::json) as sections
       from pairs p
       left join benchmarks b on b.code = p.benchmark_code
       left join lateral jsonb_array_elements(b.document->'sections') s on true
       where p.id = ? group by p.id`,
      [pairId],
    );
    return { focus: row?.focus ?? [], sections: row?.sections ?? [] };
  }

  /** The ratings of an assessment of `organisationId` on `benchmarkCode`; null when there is no such assessment. */
  async ratingsOf(
    assessmentId: string,
    organisationId: string,
    benchmarkCode: string,
  ): Promise<{ questionCode: string; rating: Rating }[] | null> {
    const [assessment] = await this.sql<{ id: string }>(
      `select id from assessments where id = ? and organisation_id = ? and benchmark_code = ?`,
      [assessmentId, organisationId, benchmarkCode],
    );
    if (!assessment) return null;
    return this.sql<{ questionCode: string; rating: Rating }>(
      `select question_code as "questionCode", rating from assessment_answers where assessment_id = ?`,
      [assessmentId],
    );
  }

  private sql<T>(query: string, params: unknown[]): Promise<T[]> {
    return readRows<T>(this.em, query, params);
  }
}
