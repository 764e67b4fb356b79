/**
 * What can wait on someone, in the order the queue shows the groups: answers and reviews first,
 * then dates, then assessments, then what a coordinator watches.
 */
export const WORK_KINDS = [
  /** mentee city: the mentor sent a plan back */
  'plan-changes-requested',
  /** mentor city and experts: a submitted plan waits for its review (oldest first) */
  'plan-awaiting-review',
  /** coordinator: a submitted plan has waited longer than the programme's `respondWithinDays` */
  'plan-overdue-review',
  /** mentor or mentee city: an open thread whose last word is the other side's */
  'thread-awaiting-reply',
  /** expert: an open thread that mentions you, with no answer of yours since */
  'mention',
  /** mentee city: a milestone past its due date and not done; coordinator: every such milestone of the programme */
  'milestone-late',
  /** mentee city: a milestone due in the next 14 days */
  'milestone-due-soon',
  /** mentee city: no progress logged on a milestone of a running plan for 30 days */
  'progress-not-logged',
  /** a city's own draft self-assessment */
  'assessment-to-finish',
  /** mentor city: the mentee's submitted assessment with no calibration rating yet */
  'calibration-to-do',
  /** coordinator: a pair with no activity, or a thread unanswered past the threshold (the dashboard's stall signals) */
  'stalled-pair',
  /** coordinator: a consortium milestone due in the next 14 days or late */
  'consortium-milestone-due',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** How far ahead a due date puts a milestone in the queue. */
export const DUE_SOON_DAYS = 14;
/** How long a milestone of a running plan may go without a progress entry. */
export const QUIET_PROGRESS_DAYS = 30;
