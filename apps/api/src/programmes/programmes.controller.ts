import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { UuidPipe } from '../http/params';
import { ConsortiumMilestonesService } from './consortium-milestones.service';
import { AddOrganisationDto } from './dto/add-organisation.dto';
import {
  ConsortiumMilestoneDto,
  CreateConsortiumMilestoneDto,
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
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a programme' })
  @ApiCreatedResponse({ type: ProgrammeDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProgrammeDto): Promise<ProgrammeDto> {
    return this.programmes.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List your programmes' })
  @ApiOkResponse({ type: [ProgrammeSummaryDto] })
  list(@CurrentActor() actor: Actor): Promise<ProgrammeSummaryDto[]> {
    return this.programmes.list(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a programme' })
  @ApiOkResponse({ type: ProgrammeDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ProgrammeDto> {
    return this.programmes.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Update a programme's details and settings" })
  @ApiOkResponse({ type: ProgrammeDto, description: 'Coordinators of the programme and the admin' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateProgrammeDto,
  ): Promise<ProgrammeDto> {
    return this.programmes.update(actor, id, dto);
  }

  @Get(':id/organisations')
  @ApiOperation({ summary: "List a programme's organisations" })
  @ApiOkResponse({ type: [OrganisationDto] })
  organisations(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<OrganisationDto[]> {
    return this.programmes.organisations(actor, id);
  }

  @Post(':id/organisations')
  @ApiOperation({ summary: 'Add an organisation to a programme' })
  @ApiCreatedResponse({ type: OrganisationDto })
  addOrganisation(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: AddOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.programmes.addOrganisation(actor, id, dto);
  }

  @Get(':id/members')
  @ApiOperation({ summary: "List a programme's members" })
  @ApiOkResponse({ type: [MemberDto] })
  members(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<MemberDto[]> {
    return this.programmes.members(actor, id);
  }

  @Delete(':id/members/:userId')
  @ApiOperation({ summary: 'Remove a member from a programme' })
  @HttpCode(204)
  async removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('userId', UuidPipe) userId: string,
  ): Promise<void> {
    await this.programmes.removeMember(actor, id, userId);
  }

  @Get(':id/milestones')
  @ApiOperation({ summary: "List a programme's consortium milestones" })
  @ApiOkResponse({ type: [ConsortiumMilestoneDto] })
  listMilestones(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ConsortiumMilestoneDto[]> {
    return this.milestones.list(actor, id);
  }

  @Post(':id/milestones')
  @ApiOperation({ summary: 'Create a consortium milestone' })
  @ApiCreatedResponse({ type: ConsortiumMilestoneDto })
  createMilestone(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateConsortiumMilestoneDto,
  ): Promise<ConsortiumMilestoneDto> {
    return this.milestones.create(actor, id, dto);
  }

  @Patch(':id/milestones/:milestoneId')
  @ApiOperation({ summary: 'Update a consortium milestone' })
  @ApiOkResponse({ type: ConsortiumMilestoneDto })
  updateMilestone(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('milestoneId', UuidPipe) milestoneId: string,
    @Body() dto: UpdateConsortiumMilestoneDto,
  ): Promise<ConsortiumMilestoneDto> {
    return this.milestones.update(actor, id, milestoneId, dto);
  }
}
