import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PracticeExample } from '@citymentor/benchmarks';
import type { FieldError, Rating } from '@citymentor/contracts';
import { DomainError, scoreAssessment } from '@citymentor/domain';

/** One section of the pair's benchmark, as a plan needs it. */
export interface PlanSection {
  code: string;
  questionCodes: string[];
  examples: PracticeExample[];
}

export interface PairSections {
  sections: PlanSection[];
  /** The pair's focus sections; empty means all. */
  focus: string[];
}

/** `sectionCodes` must be sections of the benchmark and, when the pair has a focus, inside it. */
export function sectionCodeErrors(requested: string[], { sections, focus }: PairSections): FieldError[] {
  const known = new Set(sections.map((s) => s.code));
  const unknown = requested.filter((c) => !known.has(c));
  if (unknown.length)
    return [
      {
        path: 'sectionCodes',
        message: `sectionCodes must be sections of the pair's benchmark; unknown: ${unknown.join(', ')}`,
      },
    ];
  const outside = focus.length ? requested.filter((c) => !focus.includes(c)) : [];
  if (outside.length)
    return [
      {
        path: 'sectionCodes',
        message: `sectionCodes must be among the pair's focus sections (${focus.join(', ')}); not: ${outside.join(', ')}`,
      },
    ];
  return [];
}

/** `gapQuestionCodes` must be guide questions of the plan's sections. */
export function gapCodeErrors(gaps: string[], sectionCodes: string[], { sections }: PairSections): FieldError[] {
  const inSections = new Set(sections.filter((s) => sectionCodes.includes(s.code)).flatMap((s) => s.questionCodes));
  const stray = gaps.filter((q) => !inSections.has(q));
  return stray.length
    ? [
        {
          path: 'gapQuestionCodes',
          message: `gapQuestionCodes must be guide questions of the plan's sections; not: ${stray.join(', ')}`,
        },
      ]
    : [];
}

/** The questions of `sectionCodes` an assessment rated 0 (not in place) or 1 (partly), in benchmark order. */
export function gapsOf(
  sectionCodes: string[],
  { sections }: PairSections,
  answers: { questionCode: string; rating: Rating }[],
): string[] {
  const chosen = sections
    .filter((s) => sectionCodes.includes(s.code))
    .map((s) => ({ code: s.code, guideQuestions: s.questionCodes.map((code) => ({ code })) }));
  return scoreAssessment(chosen, answers).sections.flatMap((s) => s.gaps);
}

/** The toolkit's city examples for the plan's sections. */
export const examplesOf = (sectionCodes: string[], { sections }: PairSections) =>
  sections
    .filter((s) => sectionCodes.includes(s.code))
    .flatMap((s) =>
      s.examples.map((e) => ({ sectionCode: s.code, city: e.city, text: e.text, links: e.links, contact: e.contact })),
    );

export const unique = (codes: string[]) => [...new Set(codes)];

export function throwIfInvalid(errors: FieldError[]) {
  if (errors.length) throw new DomainError('VALIDATION_FAILED', errors.map((e) => e.message).join('; '), errors);
}

/** Reads the pair's benchmark sections and the assessment a plan starts from, in lean queries. */
@Injectable()
export class PlanSections {
  constructor(private readonly em: EntityManager) {}

  /** The benchmark's sections (question codes and examples only) and the pair's focus, in one query. */
  async forPair(pairId: string): Promise<PairSections> {
    const [row] = await this.em.getConnection().execute<{ focus: string[]; sections: PlanSection[] }[]>(
      `select p.focus_section_codes as focus,
         coalesce(json_agg(json_build_object(
           'code', s->>'code',
           'questionCodes', (select coalesce(json_agg(q->>'code'), '[]'::json) from jsonb_array_elements(s->'guideQuestions') q),
           'examples', coalesce(s->'examples', '[]'::jsonb)) order by (s->>'order')::int) filter (where s is not null), '[]'::json) as sections
       from pairs p
       left join benchmarks b on b.code = p.benchmark_code
       left join lateral jsonb_array_elements(b.document->'sections') s on true
       where p.id = ? group by p.id`,
      [pairId],
    );
    return { focus: row?.focus ?? [], sections: row?.sections ?? [] };
  }

  /**
   * The ratings of an assessment of `organisationId` on `benchmarkCode`; a 400 naming
   * fromAssessmentId for anything else (without saying whether it exists).
   */
  async answersOf(
    assessmentId: string,
    organisationId: string,
    benchmarkCode: string,
  ): Promise<{ questionCode: string; rating: Rating }[]> {
    const connection = this.em.getConnection();
    const [assessment] = await connection.execute<{ id: string }[]>(
      `select id from assessments where id = ? and organisation_id = ? and benchmark_code = ?`,
      [assessmentId, organisationId, benchmarkCode],
    );
    if (!assessment) {
      throwIfInvalid([
        {
          path: 'fromAssessmentId',
          message: "fromAssessmentId must be an assessment of the mentee city on the pair's benchmark",
        },
      ]);
    }
    return connection.execute<{ questionCode: string; rating: Rating }[]>(
      `select question_code as "questionCode", rating from assessment_answers where assessment_id = ?`,
      [assessmentId],
    );
  }
}
