import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { BenchmarksService } from './benchmarks.service';
import { BenchmarkDto, BenchmarkSummaryDto } from './dto/benchmark.dto';
import { BenchmarkCodePipe } from './benchmark-code.pipe';

@ApiTags('benchmarks')
@ApiBearerAuth()
@Controller('benchmarks')
export class BenchmarksController {
  constructor(private readonly benchmarks: BenchmarksService) {}

  @Get()
  @ApiOperation({
    summary: 'List the benchmarks',
    description:
      'Any signed-in user: every imported benchmark by title, with its standard and how many sections and guide questions it has.',
  })
  @ApiOkResponse({ type: [BenchmarkSummaryDto] })
  list(): Promise<BenchmarkSummaryDto[]> {
    return this.benchmarks.list();
  }

  @Get(':code')
  @ApiOperation({
    summary: 'Get a benchmark',
    description:
      'Any signed-in user: the whole benchmark, with its sections, guide questions and context factors, as assessments and plans refer to them. An unknown code is 404.',
  })
  @ApiOkResponse({ type: BenchmarkDto })
  get(@Param('code', BenchmarkCodePipe) code: string): Promise<BenchmarkDto> {
    return this.benchmarks.get(code);
  }

  /** The body is a whole benchmark file (the schema of libs/benchmarks/data); admins only. */
  @Post()
  @ApiOperation({
    summary: 'Import a benchmark',
    description:
      'Installation admin only (others get 403). Checks the document against the benchmark schema (400 when it does not fit) and stores it; a benchmark with the same code already imported is 409 ALREADY_EXISTS.',
  })
  @ApiBody({ description: 'A benchmark document, as in libs/benchmarks/data/*.json', schema: { type: 'object' } })
  @ApiCreatedResponse({ type: BenchmarkDto })
  import(@CurrentActor() actor: Actor, @Body() file: unknown): Promise<BenchmarkDto> {
    return this.benchmarks.import(actor, file);
  }
}
