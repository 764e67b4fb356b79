import { Injectable } from '@nestjs/common';
import type { BenchmarkDocument } from '@citymentor/benchmarks';
import { calibrationFlags, DomainError, peerStatistics, scoreAssessment, scoreDelta } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { BenchmarkDocuments, invalid, unknownSections } from '../pairs/benchmark-documents';
import { ProgrammePolicy } from '../programmes/programme.policy';
import { AssessmentScopes, type AssessmentScope } from './assessment-scopes';
import { AssessmentQueries } from './assessment.queries';
import { AssessmentPolicy, type AssessmentRelation } from './assessment.policy';
import {
  questionOrder,
  toAnswerDto,
  toAssessmentSummary,
  toContextNoteDto,
  toSectionScores,
} from './assessment.mappers';
import type { AssessmentDto, AssessmentGapsDto, AssessmentSummaryDto } from './dto/assessment.dto';

/**
 * The read side of self-assessments, built from lean SQL: one query for the scope (policy first),
 * one for the answers and notes, one for the scores of the other cities and of the baseline.
 */
@Injectable()
export class AssessmentReadsService {
  constructor(
    private readonly scopes: AssessmentScopes,
    private readonly policy: AssessmentPolicy,
    private readonly programmes: ProgrammePolicy,
    private readonly benchmarks: BenchmarkDocuments,
    private readonly queries: AssessmentQueries,
  ) {}

  /** The programme's assessments the actor may see, with their overall scores. */
  async list(actor: Actor, programmeId: string): Promise<AssessmentSummaryDto[]> {
    this.programmes.assert(actor, 'read', programmeId);
    const rows = await this.queries.withAnswers(programmeId);
    const summaries: AssessmentSummaryDto[] = [];
    for (const row of rows) {
      const relation = this.policy.relationOf(actor, row);
      if (!relation) continue;
      const document = await this.document(row.benchmarkCode);
      summaries.push(toAssessmentSummary(row, relation, document, scoreAssessment(document.sections, row.answers)));
    }
    return summaries;
  }

  async get(actor: Actor, id: string): Promise<AssessmentDto> {
    const { scope, relation } = await this.visible(actor, id);
    const document = await this.document(scope.benchmarkCode);
    const [{ answers, notes }, compared] = await Promise.all([
      this.queries.answersAndNotes(id),
      this.queries.compared(scope),
    ]);
    const score = scoreAssessment(document.sections, answers);
    const order = questionOrder(document);
    const others = compared.filter((c) => !c.own).map((c) => scoreAssessment(document.sections, c.answers));
    const baseline = scope.phase === 'follow-up' ? compared.find((c) => c.own) : undefined;
    return {
      ...toAssessmentSummary(scope, relation, document, score),
      ...this.policy.permissions(actor, scope),
      sections: toSectionScores(document, score),
      answers: [...answers]
        .sort((a, b) => (order.get(a.questionCode) ?? 0) - (order.get(b.questionCode) ?? 0))
        .map(toAnswerDto),
      contextNotes: notes.map(toContextNoteDto),
      gaps: score.sections.flatMap((s) => s.gaps),
      calibrationFlags: calibrationFlags(
        answers.map((a) => ({
          questionCode: a.questionCode,
          rating: a.rating,
          mentorRating: a.mentorRated ? (a.mentorRating ?? null) : undefined,
        })),
      ),
      peerComparison: peerStatistics(
        document.sections.map((s) => s.code),
        others,
      ),
      baselineAssessmentId: baseline?.id ?? null,
      deltaFromBaseline: baseline ? scoreDelta(scoreAssessment(document.sections, baseline.answers), score) : null,
    };
  }

  /** The unmet guide questions (rated 0 or 1) by section, with the toolkit's city examples: where a plan starts. */
  async gaps(actor: Actor, id: string, sections?: string): Promise<AssessmentGapsDto> {
    const { scope } = await this.visible(actor, id);
    const document = await this.document(scope.benchmarkCode);
    const requested = sections ? [...new Set(sections.split(','))] : null;
    const unknown = requested ? unknownSections(document, requested) : [];
    if (unknown.length)
      throw invalid('sections', `sections names sections the benchmark does not have: ${unknown.join(', ')}`);
    const { answers } = await this.queries.answersAndNotes(id);
    const score = scoreAssessment(document.sections, answers);
    const answerOf = new Map(answers.map((a) => [a.questionCode, a]));
    return {
      assessmentId: scope.id,
      programmeId: scope.programmeId,
      organisation: { id: scope.organisationId, name: scope.organisationName, country: scope.organisationCountry },
      benchmarkCode: scope.benchmarkCode,
      phase: scope.phase,
      sections: document.sections.flatMap((section, i) => {
        const sectionScore = score.sections[i];
        if (requested ? !requested.includes(section.code) : sectionScore.gaps.length === 0) return [];
        const gaps = section.guideQuestions
          .filter((q) => sectionScore.gaps.includes(q.code))
          .map((q) => ({
            questionCode: q.code,
            text: q.text,
            rating: answerOf.get(q.code)!.rating as 0 | 1,
            evidence: answerOf.get(q.code)!.evidence,
          }));
        return [
          {
            sectionCode: section.code,
            title: section.title,
            standard: section.standard,
            score: sectionScore.score,
            gaps,
            examples: section.examples,
          },
        ];
      }),
    };
  }

  private async visible(actor: Actor, id: string): Promise<{ scope: AssessmentScope; relation: AssessmentRelation }> {
    const scope = await this.scopes.forAssessment(id);
    if (!scope) throw new DomainError('NOT_FOUND', 'Assessment not found');
    return { scope, relation: this.policy.assert(actor, 'read', scope) };
  }

  private async document(code: string): Promise<BenchmarkDocument> {
    const document = await this.benchmarks.find(code);
    // Assessments are only created for benchmarks of the catalogue, which are never removed.
    if (!document) throw new Error(`benchmark ${code} of an assessment is missing`);
    return document;
  }
}
