/**
 * The BullMQ jobs the api hands to the worker: queue names, versioned job data and how job ids are
 * derived (from what makes the job unique, so a retried request or a duplicate collapses into one).
 */

/** Funder reports of a programme (CSV, PDF), built by the worker. */
export const REPORTS_QUEUE = 'reports';

/** Version 1: build the report row `reportId` describes (programme, format, requester). */
export interface BuildReportJob {
  v: 1;
  kind: 'build-report';
  reportId: string;
}

export type ReportsJobName = 'build';

/** One job per report (BullMQ job ids may not contain `:`). */
export const reportJobId = (reportId: string) => `report-${reportId}`;

/** Retried with exponential backoff; failed jobs are kept for inspection. */
export const REPORT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: 1000,
  removeOnFail: false,
} as const;

/**
 * The job that builds report `reportId`, as `queue.add(name, data, opts)` takes it: the api adds it when
 * the report is requested, the worker's keeper again when it was lost (same job id: never twice).
 */
export function buildReportJob(reportId: string): {
  name: ReportsJobName;
  data: BuildReportJob;
  opts: typeof REPORT_JOB_OPTIONS & { jobId: string };
} {
  return {
    name: 'build',
    data: { v: 1, kind: 'build-report', reportId },
    opts: { ...REPORT_JOB_OPTIONS, jobId: reportJobId(reportId) },
  };
}

/** A person's own data (GDPR art. 15 and 20), built by the worker into a .zip. */
export const EXPORTS_QUEUE = 'exports';

/** Version 1: build the data export row `exportId` describes (whose data it is). */
export interface BuildExportJob {
  v: 1;
  kind: 'build-export';
  exportId: string;
}

export type ExportsJobName = 'build';

/**
 * The job that builds export `exportId` (job id `export-<id>`: never twice), as `queue.add` takes it; the
 * api adds it when the export is requested, the worker's keeper again when it was lost.
 */
export function buildExportJob(exportId: string): {
  name: ExportsJobName;
  data: BuildExportJob;
  opts: typeof REPORT_JOB_OPTIONS & { jobId: string };
} {
  return {
    name: 'build',
    data: { v: 1, kind: 'build-export', exportId },
    opts: { ...REPORT_JOB_OPTIONS, jobId: `export-${exportId}` },
  };
}

/** Clean-up the worker does: the daily purge, and files left by a deleted programme. */
export const HOUSEKEEPING_QUEUE = 'housekeeping';

/**
 * Version 1: delete the report files of a programme whose rows were deleted (`fileNames` in REPORTS_DIR,
 * as the worker named them). Queued by the api after the deletion commits.
 */
export interface DeleteProgrammeFilesJob {
  v: 1;
  kind: 'delete-programme-files';
  programmeId: string;
  reportFiles: string[];
}

/** The job that removes a deleted programme's files (job id `programme-files-<id>`: once per programme). */
export function deleteProgrammeFilesJob(
  programmeId: string,
  reportFiles: string[],
): {
  name: 'delete-programme-files';
  data: DeleteProgrammeFilesJob;
  opts: typeof REPORT_JOB_OPTIONS & { jobId: string };
} {
  return {
    name: 'delete-programme-files',
    data: { v: 1, kind: 'delete-programme-files', programmeId, reportFiles },
    opts: { ...REPORT_JOB_OPTIONS, jobId: `programme-files-${programmeId}` },
  };
}

/**
 * Every BullMQ queue the worker runs, by name: the job board (apps/api/src/job-board) shows them all. The
 * worker's own constants name the other three (a unit test there keeps this list in step).
 */
export const WORKER_QUEUES = ['notifications', 'reminders', REPORTS_QUEUE, EXPORTS_QUEUE, HOUSEKEEPING_QUEUE] as const;

/**
 * Where the installation admin opens the job board (Bull Board, read-only): inside the refresh cookie's
 * path, so the browser sends its session along (decision 0015). Anyone else gets 404 there.
 */
export const JOB_BOARD_PATH = '/api/v1/auth/jobs';
