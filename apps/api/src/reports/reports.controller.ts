import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { UuidPipe } from '../http/params';
import { ApiErrors } from '../http/api-errors';
import { CreateReportDto, ReportDto } from './dto/report.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('programmes/:id/reports')
  @ApiOperation({
    summary: 'Request a programme report',
    description:
      "The programme's coordinators and experts, and the installation admin (who may see its dashboard); city members get 403, non-members 404. Queues a CSV, XLSX or PDF report of the programme, in the language asked for (`locale`, English by default), or its open-data package (`datapackage`: a zip of CSV files with a Frictionless datapackage.json, no personal data; see docs/funder-report.md), and answers at once; send an Idempotency-Key to retry without queueing it twice.",
  })
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: ReportDto,
    description: 'Queued; poll GET /reports/{id} or listen for `report.updated` in your `user:{id}` room',
  })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateReportDto,
  ): Promise<ReportDto> {
    return this.reports.create(actor, id, dto.format, dto.locale ?? 'en');
  }

  @Get('reports/:id')
  @ApiOperation({
    summary: "Get a report's status",
    description:
      "The programme's coordinators and experts, and the installation admin (who may see its dashboard); city members get 403, non-members 404. Status goes queued, running, then done (downloadUrl set) or failed.",
  })
  @ApiErrors(403)
  @ApiOkResponse({ type: ReportDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ReportDto> {
    return this.reports.get(actor, id);
  }

  @Get('reports/:id/download')
  @ApiOperation({
    summary: 'Download a report',
    description:
      "The programme's coordinators and experts, and the installation admin (who may see its dashboard); city members get 403, non-members 404. Sends the CSV, XLSX, PDF or zip (open-data package) file as an attachment; 409 while the report is not done.",
  })
  @ApiErrors(403, 409)
  @ApiProduces(
    'text/csv',
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/zip',
  )
  @ApiOkResponse({ description: 'The report file; 409 until it is done', schema: { type: 'string', format: 'binary' } })
  async download(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<StreamableFile> {
    const file = await this.reports.download(actor, id);
    return new StreamableFile(file.stream, {
      type: file.type,
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.size ?? undefined,
    });
  }
}
