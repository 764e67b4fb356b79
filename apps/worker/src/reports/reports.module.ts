import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { REPORT_JOB_OPTIONS, REPORTS_QUEUE } from '@citymentor/contracts';
import { ReportsProcessor } from './reports.processor';
import { ReportsService } from './reports.service';

/** Funder reports (CSV, PDF): the api queues a job per report, the worker builds the file. */
@Module({
  imports: [BullModule.registerQueue({ name: REPORTS_QUEUE, defaultJobOptions: REPORT_JOB_OPTIONS })],
  providers: [ReportsService, ReportsProcessor],
  exports: [ReportsService],
})
export class ReportsModule {}
