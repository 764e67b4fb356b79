import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventPayloads, EventType, PlanState } from '@citymentor/contracts';
import type { ActionPlan, Comment, Pair, ProgressEntry, User } from '@citymentor/domain';
import { appendEvents, NOTIFICATIONS_CURSOR, type LogEvent } from '../event-log';

interface Happening {
  at: Date;
  type: EventType;
  payload: EventPayloads[EventType];
  actorId: string;
  /** A pair's own events are in its room only; a change inside a plan in the plan's too. */
  pairOnly?: boolean;
}

type Scope = { pairId: string; planId: string };

/**
 * The demo's past as the event log would have recorded it, at the times it happened: the activity feed
 * shows it, and a pair's latest event is what tells the stalled-pair signals it is alive. Like the API,
 * every change inside a plan is logged in the plan's room and in its pair's room, a pair formed in its room only.
 */
export class DemoHistory {
  private readonly happenings: Happening[] = [];

  constructor(private readonly programmeId: string) {}

  pairFormed(pair: Pair, coordinator: User) {
    const payload: EventPayloads['pair.created'] = {
      programmeId: this.programmeId,
      pairId: pair.id,
      benchmarkCode: pair.benchmarkCode,
      mentorOrganisationId: pair.mentorOrganisation.id,
      mentorName: pair.mentorOrganisation.name,
      menteeOrganisationId: pair.menteeOrganisation.id,
      menteeName: pair.menteeOrganisation.name,
      status: 'active',
    };
    this.happenings.push({
      at: pair.createdAt,
      type: 'pair.created',
      payload,
      actorId: coordinator.id,
      pairOnly: true,
    });
  }

  plan(
    scope: Scope,
    type: 'plan.submitted' | 'plan.reviewed' | 'plan.updated',
    at: Date,
    actor: User,
    plan: ActionPlan,
    fields: { state: PlanState } & Record<string, unknown>,
  ) {
    this.add(
      at,
      type,
      {
        programmeId: this.programmeId,
        ...scope,
        title: plan.title,
        version: plan.version,
        ...fields,
      },
      actor.id,
    );
  }

  comment(
    scope: Scope,
    type: 'comment.created' | 'comment.resolved',
    comment: Comment,
    actor: User = comment.author,
    at: Date = comment.createdAt,
  ) {
    this.add(
      at,
      type,
      {
        programmeId: this.programmeId,
        ...scope,
        commentId: comment.id,
        threadId: comment.threadId,
        parentId: comment.parentId,
        target: { type: comment.targetType, id: comment.targetId },
        authorId: comment.author.id,
        body: comment.body,
        resolved: type === 'comment.resolved',
        mentions: comment.mentions,
      },
      actor.id,
    );
  }

  progress(scope: Scope, entry: ProgressEntry, actor: User) {
    const payload: EventPayloads['progress.logged'] = {
      programmeId: this.programmeId,
      ...scope,
      milestoneId: entry.milestone.id,
      progressId: entry.id,
      percent: entry.percent,
      status: entry.status,
      note: entry.note,
    };
    this.add(entry.createdAt, 'progress.logged', payload, actor.id);
  }

  private add(at: Date, type: EventType, payload: EventPayloads[EventType], actorId: string) {
    this.happenings.push({ at, type, payload, actorId });
  }

  /**
   * Appends the history in time order (the rows' `seq` follows it) and moves the notifications cursor
   * past it: the past is not news, nobody is notified or mailed about it. `em` must be in a transaction.
   */
  async write(em: EntityManager): Promise<void> {
    const events = [...this.happenings]
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .flatMap((h) => {
        const { pairId, planId } = h.payload as Scope;
        const rooms = h.pairOnly ? [`pair:${pairId}`] : [`plan:${planId}`, `pair:${pairId}`];
        return rooms.map(
          (room) =>
            ({
              room,
              type: h.type,
              payload: h.payload,
              actorId: h.actorId,
              programmeId: this.programmeId,
              at: h.at,
            }) as LogEvent,
        );
      });
    await appendEvents(em, events);
    await em.execute(
      `insert into worker_cursors (name, seq, updated_at) select ?, coalesce(max(seq), 0), now() from events
       on conflict (name) do update set seq = excluded.seq, updated_at = excluded.updated_at`,
      [NOTIFICATIONS_CURSOR],
    );
  }
}
