import fc from 'fast-check';
import { resolve, type Schema } from './openapi-routes';

/** Real ids and codes of the database under test, so generated requests also reach past "not found". */
export interface Pools {
  ids: string[];
  codes: string[];
}

/** Strings that have broken servers before: NUL, lone surrogates, traversal, injections, huge, numeric edge cases. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\uffff',
  '💥',
  'é',
  '../../../../etc/passwd',
  '..%2f..%2f',
  '%00',
  '%',
  '%zz',
  "' OR '1'='1",
  '1; drop table users; --',
  '${process.exit()}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'file:///etc/passwd',
  'http://127.0.0.1:6379/',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  '9223372036854775808',
  '0x1F',
  'true',
  'null',
  '[]',
  '{}',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  'a'.repeat(300),
  'a'.repeat(70_000),
];

export const NASTY_NUMBERS = [
  0,
  -0,
  -1,
  1,
  1.5,
  -0.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 63,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  5e-324,
];

export const text = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  );

export const number = (): fc.Arbitrary<number> =>
  fc.oneof(fc.constantFrom(...NASTY_NUMBERS), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

/** A value of any JSON type, as a client with the wrong idea would send. */
export const wrongValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    text(),
    number(),
    fc.boolean(),
    fc.constant(null),
    fc.constant([]),
    fc.constant({}),
    fc.jsonValue({ maxDepth: 2 }),
    fc.array(text(), { maxLength: 3 }),
  );

const isoDate = () =>
  fc.oneof(
    fc.constantFrom(
      '2030-01-01',
      '2027-02-30',
      '2030-13-01',
      '0000-00-00',
      '2030-1-1',
      '9999-12-31',
      '2030-01-01T00:00:00Z',
    ),
    fc
      .date({ noInvalidDate: true, min: new Date('0001-01-01'), max: new Date('9999-12-31') })
      .map((d) => d.toISOString().slice(0, 10)),
  );

/**
 * A value for `schema`: mostly one that fits (real ids, enum members, numbers in range) so requests
 * get past validation, sometimes a wrong one; `chaos` is the share of wrong values (0 to 1).
 */
export function valueFor(schema: Schema, pools: Pools, chaos: number, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const wrongWeight = Math.round(chaos * 10);
  const fitting = fittingValue(s, pools, chaos, depth);
  if (wrongWeight === 0) return fitting;
  return fc.oneof({ weight: 10 - wrongWeight, arbitrary: fitting }, { weight: wrongWeight, arbitrary: wrongValue() });
}

function fittingValue(s: Schema, pools: Pools, chaos: number, depth: number): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid')
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...pools.ids) },
          { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
        );
      if (s.format === 'date') return isoDate();
      if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      return fc.oneof(
        { weight: typeof s.example === 'string' ? 4 : 0, arbitrary: fc.constant(String(s.example)) },
        {
          weight: 3,
          arbitrary: fc.string({ minLength: s.minLength ?? 1, maxLength: Math.min(s.maxLength ?? 60, 60) }),
        },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            ...pools.codes,
            'https://example.org/x',
            'a@example.eu',
            'BE',
            'a-long-enough-passphrase',
          ),
        },
        // Of the right type, and still trouble: NUL, a lone surrogate, control and right-to-left characters.
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'a\u0000b',
            '\u0000',
            'x\ud800y',
            'x\udfffy',
            '\u202etxt.exe',
            'tab\tnew\nline\r',
            '💥🏳️‍🌈',
            '\ufeffbom',
          ),
        },
        { weight: chaos > 0 ? 1 : 0, arbitrary: text() },
      );
    case 'integer':
    case 'number': {
      const inRange = fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 5 });
      return chaos > 0 ? fc.oneof(inRange, number()) : inRange;
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.oneof(
        { weight: Array.isArray(s.example) ? 4 : 0, arbitrary: fc.constant(s.example) },
        {
          weight: 8,
          arbitrary: fc.array(depth > 3 ? wrongValue() : valueFor(s.items ?? {}, pools, chaos, depth + 1), {
            maxLength: 4,
          }),
        },
        { weight: chaos > 0 ? 1 : 0, arbitrary: fc.constant(Array.from({ length: 500 }, (_, i) => `item-${i}`)) },
      );
    case 'object':
    default:
      if (!s.properties || depth > 3) return fc.jsonValue({ maxDepth: 2 });
      return objectFor(s, pools, chaos, depth);
  }
}

/** An object of the schema: required keys mostly present, others sometimes, plus unknown keys now and then. */
function objectFor(s: Schema, pools: Pools, chaos: number, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, prop] of Object.entries(s.properties ?? {})) model[key] = valueFor(prop, pools, chaos, depth + 1);
  const required = chaos < 0.5 ? (s.required ?? []) : [];
  const known = fc.record(model, { requiredKeys: required.filter((k) => k in model) });
  const unknown = fc.dictionary(
    fc.oneof(
      fc.constantFrom('isAdmin', 'id', 'role', 'version', 'userId', 'programmeId'),
      fc.string({ maxLength: 10 }),
    ),
    wrongValue(),
    { maxKeys: 2 },
  );
  return fc.oneof(
    { weight: 4, arbitrary: known },
    { weight: chaos > 0 ? 1 : 0, arbitrary: fc.tuple(known, unknown).map(([a, b]) => ({ ...b, ...a })) },
  );
}
