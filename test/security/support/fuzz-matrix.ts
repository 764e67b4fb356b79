import { fillPath, resolve, type Operation, type Schema } from './openapi-routes';
import { percentEncode } from './fuzz-requests';
import type { RawRequest } from './raw-http';
import { kindOf, type Kind } from './resource-kinds';
import { bodyFields, fittingBody, writerOf, type CastIds } from './write-routes';

/**
 * The field-by-field half of the HTTP fuzz: where the random half samples, this goes through every
 * body field of every write route, every query parameter and every path parameter in turn, each
 * with the values that have broken servers (null, [], {}, the wrong type, empty and huge strings,
 * huge and negative numbers, impossible calendar dates), on a request that is otherwise right and
 * sent by the role that may make it, so the value reaches the service and the database behind it.
 */
export interface MatrixCase {
  op: Operation;
  /** `body title = null`, `query cursor = year 0000`, `path id = …`. */
  what: string;
  request: RawRequest;
  /** The JSON body sent, when there is one (for a retry with the current version). */
  body?: Record<string, unknown>;
}

type Labelled = [label: string, value: unknown];

/** Dates no calendar has, the edges of the ones it has, and what is not a date at all. */
export const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '0000-01-01',
  '2023-02-29',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '2026-01-00',
  '-0001-01-01',
  '+275760-09-14',
];
const DATE_EDGES = ['0001-01-01', '9999-12-31', '2024-02-29', '2026-1-1', '2026-01-01T00:00:00Z', '20260101'];

const LONG = 'x'.repeat(100_000);
const HUGE_NUMBERS = [2 ** 31, 2 ** 53 + 2, 1e308, -1e308, -(2 ** 31) - 1];

