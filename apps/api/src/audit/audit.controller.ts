import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { ApiErrors } from '../http/api-errors';
import { AuditService } from './audit.service';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'Read the audit log',
    description:
      'The installation admin only (anyone else gets 404): account deletions, data exports, membership and role changes, accepted invitations, newest first, 50 a page. An erased actor has no name (`former: true`).',
  })
  @ApiErrors(404)
  @ApiOkResponse({ type: AuditPageDto })
  page(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.page(actor, query);
  }
}
