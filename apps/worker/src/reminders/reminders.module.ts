import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import {
  REMINDERS_JOB_OPTIONS,
  REMINDERS_QUEUE,
  REMINDERS_SCHEDULE,
  REMINDERS_SCHEDULER_ID,
  remindersJobId,
  type RemindersJob,
  type RemindersResult,
} from './reminders.jobs';
import { RemindersProcessor } from './reminders.processor';
import { RemindersService } from './reminders.service';
import { StallAlertsService } from './stall-alerts.service';
import { QueueKeeper } from '../queues/queue-keeper';

/** Asks for a reminders run on a given day (an operator's catch-up, a test's fixed clock); one job per day. */
@Injectable()
export class RemindersQueue {
  constructor(@InjectQueue(REMINDERS_QUEUE) readonly queue: Queue<RemindersJob, RemindersResult>) {}

  enqueue(day: string) {
    return this.queue.add(
      'remind',
      { v: 1, kind: 'daily-reminders', day },
      { ...REMINDERS_JOB_OPTIONS, jobId: remindersJobId(day) },
    );
  }
}

/** The reminders queue, its processor and the daily schedule. */
@Module({
  imports: [BullModule.registerQueue({ name: REMINDERS_QUEUE, defaultJobOptions: REMINDERS_JOB_OPTIONS })],
  providers: [RemindersService, StallAlertsService, RemindersProcessor, RemindersQueue],
  exports: [RemindersService, StallAlertsService, RemindersQueue],
})
export class RemindersModule implements OnModuleInit {
  constructor(
    @InjectQueue(REMINDERS_QUEUE) private readonly queue: Queue<RemindersJob, RemindersResult>,
    private readonly keeper: QueueKeeper,
  ) {}

  async onModuleInit() {
    await this.keeper.keepSchedule(
      this.queue,
      REMINDERS_SCHEDULER_ID,
      REMINDERS_SCHEDULE,
      { name: 'remind', data: { v: 1, kind: 'daily-reminders' }, opts: REMINDERS_JOB_OPTIONS },
      'the daily reminders',
    );
  }
}
