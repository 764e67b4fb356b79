import type { JobsOptions } from 'bullmq';

/** Scheduled notification work: the daily e-mail digest. (Event → notification runs off the event log, see NotificationFeed.) */
export const NOTIFICATIONS_QUEUE = 'notifications';

/** Version 1: mail each 'daily' user their notifications not mailed yet; `day` (YYYY-MM-DD) names the digest, default the day it was scheduled for. */
export interface DailyDigestJob {
  v: 1;
  kind: 'daily-digest';
  day?: string;
}

export type NotificationsJob = DailyDigestJob;
export type NotificationsJobName = 'digest';

export interface DigestResult {
  day: string;
  users: number;
  notifications: number;
}

export const DIGEST_SCHEDULER_ID = 'digest-daily';
/** 07:00 UTC daily. */
export const DIGEST_SCHEDULE = { pattern: '0 7 * * *', tz: 'UTC' } as const;

/** An on-demand digest for `day`: one job per day, however often it is asked for. */
export const digestJobId = (day: string) => `digest-${day}`;

export const NOTIFICATIONS_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: 1000,
  removeOnFail: false,
} satisfies JobsOptions;
