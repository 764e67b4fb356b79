import { Module, type OnModuleInit } from '@nestjs/common';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { MailModule } from '../mail/mail.module';
import { NotificationFeed } from './notification-feed';
import {
  DIGEST_SCHEDULE,
  DIGEST_SCHEDULER_ID,
  NOTIFICATIONS_JOB_OPTIONS,
  NOTIFICATIONS_QUEUE,
  type DigestResult,
  type NotificationsJob,
} from './notifications.jobs';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsService } from './notifications.service';
import { QueueKeeper } from '../queues/queue-keeper';

/** Notifications from the event log (NotificationFeed → NotificationsService), immediate e-mails and the daily digest queue. */
@Module({
  imports: [
    MailModule,
    BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE, defaultJobOptions: NOTIFICATIONS_JOB_OPTIONS }),
  ],
  providers: [NotificationsService, NotificationsProcessor, NotificationFeed],
  exports: [NotificationsService, NotificationFeed],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue<NotificationsJob, DigestResult>,
    private readonly keeper: QueueKeeper,
  ) {}

  async onModuleInit() {
    await this.keeper.keepSchedule(
      this.queue,
      DIGEST_SCHEDULER_ID,
      DIGEST_SCHEDULE,
      { name: 'digest', data: { v: 1, kind: 'daily-digest' }, opts: NOTIFICATIONS_JOB_OPTIONS },
      'the daily digest',
    );
  }
}
