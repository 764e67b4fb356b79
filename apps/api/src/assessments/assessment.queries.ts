import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AssessmentStatus } from '@citymentor/contracts';
import type { ScoredQuestion } from '@citymentor/domain';
import { PreparedQuery } from '@citymentor/persistence';
import { ASSESSMENT_SCOPE_COLUMNS, type AssessmentScope } from './assessment-scopes';
import type { AnswerRow, ContextNoteRow } from './assessment.mappers';

/** The assessment's status as committed, locked until the change's commit (`AssessmentsService.stillEditable`). */
export const STATUS_LOCKED = new PreparedQuery<{ status: AssessmentStatus }>(
  `select status from assessments where id = ? for no key update`,
);

export interface ComparedAssessment {
  id: string;
  /** true: this city's own baseline (for a follow-up's delta); false: another city's assessment of the same phase. */
  own: boolean;
  answers: ScoredQuestion[];
}

/**
 * The assessments' read SQL, lean into rows the mappers turn into DTOs; the caller has asked the policy
 * first (the scope comes from `AssessmentScopes`). Writes go through the entities in `AssessmentsService`.
 */
@Injectable()
export class AssessmentQueries {
  constructor(private readonly em: EntityManager) {}

  /** Every assessment of the programme with its scope and ratings, by city, benchmark and phase. */
  withAnswers(programmeId: string): Promise<(AssessmentScope & { answers: ScoredQuestion[] })[]> {
    return this.em.getConnection().execute<(AssessmentScope & { answers: ScoredQuestion[] })[]>(
      `select ${ASSESSMENT_SCOPE_COLUMNS},
       coalesce((select json_agg(json_build_object('questionCode', x.question_code, 'rating', x.rating)) from assessment_answers x where x.assessment_id = a.id), '[]') as answers
     from assessments a join organisations o on o.id = a.organisation_id
     where a.programme_id = ? order by o.name, a.benchmark_code, a.phase`,
      [programmeId],
    );
  }

  /** An assessment's answers (with evidence and calibration) and context notes, in one query. */
  async answersAndNotes(id: string): Promise<{ answers: AnswerRow[]; notes: ContextNoteRow[] }> {
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
  compared(scope: AssessmentScope): Promise<ComparedAssessment[]> {
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
