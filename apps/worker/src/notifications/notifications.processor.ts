import { Inject, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { EmailDeliveryService } from '../mail/email-delivery.service';
import { scheduledDay, startWorker } from '../queues/start-worker';
import { NOTIFICATIONS_QUEUE, type DigestResult, type NotificationsJob, type NotificationsJobName } from './notifications.jobs';

/** Reads the job and calls the service. */
@Processor(NOTIFICATIONS_QUEUE, { autorun: false })
export class NotificationsProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly email: EmailDeliveryService,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {
    super();
  }

  async process(job: Job<NotificationsJob, DigestResult, NotificationsJobName>): Promise<DigestResult> {
    const data = job.data;
    if (data.v !== 1) throw new UnrecoverableError(`notifications: unknown job data version ${String((data as { v: unknown }).v)}`);
    switch (data.kind) {
      case 'daily-digest': {
        const day = data.day ?? scheduledDay(job);
        return { day, ...(await this.email.sendDigests(day)) };
      }
      default: {
        const unknown: never = data.kind;
        throw new UnrecoverableError(`notifications: unknown job kind "${String(unknown)}"`);
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
