import type { EntityManager } from '@mikro-orm/postgresql';

/** What deleting a programme removes, counted for the confirmation dialog. */
export interface DeletionCounts {
  organisations: number;
  members: number;
  invitations: number;
  consortiumMilestones: number;
  pairs: number;
  plans: number;
  milestones: number;
  progressEntries: number;
  comments: number;
  assessments: number;
  events: number;
  notifications: number;
  reports: number;
  files: number;
}

const PLANS = `select a.id from action_plans a join pairs p on p.id = a.pair_id where p.programme_id = $1`;

/** The counts of everything of programme `id` that its deletion removes, in one statement. */
export async function deletionCounts(em: EntityManager, id: string): Promise<DeletionCounts> {
  const [row] = await em.getConnection().execute<DeletionCounts[]>(
    `select
       (select count(*)::int from programme_participants where programme_id = $1) as organisations,
       (select count(*)::int from memberships where programme_id = $1) as members,
       (select count(*)::int from invitations where programme_id = $1) as invitations,
       (select count(*)::int from consortium_milestones where programme_id = $1) as "consortiumMilestones",
       (select count(*)::int from pairs where programme_id = $1) as pairs,
       (select count(*)::int from (${PLANS}) a) as plans,
       (select count(*)::int from milestones where plan_id in (${PLANS})) as milestones,
       (select count(*)::int from progress_entries e join milestones m on m.id = e.milestone_id where m.plan_id in (${PLANS})) as "progressEntries",
       (select count(*)::int from comments where plan_id in (${PLANS})) as comments,
       (select count(*)::int from assessments where programme_id = $1) as assessments,
       (select count(*)::int from events where programme_id = $1) as events,
       (select count(*)::int from notifications where programme_id = $1) as notifications,
       (select count(*)::int from reports where programme_id = $1) as reports,
       (select count(*)::int from reports where programme_id = $1 and status = 'done') as files`.replaceAll('$1', '?'),
    Array(15).fill(id),
  );
  return row;
}

/** The report files of programme `id` in REPORTS_DIR (`<id>.<format>`, as the worker names them). */
export async function reportFilesOf(em: EntityManager, id: string): Promise<string[]> {
  const rows = await em
    .getConnection()
    .execute<{ file: string }[]>(
      `select id || '.' || format as file from reports where programme_id = ?`,
      [id],
      'all',
      em.getTransactionContext(),
    );
  return rows.map((r) => r.file);
}

/** The users who were members of programme `id` (their access changes when it goes). */
export async function memberIdsOf(em: EntityManager, id: string): Promise<string[]> {
  const rows = await em
    .getConnection()
    .execute<{ user_id: string }[]>(
      'select distinct user_id from memberships where programme_id = ?',
      [id],
      'all',
      em.getTransactionContext(),
    );
  return rows.map((r) => r.user_id);
}

/**
 * Deletes programme `id` and every row of it, inside `em`'s transaction: the rows that name it without a foreign
 * key first — events (its rooms', and those of its plans and reports in people's own rooms), notifications
 * (by programme or by a link into it), stall alerts — then the programme, whose foreign keys cascade to its
 * participants, members, invitations, consortium milestones, reports, assessments (answers, context notes) and
 * pairs (plans, revisions, reviews, milestones, progress, reminders sent, comments and their edits, diff marks).
 * The row count of the programme (0: it was already gone).
 */
export async function deleteProgrammeRows(em: EntityManager, id: string): Promise<number> {
  const run = (sql: string, n = 1) =>
    em.getConnection().execute<{ affectedRows: number }>(sql, Array(n).fill(id), 'run', em.getTransactionContext());
  const link = `'/programmes/' || ?::text || '/%'`;
  await run(
    `delete from events where programme_id = ?
       or payload->>'planId' in (select a.id::text from action_plans a join pairs p on p.id = a.pair_id where p.programme_id = ?)
       or payload->>'reportId' in (select r.id::text from reports r where r.programme_id = ?)
       or payload->>'link' like ${link}`,
    4,
  );
  await run(`delete from notifications where programme_id = ? or link like ${link}`, 2);
  await run('delete from stall_alerts where programme_id = ?');
  return (await run('delete from programmes where id = ?')).affectedRows;
}
