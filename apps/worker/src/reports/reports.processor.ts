import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { REPORTS_QUEUE, type BuildReportJob, type ReportsJobName } from '@citymentor/contracts';
import { QueueProcessor } from '../queues/queue-processor';
import { ReportsService } from './reports.service';

type ReportJob = Job<BuildReportJob, unknown, ReportsJobName>;

/** Reads the job and calls the service; a job out of attempts marks its report failed. */
@Processor(REPORTS_QUEUE, { autorun: false })
export class ReportsProcessor extends QueueProcessor {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(private readonly reports: ReportsService) {
    super();
  }

  async process(job: ReportJob) {
    const data = job.data;
    this.assertVersion1(data);
    switch (data.kind) {
      case 'build-report':
        return this.reports.build(data.reportId);
      default:
        return this.unknownKind(data.kind);
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: ReportJob | undefined, error: Error) {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    this.logger.warn(
      { reportId: job.data.reportId, attempt: job.attemptsMade, final, err: error },
      'building a report failed',
    );
    if (final) await this.reports.fail(job.data.reportId, error.message);
  }
}
