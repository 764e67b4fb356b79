import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import { buildReportJob, REPORT_JOB_OPTIONS, REPORTS_QUEUE, type BuildReportJob } from '@citymentor/contracts';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { QueueKeeper } from '../queues/queue-keeper';
import { ReportsProcessor } from './reports.processor';
import { unfinishedReports } from './reports.queries';
import { ReportsService } from './reports.service';

/** Funder reports (CSV, XLSX, PDF): the api queues a job per report, the worker builds the file. */
@Module({
  imports: [BullModule.registerQueue({ name: REPORTS_QUEUE, defaultJobOptions: REPORT_JOB_OPTIONS })],
  providers: [ReportsService, ReportsProcessor],
  exports: [ReportsService],
})
export class ReportsModule implements OnModuleInit {
  constructor(
    @InjectQueue(REPORTS_QUEUE) private readonly queue: Queue<BuildReportJob>,
    private readonly em: EntityManager,
    private readonly keeper: QueueKeeper,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {}

  /**
   * The report row is the truth, the job its messenger: a report unfinished with no job (the api
   * could not reach Redis, or Redis lost its data) gets its job again, under the same job id (a
   * report younger than one keep interval is left to the api, which is adding its job).
   */
  async onModuleInit() {
    await this.keeper.keep('jobs of unfinished reports', this.queue, async () => {
      const unfinished = await unfinishedReports(this.em.fork(), this.config.queueKeepIntervalMs / 1000);
      // A job id that is already there (waiting, running, or kept after failing) is left as it is.
      if (unfinished.length) await this.queue.addBulk(unfinished.map(({ id }) => buildReportJob(id)));
    });
  }
}
