import type { Rating } from '@citymentor/contracts';

export interface ScoredQuestion {
  questionCode: string;
  rating: Rating;
}

export interface SectionShape {
  code: string;
  guideQuestions: { code: string }[];
}

export interface SectionScore {
  sectionCode: string;
  /** 0–100: the share of the attainable points reached; null when nothing applicable is answered. */
  score: number | null;
  answered: number;
  notApplicable: number;
  questions: number;
  /** Guide questions rated 0 (not in place) or 1 (partly): what a plan can close. */
  gaps: string[];
}

export interface AssessmentScore {
  overall: number | null;
  sections: SectionScore[];
}

const percent = (points: number, max: number) => (max === 0 ? null : Math.round((points / max) * 1000) / 10);

/** Section and overall scores; not-applicable and unanswered questions count for nothing either way. */
export function scoreAssessment(sections: SectionShape[], answers: ScoredQuestion[]): AssessmentScore {
  const byQuestion = new Map(answers.map((a) => [a.questionCode, a.rating]));
  let points = 0;
  let max = 0;
  const scored = sections.map((section) => {
    let sectionPoints = 0;
    let sectionMax = 0;
    let answered = 0;
    let notApplicable = 0;
    const gaps: string[] = [];
    for (const { code } of section.guideQuestions) {
      if (!byQuestion.has(code)) continue;
      answered++;
      const rating = byQuestion.get(code) ?? null;
      if (rating === null) {
        notApplicable++;
        continue;
      }
      sectionPoints += rating;
      sectionMax += 2;
      if (rating < 2) gaps.push(code);
    }
    points += sectionPoints;
    max += sectionMax;
    return {
      sectionCode: section.code,
      score: percent(sectionPoints, sectionMax),
      answered,
      notApplicable,
      questions: section.guideQuestions.length,
      gaps,
    };
  });
  return { overall: percent(points, max), sections: scored };
}

/** Follow-up minus baseline, per section; null where either has no score. */
export function scoreDelta(
  baseline: AssessmentScore,
  followUp: AssessmentScore,
): { sectionCode: string; delta: number | null }[] {
  const before = new Map(baseline.sections.map((s) => [s.sectionCode, s.score]));
  return followUp.sections.map((s) => {
    const b = before.get(s.sectionCode);
    return {
      sectionCode: s.sectionCode,
      delta: s.score === null || b === null || b === undefined ? null : Math.round((s.score - b) * 10) / 10,
    };
  });
}

/** Where the mentor side's calibration rating differs from the city's own. */
export function calibrationFlags(
  answers: { questionCode: string; rating: Rating; mentorRating?: Rating | undefined }[],
): string[] {
  return answers.filter((a) => a.mentorRating !== undefined && a.mentorRating !== a.rating).map((a) => a.questionCode);
}

export interface PeerStatistic {
  sectionCode: string;
  average: number | null;
  min: number | null;
  max: number | null;
  cities: number;
}

/** The programme's average and range per section, from the scores of several cities (no answers revealed). */
export function peerStatistics(sectionCodes: string[], scores: AssessmentScore[]): PeerStatistic[] {
  return sectionCodes.map((sectionCode) => {
    const values = scores
      .map((s) => s.sections.find((x) => x.sectionCode === sectionCode)?.score)
      .filter((v): v is number => typeof v === 'number');
    if (values.length === 0) return { sectionCode, average: null, min: null, max: null, cities: 0 };
    const average = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
    return { sectionCode, average, min: Math.min(...values), max: Math.max(...values), cities: values.length };
  });
}
