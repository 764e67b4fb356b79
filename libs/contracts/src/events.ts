import type {
  AnchorField,
  AssessmentPhase,
  AssessmentStatus,
  CommentTargetType,
  PairStatus,
  PlanState,
  ReviewVerdict,
  SuggestionState,
} from './mentoring';
import type { WorkStatus } from './roles';

/** Where a plan-level event happened: enough for a client to route it. */
interface PlanScope {
  programmeId: string;
  pairId: string;
  planId: string;
}

export interface CommentEvent extends PlanScope {
  commentId: string;
  threadId: string;
  parentId: string | null;
  target: { type: CommentTargetType; id: string };
  authorId: string;
  /** null once deleted (a tombstone). */
  body: string | null;
  resolved: boolean;
  mentions: string[];
  /** Where the thread was written; absent when it is about its whole target. */
  anchor?: CommentAnchorRef;
  /** The change the thread suggests, and who decided on it; absent when it suggests none. */
  suggestion?: CommentSuggestionRef;
}

/** A field of the plan (or one item of a list field) or of a milestone, as it was at a revision. */
export interface CommentAnchorRef {
  revision: number;
  field: AnchorField;
  /** The item's index in a list field at that revision. */
  item: number | null;
  /** The milestone, for a thread on one of its fields. */
  milestoneId: string | null;
  /** The text it was written on: the field (or item) at that revision. */
  text: string;
}

/** A suggested change: who suggested it, who applied or dismissed it, and the plan's version an applied one produced. */
export interface CommentSuggestionRef {
  state: SuggestionState;
  suggestedBy: string;
  decidedBy: string | null;
  appliedVersion: number | null;
}

export interface PlanEvent extends PlanScope {
  title: string;
  state: PlanState;
  version: number;
}

export interface MilestoneEvent extends PlanScope {
  milestoneId: string;
  title: string;
  dueDate: string;
  owner: string;
  status: WorkStatus;
  version: number;
  /**
   * The plan had been approved (approved or in progress) when this changed: a change to what the mentor
   * approved, which the mentor hears of and sees under "changed since approval".
   */
  afterApproval: boolean;
}

/**
 * A pair formed or ended. Announced in the pair's own room only: a city sees the pairs it is part of,
 * so the programme's room (every member's) must not name the others.
 */
export interface PairEvent {
  programmeId: string;
  pairId: string;
  benchmarkCode: string;
  mentorOrganisationId: string;
  mentorName: string;
  menteeOrganisationId: string;
  menteeName: string;
  status: PairStatus;
}

/** Payloads of the realtime events, by type. The api emits, the worker consumes, the web client subscribes. */
export interface EventPayloads {
  'pair.created': PairEvent;
  'pair.ended': PairEvent;
  'comment.created': CommentEvent;
  'comment.updated': CommentEvent;
  'comment.deleted': CommentEvent;
  'comment.resolved': CommentEvent;
  'plan.updated': PlanEvent;
  'plan.submitted': PlanEvent & { revision: number };
  /** The mentee took a submission back before it was reviewed; `revision` (kept) is the one withdrawn. */
  'plan.withdrawn': PlanEvent & { revision: number };
  'plan.reviewed': PlanEvent & { revision: number; verdict: ReviewVerdict; summary: string };
  'milestone.created': MilestoneEvent;
  'milestone.updated': MilestoneEvent;
  'progress.logged': PlanScope & {
    milestoneId: string;
    progressId: string;
    percent: number;
    status: WorkStatus;
    note: string;
  };
  'assessment.updated': {
    programmeId: string;
    assessmentId: string;
    organisationId: string;
    benchmarkCode: string;
    phase: AssessmentPhase;
    status: AssessmentStatus;
    /** The answer that changed, if one did. */
    questionCode: string | null;
  };
  'programme.milestone.updated': {
    programmeId: string;
    milestoneId: string;
    title: string;
    dueDate: string;
    /** The date before this change moved it; null when the date stayed (or the milestone is new). */
    previousDueDate: string | null;
    status: WorkStatus;
    version: number;
  };
  /** A coordinator deleted a consortium milestone, giving why: the reason stays in the activity feed. */
  'programme.milestone.deleted': {
    programmeId: string;
    milestoneId: string;
    title: string;
    dueDate: string;
    reason: string;
  };
  /** A coordinator closed the programme: read-only for everyone until reopened. */
  'programme.closed': { programmeId: string; name: string; closedAt: string };
  /** A coordinator reopened the closed programme. */
  'programme.reopened': { programmeId: string; name: string };
  /**
   * Someone's account was erased: the coordinators of each programme they belonged to hear that a member of
   * their organisation left (worker notifications). Logged in `coordinators:{programmeId}`, a room no socket
   * joins; the payload names no one.
   */
  'member.left': { programmeId: string; organisationId: string; organisationName: string };
  'notification.created': { notificationId: string; kind: string; title: string; link: string };
  /** A report's progress, in its requester's own room `user:{id}`. */
  'report.updated': { reportId: string; status: 'queued' | 'running' | 'done' | 'failed'; progress: number };
  /**
   * The changed fields a reader ticked "Viewed" in a plan's diff leading to `revision`, all of them, after a
   * tick or untick: in the reader's own room `user:{id}`, so their other open pages fold the same fields.
   */
  'plan.diff.viewed': { planId: string; revision: number; viewed: string[] };
  /** A person's data export's progress, in their own room `user:{id}` (no one else hears of it). */
  'export.updated': { exportId: string; status: 'queued' | 'running' | 'done' | 'failed'; progress: number };
}

export type EventType = keyof EventPayloads;

/** What a socket receives as `event` (contract.md, "Realtime"). */
export interface RealtimeEvent<T extends EventType = EventType> {
  seq: string;
  room: string;
  type: T;
  payload: EventPayloads[T];
  actor: string | null;
  at: string;
}
