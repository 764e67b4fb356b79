import { Module } from '@nestjs/common';
import { DashboardPolicy } from '../dashboard/dashboard.policy';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ReportsController } from './reports.controller';
import { ReportQueries } from './reports.queries';
import { ReportsService } from './reports.service';

/** Funder reports, built by the worker; the dashboard's policy decides who may have them. */
@Module({
  imports: [ProgrammesModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportQueries, DashboardPolicy],
})
export class ReportsModule {}
