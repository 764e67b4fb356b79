import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { stallKey, stallSignals, type StallSignal } from '@citymentor/domain';
import { appendEvents, pairActivity, type PairActivityRow } from '@citymentor/persistence';
import { announce, planLink, type NotificationDraft } from '../notifications/notification-writer';
import { writeNotifications } from '../notifications/notifications.queries';
import { alertedBefore, closedProgrammeIds, claimStallAlert, coordinatorsOfProgramme } from './reminders.queries';

type PairNames = Pick<PairActivityRow, 'programmeId' | 'mentorName' | 'menteeName'>;

/**
 * Tells a programme's coordinators about its stalled pairs (no activity for K days, a submitted plan
 * unreviewed for R days, a thread unanswered for R days): one `pair-stalled` notification per
 * coordinator and wait. Waits already alerted are skipped with one read; like reminders, each new
 * alert is one transaction that inserts its `stall_alerts` key with ON CONFLICT DO NOTHING and writes
 * the notifications only if the key is new, so daily runs, retries and two workers alert once per wait. Coordinators whose e-mail
 * preference is the daily digest find them in it.
 */
@Injectable()
export class StallAlertsService {
  private readonly logger = new Logger(StallAlertsService.name);

  constructor(private readonly em: EntityManager) {}

  /** Returns the number of new alerts. */
  async run(now: Date): Promise<number> {
    const em = this.em.fork();
    const closed = await closedProgrammeIds(em);
    const rows = (await pairActivity(em, null)).filter((row) => !closed.has(row.programmeId));
    // Each programme's pairs are measured against that programme's thresholds; a closed programme's are not.
    const signals = rows.flatMap((row) =>
      stallSignals([row], row, now).map((signal) => ({ signal, pair: row, key: stallKey(signal) })),
    );
    if (signals.length === 0) return 0;
    const alerted = new Set(
      await alertedBefore(
        em,
        signals.map((s) => s.key),
      ),
    );
    const coordinators = new Map<string, Promise<string[]>>();
    const coordinatorsOf = (programmeId: string) => {
      if (!coordinators.has(programmeId)) coordinators.set(programmeId, coordinatorsOfProgramme(em, programmeId));
      return coordinators.get(programmeId)!;
    };
    let sent = 0;
    for (const { signal, pair, key } of signals) {
      if (!alerted.has(key) && (await this.alert(signal, key, pair, coordinatorsOf))) sent += 1;
    }
    if (sent) this.logger.log({ alerts: sent }, 'alerted coordinators to stalled pairs');
    return sent;
  }

  private alert(
    signal: StallSignal,
    key: string,
    pair: PairNames,
    coordinatorsOf: (programmeId: string) => Promise<string[]>,
  ): Promise<boolean> {
    return this.em.fork().transactional(async (tx) => {
      if (!(await claimStallAlert(tx, key, pair.programmeId, signal.pairId))) return false;
      const written = await writeNotifications(tx, [stallDraft(signal, pair, await coordinatorsOf(pair.programmeId))]);
      await appendEvents(tx, announce(written));
      return true;
    });
  }
}

/** The coordinator's message for one signal, linking to the plan or thread, or to the dashboard. */
function stallDraft(signal: StallSignal, pair: PairNames, userIds: string[]): NotificationDraft {
  const who = `${pair.menteeName}, mentored by ${pair.mentorName}`;
  const since = signal.since.toISOString().slice(0, 10);
  const base = { userIds, kind: 'pair-stalled' as const, sourceEventSeq: null, programmeId: pair.programmeId };
  switch (signal.kind) {
    case 'no-activity':
      return {
        ...base,
        subjectId: signal.pairId,
        link: `/programmes/${pair.programmeId}/dashboard#stalled`,
        title: `${who}: no activity for ${signal.days} days`,
        body: `Nothing has happened in this pair since ${since}. A word from the coordinator may help.`,
      };
    case 'plan-not-reviewed':
      return {
        ...base,
        subjectId: signal.planId,
        link: planLink(pair.programmeId, signal.planId),
        title: `${who}: “${signal.planTitle}” waits ${signal.days} days for review`,
        body: `The plan was submitted on ${since} and ${pair.mentorName} has not reviewed it yet.`,
      };
    case 'thread-unanswered': {
      const awaited = signal.awaiting === 'mentee' ? pair.menteeName : pair.mentorName;
      return {
        ...base,
        subjectId: signal.threadId,
        link: `${planLink(pair.programmeId, signal.planId)}#comment-${signal.threadId}`,
        title: `${who}: a thread on “${signal.planTitle}” waits ${signal.days} days for ${awaited}`,
        body: `The last comment was written on ${since}; ${awaited} has not answered yet.`,
      };
    }
    default: {
      const unknown: never = signal;
      throw new Error(`unknown stall signal ${JSON.stringify(unknown)}`);
    }
  }
}
