import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { UuidPipe } from '../http/params';
import { DashboardService } from './dashboard.service';
import { DashboardDto } from './dto/dashboard.dto';
import { ApiErrors } from '../http/api-errors';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('programmes')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get(':id/dashboard')
  @ApiOperation({
    summary: 'Get the coordinator dashboard',
    description:
      "The programme's coordinators and experts, and the installation admin; city members get 403, non-members 404. The whole consortium in one read: every pair's plans and milestones, late milestones, assessment scores, consortium milestones and stalled pairs.",
  })
  @ApiErrors(403)
  @ApiOkResponse({ type: DashboardDto, description: 'Coordinators, experts and the admin; city members get 403' })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DashboardDto> {
    return this.dashboard.get(actor, id);
  }
}
