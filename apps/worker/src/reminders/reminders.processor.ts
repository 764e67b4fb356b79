import { Inject, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { scheduledDay, startWorker } from '../queues/start-worker';
import { REMINDERS_QUEUE, type RemindersJob, type RemindersJobName, type RemindersResult } from './reminders.jobs';
import { RemindersService } from './reminders.service';
import { StallAlertsService } from './stall-alerts.service';

/** Reads the job and calls the service. */
@Processor(REMINDERS_QUEUE, { autorun: false })
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly reminders: RemindersService,
    private readonly stallAlerts: StallAlertsService,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {
    super();
  }

  async process(job: Job<RemindersJob, RemindersResult, RemindersJobName>): Promise<RemindersResult> {
    const data = job.data;
    if (data.v !== 1) throw new UnrecoverableError(`reminders: unknown job data version ${String((data as { v: unknown }).v)}`);
    switch (data.kind) {
      case 'daily-reminders': {
        const day = data.day ?? scheduledDay(job);
        const reminded = await this.reminders.run(day, (percent) => job.updateProgress(percent));
        return { ...reminded, stalled: await this.stallAlerts.run(new Date()) };
      }
      default: {
        const unknown: never = data.kind;
        throw new UnrecoverableError(`reminders: unknown job kind "${String(unknown)}"`);
      }
    }
  }

  onApplicationBootstrap() {
    startWorker(this.worker, this.config);
  }

  async beforeApplicationShutdown() {
    await this.worker.close();
  }
}
