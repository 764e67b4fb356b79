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
  @ApiOperation({
    summary: 'Start a self-assessment',
    description:
      "Members of the city being assessed, the programme's coordinators and the installation admin; other members get 403. Creates a draft baseline or follow-up against a benchmark, at most one per city, phase and benchmark (409 ALREADY_EXISTS with details.assessmentId); a follow-up may start from the baseline's answers (copyFromBaseline).",
  })
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
  @ApiOperation({
    summary: "List a programme's assessments",
    description:
      "Any member of the programme, or the installation admin (others get 404), each seeing only those they may read: their own city's, the other city's of an active pair on the same benchmark, or all of them for coordinators, experts and the admin.",
  })
  @ApiOkResponse({ type: [AssessmentSummaryDto] })
  list(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<AssessmentSummaryDto[]> {
    return this.reads.list(actor, id);
  }

  /** Answers, context notes, section scores, gaps, calibration, peer comparison and progress from the baseline. */
  @Get('assessments/:id')
  @ApiOperation({
    summary: 'Get an assessment with its scores',
    description:
      "The assessed city, the programme's coordinators and experts, the other city of an active pair on the same benchmark, and the installation admin; anyone else gets 404. canAnswer and canCalibrate say what you may do with it now.",
  })
  @ApiOkResponse({ type: AssessmentDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<AssessmentDto> {
    return this.reads.get(actor, id);
  }

  /** The unmet guide questions by section with the toolkit's examples: where an action plan starts. */
  @Get('assessments/:id/gaps')
  @ApiOperation({
    summary: "Get an assessment's gaps",
    description:
      "The assessed city, the programme's coordinators and experts, the other city of an active pair on the same benchmark, and the installation admin; anyone else gets 404. Narrow it to some sections with the sections query.",
  })
  @ApiOkResponse({ type: AssessmentGapsDto })
  gaps(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Query() query: AssessmentGapsQueryDto,
  ): Promise<AssessmentGapsDto> {
    return this.reads.gaps(actor, id, query.sections);
  }

  @Put('assessments/:id/answers/:questionCode')
  @ApiOperation({
    summary: 'Answer a guide question',
    description:
      'Members of the assessed city only; others who can see it get 403. Saves the rating (and, when sent, the evidence and links) of one question while the assessment is a draft: once submitted it is locked (409). Sending the same answer again is safe.',
  })
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
  @ApiOperation({
    summary: 'Write a context note for a factor',
    description:
      'Members of the assessed city only; others who can see it get 403. Explains a context factor of the benchmark while the assessment is a draft (409 once submitted); an empty note removes it.',
  })
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
  @ApiOperation({
    summary: 'Submit an assessment',
    description:
      'Members of the assessed city only; others who can see it get 403. Locks the draft, which becomes the record progress is measured against: no more answers or notes; submitting again is 409.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: AssessmentDto })
  submit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<AssessmentDto> {
    return this.assessments.submit(actor, id);
  }

  /** The mentor side rates the question too; where it differs, both sides see the flag. */
  @Put('assessments/:id/answers/:questionCode/calibration')
  @ApiOperation({
    summary: "Calibrate an answer's score",
    description:
      "Only the mentor side of an active pair, on the same benchmark, in which the assessed city is the mentee; others who can see it get 403. Records the mentor's own rating and note of a question the city has answered (409 if not answered yet), also after submission; where the two ratings differ, both sides see it flagged.",
  })
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
