import type { JobsOptions } from 'bullmq';
import { HOUSEKEEPING_QUEUE, type DeleteProgrammeFilesJob } from '@citymentor/contracts';

/** Periodic clean-up of rows that have outlived their use, and the files a deleted programme left (the api queues those). */
export { HOUSEKEEPING_QUEUE };

/** The kinds of housekeeping job; a new kind is a new member of the union. */
export type HousekeepingJob = PurgeExpiredRefreshTokens | DeleteProgrammeFilesJob;

/**
 * Version 1: delete what has outlived its retention period (sessions, invitations, notifications,
 * reports, data exports). Carries no parameters: the periods are the installation's settings (RETENTION_*_DAYS).
 * The kind keeps its first name so jobs already scheduled still run.
 */
export interface PurgeExpiredRefreshTokens {
  v: 1;
  kind: 'purge-expired-refresh-tokens';
}

export type HousekeepingJobName = 'purge' | 'delete-programme-files';

export interface PurgeResult {
  refreshTokens: number;
  invitations: number;
  notifications: number;
  idempotencyKeys: number;
  reports: number;
  dataExports: number;
  auditEntries: number;
}

/** The scheduler's id: upserting it again (every start, every worker process) replaces it instead of adding a second one. */
export const PURGE_SCHEDULER_ID = 'purge-daily';

/** 03:00 UTC daily. */
export const PURGE_SCHEDULE = { pattern: '0 3 * * *', tz: 'UTC' } as const;

export const PURGE_JOB: { name: HousekeepingJobName; data: PurgeExpiredRefreshTokens } = {
  name: 'purge',
  data: { v: 1, kind: 'purge-expired-refresh-tokens' },
};

/** Retried with backoff; the last 1000 completed jobs are kept, failed jobs are kept until someone looks at them. */
export const HOUSEKEEPING_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: 1000,
  removeOnFail: false,
} satisfies JobsOptions;
