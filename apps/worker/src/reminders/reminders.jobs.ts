import type { JobsOptions } from 'bullmq';

/** Milestone reminders and escalations, and stalled-pair alerts, once a day. */
export const REMINDERS_QUEUE = 'reminders';

/**
 * Version 1: remind about the milestones due soon or overdue on `day` (YYYY-MM-DD), default the day
 * it was scheduled for; then alert coordinators to the pairs stalled now (activity is measured
 * against the real clock whatever `day` says).
 */
export interface DailyRemindersJob {
  v: 1;
  kind: 'daily-reminders';
  day?: string;
}

export type RemindersJob = DailyRemindersJob;
export type RemindersJobName = 'remind';

export interface RemindersResult {
  day: string;
  /** Reminders sent by this run, by kind (those sent before are not counted). */
  dueSoon: number;
  overdue: number;
  escalation: number;
  notifications: number;
  /** New stalled-pair alerts (one per wait, each to every coordinator of the programme). */
  stalled: number;
}

export const REMINDERS_SCHEDULER_ID = 'reminders-daily';
/** 06:00 UTC daily, before the digest. */
export const REMINDERS_SCHEDULE = { pattern: '0 6 * * *', tz: 'UTC' } as const;

/** A run for `day` asked for on demand: one job per day however often it is asked for. */
export const remindersJobId = (day: string) => `reminders-${day}`;

export const REMINDERS_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: 1000,
  removeOnFail: false,
} satisfies JobsOptions;
