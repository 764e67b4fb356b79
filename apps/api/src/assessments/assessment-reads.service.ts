import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { BenchmarkDocument } from '@citymentor/benchmarks';
import {
  calibrationFlags,
  DomainError,
  peerStatistics,
  scoreAssessment,
  scoreDelta,
  type ScoredQuestion,
} from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { BenchmarkDocuments, invalid, unknownSections } from '../pairs/benchmark-documents';
import { ProgrammePolicy } from '../programmes/programme.policy';
import { ASSESSMENT_SCOPE_COLUMNS, AssessmentScopes, type AssessmentScope } from './assessment-scopes';
import { AssessmentPolicy, type AssessmentRelation } from './assessment.policy';
import {
  questionOrder,
  toAnswerDto,
  toAssessmentSummary,
  toContextNoteDto,
  toSectionScores,
  type AnswerRow,
  type ContextNoteRow,
} from './assessment.mappers';
import type { AssessmentDto, AssessmentGapsDto, AssessmentSummaryDto } from './dto/assessment.dto';

interface ComparedAssessment {
  id: string;
  /** true: this city's own baseline (for a follow-up's delta); false: another city's assessment of the same phase. */
  own: boolean;
  answers: ScoredQuestion[];
}

/**
 * The read side of self-assessments, built from lean SQL: one query for the scope (policy first),
 * one for the answers and notes, one for the scores of the other cities and of the baseline.
 */
@Injectable()
export class AssessmentReadsService {
  constructor(
    private readonly em: EntityManager,
    private readonly scopes: AssessmentScopes,
    private readonly policy: AssessmentPolicy,
    private readonly programmes: ProgrammePolicy,
    private readonly benchmarks: BenchmarkDocuments,
  ) {}

  /** The programme's assessments the actor may see, with their overall scores. */
  async list(actor: Actor, programmeId: string): Promise<AssessmentSummaryDto[]> {
    this.programmes.assert(actor, 'read', programmeId);
    const rows = await this.em.getConnection().execute<(AssessmentScope & { answers: ScoredQuestion[] })[]>(
      `select ${ASSESSMENT_SCOPE_COLUMNS},
         coalesce((select json_agg(json_build_object('questionCode', x.question_code, 'rating', x.rating)) from assessment_answers x where x.assessment_id = a.id), '[]') as answers
       from assessments a join organisations o on o.id = a.organisation_id
       where a.programme_id = ? order by o.name, a.benchmark_code, a.phase`,
      [programmeId],
    );
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
    const [{ answers, notes }, compared] = await Promise.all([this.answersAndNotes(id), this.compared(scope)]);
    const score = scoreAssessment(document.sections, answers);
    const order = questionOrder(document);
    const others = compared.filter((c) => !c.own).map((c) => scoreAssessment(document.sections, c.answers));
    const baseline = scope.phase === 'follow-up' ? compared.find((c) => c.own) : undefined;
    return {
      ...toAssessmentSummary(scope, relation, document, score),
      canAnswer: relation === 'own' && scope.status === 'draft',
      canCalibrate: this.policy.can(actor, 'calibrate', scope),
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
    const { answers } = await this.answersAndNotes(id);
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

  private async answersAndNotes(id: string): Promise<{ answers: AnswerRow[]; notes: ContextNoteRow[] }> {
    const [row] = await this.em.getConnection().execute<{ answers: AnswerRow[]; notes: ContextNoteRow[] }[]>(
      `select
         coalesce((select json_agg(json_build_object('questionCode', x.question_code, 'rating', x.rating, 'evidence', x.evidence, 'links', x.links,
           'mentorRated', x.mentor_rated, 'mentorRating', x.mentor_rating, 'mentorNote', x.mentor_note, 'updatedAt', x.updated_at))
           from assessment_answers x where x.assessment_id = ?), '[]') as answers,
         coalesce((select json_agg(json_build_object('factorCode', n.factor_code, 'note', n.note, 'updatedAt', n.updated_at) order by n.factor_code)
           from assessment_context_notes n where n.assessment_id = ?), '[]') as notes`,
      [id, id],
    );
    return row;
  }

  /** Ratings only (never evidence) of the other cities' submitted assessments of this phase, and of this city's submitted baseline. */
  private compared(scope: AssessmentScope): Promise<ComparedAssessment[]> {
    return this.em.getConnection().execute<ComparedAssessment[]>(
      `select a.id, a.organisation_id = ? as own,
         coalesce(json_agg(json_build_object('questionCode', x.question_code, 'rating', x.rating)) filter (where x.id is not null), '[]') as answers
       from assessments a left join assessment_answers x on x.assessment_id = a.id
       where a.programme_id = ? and a.benchmark_code = ?
         and ((a.organisation_id <> ? and a.phase = ? and a.status = 'submitted') or (a.organisation_id = ? and a.phase = 'baseline' and a.status = 'submitted' and ?::text = 'follow-up'))
       group by a.id`,
      [
        scope.organisationId,
        scope.programmeId,
        scope.benchmarkCode,
        scope.organisationId,
        scope.phase,
        scope.organisationId,
        scope.phase,
      ],
    );
  }
}
