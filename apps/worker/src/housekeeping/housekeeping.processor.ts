import { Inject, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { startWorker } from '../queues/start-worker';
import { HOUSEKEEPING_QUEUE, type HousekeepingJob, type HousekeepingJobName, type PurgeResult } from './housekeeping.jobs';
import { HousekeepingService } from './housekeeping.service';

/** Reads the job and calls the service; the logic lives in HousekeepingService. */
@Processor(HOUSEKEEPING_QUEUE, { autorun: false })
export class HousekeepingProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly housekeeping: HousekeepingService,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {
    super();
  }

  async process(job: Job<HousekeepingJob, PurgeResult, HousekeepingJobName>): Promise<PurgeResult> {
    const data = job.data;
    if (data.v !== 1) throw new UnrecoverableError(`housekeeping: unknown job data version ${String((data as { v: unknown }).v)}`);
    switch (data.kind) {
      case 'purge-expired-refresh-tokens':
        return this.housekeeping.purgeExpired();
      default: {
        const unknown: never = data.kind;
        throw new UnrecoverableError(`housekeeping: unknown job kind "${String(unknown)}"`);
      }
    }
  }

  onApplicationBootstrap() {
    startWorker(this.worker, this.config);
  }

  /** Stops taking jobs and waits for the running ones before the database and Redis are closed. */
  async beforeApplicationShutdown() {
    await this.worker.close();
  }
}
