import { Injectable } from '@nestjs/common';
import { stallSignals, todayIso } from '@citymentor/domain';
import type { PairActivityRow } from '@citymentor/persistence';
import { AssessmentPolicy } from '../assessments/assessment.policy';
import type { Actor } from '../auth/actor';
import { PairPolicy, type PairAction } from '../pairs/pair.policy';
import { ProgrammePolicy } from '../programmes/programme.policy';
import type { WorkDto, WorkItemDto } from './dto/work.dto';
import { excerpt, groupItems, links, workItem, type PairContext } from './work-items';
import { DUE_SOON_DAYS, QUIET_PROGRESS_DAYS } from './work-kinds';
import {
  WorkQueries,
  workScope,
  type WorkAssessmentRow,
  type WorkCommentRow,
  type WorkConsortiumRow,
  type WorkMilestoneRow,
  type WorkPairRow,
  type WorkPlanRow,
  type WorkSide,
} from './work.queries';

const DAY_MS = 86_400_000;
/** Progress logged before this moment is too old: the milestone has gone quiet. */
const quietSince = (now: Date) => new Date(now.getTime() - QUIET_PROGRESS_DAYS * DAY_MS);

/** A pair of the queue: its names, and the actor's side in it as the pair policy sees it. */
interface PairInQueue extends PairContext {
  side: WorkSide;
  row: WorkPairRow;
}

/**
 * "My work": what waits on the signed-in person across every programme and role, in one read.
 * The statements find candidates over the actor's memberships; every item then passes the same
 * policies the pages it links to ask (PairPolicy for a pair's work, AssessmentPolicy for an
 * assessment, ProgrammePolicy's 'manage' for what a coordinator watches), so nothing appears that
 * the link would refuse.
 */
@Injectable()
export class WorkService {
  constructor(
    private readonly queries: WorkQueries,
    private readonly pairPolicy: PairPolicy,
    private readonly assessmentPolicy: AssessmentPolicy,
    private readonly programmePolicy: ProgrammePolicy,
  ) {}

  async get(actor: Actor, now = new Date()): Promise<WorkDto> {
    const today = todayIso(now);
    const scope = workScope(actor);
    const roles = new Set(actor.memberships.map((m) => m.role));
    const city = roles.has('city-member');
    const expert = roles.has('expert');
    const coordinator = roles.has('coordinator');
    const q = this.queries;
    const none = <T>() => Promise.resolve<T[]>([]);
    // A statement a role does not need is not sent: the count depends on the roles, not on the data.
    const [pairRows, assessments, plans, threads, mentions, milestones, consortium, activity] = await Promise.all([
      actor.memberships.length ? q.pairs(scope) : none<WorkPairRow>(),
      city ? q.assessments(scope) : none<WorkAssessmentRow>(),
      city || expert ? q.plans(scope) : none<WorkPlanRow>(),
      city ? q.threads(scope) : none<WorkCommentRow>(),
      expert ? q.mentions(scope, actor.userId) : none<WorkCommentRow>(),
      city || coordinator ? q.milestones(scope, today, quietSince(now)) : none<WorkMilestoneRow>(),
      coordinator ? q.consortiumMilestones(scope.coordinatorProgrammeIds, today) : none<WorkConsortiumRow>(),
      coordinator ? q.pairActivity(scope.coordinatorProgrammeIds) : none<PairActivityRow>(),
    ]);

    const pairs = this.pairsInQueue(actor, pairRows);
    const items: WorkItemDto[] = [
      ...this.planItems(actor, pairs, plans, now),
      ...this.commentItems(actor, pairs, threads, 'thread-awaiting-reply', now),
      ...this.commentItems(actor, pairs, mentions, 'mention', now),
      ...this.milestoneItems(actor, pairs, milestones, now),
      ...this.assessmentItems(actor, pairs, assessments, now),
      ...this.consortiumItems(actor, consortium, now),
      ...this.stallItems(actor, pairs, activity, now),
    ];
    const groups = groupItems(items);
    return {
      today,
      count: groups.reduce((n, g) => n + g.items.length, 0),
      groups,
      follow: {
        programmeIds: [...new Set(actor.memberships.map((m) => m.programmeId))],
        pairIds: followOrder(pairs, items),
      },
    };
  }