const label = (value: unknown) => {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 20)}… (${json.length} chars)` : json;
};
const labelled = (values: unknown[]): Labelled[] => values.map((v) => [label(v), v]);

/** The values a field of `schema` gets in turn: the same for every field, then its own type's edges and wrong types. */
export function edgeValues(schema: Schema): Labelled[] {
  const common: unknown[] = [null, [], {}];
  if (schema.nullable) common.shift(); // null is what it accepts (the null-fields test checks what it does)
  const own = (): unknown[] => {
    if (schema.enum)
      return ['', 'not-one-of-them', `${schema.enum.find((v) => typeof v === 'string') ?? ''}`.toUpperCase(), 42, true];
    switch (schema.type) {
      case 'string':
        if (schema.format === 'date') return [...IMPOSSIBLE_DATES, ...DATE_EDGES, '', 20260101];
        if (schema.format === 'date-time')
          return ['2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '2026-01-01T25:00:00Z', '', 0];
        if (schema.format === 'uuid')
          return ['', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', 42];
        return [
          '',
          ' ',
          'x'.repeat(Math.min((schema.maxLength ?? 10_000) + 1, 100_000)),
          LONG,
          'a\u0000b',
          'x\ud800y',
          42,
          true,
        ];
      case 'integer':
      case 'number':
        return [0, -1, 1.5, ...HUGE_NUMBERS, (schema.minimum ?? 0) - 1, (schema.maximum ?? 1e9) + 1, '1', true];
      case 'boolean':
        return ['true', 0, 1];
      case 'array':
        return [[null], [[]], [{}], [''], [LONG], [42], Array.from({ length: 501 }, (_, i) => `item-${i}`), 'x'];
      default:
        return ['x', 42, true, [null]];
    }
  };
  return labelled([...common, ...own()]);
}

/** Strings for a query parameter: empty, huge, numeric edges, impossible dates, and NUL. */
const QUERY_VALUES = [
  '',
  ' ',
  'x'.repeat(5_000),
  '-1',
  '0',
  '1.5',
  '1e400',
  '99999999999999999999',
  'NaN',
  'null',
  '[]',
  '\u0000',
  ...IMPOSSIBLE_DATES.slice(0, 3),
];

/** What a real cursor can be turned into while keeping its form: impossible dates and times inside, other ids, cut short. */
export function cursorVariants(real: string): Labelled[] {
  if (/^\d+$/.test(real)) {
    return labelled([
      '0',
      '-1',
      '9'.repeat(18),
      '9'.repeat(19),
      '9'.repeat(40),
      String(BigInt(real) + 1n),
      `${real}.5`,
      `${real}e3`,
      `0x${real}`,
      ` ${real}`,
    ]);
  }
  const decoded = Buffer.from(real, 'base64url').toString('utf8');
  const encode = (text: string) => Buffer.from(text).toString('base64url');
  const out: Labelled[] = [];
  const date = /\d{4}-\d{2}-\d{2}/;
  if (date.test(decoded)) {
    for (const d of IMPOSSIBLE_DATES) out.push([`its date ${d}`, encode(decoded.replace(date, d))]);
    out.push(['its time 25:61:61', encode(decoded.replace(/T\d{2}:\d{2}:\d{2}/, 'T25:61:61'))]);
    out.push(['its time without a zone', encode(decoded.replace(/Z\b/, ''))]);
  }
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
  if (uuid.test(decoded)) {
    out.push(['its id not a UUID', encode(decoded.replace(uuid, 'not-a-uuid'))]);
    out.push(['its id zeros', encode(decoded.replace(uuid, '00000000-0000-0000-0000-000000000000'))]);
  }
  out.push(
    ['a part more', encode(`${decoded}|x`)],
    ['its parts swapped', encode(decoded.split('|').reverse().join('|'))],
    ['only its first part', encode(decoded.split('|')[0])],
  );
  out.push(
    ['cut short', real.slice(0, -3)],
    ['base64 with padding', Buffer.from(decoded).toString('base64')],
    ['a byte that is not UTF-8', Buffer.from([0xff, 0xfe, ...Buffer.from(decoded)]).toString('base64url')],
  );
  out.push(['NUL inside', encode(`${decoded}\u0000`)], ['huge', encode(decoded.repeat(50)).slice(0, 200)]);
  return out;
}

/** Path parameters that look like the real thing and are not: another form of its id, impossible numbers, huge codes. */
function pathVariants(kind: Kind, fitting: string): Labelled[] {
  switch (kind) {
    case 'revisionNumber':
      return labelled(['0', '-1', '1.5', '1e3', '01', '2147483648', '9'.repeat(40), 'NaN']);
    case 'questionCode':
    case 'factorCode':
    case 'benchmarkCode':
      return labelled([`${fitting}9`, fitting.toUpperCase(), `${fitting}..x`, 'x'.repeat(300), '%00', '%20', '-']);
    case 'invitationToken':
      return labelled([fitting.toUpperCase(), `${fitting}x`, fitting.slice(0, -1), 'x'.repeat(300), '%00']);
    default:
      return labelled([
        fitting.toUpperCase(),
        `${fitting}x`,
        fitting.slice(0, -1),
        '00000000-0000-0000-0000-000000000000',
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
        `${fitting}%00`,
        '2026-02-30',
        'x'.repeat(300),
      ]);
  }
}

/** The token placeholder of the route's writer (swapped for a live token when sent). */
const authorization = (op: Operation): Record<string, string> => {
  const who = writerOf(op);
  return who === 'anonymous' ? {} : { authorization: `Bearer {{token:${who}}}` };
};

/**
 * Every case of the matrix for `ops`, on the world's things. `cursors` holds a real `cursor` value
 * per route that pages (the nextCursor of its first page).
 */
export function matrixCases(
  ops: Operation[],
  things: Record<Kind, string>,
  ids: CastIds,
  cursors: Record<string, string>,
): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const op of ops) {
    const params = Object.fromEntries(op.pathParams.map((p) => [p, things[kindOf(op.path, p)]]));
    const fitting = op.body ? fittingBody(op, params, ids) : undefined;
    const query = op.query
      .filter((q) => q.required)
      .map((q) => `${q.name}=${encodeURIComponent(typeof q.schema.example === 'string' ? q.schema.example : 'x')}`);
    const headers = { ...authorization(op), ...(fitting ? { 'content-type': 'application/json' } : {}) };
    const make = (
      what: string,
      path: string,
      body: Record<string, unknown> | undefined,
      q: string[] = query,
    ): MatrixCase => ({
      op,
      what,
      body,
      request: {
        method: op.method.toUpperCase(),
        path: q.length ? `${path}?${q.join('&')}` : path,
        headers,
        body: body && JSON.stringify(body),
      },
    });
    const path = fillPath(op.path, params);

    for (const [field, schema] of bodyFields(op)) {
      for (const [l, value] of edgeValues(schema))
        cases.push(make(`body ${field} = ${l}`, path, { ...fitting, [field]: value }));
      // One level down: the fields of an object field (a comment's target), each in turn.
      for (const [inner, innerSchema] of schema.properties ? Object.entries(schema.properties) : []) {
        const base = (fitting?.[field] ?? {}) as Record<string, unknown>;
        for (const [l, value] of edgeValues(resolve(innerSchema)))
          cases.push(make(`body ${field}.${inner} = ${l}`, path, { ...fitting, [field]: { ...base, [inner]: value } }));
      }
    }
    for (const q of op.query) {
      const others = query.filter((part) => !part.startsWith(`${q.name}=`));
      const values: Labelled[] = [
        ...labelled(QUERY_VALUES),
        ...(q.name === 'cursor' && cursors[op.name] ? cursorVariants(cursors[op.name]) : []),
      ];
      for (const [l, value] of values)
        cases.push(
          make(`query ${q.name} = ${l}`, path, fitting, [...others, `${q.name}=${percentEncode(String(value))}`]),
        );
      cases.push(make(`query ${q.name} twice`, path, fitting, [...others, `${q.name}=1`, `${q.name}=2`]));
    }
    for (const p of op.pathParams) {
      for (const [l, value] of pathVariants(kindOf(op.path, p), params[p])) {
        const raw = String(value);
        const encoded = /%[0-9A-F]{2}/i.test(raw) ? raw : percentEncode(raw);
        cases.push(make(`path ${p} = ${l}`, fillPath(op.path, { ...params, [p]: encoded }, true), fitting));
      }
    }
  }
  // Bodies first, then queries, then paths: a path case that fits after all (an id in capitals) may
  // archive the plan or delete the comment the other cases need.
  const order = (c: MatrixCase) => ['body', 'query', 'path'].indexOf(c.what.split(' ')[0]);
  return cases.sort((a, b) => order(a) - order(b));
}
