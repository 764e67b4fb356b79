import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { UuidPipe } from '../http/params';
import { CreatePairDto, PairDto } from './dto/pair.dto';
import { PairSuggestionsDto, PairSuggestionsQueryDto } from './dto/pair-suggestions.dto';
import { PairSuggestionsService } from './pair-suggestions.service';
import { PairsService } from './pairs.service';
import { ApiErrors } from '../http/api-errors';

@ApiTags('pairs')
@ApiBearerAuth()
@Controller()
export class PairsController {
  constructor(
    private readonly pairs: PairsService,
    private readonly suggestions: PairSuggestionsService,
  ) {}

  /** Forms a mentoring pair of two cities of the programme (coordinators). */
  @Post('programmes/:id/pairs')
  @ApiOperation({
    summary: 'Pair a mentor city with a mentee city',
    description:
      "The programme's coordinators and the installation admin; other members get 403. Both organisations must be cities of the programme, and the same mentor and mentee may form only one active pair per benchmark (409). Send an Idempotency-Key header to retry safely.",
  })
  @ApiCreatedResponse({ type: PairDto })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreatePairDto,
  ): Promise<PairDto> {
    return this.pairs.create(actor, id, dto);
  }

  /** The programme's pairs you may see: your city's, or all of them for experts and coordinators. */
  @Get('programmes/:id/pairs')
  @ApiOperation({
    summary: "List a programme's pairs",
    description:
      'Any member of the programme, or the installation admin (others get 404). City members see only the pairs their city is in; coordinators, experts and the admin see them all. Each pair says your side in it and what you may do.',
  })
  @ApiOkResponse({ type: [PairDto] })
  list(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<PairDto[]> {
    return this.pairs.list(actor, id);
  }

  /** Candidate pairs ranked by how a mentor's strong sections cover a mentee's gaps (coordinators). */
  @Get('programmes/:id/pair-suggestions')
  @ApiOperation({
    summary: "Suggest mentors for a benchmark's gaps",
    description:
      "The programme's coordinators and the installation admin; other members get 403. From each city's baseline self-assessment of the benchmark, ranks for every mentee the cities strong in the sections where it has gaps (the strong and gap thresholds are adjustable); cities without a baseline are listed apart.",
  })
  @ApiErrors(403)
  @ApiOkResponse({ type: PairSuggestionsDto })
  suggest(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Query() query: PairSuggestionsQueryDto,
  ): Promise<PairSuggestionsDto> {
    return this.suggestions.suggest(actor, id, query);
  }

  @Get('pairs/:id')
  @ApiOperation({
    summary: 'Get a pair',
    description:
      "The pair's two cities (mentee and mentor side), the programme's coordinators and experts, and the installation admin; anyone else gets 404. The answer says your side of the pair and what you may do now.",
  })
  @ApiOkResponse({ type: PairDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<PairDto> {
    return this.pairs.get(actor, id);
  }

  /** Ends an active pair (coordinators); its work stays readable. */
  @Post('pairs/:id/end')
  @ApiOperation({
    summary: 'End a pair',
    description:
      "The programme's coordinators and the installation admin; the pair's cities and experts get 403. Afterwards the pair's plans can only be read or archived; a pair that has ended already is 409.",
  })
  @HttpCode(200)
  @ApiOkResponse({ type: PairDto })
  end(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<PairDto> {
    return this.pairs.end(actor, id);
  }
}
