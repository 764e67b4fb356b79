import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import { buildExportJob, EXPORTS_QUEUE, REPORT_JOB_OPTIONS, type BuildExportJob } from '@citymentor/contracts';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { QueueKeeper } from '../queues/queue-keeper';
import { ExportsProcessor } from './exports.processor';
import { unfinishedExports } from './exports.queries';
import { ExportsService } from './exports.service';

/** "My data": the api queues a job per data export, the worker builds the .zip. */
@Module({
  imports: [BullModule.registerQueue({ name: EXPORTS_QUEUE, defaultJobOptions: REPORT_JOB_OPTIONS })],
  providers: [ExportsService, ExportsProcessor],
  exports: [ExportsService],
})
export class ExportsModule implements OnModuleInit {
  constructor(
    @InjectQueue(EXPORTS_QUEUE) private readonly queue: Queue<BuildExportJob>,
    private readonly em: EntityManager,
    private readonly keeper: QueueKeeper,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {}

  /** As for reports: the row is the truth, the job its messenger; an unfinished export with no job gets it again. */
  async onModuleInit() {
    await this.keeper.keep('jobs of unfinished data exports', this.queue, async () => {
      const unfinished = await unfinishedExports(this.em.fork(), this.config.queueKeepIntervalMs / 1000);
      if (unfinished.length) await this.queue.addBulk(unfinished.map(({ id }) => buildExportJob(id)));
    });
  }
}
