import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { DashboardController } from './dashboard.controller';
import { DashboardPolicy } from './dashboard.policy';
import { DashboardQueries } from './dashboard.queries';
import { DashboardService } from './dashboard.service';
import { TimelineController } from './timeline.controller';
import { TimelineQueries } from './timeline.queries';
import { TimelineService } from './timeline.service';

/** The coordinator dashboard and its milestones timeline: lean aggregate reads over the whole programme. */
@Module({
  imports: [ProgrammesModule],
  controllers: [DashboardController, TimelineController],
  providers: [DashboardService, DashboardPolicy, DashboardQueries, TimelineService, TimelineQueries],
})
export class DashboardModule {}
