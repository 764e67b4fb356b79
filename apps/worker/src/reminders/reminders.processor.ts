import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueProcessor } from '../queues/queue-processor';
import { scheduledDay } from '../queues/start-worker';
import { REMINDERS_QUEUE, type RemindersJob, type RemindersJobName, type RemindersResult } from './reminders.jobs';
import { RemindersService } from './reminders.service';
import { StallAlertsService } from './stall-alerts.service';

/** Reads the job and calls the service. */
@Processor(REMINDERS_QUEUE, { autorun: false })
export class RemindersProcessor extends QueueProcessor {
  constructor(
    private readonly reminders: RemindersService,
    private readonly stallAlerts: StallAlertsService,
  ) {
    super();
  }

  async process(job: Job<RemindersJob, RemindersResult, RemindersJobName>): Promise<RemindersResult> {
    const data = job.data;
    this.assertVersion1(data);
    switch (data.kind) {
      case 'daily-reminders': {
        const day = data.day ?? scheduledDay(job);
        const reminded = await this.reminders.run(day, (percent) => job.updateProgress(percent));
        return { ...reminded, stalled: await this.stallAlerts.run(new Date()) };
      }
      default:
        return this.unknownKind(data.kind);
    }
  }
}
