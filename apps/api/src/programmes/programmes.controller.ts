import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { DeleteProgrammeDto, ProgrammeDeletionPreviewDto } from './dto/programme-lifecycle.dto';
import { ProgrammeLifecycleService } from './programme-lifecycle.service';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { ApiErrors } from '../http/api-errors';
import { UuidPipe } from '../http/params';
import { ConsortiumMilestonesService } from './consortium-milestones.service';
import { AddOrganisationDto } from './dto/add-organisation.dto';
import {
  ConsortiumMilestoneDto,
  CreateConsortiumMilestoneDto,
  DeleteConsortiumMilestoneDto,
  UpdateConsortiumMilestoneDto,
} from './dto/consortium-milestone.dto';
import {
  CreateProgrammeDto,
  MemberDto,
  OrganisationDto,
  ProgrammeDto,
  ProgrammeSummaryDto,
  UpdateProgrammeDto,
} from './dto/programme.dto';
import { ProgrammesService } from './programmes.service';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ProgrammesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly milestones: ConsortiumMilestonesService,
    private readonly lifecycle: ProgrammeLifecycleService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a programme',
    description:
      "The installation admin, or someone who is a coordinator for the coordinating organisation (coordinatorOrganisationId) in a programme already; anyone else gets 403. The coordinating organisation becomes the programme's first organisation, and a coordinator who creates it becomes its coordinator (an admin setting it up for others does not).",
  })
  @ApiCreatedResponse({ type: ProgrammeDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProgrammeDto): Promise<ProgrammeDto> {
    return this.programmes.create(actor, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'List your programmes',
    description:
      'Any signed-in user: the programmes they are a member of, with their role in each (the installation admin sees every programme). Latest start date first.',
  })
  @ApiOkResponse({ type: [ProgrammeSummaryDto] })
  list(@CurrentActor() actor: Actor): Promise<ProgrammeSummaryDto[]> {
    return this.programmes.list(actor);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a programme',
    description:
      'Any member of the programme, or the installation admin: its details, settings and organisations. A programme you are not a member of is 404, as if it did not exist.',
  })
  @ApiOkResponse({ type: ProgrammeDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ProgrammeDto> {
    return this.programmes.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Update a programme's details and settings",
    description:
      "The programme's coordinators and the installation admin; other members get 403, non-members 404. Changes only the fields sent: name, description, period, and the reminder, escalation and stalled-pair thresholds.",
  })
  @ApiOkResponse({ type: ProgrammeDto, description: 'Coordinators of the programme and the admin' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateProgrammeDto,
  ): Promise<ProgrammeDto> {
    return this.programmes.update(actor, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close a programme',
    description:
      "The programme's coordinators and the installation admin; other members get 403, non-members 404. The programme becomes read-only for everyone: every change to it or anything in it gets 409 PROGRAMME_CLOSED naming the day, while reads, funder reports and people's data exports go on; reminders and stalled-pair alerts stop. A closed programme gets 409.",
  })
  @ApiOkResponse({ type: ProgrammeDto })
  close(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ProgrammeDto> {
    return this.lifecycle.close(actor, id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen a closed programme',
    description:
      "The programme's coordinators and the installation admin; other members get 403, non-members 404. Writes are allowed again. An open programme gets 409.",
  })
  @ApiOkResponse({ type: ProgrammeDto })
  reopen(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ProgrammeDto> {
    return this.lifecycle.reopen(actor, id);
  }

  @Get(':id/deletion-preview')
  @ApiOperation({
    summary: 'What deleting a programme would remove',
    description:
      "The programme's coordinators and the installation admin; other members get 403, non-members 404. Counts of its organisations, members, pairs, plans, assessments, comments, events, reports and files, and from when it may be deleted.",
  })
  @ApiErrors(403)
  @ApiOkResponse({ type: ProgrammeDeletionPreviewDto })
  deletionPreview(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
  ): Promise<ProgrammeDeletionPreviewDto> {
    return this.lifecycle.preview(actor, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a closed programme',
    description:
      "The programme's coordinators and the installation admin; other members get 403, non-members 404. Only once it has been closed for PROGRAMME_DELETE_AFTER_CLOSED_DAYS (default 30; otherwise 409 naming from when), with confirm set to its name (else 400). Removes the programme and every row of it (pairs, plans, milestones, progress, comments, assessments, members, invitations, events, notifications, reports) in one transaction; the worker then removes its report files.",
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: DeleteProgrammeDto,
  ): Promise<void> {
    await this.lifecycle.delete(actor, id, dto);
  }

  @Get(':id/organisations')
  @ApiOperation({
    summary: "List a programme's organisations",
    description:
      'Any member of the programme, or the installation admin (others get 404): the cities and partner organisations taking part, by name.',
  })
  @ApiOkResponse({ type: [OrganisationDto] })
  organisations(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<OrganisationDto[]> {
    return this.programmes.organisations(actor, id);
  }

  @Post(':id/organisations')
  @ApiOperation({
    summary: 'Add an organisation to a programme',
    description:
      "The programme's coordinators and the installation admin; other members get 403. Adds an existing organisation by organisationId (409 if it is in the programme already), or creates a new one from name, kind and country (409 ALREADY_EXISTS if the name is taken: add that one by its id).",
  })
  @ApiCreatedResponse({ type: OrganisationDto })
  addOrganisation(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: AddOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.programmes.addOrganisation(actor, id, dto);
  }

  @Get(':id/members')
  @ApiOperation({
    summary: "List a programme's members",
    description:
      'Any member of the programme, or the installation admin (others get 404): every member with their role, organisation and e-mail, by organisation and then name.',
  })
  @ApiOkResponse({ type: [MemberDto] })
  members(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<MemberDto[]> {
    return this.programmes.members(actor, id);
  }

  @Delete(':id/members/:userId')
  @ApiOperation({
    summary: 'Remove a member from a programme',
    description:
      "The programme's coordinators and the installation admin; other members get 403. Ends the person's membership at once, and their open realtime connections leave the rooms they may no longer read. You cannot remove yourself (409).",
  })
  @HttpCode(204)
  async removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('userId', UuidPipe) userId: string,
  ): Promise<void> {
    await this.programmes.removeMember(actor, id, userId);
  }

  @Get(':id/milestones')
  @ApiOperation({
    summary: "List a programme's consortium milestones",
    description:
      "Any member of the programme, or the installation admin (others get 404): the programme-wide milestones of the consortium, not the milestones of a pair's plans.",
  })
  @ApiOkResponse({ type: [ConsortiumMilestoneDto] })
  listMilestones(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ConsortiumMilestoneDto[]> {
    return this.milestones.list(actor, id);
  }

  @Post(':id/milestones')
  @ApiOperation({
    summary: 'Create a consortium milestone',
    description:
      "The programme's coordinators and the installation admin; other members get 403. Adds a programme-wide milestone, shown to every member and on the dashboard. Send an Idempotency-Key header to retry safely.",
  })
  @ApiCreatedResponse({ type: ConsortiumMilestoneDto })
  createMilestone(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateConsortiumMilestoneDto,
  ): Promise<ConsortiumMilestoneDto> {
    return this.milestones.create(actor, id, dto);
  }

  @Patch(':id/milestones/:milestoneId')
  @ApiOperation({
    summary: 'Update a consortium milestone',
    description:
      "The programme's coordinators and the installation admin; other members get 403. Send the version you loaded: if the milestone changed since, nothing is saved and the answer is 409 STALE_VERSION with details.currentVersion.",
  })
  @ApiOkResponse({ type: ConsortiumMilestoneDto })
  updateMilestone(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('milestoneId', UuidPipe) milestoneId: string,
    @Body() dto: UpdateConsortiumMilestoneDto,
  ): Promise<ConsortiumMilestoneDto> {
    return this.milestones.update(actor, id, milestoneId, dto);
  }

  @Delete(':id/milestones/:milestoneId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a consortium milestone',
    description:
      "The programme's coordinators and the installation admin; other members get 403, non-members 404. Send the version you loaded and why it goes: a stale version deletes nothing (409 STALE_VERSION with details.currentVersion). The milestone's title, date and the reason stay in the programme's activity feed.",
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  async deleteMilestone(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('milestoneId', UuidPipe) milestoneId: string,
    @Body() dto: DeleteConsortiumMilestoneDto,
  ): Promise<void> {
    await this.milestones.remove(actor, id, milestoneId, dto);
  }
}
