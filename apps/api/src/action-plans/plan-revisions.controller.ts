import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { UuidPipe } from '../http/params';
import {
  ChangesSinceApprovalDto,
  DiffQueryDto,
  DiffViewedDto,
  MarkViewedDto,
  PlanDiffDto,
  RevisionDto,
  RevisionSummaryDto,
} from './dto/revision.dto';
import { PlanRevisionsService } from './plan-revisions.service';
import { RevisionNumberPipe } from './revision-number.pipe';

@ApiTags('action-plans')
@ApiBearerAuth()
@Controller('action-plans/:id')
export class PlanRevisionsController {
  constructor(private readonly revisions: PlanRevisionsService) {}

  @Get('revisions')
  @ApiOperation({
    summary: "List a plan's revisions",
    description:
      "The pair's two cities (mentee and mentor side), the programme's coordinators and experts, and the installation admin; anyone else gets 404. A revision is recorded each time the plan is submitted; each says the verdict of its review, if it has one.",
  })
  @ApiOkResponse({ type: [RevisionSummaryDto] })
  list(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<RevisionSummaryDto[]> {
    return this.revisions.list(actor, id);
  }

  @Get('revisions/:number')
  @ApiOperation({
    summary: 'Get one revision of a plan',
    description:
      "The pair's two cities (mentee and mentor side), the programme's coordinators and experts, and the installation admin; anyone else gets 404. The plan and its milestones exactly as submitted in that revision; an unknown number is 404.",
  })
  @ApiOkResponse({ type: RevisionDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('number', RevisionNumberPipe) number: number,
  ): Promise<RevisionDto> {
    return this.revisions.get(actor, id, number);
  }

  @Get('diff')
  @ApiOperation({
    summary: 'Compare two revisions of a plan',
    description:
      "The pair's two cities (mentee and mentor side), the programme's coordinators and experts, and the installation admin; anyone else gets 404. What changed between two revisions; by default, since the caller's own last review (`yourReview`), else since the plan's last review. Each changed field says how: the words deleted and inserted in a text, each item of a list added, removed, changed (with its words), moved or the same; due dates and statuses raw, for the client to show in its language. 404 before the first submission or for an unknown revision number",
  })
  @ApiOkResponse({ type: PlanDiffDto })
  diff(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Query() query: DiffQueryDto,
  ): Promise<PlanDiffDto> {
    return this.revisions.diff(actor, id, query);
  }

  @Put('diff/viewed')
  @ApiOperation({
    summary: 'Mark a changed field viewed',
    description:
      "Anyone who may read the plan (the pair's two cities, the programme's coordinators and experts, the installation admin), for themselves; anyone else gets 404. Marks one changed field of the diff leading to `revision` viewed (`viewed: true`) or takes the mark away (`false`), so the reader's diff view folds it; the marks are the reader's alone and come back in the diff's `viewed`. Marking twice changes nothing. An unknown revision is 404",
  })
  @ApiOkResponse({ type: DiffViewedDto, description: 'Every field you marked viewed for that revision' })
  markViewed(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() body: MarkViewedDto,
  ): Promise<DiffViewedDto> {
    return this.revisions.markViewed(actor, id, body);
  }

  @Get('changes-since-approval')
  @ApiOperation({
    summary: 'Show changes since the approval',
    description:
      'What changed after the mentor approved the plan: the approved revision against the plan as it is now. Milestones added (or changed, removed) and plan fields edited since the approval; milestone statuses are left out (they move with the work). 404 when the plan has not been approved',
  })
  @ApiOkResponse({ type: ChangesSinceApprovalDto })
  sinceApproval(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ChangesSinceApprovalDto> {
    return this.revisions.sinceApproval(actor, id);
  }
}
