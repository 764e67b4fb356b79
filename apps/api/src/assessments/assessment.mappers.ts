import type { Rating } from '@citymentor/contracts';
import type { BenchmarkDocument } from '@citymentor/benchmarks';
import type { AssessmentScore } from '@citymentor/domain';
import type { AssessmentScope } from './assessment-scopes';
import type { AssessmentRelation } from './assessment.policy';
import type {
  AssessmentAnswerDto,
  AssessmentContextNoteDto,
  AssessmentSummaryDto,
  SectionScoreDto,
} from './dto/assessment.dto';

/** An answer as the lean read (JSON, dates as text) or the entity (dates as Date) gives it. */
export interface AnswerRow {
  questionCode: string;
  rating: Rating;
  evidence: string;
  links: string[];
  mentorRated: boolean;
  mentorRating?: Rating;
  mentorNote?: string | null;
  updatedAt: Date | string;
}

export interface ContextNoteRow {
  factorCode: string;
  note: string;
  updatedAt: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export const questionCount = (document: BenchmarkDocument) =>
  document.sections.reduce((n, s) => n + s.guideQuestions.length, 0);

/** Guide question codes in the benchmark's order, for sorting answers like the toolkit. */
export const questionOrder = (document: BenchmarkDocument) =>
  new Map(document.sections.flatMap((s) => s.guideQuestions.map((q) => q.code)).map((code, i) => [code, i]));

export const toAnswerDto = (a: AnswerRow): AssessmentAnswerDto => ({
  questionCode: a.questionCode,
  rating: a.rating,
  evidence: a.evidence,
  links: a.links,
  mentorRated: a.mentorRated,
  mentorRating: a.mentorRated ? (a.mentorRating ?? null) : null,
  mentorNote: a.mentorNote ?? null,
  calibrationDiffers: a.mentorRated && (a.mentorRating ?? null) !== a.rating,
  updatedAt: iso(a.updatedAt),
});

export const toContextNoteDto = (n: ContextNoteRow): AssessmentContextNoteDto => ({
  factorCode: n.factorCode,
  note: n.note,
  updatedAt: iso(n.updatedAt),
});

export const toSectionScores = (document: BenchmarkDocument, score: AssessmentScore): SectionScoreDto[] => {
  const titles = new Map(document.sections.map((s) => [s.code, s.title]));
  return score.sections.map((s) => ({ ...s, title: titles.get(s.sectionCode) ?? s.sectionCode }));
};

export const toAssessmentSummary = (
  scope: AssessmentScope,
  relation: AssessmentRelation,
  document: BenchmarkDocument,
  score: AssessmentScore,
): AssessmentSummaryDto => ({
  id: scope.id,
  programmeId: scope.programmeId,
  organisation: { id: scope.organisationId, name: scope.organisationName, country: scope.organisationCountry },
  benchmarkCode: scope.benchmarkCode,
  phase: scope.phase,
  status: scope.status,
  overall: score.overall,
  answered: score.sections.reduce((n, s) => n + s.answered, 0),
  questions: questionCount(document),
  myRelation: relation,
  createdAt: iso(scope.createdAt),
  updatedAt: iso(scope.updatedAt),
  submittedAt: scope.submittedAt ? iso(scope.submittedAt) : null,
});
