import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { ETagFrom } from '../etags/etag';
import { UuidPipe } from '../http/params';
import { ActionPlansService } from './action-plans.service';
import { CreatePlanDto, ReviewDto, UpdatePlanDto, WorkflowStepDto } from './dto/plan-request.dto';
import { CreatedPlanDto, PlanDto, PlanSummaryDto } from './dto/plan-response.dto';
import { PlanWorkflowService } from './plan-workflow.service';

@ApiTags('action-plans')
@ApiBearerAuth()
@Controller()
export class ActionPlansController {
  constructor(
    private readonly plans: ActionPlansService,
    private readonly workflow: PlanWorkflowService,
  ) {}

  @Post('pairs/:id/action-plans')
  @ApiOperation({
    summary: 'Draft an action plan',
    description:
      "Draft a plan (the mentee side); with fromAssessmentId its gaps come from the assessment and the toolkit's examples come back",
  })
  @ApiCreatedResponse({ type: CreatedPlanDto })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreatePlanDto,
  ): Promise<CreatedPlanDto> {
    return this.plans.create(actor, id, dto);
  }

  @Get('pairs/:id/action-plans')
  @ApiOperation({
    summary: "List a pair's action plans",
    description:
      "The pair's two cities (mentee and mentor side), the programme's coordinators and experts, and the installation admin; anyone else gets 404. Summaries of the pair's plans with their states.",
  })
  @ApiOkResponse({ type: [PlanSummaryDto] })
  list(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<PlanSummaryDto[]> {
    return this.plans.list(actor, id);
  }

  @Get('action-plans/:id')
  @ApiOperation({
    summary: 'Get an action plan',
    description:
      "The pair's two cities (mentee and mentor side), the programme's coordinators and experts, and the installation admin; anyone else gets 404. The plan with its milestones, its version (send it back with edits and workflow steps), your side and what you may do now (can).",
  })
  @ApiOkResponse({ type: PlanDto })
  @ETagFrom(ActionPlansService, (plans, actor, { params }) => plans.version(actor, params.id))
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<PlanDto> {
    return this.plans.get(actor, id);
  }

  @Patch('action-plans/:id')
  @ApiOperation({
    summary: 'Edit an action plan',
    description: 'Edit a draft or a plan sent back for changes (the mentee side); a stale version gets 409',
  })
  @ApiOkResponse({ type: PlanDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdatePlanDto,
  ): Promise<PlanDto> {
    return this.plans.update(actor, id, dto);
  }

  @Post('action-plans/:id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit a plan for review',
    description:
      'Submit for review (the mentee side); records an immutable revision. Needs an objective and at least one milestone with a due date and an owner: otherwise 422 PLAN_INCOMPLETE, the message naming what is missing and details.missing listing it (as PlanDto.missingForSubmit does beforehand)',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiUnprocessableEntityResponse({
    description: 'PLAN_INCOMPLETE: details.missing lists objective, milestone, milestone-owner',
  })
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: WorkflowStepDto,
  ): Promise<PlanDto> {
    return this.workflow.submit(actor, id, dto.version);
  }

  @Post('action-plans/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a submitted plan',
    description:
      'Withdraw a submission before it is reviewed (the mentee side). The revision stays recorded; the plan becomes a draft again, or changes-requested when the mentor had reviewed an earlier revision',
  })
  @ApiOkResponse({ type: PlanDto })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: WorkflowStepDto,
  ): Promise<PlanDto> {
    return this.workflow.withdraw(actor, id, dto.version);
  }

  @Post('action-plans/:id/reviews')
  @ApiOperation({
    summary: 'Review a submitted plan',
    description:
      'Approve or request changes (the mentor side); approval waits for open review threads unless overridden',
  })
  @ApiCreatedResponse({ type: PlanDto })
  review(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReviewDto): Promise<PlanDto> {
    return this.workflow.review(actor, id, dto);
  }

  @Post('action-plans/:id/start')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start implementing an approved plan (the mentee side)',
    description:
      'Mentee side only, while the pair is active; others who can see the plan get 403. Moves an approved plan to in progress (any other state: 409 TRANSITION_NOT_ALLOWED); the first progress logged on an approved plan does the same. With the version you loaded, a plan changed since gets 409 STALE_VERSION instead.',
  })
  @ApiOkResponse({ type: PlanDto })
  start(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: WorkflowStepDto,
  ): Promise<PlanDto> {
    return this.workflow.step(actor, id, 'start', dto.version);
  }

  @Post('action-plans/:id/complete')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark a plan in progress as completed (the mentee side)',
    description:
      'Mentee side only, while the pair is active; others who can see the plan get 403. Moves an in-progress plan to completed (any other state: 409 TRANSITION_NOT_ALLOWED). With the version you loaded, a plan changed since gets 409 STALE_VERSION instead.',
  })
  @ApiOkResponse({ type: PlanDto })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: WorkflowStepDto,
  ): Promise<PlanDto> {
    return this.workflow.step(actor, id, 'complete', dto.version);
  }

  @Post('action-plans/:id/archive')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Archive a plan (the mentee side or a coordinator)',
    description:
      "The mentee side or the programme's coordinators, also after the pair has ended; the mentor side, experts and the admin get 403. Archives the plan from any state; once archived it takes no further workflow steps (409). With the version you loaded, a plan changed since gets 409 STALE_VERSION instead.",
  })
  @ApiOkResponse({ type: PlanDto })
  archive(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: WorkflowStepDto,
  ): Promise<PlanDto> {
    return this.workflow.step(actor, id, 'archive', dto.version);
  }
}
