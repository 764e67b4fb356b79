import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { DashboardController } from './dashboard.controller';
import { DashboardPolicy } from './dashboard.policy';
import { DashboardQueries } from './dashboard.queries';
import { DashboardService } from './dashboard.service';

/** The coordinator dashboard: lean aggregate reads over the whole programme. */
@Module({
  imports: [ProgrammesModule],
  controllers: [DashboardController],
  providers: [DashboardService, DashboardPolicy, DashboardQueries],
})
export class DashboardModule {}
