import { Inject, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { REPORTS_QUEUE, type BuildReportJob, type ReportsJobName } from '@citymentor/contracts';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { startWorker } from '../queues/start-worker';
import { ReportsService } from './reports.service';

type ReportJob = Job<BuildReportJob, unknown, ReportsJobName>;

/** Reads the job and calls the service; a job out of attempts marks its report failed. */
@Processor(REPORTS_QUEUE, { autorun: false })
export class ReportsProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(
    private readonly reports: ReportsService,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {
    super();
  }

  async process(job: ReportJob) {
    const data = job.data;
    if (data.v !== 1) throw new UnrecoverableError(`reports: unknown job data version ${String((data as { v: unknown }).v)}`);
    switch (data.kind) {
      case 'build-report':
        return this.reports.build(data.reportId);
      default: {
        const unknown: never = data.kind;
        throw new UnrecoverableError(`reports: unknown job kind "${String(unknown)}"`);
      }
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: ReportJob | undefined, error: Error) {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    this.logger.warn({ reportId: job.data.reportId, attempt: job.attemptsMade, final, err: error }, 'building a report failed');
    if (final) await this.reports.fail(job.data.reportId, error.message);
  }

  onApplicationBootstrap() {
    startWorker(this.worker, this.config);
  }

  async beforeApplicationShutdown() {
    await this.worker.close();
  }
}
