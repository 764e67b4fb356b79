import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { ETagFrom } from '../etags/etag';
import { UuidPipe } from '../http/params';
import { ActivityFeedService } from './activity-feed.service';
import { ActivityPageDto, ActivityQueryDto } from './dto/activity.dto';

@ApiTags('activity')
@ApiBearerAuth()
@Controller('programmes')
export class ActivityController {
  constructor(private readonly activity: ActivityFeedService) {}

  @Get(':id/activity')
  @ApiOperation({
    summary: "Get a programme's activity feed",
    description:
      "Any member of the programme, or the installation admin (others get 404); coordinators, experts and the admin see every event. Pages of `limit` items (50 by default, at most 100): pass the page's nextCursor as `cursor` for older ones; it is null on the last page.",
  })
  @ApiOkResponse({
    type: ActivityPageDto,
    description: 'Newest first; a city member sees the programme’s own events and those of the pairs it is in',
  })
  @ETagFrom(ActivityFeedService, (activity, actor, { params }) => activity.version(actor, params.id))
  feed(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Query() query: ActivityQueryDto,
  ): Promise<ActivityPageDto> {
    return this.activity.page(actor, id, query);
  }
}
