import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueProcessor } from '../queues/queue-processor';
import {
  HOUSEKEEPING_QUEUE,
  type HousekeepingJob,
  type HousekeepingJobName,
  type PurgeResult,
} from './housekeeping.jobs';
import { HousekeepingService } from './housekeeping.service';

/** Reads the job and calls the service; the logic lives in HousekeepingService. */
@Processor(HOUSEKEEPING_QUEUE, { autorun: false })
export class HousekeepingProcessor extends QueueProcessor {
  constructor(private readonly housekeeping: HousekeepingService) {
    super();
  }

  async process(job: Job<HousekeepingJob, PurgeResult | number, HousekeepingJobName>): Promise<PurgeResult | number> {
    const data = job.data;
    this.assertVersion1(data);
    switch (data.kind) {
      case 'purge-expired-refresh-tokens':
        return this.housekeeping.purgeExpired();
      case 'delete-programme-files':
        return this.housekeeping.deleteProgrammeFiles(data.reportFiles);
      default:
        return this.unknownKind((data as { kind: never }).kind);
    }
  }
}
