import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { CommentEvent, EventPayloads, PairEvent } from '@citymentor/contracts';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { appendEvents } from '@citymentor/persistence';
import { announce, excerpt, pairLink, planLink, type NotificationDraft } from './notification-writer';
import { coordinatorsOfProgramme } from '../reminders/reminders.queries';
import {
  eventsAfter,
  focusSectionTitles,
  lockCursor,
  membersOf,
  mentionedBefore,
  moveCursor,
  onSide,
  pairInfo,
  planTitle,
  threadAuthorsBefore,
  userName,
  writeNotifications,
  type EventRow,
  type PairInfo,
} from './notifications.queries';

export interface BatchResult {
  /** Events read (whatever their type). */
  scanned: number;
  notifications: number;
  /** The cursor after the batch. */
  cursor: string;
}

const except = (ids: string[], ...drop: (string | null | undefined)[]) => ids.filter((id) => !drop.includes(id));

/**
 * Turns the event log into notifications. One batch is one transaction: lock the cursor row, read
 * the events after it, write the notifications and their `notification.created` events, move the
 * cursor, commit. A crash rolls all of it back and the next batch does it again; a second worker
 * waits on the cursor row and then continues after it (docs/decisions/0007).
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly em: EntityManager,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {}

  async processBatch(limit = this.config.notifications.batchSize): Promise<BatchResult> {
    return this.em.fork().transactional(async (tx) => {
      const cursor = await lockCursor(tx);
      const events = await eventsAfter(tx, cursor, limit);
      if (events.length === 0) return { scanned: 0, notifications: 0, cursor };
      const pairs = new Map<string, PairInfo | null>();
      const pair = async (id: string) => {
        if (!pairs.has(id)) pairs.set(id, await pairInfo(tx, id));
        return pairs.get(id)!;
      };
      const written = [];
      for (const event of events) {
        const drafts = await this.draftsFor(tx, event, pair);
        if (drafts.length) written.push(...(await writeNotifications(tx, drafts)));
      }
      const last = events[events.length - 1].seq;
      await moveCursor(tx, last);
      await appendEvents(tx, announce(written));
      if (written.length)
        this.logger.log({ from: cursor, to: last, events: events.length, notifications: written.length }, 'notified');
      return { scanned: events.length, notifications: written.length, cursor: last };
    });
  }

  /**
   * Who hears of one event. A change inside a plan is logged in the plan's room and its pair's
   * room; it is read from the plan's room only, so it notifies once.
   */
  private async draftsFor(
    tx: EntityManager,
    event: EventRow,
    pair: (id: string) => Promise<PairInfo | null>,
  ): Promise<NotificationDraft[]> {
    if (event.type === 'pair.created') {
      const p = event.payload as PairEvent;
      const info = await pair(p.pairId);
      return info ? this.pairFormedDrafts(event, p, info, await focusSectionTitles(tx, p.pairId)) : [];
    }
    if (event.type === 'programme.closed' || event.type === 'programme.reopened')
      return this.programmeEndDrafts(tx, event);
    if (event.type === 'member.left')
      return this.memberLeftDrafts(event, event.payload as EventPayloads['member.left'], tx);
    if (!event.room.startsWith('plan:')) return [];
    switch (event.type) {
      case 'comment.created':
      case 'comment.updated': {
        const c = event.payload as CommentEvent;
        const info = await pair(c.pairId);
        return info ? this.commentDrafts(tx, event, c, info) : [];
      }
      case 'plan.submitted': {
        const p = event.payload as EventPayloads['plan.submitted'];
        const info = await pair(p.pairId);
        if (!info) return [];
        return [
          {
            ...this.source(event, p.planId, p.programmeId),
            userIds: except(onSide(info, 'mentor'), event.actorId),
            kind: 'plan-submitted',
            title: `${info.menteeName} submitted “${p.title}” for your review`,
            body: `Revision ${p.revision} of the action plan is waiting for your review.`,
            link: planLink(p.programmeId, p.planId),
          },
        ];
      }
      case 'plan.withdrawn': {
        const p = event.payload as EventPayloads['plan.withdrawn'];
        const info = await pair(p.pairId);
        if (!info) return [];
        return [
          {
            ...this.source(event, p.planId, p.programmeId),
            userIds: except(onSide(info, 'mentor'), event.actorId),
            kind: 'plan-withdrawn',
            title: `${info.menteeName} withdrew “${p.title}” from review`,
            body: `Revision ${p.revision} no longer waits for your review: the city is changing the plan and will submit it again.`,
            link: planLink(p.programmeId, p.planId),
          },
        ];
      }
      case 'milestone.created': {
        const p = event.payload as EventPayloads['milestone.created'];
        if (!p.afterApproval) return [];
        const info = await pair(p.pairId);
        return info ? this.changedAfterApprovalDrafts(tx, event, p, info) : [];
      }
      case 'plan.reviewed': {
        const p = event.payload as EventPayloads['plan.reviewed'];
        const info = await pair(p.pairId);
        if (!info) return [];
        return [
          {
            ...this.source(event, p.planId, p.programmeId),
            userIds: except(onSide(info, 'mentee'), event.actorId),
            kind: 'plan-reviewed',
            // Named by the revision, as the submission was ("Revision 3: changes requested …"): the e-mail's subject too.
            title:
              p.verdict === 'approve'
                ? `Revision ${p.revision}: “${p.title}” approved by ${info.mentorName}`
                : `Revision ${p.revision}: changes requested on “${p.title}” by ${info.mentorName}`,
            body: p.summary,
            link: planLink(p.programmeId, p.planId),
          },
        ];
      }
      default:
        return [];
    }
  }

  /**
   * A new comment: the mentioned people ('mention'); the plan's other side and whoever took part in
   * the thread ('comment'). An edit notifies only people newly mentioned in it.
   */
  private async commentDrafts(
    tx: EntityManager,
    event: EventRow,
    c: CommentEvent,
    info: PairInfo,
  ): Promise<NotificationDraft[]> {
    const readers = new Set(info.people.map((p) => p.userId));
    const author = info.people.find((p) => p.userId === c.authorId);
    const authorName = author?.name || ((await userName(tx, c.authorId)) ?? 'Someone');
    const title = (await planTitle(tx, c.planId)) ?? 'an action plan';
    const base = {
      ...this.source(event, c.commentId, c.programmeId),
      body: excerpt(c.body ?? ''),
      link: `${planLink(c.programmeId, c.planId)}#comment-${c.commentId}`,
    };
    let mentioned = except(
      c.mentions.filter((id) => readers.has(id)),
      c.authorId,
    );
    if (event.type === 'comment.updated') {
      if (c.body === null || mentioned.length === 0) return [];
      const already = new Set(await mentionedBefore(tx, c.commentId));
      mentioned = mentioned.filter((id) => !already.has(id));
      return mentioned.length
        ? [{ ...base, userIds: mentioned, kind: 'mention', title: `${authorName} mentioned you on “${title}”` }]
        : [];
    }
    const otherSide =
      author?.side === 'mentor'
        ? onSide(info, 'mentee')
        : author?.side === 'mentee'
          ? onSide(info, 'mentor')
          : onSide(info, 'mentor', 'mentee');
    const participants = (await threadAuthorsBefore(tx, c.commentId, c.threadId)).filter((id) => readers.has(id));
    const others = except([...new Set([...otherSide, ...participants])], c.authorId, ...mentioned);
    const where =
      c.target.type === 'plan'
        ? `“${title}”`
        : `a ${c.target.type === 'milestone' ? 'milestone' : 'progress entry'} of “${title}”`;
    return [
      { ...base, userIds: mentioned, kind: 'mention', title: `${authorName} mentioned you on “${title}”` },
      {
        ...base,
        userIds: others,
        kind: 'comment',
        title: c.parentId ? `${authorName} replied on ${where}` : `${authorName} commented on ${where}`,
      },
    ];
  }

  /**
   * A milestone added to a plan the mentor side approved: what they approved has changed, so they hear
   * of it, with a link to the milestone (the plan page shows everything changed since the approval).
   */
  private async changedAfterApprovalDrafts(
    tx: EntityManager,
    event: EventRow,
    p: EventPayloads['milestone.created'],
    info: PairInfo,
  ): Promise<NotificationDraft[]> {
    const title = (await planTitle(tx, p.planId)) ?? 'an action plan';
    return [
      {
        ...this.source(event, p.planId, p.programmeId),
        userIds: except(onSide(info, 'mentor'), event.actorId),
        kind: 'plan-changed-after-approval',
        title: `${info.menteeName} added a milestone to “${title}” after your approval`,
        body: `New milestone: “${p.title}”, due ${p.dueDate}${p.owner ? `, owner: ${p.owner}` : ''}. The plan page shows what changed since you approved it.`,
        link: `${planLink(p.programmeId, p.planId)}#milestone-${p.milestoneId}`,
      },
    ];
  }

  /**
   * A new pair: each city's members hear whom they will mentor, or who will mentor them, on which
   * focus sections (by title), and where to start.
   */
  private pairFormedDrafts(event: EventRow, p: PairEvent, info: PairInfo, focus: string[]): NotificationDraft[] {
    const focusLine = focus.length ? ` Focus sections: ${focus.map((f) => `“${f}”`).join(', ')}.` : '';
    const base = {
      ...this.source(event, p.pairId, p.programmeId),
      kind: 'pair-formed' as const,
      title: `${p.mentorName} will mentor ${p.menteeName}`,
      link: pairLink(p.programmeId, p.pairId),
    };
    return [
      {
        ...base,
        userIds: except(onSide(info, 'mentee'), event.actorId),
        body: `Your city is the mentee of this pair. Start with the baseline self-assessment, then write an action plan for each section you want to improve; ${p.mentorName} reviews them.${focusLine}`,
      },
      {
        ...base,
        userIds: except(onSide(info, 'mentor'), event.actorId),
        body: `Your city is the mentor of this pair. ${p.menteeName}'s self-assessment and action plans will come to you for review.${focusLine}`,
      },
    ];
  }

  /** A programme closed or reopened: every other member hears it (a closed one is read-only for everyone). */
  private async programmeEndDrafts(tx: EntityManager, event: EventRow): Promise<NotificationDraft[]> {
    const p = event.payload as EventPayloads['programme.closed'];
    const closed = event.type === 'programme.closed';
    return [
      {
        ...this.source(event, p.programmeId, p.programmeId),
        userIds: except(await membersOf(tx, p.programmeId), event.actorId),
        kind: closed ? 'programme-closed' : 'programme-reopened',
        title: closed ? `“${p.name}” was closed` : `“${p.name}” was reopened`,
        body: closed
          ? 'The programme is read-only now: everything in it can be read, nothing can be changed, and reminders stop.'
          : 'The programme is open again: plans, comments and self-assessments can be changed again.',
        link: `/programmes/${p.programmeId}`,
      },
    ];
  }

  /** An erased account: the programme's coordinators hear that a member of the organisation left, naming no one. */
  private async memberLeftDrafts(
    event: EventRow,
    p: EventPayloads['member.left'],
    tx: EntityManager,
  ): Promise<NotificationDraft[]> {
    return [
      {
        ...this.source(event, p.organisationId, p.programmeId),
        kind: 'member-left',
        userIds: await coordinatorsOfProgramme(tx, p.programmeId),
        title: `A member of ${p.organisationName} left`,
        body: `They deleted their account. What they wrote stays, shown as by a former member of ${p.organisationName}.`,
        link: `/programmes/${p.programmeId}`,
      },
    ];
  }

  private source(event: EventRow, subjectId: string, programmeId: string) {
    return { sourceEventSeq: event.seq, subjectId, programmeId };
  }
}
