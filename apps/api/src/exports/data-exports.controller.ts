import { Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { ApiErrors } from '../http/api-errors';
import { UuidPipe } from '../http/params';
import { DataExportsService } from './data-exports.service';
import { DataExportDto } from './dto/data-export.dto';

const ONLY_YOU =
  'Only the person whose data it is: anyone else, the installation admin included, gets 404 as if it did not exist.';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me/exports')
export class DataExportsController {
  constructor(private readonly exports: DataExportsService) {}

  @Post()
  @ApiOperation({
    summary: 'Ask for an export of my data',
    description:
      'Any signed-in user, about themselves (GDPR art. 15 and 20): queues a .zip of their own data (profile, memberships, what they wrote, notifications, sessions, audit entries) and answers at once. One export at a time: 409 while another is queued or running. Send an Idempotency-Key to retry without queueing it twice.',
  })
  @HttpCode(202)
  @ApiErrors(409)
  @ApiAcceptedResponse({
    type: DataExportDto,
    description: 'Queued; poll GET /me/exports/{id} or listen for `export.updated` in your `user:{id}` room',
  })
  create(@CurrentActor() actor: Actor): Promise<DataExportDto> {
    return this.exports.create(actor);
  }

  @Get()
  @ApiOperation({
    summary: 'List my data exports',
    description:
      'Any signed-in user: their own exports, newest first (at most 50), expired ones included until purged.',
  })
  @ApiOkResponse({ type: DataExportDto, isArray: true })
  list(@CurrentActor() actor: Actor): Promise<DataExportDto[]> {
    return this.exports.list(actor);
  }

  @Get(':id')
  @ApiOperation({
    summary: "Get a data export's status",
    description: `${ONLY_YOU} Status goes queued, running, then done (downloadUrl set until expiresAt) or failed.`,
  })
  @ApiOkResponse({ type: DataExportDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DataExportDto> {
    return this.exports.get(actor, id);
  }

  @Get(':id/download')
  @ApiOperation({
    summary: 'Download a data export',
    description: `${ONLY_YOU} Sends the .zip as an attachment; 409 while it is not built yet; 404 once it has expired (the daily purge then deletes the row and the file).`,
  })
  @ApiErrors(409)
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The .zip', schema: { type: 'string', format: 'binary' } })
  async download(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<StreamableFile> {
    const file = await this.exports.download(actor, id);
    return new StreamableFile(file.stream, {
      type: 'application/zip',
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.size ?? undefined,
    });
  }
}