  /** The pairs the statements found, kept only where the pair policy gives the actor the same side. */
  private pairsInQueue(actor: Actor, rows: WorkPairRow[]): Map<string, PairInQueue> {
    const pairs = new Map<string, PairInQueue>();
    for (const row of rows) {
      if (this.pairPolicy.sideOf(actor, row) !== row.side) continue;
      pairs.set(row.pairId, {
        side: row.side,
        row,
        programme: { id: row.programmeId, name: row.programmeName },
        pair: { id: row.pairId, mentorName: row.mentorName, menteeName: row.menteeName },
      });
    }
    return pairs;
  }

  /** The pair when the actor is on `side` of it and the pair policy allows `action` there. */
  private pairFor(
    actor: Actor,
    pairs: Map<string, PairInQueue>,
    pairId: string,
    sides: WorkSide[],
    action: PairAction,
  ): PairInQueue | null {
    const pair = pairs.get(pairId);
    return pair && sides.includes(pair.side) && this.pairPolicy.can(actor, action, pair.row) ? pair : null;
  }

  private planItems(actor: Actor, pairs: Map<string, PairInQueue>, rows: WorkPlanRow[], now: Date): WorkItemDto[] {
    return rows.flatMap((row) => {
      const changes = row.state === 'changes-requested';
      const pair = changes
        ? this.pairFor(actor, pairs, row.pairId, ['mentee'], 'edit-plan')
        : this.pairFor(actor, pairs, row.pairId, ['mentor', 'expert'], 'read');
      if (!pair) return [];
      return [
        workItem(
          changes ? 'plan-changes-requested' : 'plan-awaiting-review',
          row.planId,
          links.plan(pair.programme.id, row.planId),
          pair.programme,
          now,
          {
            pair: pair.pair,
            plan: { id: row.planId, title: row.title },
            sinceMs: row.sinceMs,
          },
        ),
      ];
    });
  }

  private commentItems(
    actor: Actor,
    pairs: Map<string, PairInQueue>,
    rows: WorkCommentRow[],
    kind: 'thread-awaiting-reply' | 'mention',
    now: Date,
  ): WorkItemDto[] {
    const sides: WorkSide[] = kind === 'mention' ? ['expert'] : ['mentor', 'mentee'];
    return rows.flatMap((row) => {
      const pair = this.pairFor(actor, pairs, row.pairId, sides, 'comment');
      if (!pair) return [];
      return [
        workItem(kind, row.threadId, links.comment(pair.programme.id, row.planId, row.commentId), pair.programme, now, {
          pair: pair.pair,
          plan: { id: row.planId, title: row.planTitle },
          comment: {
            id: row.commentId,
            threadId: row.threadId,
            authorName: row.authorName,
            excerpt: excerpt(row.body),
          },
          sinceMs: row.sinceMs,
        }),
      ];
    });
  }

  /** A mentee's milestone is listed once: late, else due soon, else quiet; a coordinator's only when late. */
  private milestoneItems(
    actor: Actor,
    pairs: Map<string, PairInQueue>,
    rows: WorkMilestoneRow[],
    now: Date,
  ): WorkItemDto[] {
    const quietBefore = quietSince(now);
    return rows.flatMap((row) => {
      const pair =
        row.side === 'coordinator'
          ? this.coordinated(actor, pairs, row.pairId)
          : this.pairFor(actor, pairs, row.pairId, ['mentee'], 'edit-plan');
      if (!pair) return [];
      const late = row.dueInDays < 0;
      const mentee = row.side === 'mentee';
      const quiet = row.quietSinceMs !== null && row.quietSinceMs < quietBefore.getTime();
      const kind = late
        ? 'milestone-late'
        : mentee && row.dueInDays <= DUE_SOON_DAYS
          ? 'milestone-due-soon'
          : mentee && quiet
            ? 'progress-not-logged'
            : null;
      if (!kind) return [];
      return [
        workItem(
          kind,
          row.milestoneId,
          links.milestone(pair.programme.id, row.planId, row.milestoneId),
          pair.programme,
          now,
          {
            pair: pair.pair,
            plan: { id: row.planId, title: row.planTitle },
            milestone: { id: row.milestoneId, title: row.title, dueDate: row.dueDate },
            dueInDays: row.dueInDays,
            sinceMs: kind === 'progress-not-logged' ? row.quietSinceMs : null,
          },
        ),
      ];
    });
  }

