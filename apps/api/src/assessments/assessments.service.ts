import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import type { BenchmarkDocument } from '@citymentor/benchmarks';
import {
  Assessment,
  AssessmentAnswer,
  assertAssessmentEditable,
  conflict,
  ContextNote,
  DomainError,
  Participant,
} from '@citymentor/domain';
import { EventLog } from '../events/event-log';
import { lockedCheck } from '../events/still-holds';
import type { Actor } from '../auth/actor';
import { BenchmarkDocuments, invalid } from '../pairs/benchmark-documents';
import { assessmentUpdated, headerOf } from './assessment-events';
import { AssessmentReadsService } from './assessment-reads.service';
import { AssessmentScopes, type AssessmentScope } from './assessment-scopes';
import { AssessmentPolicy, type AssessmentAction } from './assessment.policy';
import { STATUS_LOCKED } from './assessment.queries';
import { toAnswerDto, toContextNoteDto } from './assessment.mappers';
import type { AssessmentAnswerDto, AssessmentContextNoteDto, AssessmentDto } from './dto/assessment.dto';
import type {
  CalibrateAnswerDto,
  CreateAssessmentDto,
  SaveAnswerDto,
  SaveContextNoteDto,
} from './dto/assessment-requests.dto';

/**
 * Self-assessment use cases: a city starts, answers and submits its assessment; the mentor side of
 * its pair calibrates it. Every change is saved with its `assessment.updated` events.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly scopes: AssessmentScopes,
    private readonly policy: AssessmentPolicy,
    private readonly benchmarks: BenchmarkDocuments,
    private readonly events: EventLog,
    private readonly reads: AssessmentReadsService,
  ) {}

  async create(actor: Actor, programmeId: string, dto: CreateAssessmentDto): Promise<AssessmentDto> {
    this.policy.assertCanCreate(actor, programmeId, dto.organisationId);
    if (dto.copyFromBaseline && dto.phase !== 'follow-up')
      throw invalid('copyFromBaseline', 'copyFromBaseline is for a follow-up; a baseline has nothing to copy');
    const benchmark = await this.benchmarks.require(dto.benchmarkCode, 'benchmarkCode');
    const participant = await this.em.findOne(
      Participant,
      { programme: programmeId, organisation: dto.organisationId },
      { populate: ['programme', 'organisation'] },
    );
    if (!participant) throw invalid('organisationId', 'organisationId is not an organisation of this programme');
    const { programme, organisation } = participant;
    if (organisation.kind !== 'city')
      throw invalid('organisationId', `organisationId must be a city; ${organisation.name} is a ${organisation.kind}`);

    const key = { programme, organisation, benchmarkCode: benchmark.code };
    const existing = await this.em.findOne(Assessment, { ...key, phase: dto.phase }, { fields: ['id'] });
    if (existing)
      throw new DomainError(
        'ALREADY_EXISTS',
        `${organisation.name} has a ${dto.phase} self-assessment of this benchmark already`,
        { assessmentId: existing.id },
      );

    const baseline = dto.copyFromBaseline
      ? await this.em.findOne(Assessment, { ...key, phase: 'baseline' }, { populate: ['answers', 'contextNotes'] })
      : null;
    if (dto.copyFromBaseline && !baseline)
      throw conflict(
        `${organisation.name} has no baseline of this benchmark to copy; start the follow-up without copyFromBaseline`,
      );

    const assessment = new Assessment(programme, organisation, benchmark.code, dto.phase);
    this.em.persist(assessment);
    if (baseline) this.copyAnswers(baseline, assessment, actor);
    const pairs = await this.scopes.activePairs(programmeId, organisation.id, benchmark.code);
    await this.events.flushWith(this.em, () => assessmentUpdated(headerOf(assessment), pairs, actor.userId, null));
    return this.reads.get(actor, assessment.id);
  }

  async answer(actor: Actor, id: string, questionCode: string, dto: SaveAnswerDto): Promise<AssessmentAnswerDto> {
    const { scope, benchmark } = await this.authorised(actor, 'answer', id);
    assertQuestion(benchmark, questionCode);
    return this.onceMoreIfRaced(() => this.saveAnswer(actor, scope, questionCode, dto));
  }

  private async saveAnswer(
    actor: Actor,
    scope: AssessmentScope,
    questionCode: string,
    dto: SaveAnswerDto,
  ): Promise<AssessmentAnswerDto> {
    const assessment = await this.em.findOneOrFail(Assessment, scope.id);
    assessment.assertEditable();
    let answer = await this.em.findOne(AssessmentAnswer, { assessment, questionCode });
    if (!answer) {
      answer = new AssessmentAnswer(assessment, questionCode, dto.rating);
      this.em.persist(answer);
    }
    answer.rating = dto.rating;
    if (dto.evidence !== undefined) answer.evidence = dto.evidence;
    if (dto.links !== undefined) answer.links = dto.links;
    answer.updatedBy = actor.userId;
    assessment.updatedAt = new Date();
    await this.events.flushWith(
      this.em,
      () => assessmentUpdated(headerOf(assessment), scope.pairs, actor.userId, questionCode),
      this.stillEditable(assessment.id),
    );
    return toAnswerDto(answer);
  }

  /** Explains a context factor; an empty note removes the explanation. */
  async explainContext(
    actor: Actor,
    id: string,
    factorCode: string,
    dto: SaveContextNoteDto,
  ): Promise<AssessmentContextNoteDto> {
    const { scope, benchmark } = await this.authorised(actor, 'answer', id);
    if (!benchmark.contextFactors.some((f) => f.code === factorCode)) {
      throw invalid(
        'factorCode',
        `factorCode "${factorCode}" is not a context factor of the benchmark ${benchmark.code}`,
      );
    }
    return this.onceMoreIfRaced(() => this.saveContextNote(actor, scope, factorCode, dto));
  }

  private async saveContextNote(
    actor: Actor,
    scope: AssessmentScope,
    factorCode: string,
    dto: SaveContextNoteDto,
  ): Promise<AssessmentContextNoteDto> {
    const assessment = await this.em.findOneOrFail(Assessment, scope.id);
    assessment.assertEditable();
    const note = await this.em.findOne(ContextNote, { assessment, factorCode });
    const blank = dto.note.trim() === '';
    if (blank && note) this.em.remove(note);
    else if (note) note.note = dto.note;
    else if (!blank) this.em.persist(new ContextNote(assessment, factorCode, dto.note));
    assessment.updatedAt = new Date();
    await this.events.flushWith(
      this.em,
      () => assessmentUpdated(headerOf(assessment), scope.pairs, actor.userId, null),
      this.stillEditable(assessment.id),
    );
    return toContextNoteDto({ factorCode, note: blank ? '' : dto.note, updatedAt: assessment.updatedAt });
  }

  /** Locks the assessment: it becomes the record progress is measured against. */
  async submit(actor: Actor, id: string): Promise<AssessmentDto> {
    const { scope } = await this.authorised(actor, 'answer', id);
    const assessment = await this.em.findOneOrFail(Assessment, id);
    assessment.submit(new Date());
    await this.events.flushWith(
      this.em,
      () => assessmentUpdated(headerOf(assessment), scope.pairs, actor.userId, null),
      this.stillEditable(assessment.id),
    );
    return this.reads.get(actor, id);
  }

  /** The mentor side's own rating of a question the city answered; allowed after submission too. */
  async calibrate(
    actor: Actor,
    id: string,
    questionCode: string,
    dto: CalibrateAnswerDto,
  ): Promise<AssessmentAnswerDto> {
    const { scope, benchmark } = await this.authorised(actor, 'calibrate', id);
    assertQuestion(benchmark, questionCode);
    const answer = await this.em.findOne(AssessmentAnswer, { assessment: id, questionCode });
    if (!answer) throw conflict(`The city has not answered ${questionCode} yet, so there is nothing to calibrate`);
    answer.mentorRating = dto.rating;
    answer.mentorRated = true;
    if (dto.note !== undefined) answer.mentorNote = dto.note;
    await this.events.flushWith(this.em, () => assessmentUpdated(scope, scope.pairs, actor.userId, questionCode));
    return toAnswerDto(answer);
  }

  /**
   * PUT is idempotent: when two requests create the same answer (or note) at once, the loser of the
   * unique constraint starts again and updates the winner's row instead of failing.
   */
  private async onceMoreIfRaced<T>(save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      this.em.clear();
      return save();
    }
  }

  /**
   * The assessment is still a draft when the change commits: its row is read again, locked, inside the
   * change's transaction, so an answer racing the submit either lands before it or gets 409.
   */
  private stillEditable(id: string): () => Promise<void> {
    return lockedCheck(this.em, STATUS_LOCKED, id, (row) => assertAssessmentEditable(row.status));
  }

  /** Policy first (404 before 403), before anything is loaded. */
  private async authorised(
    actor: Actor,
    action: AssessmentAction,
    id: string,
  ): Promise<{ scope: AssessmentScope; benchmark: BenchmarkDocument }> {
    const scope = await this.scopes.forAssessment(id);
    if (!scope) throw new DomainError('NOT_FOUND', 'Assessment not found');
    this.policy.assert(actor, action, scope);
    return { scope, benchmark: await this.benchmarks.require(scope.benchmarkCode, 'benchmarkCode') };
  }

  /** A follow-up starts from the baseline's answers and context notes; calibration stays with the baseline. */
  private copyAnswers(baseline: Assessment, followUp: Assessment, actor: Actor) {
    for (const a of baseline.answers) {
      const copy = new AssessmentAnswer(followUp, a.questionCode, a.rating);
      copy.evidence = a.evidence;
      copy.links = [...a.links];
      copy.updatedBy = actor.userId;
      this.em.persist(copy);
    }
    for (const n of baseline.contextNotes) this.em.persist(new ContextNote(followUp, n.factorCode, n.note));
  }
}

function assertQuestion(benchmark: BenchmarkDocument, questionCode: string) {
  if (!benchmark.sections.some((s) => s.guideQuestions.some((q) => q.code === questionCode))) {
    throw invalid(
      'questionCode',
      `questionCode "${questionCode}" is not a guide question of the benchmark ${benchmark.code}`,
    );
  }
}
