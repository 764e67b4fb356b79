import type { EntityManager } from '@mikro-orm/postgresql';
import type { DataExportStatus } from '@citymentor/domain';

/*
 * The worker's data-export SQL: the export rows (progress is a guarded update, as for reports), and one
 * read per kind of a person's data. Each read names the columns it gives: never a password hash, a
 * token hash or another person's e-mail. What "theirs" means for each kind is written beside it.
 */

export interface ExportRow {
  id: string;
  userId: string;
  status: DataExportStatus;
}

export async function exportRow(em: EntityManager, id: string): Promise<ExportRow | undefined> {
  const [row] = await em.execute<ExportRow[]>(`select id, user_id as "userId", status from data_exports where id = ?`, [
    id,
  ]);
  return row;
}

/**
 * Records progress unless the export is finished or further along already; false when nothing changed.
 * Done sets when the file expires: `expiresInDays` after now.
 */
export async function recordExportProgress(
  tx: EntityManager,
  id: string,
  status: DataExportStatus,
  progress: number,
  extra: { fileName?: string; sizeBytes?: number; error?: string; expiresInDays?: number },
): Promise<boolean> {
  const updated = await tx.execute<{ id: string }[]>(
    `update data_exports set status = ?, progress = ?, file_name = coalesce(?, file_name), size_bytes = coalesce(?, size_bytes), error = ?,
       finished_at = case when ? in ('done', 'failed') then now() else null end,
       expires_at = case when ? = 'done' then now() + make_interval(days => ?) else null end
     where id = ? and status not in ('done', 'failed') and (? <> 'running' or progress <= ?)
     returning id`,
    [
      status,
      progress,
      extra.fileName ?? null,
      extra.sizeBytes ?? null,
      extra.error ?? null,
      status,
      status,
      extra.expiresInDays ?? 0,
      id,
      status,
      progress,
    ],
  );
  return updated.length > 0;
}

/** Exports queued or running for longer than `olderThanSecs` (their jobs may be lost). */
export function unfinishedExports(em: EntityManager, olderThanSecs: number): Promise<{ id: string }[]> {
  return em.execute<{ id: string }[]>(
    `select id from data_exports where status in ('queued', 'running') and created_at < now() - make_interval(secs => ?)`,
    [olderThanSecs],
  );
}

type Rows = Record<string, unknown>[];

/** One read per kind of the person's data: the file name it goes to, what it holds, and the SQL. */
export interface ExportKind {
  file: string;
  holds: string;
  read: (em: EntityManager, userId: string) => Promise<Rows | Record<string, unknown>>;
}

const rows = (sql: string) => (em: EntityManager, userId: string) => em.execute<Rows>(sql, [userId]);

