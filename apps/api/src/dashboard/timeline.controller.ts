import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { ApiErrors } from '../http/api-errors';
import { UuidPipe } from '../http/params';
import { TimelineDto } from './dto/timeline.dto';
import { TimelineService } from './timeline.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('programmes')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get(':id/timeline')
  @ApiOperation({
    summary: 'Get the milestones timeline',
    description:
      "Who sees the dashboard sees it: the programme's coordinators and experts, and the admin; city members get 403, non-members 404. The programme's span, its consortium milestones and every pair's plan milestones (archived plans left out), each with its lateness, in three statements whatever the number of pairs.",
  })
  @ApiErrors(403)
  @ApiOkResponse({ type: TimelineDto, description: 'Coordinators, experts and the admin; city members get 403' })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<TimelineDto> {
    return this.timeline.get(actor, id);
  }
}
