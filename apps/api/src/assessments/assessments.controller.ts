import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { UuidPipe } from '../http/params';
import { FactorCodePipe, QuestionCodePipe } from './assessment-params';
import { AssessmentReadsService } from './assessment-reads.service';
import { AssessmentsService } from './assessments.service';
import {
  AssessmentAnswerDto,
  AssessmentContextNoteDto,
  AssessmentDto,
  AssessmentGapsDto,
  AssessmentSummaryDto,
} from './dto/assessment.dto';
import {
  AssessmentGapsQueryDto,
  CalibrateAnswerDto,
  CreateAssessmentDto,
  SaveAnswerDto,
  SaveContextNoteDto,
} from './dto/assessment-requests.dto';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller()
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly reads: AssessmentReadsService,
  ) {}

  /** Starts a city's self-assessment against a benchmark (its members, or a coordinator). */
  @Post('programmes/:id/assessments')
  @ApiOperation({ summary: 'Start a self-assessment' })
  @ApiCreatedResponse({ type: AssessmentDto })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateAssessmentDto,
  ): Promise<AssessmentDto> {
    return this.assessments.create(actor, id, dto);
  }

  /** The programme's self-assessments you may see, with overall scores. */
  @Get('programmes/:id/assessments')
  @ApiOperation({ summary: "List a programme's assessments" })
  @ApiOkResponse({ type: [AssessmentSummaryDto] })
  list(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<AssessmentSummaryDto[]> {
    return this.reads.list(actor, id);
  }

  /** Answers, context notes, section scores, gaps, calibration, peer comparison and progress from the baseline. */
  @Get('assessments/:id')
  @ApiOperation({ summary: 'Get an assessment with its scores' })
  @ApiOkResponse({ type: AssessmentDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<AssessmentDto> {
    return this.reads.get(actor, id);
  }

  /** The unmet guide questions by section with the toolkit's examples: where an action plan starts. */
  @Get('assessments/:id/gaps')
  @ApiOperation({ summary: "Get an assessment's gaps" })
  @ApiOkResponse({ type: AssessmentGapsDto })
  gaps(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Query() query: AssessmentGapsQueryDto,
  ): Promise<AssessmentGapsDto> {
    return this.reads.gaps(actor, id, query.sections);
  }

  @Put('assessments/:id/answers/:questionCode')
  @ApiOperation({ summary: 'Answer a guide question' })
  @ApiOkResponse({ type: AssessmentAnswerDto })
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('questionCode', QuestionCodePipe) questionCode: string,
    @Body() dto: SaveAnswerDto,
  ): Promise<AssessmentAnswerDto> {
    return this.assessments.answer(actor, id, questionCode, dto);
  }

  @Put('assessments/:id/context/:factorCode')
  @ApiOperation({ summary: 'Write a context note for a factor' })
  @ApiOkResponse({ type: AssessmentContextNoteDto })
  explainContext(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('factorCode', FactorCodePipe) factorCode: string,
    @Body() dto: SaveContextNoteDto,
  ): Promise<AssessmentContextNoteDto> {
    return this.assessments.explainContext(actor, id, factorCode, dto);
  }

  /** Submits and locks the assessment. */
  @Post('assessments/:id/submit')
  @ApiOperation({ summary: 'Submit an assessment' })
  @HttpCode(200)
  @ApiOkResponse({ type: AssessmentDto })
  submit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<AssessmentDto> {
    return this.assessments.submit(actor, id);
  }

  /** The mentor side rates the question too; where it differs, both sides see the flag. */
  @Put('assessments/:id/answers/:questionCode/calibration')
  @ApiOperation({ summary: "Calibrate an answer's score" })
  @ApiOkResponse({ type: AssessmentAnswerDto })
  calibrate(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('questionCode', QuestionCodePipe) questionCode: string,
    @Body() dto: CalibrateAnswerDto,
  ): Promise<AssessmentAnswerDto> {
    return this.assessments.calibrate(actor, id, questionCode, dto);
  }
}
