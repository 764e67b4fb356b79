import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { EmailDeliveryService } from '../mail/email-delivery.service';
import { QueueProcessor } from '../queues/queue-processor';
import { scheduledDay } from '../queues/start-worker';
import {
  NOTIFICATIONS_QUEUE,
  type DigestResult,
  type NotificationsJob,
  type NotificationsJobName,
} from './notifications.jobs';

/** Reads the job and calls the service. */
@Processor(NOTIFICATIONS_QUEUE, { autorun: false })
export class NotificationsProcessor extends QueueProcessor {
  constructor(private readonly email: EmailDeliveryService) {
    super();
  }

  async process(job: Job<NotificationsJob, DigestResult, NotificationsJobName>): Promise<DigestResult> {
    const data = job.data;
    this.assertVersion1(data);
    switch (data.kind) {
      case 'daily-digest': {
        const day = data.day ?? scheduledDay(job);
        return { day, ...(await this.email.sendDigests(day)) };
      }
      default:
        return this.unknownKind(data.kind);
    }
  }
}
