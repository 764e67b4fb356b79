import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AnchorField, CommentTargetType, SuggestionState } from '@citymentor/contracts';
import type { NewComment, PlanSnapshot } from '@citymentor/domain';
import { PreparedQuery, readRows, readsPair } from '@citymentor/persistence';
import type { PairScope } from '../pairs/pair.policy';

/** One comment as the lean read gives it: ready for `toCommentDto`. */
export interface CommentRow {
  id: string;
  planId: string;
  threadId: string;
  parentId: string | null;
  targetType: CommentTargetType;
  targetId: string;
  authorId: string;
  authorName: string;
  /** The author erased their account: shown as "a former member of" `organisationName`. */
  authorFormer: boolean;
  organisationName: string | null;
  body: string | null;
  deleted: boolean;
  mentions: string[];
  createdAt: Date;
  editedAt: Date | null;
  editCount: number;
  resolvedAt: Date | null;
  resolvedById: string | null;
  resolvedByName: string | null;
  anchorRevision: number | null;
  anchorField: AnchorField | null;
  anchorItem: number | null;
  anchorText: string | null;
  /** The anchored field as it is now: its text, a list field's items, or null (not anchored, milestone gone). */
  anchorCurrent: string | string[] | null;
  suggestion: string | null;
  suggestionState: SuggestionState | null;
  suggestionDecidedById: string | null;
  suggestionDecidedByName: string | null;
  suggestionDecidedAt: Date | null;
  suggestionAppliedVersion: number | null;
}

/** A member who can read the pair, as the mention picker shows them. */
export interface ReaderRow {
  id: string;
  name: string;
  organisationName: string;
}

export interface CommentEditRow {
  body: string;
  editedAt: Date;
}

export interface CommentFilter {
  target?: CommentTargetType;
  targetId?: string;
}

/** The anchored field of the plan or milestone as it is now (a milestone's due date as YYYY-MM-DD); null when not anchored. */
const ANCHOR_CURRENT = `case when c.anchor_field is null then null
    when c.target_type = 'milestone' then to_jsonb(case c.anchor_field when 'title' then ms.title when 'description' then ms.description
      when 'dueDate' then to_char(ms.due_date, 'YYYY-MM-DD') when 'owner' then ms.owner when 'status' then ms.status end)
    else case c.anchor_field when 'title' then to_jsonb(ap.title) when 'objective' then to_jsonb(ap.objective)
      when 'budget' then to_jsonb(ap.budget) when 'owner' then to_jsonb(ap.owner) when 'activities' then to_jsonb(ap.activities)
      when 'indicators' then to_jsonb(ap.indicators) when 'stakeholders' then to_jsonb(ap.stakeholders) end end`;

/**
 * The author's organisation is the one they belong to in the plan's programme (both `?` = programme id), or
 * belonged to when they erased their account. An anchored
 * comment comes with its field as it is now (the plan's row, the milestone's), so outdated marks cost no statement more.
 */
const SELECT = `select c.id, c.plan_id as "planId", c.thread_id as "threadId", c.parent_id as "parentId",
    c.target_type as "targetType", c.target_id as "targetId", c.author_id as "authorId", case when u.erased_at is null then u.name else '' end as "authorName",
    u.erased_at is not null as "authorFormer", coalesce(o.name, u.former_organisations ->> ?::text) as "organisationName", case when c.deleted_at is null then c.body end as body, c.deleted_at is not null as deleted,
    c.mentions, c.created_at as "createdAt", c.edited_at as "editedAt",
    case when c.deleted_at is null then (select count(*) from comment_edits e where e.comment_id = c.id) else 0 end::int as "editCount",
    c.resolved_at as "resolvedAt", c.resolved_by as "resolvedById", r.name as "resolvedByName",
    c.anchor_revision as "anchorRevision", c.anchor_field as "anchorField", c.anchor_item as "anchorItem",
    c.anchor_text as "anchorText", ${ANCHOR_CURRENT} as "anchorCurrent",
    c.suggestion, c.suggestion_state as "suggestionState", c.suggestion_decided_by as "suggestionDecidedById",
    sd.name as "suggestionDecidedByName", c.suggestion_decided_at as "suggestionDecidedAt",
    c.suggestion_applied_version as "suggestionAppliedVersion"
  from comments c
  join users u on u.id = c.author_id
  left join memberships m on m.user_id = c.author_id and m.programme_id = ?
  left join organisations o on o.id = m.organisation_id
  left join users r on r.id = c.resolved_by
  left join users sd on sd.id = c.suggestion_decided_by
  left join action_plans ap on c.anchor_field is not null and ap.id = c.plan_id
  left join milestones ms on c.anchor_field is not null and c.target_type = 'milestone' and ms.id = c.target_id`;

/**
 * A new comment's row, with the values the `Comment` entity's flush wrote (the columns left out are null until
 * an edit, a delete, a resolve or a decision). Prepared: it is the hot write (decision 0011).
 */
const INSERT = new PreparedQuery<never>(
  `insert into comments (id, plan_id, target_type, target_id, parent_id, thread_id, author_id, body, mentions, created_at,
     anchor_revision, anchor_field, anchor_item, anchor_text, suggestion, suggestion_state)
   values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)`,
);

