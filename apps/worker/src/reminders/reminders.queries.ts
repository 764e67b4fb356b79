import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReminderKind } from '@citymentor/domain';

/*
 * The reminders' and stall alerts' SQL. Each reminder or alert is claimed by inserting its key with
 * ON CONFLICT DO NOTHING in the transaction that writes its notifications: only the transaction that
 * inserted the key sends (docs/decisions/0011).
 */

/** A milestone that may need a reminder on the day, with what the messages need. */
export interface CandidateRow {
  milestoneId: string;
  title: string;
  dueDate: string;
  owner: string;
  planId: string;
  planTitle: string;
  pairId: string;
  programmeId: string;
  daysBefore: number;
  escalateAfter: number;
  /** today − due date, negative before it. */
  daysLate: number;
  mentorOrganisationId: string;
  menteeOrganisationId: string;
  mentorName: string;
  menteeName: string;
  /** Kinds already sent for this due date (skipped without a transaction; the unique keys decide anyway). */
  sent: ReminderKind[];
}

/**
 * Milestones not done, of live plans of active pairs of open programmes (a closed one sends no reminders), due
 * within the programme's N days or overdue, not yet escalated.
 */
export function reminderCandidates(em: EntityManager, today: string): Promise<CandidateRow[]> {
  return em.execute<CandidateRow[]>(
    `select m.id as "milestoneId", m.title, to_char(m.due_date, 'YYYY-MM-DD') as "dueDate", m.owner,
         a.id as "planId", a.title as "planTitle", p.id as "pairId", p.programme_id as "programmeId",
         pr.reminder_days_before as "daysBefore", pr.escalate_after_days as "escalateAfter", (?::date - m.due_date)::int as "daysLate",
         p.mentor_organisation_id as "mentorOrganisationId", p.mentee_organisation_id as "menteeOrganisationId",
         mo.name as "mentorName", me.name as "menteeName",
         array(select r.kind from reminders_sent r where r.milestone_id = m.id and r.due_date = m.due_date) as sent
       from milestones m
       join action_plans a on a.id = m.plan_id and a.state not in ('archived', 'completed')
       join pairs p on p.id = a.pair_id and p.status = 'active'
       join programmes pr on pr.id = p.programme_id and pr.closed_at is null
       join organisations mo on mo.id = p.mentor_organisation_id
       join organisations me on me.id = p.mentee_organisation_id
       where m.status <> 'done' and m.due_date <= ?::date + pr.reminder_days_before
         and not exists (select 1 from reminders_sent r where r.milestone_id = m.id and r.due_date = m.due_date and r.kind = 'escalation')
       order by m.due_date, m.id`,
    [today, today],
  );
}

/** Claims one reminder of a milestone's due date; false when it was sent before (or is being sent now). */
export async function claimReminder(
  tx: EntityManager,
  m: CandidateRow,
  kind: ReminderKind,
  today: string,
): Promise<boolean> {
  const [row] = await tx.execute<{ id: string }[]>(
    `insert into reminders_sent (id, milestone_id, kind, day, due_date, sent_at) values (gen_random_uuid(), ?, ?, ?, ?, now())
     on conflict do nothing returning id`,
    [m.milestoneId, kind, today, m.dueDate],
  );
  return row !== undefined;
}

/** The mentee city's members; for an escalation the mentor city's members and the programme's coordinators. */
export async function reminderRecipients(tx: EntityManager, m: CandidateRow, kind: ReminderKind): Promise<string[]> {
  const rows = await tx.execute<{ userId: string }[]>(
    kind === 'escalation'
      ? `select user_id as "userId" from memberships where programme_id = ? and (role = 'coordinator' or (role = 'city-member' and organisation_id = ?))`
      : `select user_id as "userId" from memberships where programme_id = ? and role = 'city-member' and organisation_id = ?`,
    [m.programmeId, kind === 'escalation' ? m.mentorOrganisationId : m.menteeOrganisationId],
  );
  return rows.map((r) => r.userId);
}

/** Which of the stall keys were alerted before. */
export async function alertedBefore(em: EntityManager, keys: string[]): Promise<string[]> {
  const rows = await em.execute<{ key: string }[]>(`select key from stall_alerts where key in (?)`, [keys]);
  return rows.map((r) => r.key);
}

/** Claims one stall alert; false when it was sent before (or is being sent now). */
export async function claimStallAlert(
  tx: EntityManager,
  key: string,
  programmeId: string,
  pairId: string,
): Promise<boolean> {
  const [row] = await tx.execute<{ key: string }[]>(
    `insert into stall_alerts (key, programme_id, pair_id, sent_at) values (?, ?, ?, now()) on conflict do nothing returning key`,
    [key, programmeId, pairId],
  );
  return row !== undefined;
}

/** The closed programmes: their pairs raise no stalled-pair alerts. */
export async function closedProgrammeIds(em: EntityManager): Promise<Set<string>> {
  const rows = await em.execute<{ id: string }[]>('select id from programmes where closed_at is not null');
  return new Set(rows.map((r) => r.id));
}

export async function coordinatorsOfProgramme(em: EntityManager, programmeId: string): Promise<string[]> {
  const rows = await em.execute<{ userId: string }[]>(
    `select user_id as "userId" from memberships where programme_id = ? and role = 'coordinator'`,
    [programmeId],
  );
  return rows.map((r) => r.userId);
}