export const EXPORT_KINDS: ExportKind[] = [
  {
    file: 'profile.json',
    holds: 'Your account: id, e-mail address, name, whether you administer the installation, when it was made.',
    read: async (em, userId) => {
      const [user] = await em.execute<Rows>(
        `select id, email, name, is_admin as "isAdmin", created_at as "createdAt" from users where id = ?`,
        [userId],
      );
      return user ?? {};
    },
  },
  {
    file: 'memberships.json',
    holds: 'The programmes you belong to: the programme, the organisation you act for, your role, since when.',
    read: rows(
      `select p.name as programme, o.name as organisation, o.country, m.role, m.created_at as "createdAt"
       from memberships m join programmes p on p.id = m.programme_id join organisations o on o.id = m.organisation_id
       where m.user_id = ? order by m.created_at, p.name`,
    ),
  },
  {
    file: 'assessment-answers.json',
    holds:
      'The self-assessment answers you wrote last (rating, evidence, links), and the calibration you gave as a mentor, with the assessment they belong to.',
    read: rows(
      `select p.name as programme, o.name as organisation, s.benchmark_code as "benchmarkCode", s.phase, s.status as "assessmentStatus",
         aa.question_code as "questionCode", aa.rating, aa.evidence, aa.links, aa.mentor_rating as "mentorRating", aa.mentor_note as "mentorNote",
         aa.updated_at as "updatedAt"
       from assessment_answers aa join assessments s on s.id = aa.assessment_id
       join programmes p on p.id = s.programme_id join organisations o on o.id = s.organisation_id
       where aa.updated_by = ? order by aa.updated_at, aa.question_code`,
    ),
  },
  {
    file: 'action-plans.json',
    holds:
      'The action plans you created or changed (submitted, withdrew, reviewed, edited), as they are now, with what you did to each and when (from the audit log).',
    read: (em, userId) =>
      em.execute<Rows>(
        `select a.id, a.title, a.objective, a.section_codes as "sectionCodes", a.activities, a.indicators, a.stakeholders, a.budget,
           a.owner, a.state, a.version, a.created_at as "createdAt", a.updated_at as "updatedAt", (a.created_by = ?) as "createdByYou",
           coalesce((select json_agg(json_build_object('type', e.type, 'at', e.at) order by e.seq) from events e
             where e.actor_id = ? and e.type like 'plan.%' and e.payload->>'planId' = a.id::text and e.room like 'plan:%'), '[]') as "yourChanges"
         from action_plans a
         where a.created_by = ? or a.id in (select (e.payload->>'planId')::uuid from events e where e.actor_id = ? and e.type like 'plan.%')
         order by a.created_at, a.id`,
        [userId, userId, userId, userId],
      ),
  },
  {
    file: 'plan-reviews.json',
    holds: 'The reviews you wrote of action plans, as a mentor: the plan, the revision, your verdict and summary.',
    read: rows(
      `select a.title as plan, r.revision, r.verdict, r.summary, r.overrode_open_threads as "overrodeOpenThreads", r.created_at as "createdAt"
       from plan_reviews r join action_plans a on a.id = r.plan_id where r.reviewer_id = ? order by r.created_at`,
    ),
  },
  {
    file: 'milestones.json',
    holds:
      'The milestones you created or changed, as they are now, with what you did to each and when (from the audit log).',
    read: rows(
      `select m.id, a.title as plan, m.title, m.description, m.due_date as "dueDate", m.owner, m.status, m.created_at as "createdAt",
         m.updated_at as "updatedAt", yours.changes as "yourChanges"
       from (select (e.payload->>'milestoneId')::uuid as id, json_agg(json_build_object('type', e.type, 'at', e.at) order by e.seq) as changes
             from events e where e.actor_id = ? and e.type in ('milestone.created', 'milestone.updated') and e.room like 'plan:%'
             group by 1) yours
       join milestones m on m.id = yours.id join action_plans a on a.id = m.plan_id
       order by m.created_at, m.id`,
    ),
  },
  {
    file: 'progress-entries.json',
    holds: 'The progress you logged on milestones: percent, status, note, evidence links.',
    read: rows(
      `select a.title as plan, m.title as milestone, e.percent, e.status, e.note, e.evidence_urls as "evidenceUrls", e.created_at as "createdAt"
       from progress_entries e join milestones m on m.id = e.milestone_id join action_plans a on a.id = m.plan_id
       where e.author_id = ? order by e.created_at, e.id`,
    ),
  },
  {
    file: 'comments.json',
    holds:
      "The comments you wrote, each with its edit history (every earlier wording). Other people's comments in the same threads are theirs, and left out.",
    read: rows(
      `select c.id, a.title as plan, c.target_type as "targetType", c.thread_id as "threadId", (c.parent_id is not null) as "isReply",
         c.body, c.created_at as "createdAt", c.edited_at as "editedAt", c.deleted_at as "deletedAt", c.resolved_at as "resolvedAt",
         coalesce((select json_agg(json_build_object('previousBody', ce.previous_body, 'editedAt', ce.edited_at) order by ce.edited_at)
           from comment_edits ce where ce.comment_id = c.id), '[]') as edits
       from comments c join action_plans a on a.id = c.plan_id where c.author_id = ? order by c.created_at, c.id`,
    ),
  },
  {
    file: 'notifications.json',
    holds: 'The notifications made for you (kept RETENTION_NOTIFICATIONS_DAYS): what, when, read and e-mailed when.',
    read: rows(
      `select kind, title, body, link, created_at as "createdAt", read_at as "readAt", emailed_at as "emailedAt"
       from notifications where user_id = ? order by created_at, id`,
    ),
  },
  {
    file: 'notification-preferences.json',
    holds: 'How you chose to be e-mailed about notifications (none saved: the default).',
    read: async (em, userId) => {
      const [preference] = await em.execute<Rows>(
        `select email, updated_at as "updatedAt" from notification_preferences where user_id = ?`,
        [userId],
      );
      return preference ?? { email: null, note: 'never changed: the default applies' };
    },
  },
  {
    file: 'sessions.json',
    holds:
      'Your sign-in sessions (kept RETENTION_SESSIONS_DAYS after they end): when each token was made, rotated, revoked, and expires. Times only: the tokens themselves are never stored, and their hashes are not exported.',
    read: rows(
      `select family_id as "sessionId", created_at as "createdAt", expires_at as "expiresAt", rotated_at as "rotatedAt", revoked_at as "revokedAt"
       from refresh_tokens where user_id = ? order by created_at, id`,
    ),
  },
  {
    file: 'audit-log.json',
    holds:
      'The audit entries about you: every event in the log where you are the one who acted (its type, room, time and the change it recorded).',
    read: rows(`select seq::text as seq, type, room, at, payload from events where actor_id = ? order by seq`),
  },
];
