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
  @ApiOperation({ summary: 'Pair a mentor city with a mentee city' })
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
  @ApiOperation({ summary: "List a programme's pairs" })
  @ApiOkResponse({ type: [PairDto] })
  list(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<PairDto[]> {
    return this.pairs.list(actor, id);
  }

  /** Candidate pairs ranked by how a mentor's strong sections cover a mentee's gaps (coordinators). */
  @Get('programmes/:id/pair-suggestions')
  @ApiOperation({ summary: "Suggest mentors for a benchmark's gaps" })
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
  @ApiOperation({ summary: 'Get a pair' })
  @ApiOkResponse({ type: PairDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<PairDto> {
    return this.pairs.get(actor, id);
  }

  /** Ends an active pair (coordinators); its work stays readable. */
  @Post('pairs/:id/end')
  @ApiOperation({ summary: 'End a pair' })
  @HttpCode(200)
  @ApiOkResponse({ type: PairDto })
  end(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<PairDto> {
    return this.pairs.end(actor, id);
  }
}
