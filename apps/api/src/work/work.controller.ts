import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { WorkDto } from './dto/work.dto';
import { WorkService } from './work.service';

@ApiTags('work')
@ApiBearerAuth()
@Controller('me')
export class WorkController {
  constructor(private readonly work: WorkService) {}

  @Get('work')
  @ApiOperation({
    summary: 'List what waits on you',
    description:
      'Any signed-in user, for themselves. Each item passes the same permission checks as the page it links to, so every link works for you.',
  })
  @ApiOkResponse({
    type: WorkDto,
    description:
      'What waits on you across your programmes and roles, grouped by kind, each item with the link where you act on it',
  })
  get(@CurrentActor() actor: Actor): Promise<WorkDto> {
    return this.work.get(actor);
  }
}
