/** A city's baseline section scores (0–100, null = no score), as matching sees them. */
export interface CityScores {
  organisationId: string;
  name: string;
  sections: Record<string, number | null>;
}

export interface SuggestionThresholds {
  /** A mentor is strong in a section from this score (inclusive). */
  strong: number;
  /** A mentee has a gap in a section below this score (exclusive). */
  gap: number;
}

export const DEFAULT_THRESHOLDS: SuggestionThresholds = { strong: 75, gap: 50 };

export interface CoveredSection {
  sectionCode: string;
  mentorScore: number;
  menteeScore: number;
}

export interface MentorCandidate {
  mentorOrganisationId: string;
  mentorName: string;
  /** Higher is better: the sum, over covered sections, of how far the mentor is ahead (0–100 each, /100). */
  score: number;
  /** Why: the mentee's gap sections in which this mentor is strong. */
  covers: CoveredSection[];
}

export interface MenteeSuggestions {
  menteeOrganisationId: string;
  menteeName: string;
  gaps: string[];
  candidates: MentorCandidate[];
}

/**
 * For each city with gaps, the other cities ranked by how well their strong sections cover those
 * gaps: most covered sections first, then the larger lead, then name. Pure and deterministic.
 */
export function suggestPairs(
  cities: CityScores[],
  thresholds: SuggestionThresholds = DEFAULT_THRESHOLDS,
): MenteeSuggestions[] {
  const gapsOf = (c: CityScores) =>
    Object.entries(c.sections)
      .filter(([, score]) => score !== null && score < thresholds.gap)
      .map(([code]) => code)
      .sort();

  return cities
    .map((mentee) => {
      const gaps = gapsOf(mentee);
      const candidates = cities
        .filter((mentor) => mentor.organisationId !== mentee.organisationId)
        .map((mentor): MentorCandidate => {
          const covers = gaps
            .map((sectionCode) => ({
              sectionCode,
              mentorScore: mentor.sections[sectionCode],
              menteeScore: mentee.sections[sectionCode] as number,
            }))
            .filter(
              (c): c is CoveredSection => typeof c.mentorScore === 'number' && c.mentorScore >= thresholds.strong,
            );
          const score =
            Math.round(covers.reduce((sum, c) => sum + (c.mentorScore - c.menteeScore) / 100, 0) * 1000) / 1000;
          return { mentorOrganisationId: mentor.organisationId, mentorName: mentor.name, score, covers };
        })
        .filter((c) => c.covers.length > 0)
        .sort(
          (a, b) => b.covers.length - a.covers.length || b.score - a.score || a.mentorName.localeCompare(b.mentorName),
        );
      return { menteeOrganisationId: mentee.organisationId, menteeName: mentee.name, gaps, candidates };
    })
    .filter((s) => s.gaps.length > 0)
    .sort((a, b) => a.menteeName.localeCompare(b.menteeName));
}
