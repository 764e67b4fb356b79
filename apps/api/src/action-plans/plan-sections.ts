import { Injectable } from '@nestjs/common';
import type { FieldError, Rating } from '@citymentor/contracts';
import { DomainError, scoreAssessment } from '@citymentor/domain';
import { PlanQueries, type PairSections } from './plan.queries';

export type { PairSections, PlanSection } from './plan.queries';

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

/** The pair's benchmark sections and the assessment a plan starts from, read by `PlanQueries` and checked here. */
@Injectable()
export class PlanSections {
  constructor(private readonly queries: PlanQueries) {}

  /** The benchmark's sections (question codes and examples only) and the pair's focus. */
  forPair(pairId: string): Promise<PairSections> {
    return this.queries.sectionsOfPair(pairId);
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
    const answers = await this.queries.ratingsOf(assessmentId, organisationId, benchmarkCode);
    if (answers) return answers;
    const message = "fromAssessmentId must be an assessment of the mentee city on the pair's benchmark";
    throw new DomainError('VALIDATION_FAILED', message, [{ path: 'fromAssessmentId', message }]);
  }
}
