import { calibrationFlags, peerStatistics, scoreAssessment, scoreDelta } from './scoring';

const SECTIONS = [
  { code: 'strategy', guideQuestions: [{ code: 'strategy.q1' }, { code: 'strategy.q2' }, { code: 'strategy.q3' }] },
  { code: 'networking', guideQuestions: [{ code: 'networking.q1' }, { code: 'networking.q2' }] },
];

describe('scoreAssessment', () => {
  it('scores each section as the share of attainable points, excluding not applicable', () => {
    const result = scoreAssessment(SECTIONS, [
      { questionCode: 'strategy.q1', rating: 2 },
      { questionCode: 'strategy.q2', rating: 1 },
      { questionCode: 'strategy.q3', rating: null },
      { questionCode: 'networking.q1', rating: 0 },
    ]);
    expect(result.sections).toEqual([
      { sectionCode: 'strategy', score: 75, answered: 3, notApplicable: 1, questions: 3, gaps: ['strategy.q2'] },
      { sectionCode: 'networking', score: 0, answered: 1, notApplicable: 0, questions: 2, gaps: ['networking.q1'] },
    ]);
    // Overall counts questions, not sections: 3 points of 6.
    expect(result.overall).toBe(50);
  });

  it('has no score where nothing applicable is answered', () => {
    const result = scoreAssessment(SECTIONS, [{ questionCode: 'strategy.q1', rating: null }]);
    expect(result.sections.map((s) => s.score)).toEqual([null, null]);
    expect(result.overall).toBeNull();
  });

  it('ignores answers to questions the benchmark does not have', () => {
    expect(scoreAssessment(SECTIONS, [{ questionCode: 'other.q1', rating: 2 }]).overall).toBeNull();
  });

  it('rounds to one decimal', () => {
    const result = scoreAssessment(SECTIONS, [
      { questionCode: 'strategy.q1', rating: 2 },
      { questionCode: 'strategy.q2', rating: 0 },
      { questionCode: 'strategy.q3', rating: 0 },
    ]);
    expect(result.sections[0].score).toBe(33.3);
  });
});

describe('scoreDelta', () => {
  it('gives follow-up minus baseline per section, null where either is missing', () => {
    const baseline = scoreAssessment(SECTIONS, [{ questionCode: 'strategy.q1', rating: 0 }]);
    const followUp = scoreAssessment(SECTIONS, [
      { questionCode: 'strategy.q1', rating: 2 },
      { questionCode: 'networking.q1', rating: 1 },
    ]);
    expect(scoreDelta(baseline, followUp)).toEqual([
      { sectionCode: 'strategy', delta: 100 },
      { sectionCode: 'networking', delta: null },
    ]);
  });
});

describe('calibrationFlags', () => {
  it('flags the questions where the mentor rated differently, including n/a against a rating', () => {
    expect(
      calibrationFlags([
        { questionCode: 'a', rating: 2, mentorRating: 2 },
        { questionCode: 'b', rating: 2, mentorRating: 1 },
        { questionCode: 'c', rating: 1 },
        { questionCode: 'd', rating: 1, mentorRating: null },
      ]),
    ).toEqual(['b', 'd']);
  });
});

describe('peerStatistics', () => {
  it('gives average and range over the cities that have a score', () => {
    const a = scoreAssessment(SECTIONS, [{ questionCode: 'strategy.q1', rating: 2 }]);
    const b = scoreAssessment(SECTIONS, [{ questionCode: 'strategy.q1', rating: 1 }]);
    const c = scoreAssessment(SECTIONS, []);
    expect(peerStatistics(['strategy', 'networking'], [a, b, c])).toEqual([
      { sectionCode: 'strategy', average: 75, min: 50, max: 100, cities: 2 },
      { sectionCode: 'networking', average: null, min: null, max: null, cities: 0 },
    ]);
  });
});
