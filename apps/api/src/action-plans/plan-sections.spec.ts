import { loadCatalogue } from '@citymentor/benchmarks';
import { examplesOf, gapCodeErrors, gapsOf, sectionCodeErrors, type PairSections } from './plan-sections';

const benchmark = loadCatalogue().find((b) => b.code === 'migrant-entrepreneurs')!;
const sections = benchmark.sections.map((s) => ({
  code: s.code,
  questionCodes: s.guideQuestions.map((q) => q.code),
  examples: s.examples,
}));
const all: PairSections = { sections, focus: [] };
const focused: PairSections = { sections, focus: ['strategy', 'networking'] };

describe('the sections and gaps of a plan', () => {
  it("accepts sections of the benchmark, and within the pair's focus when it has one", () => {
    expect(sectionCodeErrors(['access-to-finance'], all)).toEqual([]);
    expect(sectionCodeErrors(['networking'], focused)).toEqual([]);
    expect(sectionCodeErrors(['access-to-finance'], focused)).toEqual([
      { path: 'sectionCodes', message: expect.stringContaining('not: access-to-finance') },
    ]);
    expect(sectionCodeErrors(['strategy', 'moon'], all)).toEqual([
      { path: 'sectionCodes', message: expect.stringContaining('unknown: moon') },
    ]);
  });

  it("accepts only gap questions of the plan's own sections", () => {
    expect(gapCodeErrors(['strategy.q1', 'strategy.q6'], ['strategy'], all)).toEqual([]);
    expect(gapCodeErrors(['networking.q1'], ['strategy'], all)).toEqual([
      { path: 'gapQuestionCodes', message: expect.stringContaining('networking.q1') },
    ]);
  });

  it('takes the questions rated 0 or 1 in the chosen sections as gaps, in benchmark order', () => {
    const answers = [
      { questionCode: 'strategy.q3', rating: 1 as const },
      { questionCode: 'strategy.q1', rating: 0 as const },
      { questionCode: 'strategy.q2', rating: 2 as const },
      { questionCode: 'strategy.q4', rating: null },
      { questionCode: 'networking.q1', rating: 0 as const },
    ];
    expect(gapsOf(['strategy'], all, answers)).toEqual(['strategy.q1', 'strategy.q3']);
    expect(gapsOf(['strategy', 'networking'], all, answers)).toEqual(['strategy.q1', 'strategy.q3', 'networking.q1']);
  });

  it("gives the toolkit's city examples of the chosen sections", () => {
    expect(examplesOf(['positive-communication'], all).map((e) => [e.sectionCode, e.city])).toEqual([
      ['positive-communication', 'West Midlands'],
      ['positive-communication', 'Nicosia'],
      ['positive-communication', 'Vienna'],
    ]);
  });
});
