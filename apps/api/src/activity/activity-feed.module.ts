import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ActivityController } from './activity.controller';
import { ActivityFeedService } from './activity-feed.service';
import { ActivityQueries } from './activity.queries';

/** The programme's activity feed, read from the event log that EventsModule writes. */
@Module({
  imports: [ProgrammesModule],
  controllers: [ActivityController],
  providers: [ActivityFeedService, ActivityQueries],
})
export class ActivityFeedModule {}
