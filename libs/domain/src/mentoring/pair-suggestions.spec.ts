import { suggestPairs, type CityScores } from './pair-suggestions';

const city = (name: string, sections: Record<string, number | null>): CityScores => ({
  organisationId: name.toLowerCase(),
  name,
  sections,
});

describe('suggestPairs', () => {
  const tampere = city('Tampere', { strategy: 20, finance: 40, networking: 90 });
  const helsinki = city('Helsinki', { strategy: 95, finance: 80, networking: 60 });
  const vienna = city('Vienna', { strategy: 80, finance: 30, networking: 85 });
  const lisbon = city('Lisbon', { strategy: 45, finance: null, networking: 10 });

  it('ranks mentors by how many of the mentee’s gaps their strong sections cover, and explains which', () => {
    const [forLisbon, forTampere, forVienna] = suggestPairs([tampere, helsinki, vienna, lisbon]);
    expect(forTampere.gaps).toEqual(['finance', 'strategy']);
    expect(forTampere.candidates.map((c) => c.mentorName)).toEqual(['Helsinki', 'Vienna']);
    expect(forTampere.candidates[0]).toEqual({
      mentorOrganisationId: 'helsinki',
      mentorName: 'Helsinki',
      score: 1.15,
      covers: [
        { sectionCode: 'finance', mentorScore: 80, menteeScore: 40 },
        { sectionCode: 'strategy', mentorScore: 95, menteeScore: 20 },
      ],
    });
    expect(forTampere.candidates[1].covers.map((c) => c.sectionCode)).toEqual(['strategy']);

    // Lisbon's unscored section is no gap; two mentors cover one section each: the larger lead wins.
    expect(forLisbon.gaps).toEqual(['networking', 'strategy']);
    expect(forLisbon.candidates.map((c) => [c.mentorName, c.covers.length])).toEqual([
      ['Vienna', 2],
      ['Tampere', 1],
      ['Helsinki', 1],
    ]);
    expect(forVienna.candidates.map((c) => c.mentorName)).toEqual(['Helsinki']);
  });

  it('leaves out cities without gaps, and mentors who cover nothing', () => {
    const result = suggestPairs([helsinki, city('Weak', { strategy: 10, finance: 10, networking: 10 })]);
    expect(result.map((r) => r.menteeName)).toEqual(['Weak']);
    expect(result[0].candidates.map((c) => c.mentorName)).toEqual(['Helsinki']);
    expect(suggestPairs([helsinki])).toEqual([]);
  });

  it('honours other thresholds', () => {
    const [forTampere] = suggestPairs([tampere, vienna], { strong: 90, gap: 50 });
    expect(forTampere.candidates).toEqual([]);
  });
});