/**
 * The comment list is read far more often than written: one plain SQL statement, no entities.
 * A new comment is inserted here (`insert`, its columns from the domain's `newComment`); every other
 * change goes through the `Comment` entity in `CommentsService`.
 */
@Injectable()
export class CommentQueries {
  constructor(private readonly em: EntityManager) {}

  /** Inserts a new comment's row, in the em's transaction (`EventLog.writeWith`). */
  async insert(c: NewComment): Promise<void> {
    await INSERT.all(this.em, [
      c.id,
      c.planId,
      c.targetType,
      c.targetId,
      c.parentId,
      c.threadId,
      c.authorId,
      c.body,
      JSON.stringify(c.mentions),
      c.createdAt,
      c.anchorRevision,
      c.anchorField,
      c.anchorItem,
      c.anchorText,
      c.suggestion,
      c.suggestionState,
    ]);
  }

  /** Every comment of a plan (optionally on one target), oldest first. */
  forPlan(programmeId: string, planId: string, filter: CommentFilter = {}): Promise<CommentRow[]> {
    const params: unknown[] = [programmeId, programmeId, planId];
    let where = 'c.plan_id = ?';
    if (filter.target) {
      where += ' and c.target_type = ?';
      params.push(filter.target);
    }
    if (filter.targetId) {
      where += ' and c.target_id = ?';
      params.push(filter.targetId);
    }
    return readRows<CommentRow>(this.em, `${SELECT} where ${where} order by c.created_at, c.id`, params);
  }

  async one(programmeId: string, commentId: string): Promise<CommentRow | null> {
    const rows = await this.em
      .getConnection()
      .execute<CommentRow[]>(`${SELECT} where c.id = ?`, [programmeId, programmeId, commentId]);
    return rows[0] ?? null;
  }

  /** The bodies a comment had before each edit, oldest first; nothing once it is deleted. */
  history(commentId: string): Promise<CommentEditRow[]> {
    return this.em.getConnection().execute<CommentEditRow[]>(
      `select e.previous_body as body, e.edited_at as "editedAt" from comment_edits e join comments c on c.id = e.comment_id
       where e.comment_id = ? and c.deleted_at is null order by e.edited_at, e.id`,
      [commentId],
    );
  }

  /** Whether a root comment's target belongs to the plan: the plan itself, its milestone, or progress on one of them. */
  async targetInPlan(planId: string, type: CommentTargetType, id: string): Promise<boolean> {
    if (type === 'plan') return id === planId;
    const sql =
      type === 'milestone'
        ? `select 1 from milestones m where m.id = ? and m.plan_id = ?`
        : `select 1 from progress_entries e join milestones m on m.id = e.milestone_id where e.id = ? and m.plan_id = ?`;
    return (await this.em.getConnection().execute(sql, [id, planId])).length > 0;
  }

  /** The plan's lock version now (a 409 STALE_VERSION names it). */
  async planVersion(planId: string): Promise<number | undefined> {
    const rows = await this.em
      .getConnection()
      .execute<{ version: number }[]>(`select version from action_plans where id = ?`, [planId]);
    return rows[0]?.version;
  }

  /** The plan as it was at revision `number` (its snapshot), or null when it has no such revision. */
  async snapshotAt(planId: string, number: number): Promise<PlanSnapshot | null> {
    const rows = await this.em
      .getConnection()
      .execute<{ snapshot: PlanSnapshot }[]>(`select snapshot from plan_revisions where plan_id = ? and number = ?`, [
        planId,
        number,
      ]);
    return rows[0]?.snapshot ?? null;
  }

  /** Everyone who can read the pair (`readsPair`), by organisation and name: the members a comment on it may mention. */
  readersOf(pair: PairScope): Promise<ReaderRow[]> {
    return this.em.getConnection().execute<ReaderRow[]>(
      `select u.id, u.name, o.name as "organisationName"
       from (select ?::uuid as programme_id, ?::uuid as mentor_organisation_id, ?::uuid as mentee_organisation_id) p
       join memberships m on ${readsPair('m', 'p')}
       join users u on u.id = m.user_id
       join organisations o on o.id = m.organisation_id
       order by o.name, u.name, u.id`,
      [pair.programmeId, pair.mentorOrganisationId, pair.menteeOrganisationId],
    );
  }

  /** Which of `userIds` can read the pair (`readsPair`): the members a comment on it may mention. */
  async readersAmong(pair: PairScope, userIds: string[]): Promise<string[]> {
    const rows = await this.em.getConnection().execute<{ userId: string }[]>(
      `select m.user_id as "userId"
       from (select ?::uuid as programme_id, ?::uuid as mentor_organisation_id, ?::uuid as mentee_organisation_id) p
       join memberships m on ${readsPair('m', 'p')}
       where m.user_id = any(?::uuid[])`,
      [pair.programmeId, pair.mentorOrganisationId, pair.menteeOrganisationId, `{${userIds.join(',')}}`],
    );
    return rows.map((r) => r.userId);
  }
}
