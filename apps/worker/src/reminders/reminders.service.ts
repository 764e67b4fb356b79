import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isIsoDate, type ReminderKind } from '@citymentor/domain';
import { appendEvents } from '@citymentor/persistence';
import { announce, planLink, writeNotifications, type NotificationDraft } from '../notifications/notification-writer';
import type { RemindersResult } from './reminders.jobs';

/** A milestone that may need a reminder on the day, with what the messages need. */
interface CandidateRow {
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

/** What a run does for one milestone: the kinds that apply on the day. */
export function reminderKinds(m: Pick<CandidateRow, 'daysLate' | 'daysBefore' | 'escalateAfter'>): ReminderKind[] {
  if (m.daysLate <= 0) return -m.daysLate <= m.daysBefore ? ['due-soon'] : [];
  return m.daysLate > m.escalateAfter ? ['overdue', 'escalation'] : ['overdue'];
}

/**
 * Milestone reminders: due within N days → the mentee side; overdue → the mentee side; overdue by
 * more than M days → escalated to the mentor side and the programme's coordinators (N and M per
 * programme). Each (milestone, kind) is one transaction that inserts its `reminders_sent` row with
 * ON CONFLICT DO NOTHING and, only if that row is new, its notifications and their events: a run
 * done twice, two workers at once or a job retried after a crash send nothing twice.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(private readonly em: EntityManager) {}

  async run(today: string, onProgress?: (percent: number) => Promise<void>): Promise<Omit<RemindersResult, 'stalled'>> {
    if (!isIsoDate(today)) throw new Error(`reminders: "${today}" is not a YYYY-MM-DD date`);
    const result: Omit<RemindersResult, 'stalled'> = {
      day: today,
      dueSoon: 0,
      overdue: 0,
      escalation: 0,
      notifications: 0,
    };
    const candidates = await this.candidates(today);
    let done = 0;
    for (const m of candidates) {
      for (const kind of reminderKinds(m).filter((k) => !m.sent.includes(k))) {
        const sent = await this.remind(m, kind, today);
        if (sent !== null) {
          result[kind === 'due-soon' ? 'dueSoon' : kind] += 1;
          result.notifications += sent;
        }
      }
      done += 1;
      if (onProgress && done % 50 === 0) await onProgress(Math.round((100 * done) / candidates.length));
    }
    this.logger.log(result, 'sent milestone reminders');
    return result;
  }

  /** Milestones not done, of live plans of active pairs, due within the programme's N days or overdue, not yet escalated. */
  private candidates(today: string): Promise<CandidateRow[]> {
    return this.em.fork().execute<CandidateRow[]>(
      `select m.id as "milestoneId", m.title, to_char(m.due_date, 'YYYY-MM-DD') as "dueDate", m.owner,
         a.id as "planId", a.title as "planTitle", p.id as "pairId", p.programme_id as "programmeId",
         pr.reminder_days_before as "daysBefore", pr.escalate_after_days as "escalateAfter", (?::date - m.due_date)::int as "daysLate",
         p.mentor_organisation_id as "mentorOrganisationId", p.mentee_organisation_id as "menteeOrganisationId",
         mo.name as "mentorName", me.name as "menteeName",
         array(select r.kind from reminders_sent r where r.milestone_id = m.id and r.due_date = m.due_date) as sent
       from milestones m
       join action_plans a on a.id = m.plan_id and a.state not in ('archived', 'completed')
       join pairs p on p.id = a.pair_id and p.status = 'active'
       join programmes pr on pr.id = p.programme_id
       join organisations mo on mo.id = p.mentor_organisation_id
       join organisations me on me.id = p.mentee_organisation_id
       where m.status <> 'done' and m.due_date <= ?::date + pr.reminder_days_before
         and not exists (select 1 from reminders_sent r where r.milestone_id = m.id and r.due_date = m.due_date and r.kind = 'escalation')
       order by m.due_date, m.id`,
      [today, today],
    );
  }

  /** Sends one reminder unless it went out before; returns the notifications written, or null when it had been sent. */
  private async remind(m: CandidateRow, kind: ReminderKind, today: string): Promise<number | null> {
    return this.em.fork().transactional(async (tx) => {
      const [row] = await tx.execute<{ id: string }[]>(
        `insert into reminders_sent (id, milestone_id, kind, day, due_date, sent_at) values (gen_random_uuid(), ?, ?, ?, ?, now())
         on conflict do nothing returning id`,
        [m.milestoneId, kind, today, m.dueDate],
      );
      if (!row) return null;
      const recipients = await this.recipients(tx, m, kind);
      const written = await writeNotifications(tx, [this.draft(m, kind, recipients)]);
      await appendEvents(tx, announce(written));
      return written.length;
    });
  }

  private async recipients(tx: EntityManager, m: CandidateRow, kind: ReminderKind): Promise<string[]> {
    const rows = await tx.execute<{ userId: string }[]>(
      kind === 'escalation'
        ? `select user_id as "userId" from memberships where programme_id = ? and (role = 'coordinator' or (role = 'city-member' and organisation_id = ?))`
        : `select user_id as "userId" from memberships where programme_id = ? and role = 'city-member' and organisation_id = ?`,
      [m.programmeId, kind === 'escalation' ? m.mentorOrganisationId : m.menteeOrganisationId],
    );
    return rows.map((r) => r.userId);
  }

  private draft(m: CandidateRow, kind: ReminderKind, userIds: string[]): NotificationDraft {
    const base = {
      userIds,
      sourceEventSeq: null,
      subjectId: m.milestoneId,
      programmeId: m.programmeId,
      link: `${planLink(m.programmeId, m.planId)}#milestone-${m.milestoneId}`,
    };
    const where = `Action plan “${m.planTitle}” (${m.menteeName}, mentored by ${m.mentorName})${m.owner ? `; owner: ${m.owner}` : ''}.`;
    switch (kind) {
      case 'due-soon': {
        const days = -m.daysLate;
        return {
          ...base,
          kind: 'milestone-due-soon',
          title: `“${m.title}” is due ${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`} (${m.dueDate})`,
          body: where,
        };
      }
      case 'overdue':
        return {
          ...base,
          kind: 'milestone-overdue',
          title: `“${m.title}” is overdue: it was due on ${m.dueDate}`,
          body: `${where} Log progress or move the due date.`,
        };
      case 'escalation':
        return {
          ...base,
          kind: 'milestone-escalated',
          title: `${m.menteeName}: “${m.title}” is ${m.daysLate} days overdue`,
          body: `${where} It was due on ${m.dueDate} and is still not done.`,
        };
      default: {
        const unknown: never = kind;
        throw new Error(`unknown reminder kind ${String(unknown)}`);
      }
    }
  }
}
