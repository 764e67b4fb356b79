import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isIsoDate, type ReminderKind } from '@citymentor/domain';
import { appendEvents } from '@citymentor/persistence';
import { announce, planLink, type NotificationDraft } from '../notifications/notification-writer';
import { writeNotifications } from '../notifications/notifications.queries';
import type { RemindersResult } from './reminders.jobs';
import { claimReminder, reminderCandidates, reminderRecipients, type CandidateRow } from './reminders.queries';

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
    const candidates = await reminderCandidates(this.em.fork(), today);
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

  /** Sends one reminder unless it went out before; returns the notifications written, or null when it had been sent. */
  private async remind(m: CandidateRow, kind: ReminderKind, today: string): Promise<number | null> {
    return this.em.fork().transactional(async (tx) => {
      if (!(await claimReminder(tx, m, kind, today))) return null;
      const recipients = await reminderRecipients(tx, m, kind);
      const written = await writeNotifications(tx, [this.draft(m, kind, recipients)]);
      await appendEvents(tx, announce(written));
      return written.length;
    });
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
