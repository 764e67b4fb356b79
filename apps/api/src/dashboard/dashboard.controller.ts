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
  @ApiOperation({ summary: 'Get the coordinator dashboard' })
  @ApiErrors(403)
  @ApiOkResponse({ type: DashboardDto, description: 'Coordinators, experts and the admin; city members get 403' })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DashboardDto> {
    return this.dashboard.get(actor, id);
  }
}
