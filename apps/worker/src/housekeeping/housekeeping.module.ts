import { Module, type OnModuleInit } from '@nestjs/common';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import {
  HOUSEKEEPING_JOB_OPTIONS,
  HOUSEKEEPING_QUEUE,
  PURGE_JOB,
  PURGE_SCHEDULE,
  PURGE_SCHEDULER_ID,
  type HousekeepingJob,
  type PurgeResult,
} from './housekeeping.jobs';
import { HousekeepingProcessor } from './housekeeping.processor';
import { HousekeepingService } from './housekeeping.service';
import { QueueKeeper } from '../queues/queue-keeper';

/** The housekeeping queue, its processor and the daily purge schedule. */
@Module({
  imports: [BullModule.registerQueue({ name: HOUSEKEEPING_QUEUE, defaultJobOptions: HOUSEKEEPING_JOB_OPTIONS })],
  providers: [HousekeepingService, HousekeepingProcessor],
})
export class HousekeepingModule implements OnModuleInit {
  // Job names stay `string` here: bullmq types the scheduler id with the job-name type.
  constructor(
    @InjectQueue(HOUSEKEEPING_QUEUE) private readonly queue: Queue<HousekeepingJob, PurgeResult>,
    private readonly keeper: QueueKeeper,
  ) {}

  async onModuleInit() {
    await this.keeper.keepSchedule(
      this.queue,
      PURGE_SCHEDULER_ID,
      PURGE_SCHEDULE,
      { ...PURGE_JOB, opts: HOUSEKEEPING_JOB_OPTIONS },
      'the daily purge',
    );
  }
}
