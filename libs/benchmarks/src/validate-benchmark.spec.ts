import { loadCatalogue } from './catalogue';
import { validateBenchmark } from './validate-benchmark';

// Each case breaks the document on purpose, in ways its type forbids, so the copy is untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Breakable = any;
const valid = (): Breakable => JSON.parse(JSON.stringify(loadCatalogue()[0]));

describe('validateBenchmark', () => {
  it('accepts the bundled migrant-entrepreneurs benchmark: 9 sections, 40 questions, 21 examples, 10 factors', () => {
    const [doc] = loadCatalogue();
    expect(validateBenchmark(doc).ok).toBe(true);
    expect(doc.sections).toHaveLength(9);
    expect(doc.sections.flatMap((s) => s.guideQuestions)).toHaveLength(40);
    expect(doc.sections.flatMap((s) => s.examples)).toHaveLength(21);
    expect(doc.contextFactors).toHaveLength(10);
  });

  it.each([
    ['a missing field', (d: Breakable) => delete d.sections[2].rationale, 'sections[2].rationale', 'must be a string'],
    ['a wrong type', (d: Breakable) => (d.sections[0].order = 'one'), 'sections[0].order', 'positive integer'],
    ['an unknown field', (d: Breakable) => (d.sections[1].extra = 1), 'sections[1].extra', 'not a known field'],
    ['a non-kebab code', (d: Breakable) => (d.code = 'Migrant Entrepreneurs'), 'code', 'kebab-case'],
    [
      'an empty guide question list',
      (d: Breakable) => (d.sections[4].guideQuestions = []),
      'sections[4].guideQuestions',
      'at least 1',
    ],
    [
      'a link that is not http(s)',
      (d: Breakable) => (d.sections[0].examples[0].links = ['javascript:alert(1)']),
      'sections[0].examples[0].links[0]',
      'http(s) URL',
    ],
    ['a huge text', (d: Breakable) => (d.standard = 'x'.repeat(30_000)), 'standard', 'at most'],
    [
      'a null contact is fine but a number is not',
      (d: Breakable) => (d.sections[0].examples[0].contact = 5),
      'sections[0].examples[0].contact',
      'must be a string',
    ],
  ])('refuses %s, naming the exact path', (_name, breakIt, path, message) => {
    const doc = valid();
    breakIt(doc);
    const result = validateBenchmark(doc);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual(expect.arrayContaining([{ path, message: expect.stringContaining(message) }]));
  });

  it('checks cross-references once the shape is right: unique codes, questions under their section', () => {
    const doc = valid();
    doc.sections[1].code = doc.sections[0].code;
    doc.sections[2].guideQuestions[0].code = 'strategy.q1';
    const result = validateBenchmark(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).toEqual(
        expect.arrayContaining([
          'sections[1].code',
          'sections[1].guideQuestions[0].code',
          'sections[2].guideQuestions[0].code',
        ]),
      );
    }
  });

  it('refuses what is not an object at all', () => {
    for (const input of [null, [], 'text', 42])
      expect(validateBenchmark(input)).toEqual({ ok: false, errors: [expect.objectContaining({ path: '(root)' })] });
  });
});
