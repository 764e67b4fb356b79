import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { EXPORTS_QUEUE, type BuildExportJob, type ExportsJobName } from '@citymentor/contracts';
import { QueueProcessor } from '../queues/queue-processor';
import { ExportsService } from './exports.service';

type ExportJob = Job<BuildExportJob, unknown, ExportsJobName>;

/** Reads the job and calls the service; a job out of attempts marks its export failed. */
@Processor(EXPORTS_QUEUE, { autorun: false })
export class ExportsProcessor extends QueueProcessor {
  private readonly logger = new Logger(ExportsProcessor.name);

  constructor(private readonly exports: ExportsService) {
    super();
  }

  async process(job: ExportJob) {
    const data = job.data;
    this.assertVersion1(data);
    switch (data.kind) {
      case 'build-export':
        return this.exports.build(data.exportId);
      default:
        return this.unknownKind(data.kind);
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: ExportJob | undefined, error: Error) {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    this.logger.warn(
      { exportId: job.data.exportId, attempt: job.attemptsMade, final, err: error },
      'building a data export failed',
    );
    if (final) await this.exports.fail(job.data.exportId, error.message);
  }
}