  private assessmentItems(
    actor: Actor,
    pairs: Map<string, PairInQueue>,
    rows: WorkAssessmentRow[],
    now: Date,
  ): WorkItemDto[] {
    return rows.flatMap((row) => {
      const pair = row.pairId ? pairs.get(row.pairId) : undefined;
      const scope = { programmeId: row.programmeId, organisationId: row.organisationId, pairs: pair ? [pair.row] : [] };
      const action = row.kind === 'assessment-to-finish' ? 'answer' : 'calibrate';
      if ((row.kind === 'calibration-to-do' && !pair) || !this.assessmentPolicy.can(actor, action, scope)) return [];
      return [
        workItem(
          row.kind,
          row.id,
          links.assessment(row.programmeId, row.id),
          { id: row.programmeId, name: row.programmeName },
          now,
          {
            pair: pair?.pair ?? null,
            assessment: {
              id: row.id,
              organisationName: row.organisationName,
              benchmarkCode: row.benchmarkCode,
              phase: row.phase,
            },
            sinceMs: row.sinceMs,
          },
        ),
      ];
    });
  }

  private consortiumItems(actor: Actor, rows: WorkConsortiumRow[], now: Date): WorkItemDto[] {
    return rows
      .filter((row) => this.programmePolicy.can(actor, 'manage', row.programmeId))
      .map((row) =>
        workItem(
          'consortium-milestone-due',
          row.id,
          links.consortiumMilestone(row.programmeId, row.id),
          { id: row.programmeId, name: row.programmeName },
          now,
          {
            milestone: { id: row.id, title: row.title, dueDate: row.dueDate },
            dueInDays: row.dueInDays,
          },
        ),
      );
  }

  /**
   * The dashboard's stall signals (`stallSignals`, each programme with its own thresholds): a plan
   * waiting past `respondWithinDays` is an overdue review; no activity or an unanswered thread, a stalled pair.
   */
  private stallItems(actor: Actor, pairs: Map<string, PairInQueue>, rows: PairActivityRow[], now: Date): WorkItemDto[] {
    return rows.flatMap((row) => {
      const pair = this.coordinated(actor, pairs, row.pairId);
      if (!pair) return [];
      return stallSignals([row], row, now).map((signal) => {
        const plan = signal.kind === 'no-activity' ? null : { id: signal.planId, title: signal.planTitle };
        const fields = { pair: pair.pair, plan, sinceMs: signal.since.getTime() };
        if (signal.kind === 'plan-not-reviewed')
          return workItem(
            'plan-overdue-review',
            signal.planId,
            links.plan(pair.programme.id, signal.planId),
            pair.programme,
            now,
            fields,
          );
        const subject = signal.kind === 'no-activity' ? signal.pairId : signal.threadId;
        return workItem(
          'stalled-pair',
          `${signal.kind}:${subject}`,
          links.stalled(pair.programme.id),
          pair.programme,
          now,
          { ...fields, reason: signal.kind },
        );
      });
    });
  }

  /** A pair of a programme the actor coordinates (ProgrammePolicy 'manage', as the dashboard's coordinator tools). */
  private coordinated(actor: Actor, pairs: Map<string, PairInQueue>, pairId: string): PairInQueue | null {
    const pair = pairs.get(pairId);
    return pair && pair.side === 'coordinator' && this.programmePolicy.can(actor, 'manage', pair.programme.id)
      ? pair
      : null;
  }
}

/** Rooms worth following first: the pairs one's city works in, then those with items, then the rest. */
function followOrder(pairs: Map<string, PairInQueue>, items: WorkItemDto[]): string[] {
  const withItems = new Set(items.map((i) => i.pair?.id));
  const rank = (p: PairInQueue) => (p.side === 'mentor' || p.side === 'mentee' ? 0 : withItems.has(p.pair.id) ? 1 : 2);
  return [...pairs.values()]
    .map((p, index) => ({ p, index }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.index - b.index)
    .map(({ p }) => p.pair.id);
}
