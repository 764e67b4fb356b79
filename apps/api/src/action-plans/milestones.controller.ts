import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { UuidPipe } from '../http/params';
import { CreateMilestoneDto, LogProgressDto, UpdateMilestoneDto } from './dto/milestone-request.dto';
import { LoggedProgressDto, MilestoneDto, ProgressDto } from './dto/milestone-response.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('milestones')
@ApiBearerAuth()
@Controller()
export class PlanMilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Post('action-plans/:id/milestones')
  @ApiOperation({
    summary: 'Add a milestone to a plan',
    description: 'Add a milestone (the mentee side) while the plan is drafted, revised, approved or in progress',
  })
  @ApiCreatedResponse({ type: MilestoneDto })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateMilestoneDto,
  ): Promise<MilestoneDto> {
    return this.milestones.create(actor, id, dto);
  }

  @Get('milestones/:id')
  @ApiOperation({
    summary: 'Get a milestone',
    description:
      "The plan's pair: its two cities, the programme's coordinators and experts, and the installation admin; anyone else gets 404. Its version is the one to send back when editing it.",
  })
  @ApiOkResponse({ type: MilestoneDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<MilestoneDto> {
    return this.milestones.get(actor, id);
  }

  @Patch('milestones/:id')
  @ApiOperation({
    summary: 'Edit a milestone',
    description:
      'Edit a milestone (the mentee side); text while the plan is editable, status also once approved; a stale version gets 409',
  })
  @ApiOkResponse({ type: MilestoneDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateMilestoneDto,
  ): Promise<MilestoneDto> {
    return this.milestones.update(actor, id, dto);
  }

  @Post('milestones/:id/progress')
  @ApiOperation({
    summary: 'Log progress on a milestone',
    description: 'Log progress (the mentee side) on an approved or running plan; the milestone takes its status',
  })
  @ApiCreatedResponse({ type: LoggedProgressDto })
  logProgress(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: LogProgressDto,
  ): Promise<LoggedProgressDto> {
    return this.milestones.logProgress(actor, id, dto);
  }

  @Get('milestones/:id/progress')
  @ApiOperation({
    summary: "List a milestone's progress entries",
    description:
      "The plan's pair: its two cities, the programme's coordinators and experts, and the installation admin; anyone else gets 404. The progress logged on the milestone, each entry with the status it set.",
  })
  @ApiOkResponse({ type: [ProgressDto] })
  listProgress(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ProgressDto[]> {
    return this.milestones.listProgress(actor, id);
  }
}
