import fc from 'fast-check';
import { exampleBody } from './idor-requests';
import { fillPath, resolve, type Operation } from './openapi-routes';
import { text, valueFor, wrongValue, type Pools } from './fuzz-values';
import type { RawRequest } from './raw-http';
import { kindOf, type Kind } from './resource-kinds';

export interface Credentials {
  /** Access tokens of live sessions (several roles), or placeholders swapped for them when sent. */
  valid: string[];
  /** The same with a damaged signature. */
  tampered: string[];
  /** Well-formed but wrong: another secret, `alg: none`, expired, an ended session. */
  forged: string[];
}

/** Percent-encodes anything, lone surrogates included: they go out as the invalid UTF-8 bytes %ED%A0%80…. */
export const percentEncode = (v: string) =>
  v
    .split(/([\ud800-\udfff])/)
    .map((part) =>
      /^[\ud800-\udfff]$/.test(part)
        ? Buffer.from([0xed, 0xa0 | ((part.charCodeAt(0) >> 6) & 0x1f), 0x80 | (part.charCodeAt(0) & 0x3f)])
            .toString('hex')
            .replace(/../g, '%$&')
            .toUpperCase()
        : encodeURIComponent(part),
    )
    .join('');

/** A header value Node's HTTP client will send: visible ASCII and tabs. */
const headerValue = () =>
  fc
    .oneof({ weight: 1, arbitrary: text() }, { weight: 6, arbitrary: fc.string({ maxLength: 300 }) })
    .map((v) => v.replace(/[^\t\x20-\x7e]/g, '?'));

const authorization = (creds: Credentials): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom(...creds.valid).map((t) => `Bearer ${t}`) },
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom(...creds.forged).map((t) => `Bearer ${t}`) },
    { weight: 1, arbitrary: fc.constantFrom(...creds.valid).map((t) => t) },
    { weight: 1, arbitrary: fc.constantFrom(...creds.tampered).map((t) => `Bearer ${t}`) },
    { weight: 1, arbitrary: headerValue().map((v) => `Bearer ${v}`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('Basic ', 'bearer ', 'Bearer  ', 'Token ', ''), headerValue())
        .map(([a, b]) => a + b),
    },
  );

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/xml',
  'application/octet-stream',
  '*/*',
  'application/json, text/plain',
  'application/merge-patch+json',
];

/** Bodies no JSON schema would produce: broken JSON, prototype pollution, deep nesting, bad bytes, too large. */
const RAW_BODIES: (string | Buffer)[] = [
  '',
  '{',
  '{"a":1,}',
  "{'a':1}",
  'null',
  '[]',
  '"text"',
  '42',
  'true',
  '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}',
  '{"a":1,"a":2}',
  '['.repeat(5_000) + ']'.repeat(5_000),
  '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000),
  '{"body":"\\ud800","title":"\\u0000"}',
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  `{"name":"${'x'.repeat(1_100_000)}"}`,
];

type GeneratedBody = { body?: string | Buffer; contentType?: string; change?: [key: string, value: unknown] };

/** A valid example body (as the IDOR matrix sends) with one field changed: gets past validation but for that field. */
const oneFieldChanged = (op: Operation, pools: Pools): fc.Arbitrary<GeneratedBody> | null => {
  const props = resolve(op.body ?? {}).properties ?? {};
  const keys = Object.keys(props);
  if (!keys.length) return null;
  const trouble = fc.constantFrom(
    'a\u0000b',
    'x\ud800y',
    '',
    ' ',
    'x'.repeat(20_000),
    -1,
    2 ** 31,
    1e308,
    null,
    [],
    {},
    'javascript:alert(1)',
  );
  return fc
    .constantFrom(...keys)
    .chain((key) =>
      fc
        .oneof(
          { weight: 3, arbitrary: valueFor(props[key], pools, 0.3) },
          { weight: 2, arbitrary: trouble },
          { weight: 2, arbitrary: fc.constant(undefined) },
        )
        .map((value): GeneratedBody => ({ contentType: 'application/json', change: [key, value] })),
    );
};

const body = (op: Operation, pools: Pools): fc.Arbitrary<GeneratedBody> => {
  const json = (value: fc.Arbitrary<unknown>) =>
    value.map((v) => ({ body: JSON.stringify(v) ?? 'null', contentType: 'application/json' }));
  const raw = fc.constantFrom(...RAW_BODIES).map((b) => ({ body: b, contentType: 'application/json' }));
  const otherType = fc
    .tuple(fc.constantFrom(...CONTENT_TYPES), fc.oneof(fc.constantFrom(...RAW_BODIES.slice(0, 10)), headerValue()))
    .map(([contentType, b]) => ({ body: b, contentType }));
  const none = fc.constant({});
  if (!op.body) {
    return fc.oneof(
      { weight: 12, arbitrary: none },
      { weight: 1, arbitrary: json(wrongValue()) },
      { weight: 1, arbitrary: raw },
      { weight: 1, arbitrary: otherType },
    );
  }
  const changed = oneFieldChanged(op, pools);
  return fc.oneof(
    { weight: changed ? 8 : 0, arbitrary: changed ?? none },
    { weight: 6, arbitrary: json(valueFor(op.body, pools, 0)) },
    { weight: 4, arbitrary: json(valueFor(op.body, pools, 0.1)) },
    { weight: 4, arbitrary: json(valueFor(op.body, pools, 0.6)) },
    { weight: 2, arbitrary: json(wrongValue()) },
    { weight: 2, arbitrary: raw },
    { weight: 1, arbitrary: otherType },
    { weight: 1, arbitrary: none },
  );
};

/** A path parameter: mostly the real thing of its kind, else another real id, a random UUID or junk; now and then raw. */
const pathValue = (fitting: string, pools: Pools) =>
  fc.oneof(
    { weight: 14, arbitrary: fc.constant(percentEncode(fitting)) },
    { weight: 2, arbitrary: fc.constantFrom(...pools.ids, ...pools.codes).map((v) => percentEncode(v)) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: text().map((v) => percentEncode(v)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%zz', '%', '..', '%2e%2e', '%2F', '.', '~', '*', '%00', '%C0%AE', '1', '-1', '0x10'),
    },
  );

const queryPart = (op: Operation, pools: Pools): fc.Arbitrary<string> => {
  const known = op.query.map((q) =>
    fc.option(
      fc.oneof(
        valueFor(q.schema, pools, 0.2).map(
          (v) => `${q.name}=${percentEncode(typeof v === 'string' ? v : JSON.stringify(v))}`,
        ),
        fc.tuple(text(), text()).map(([a, b]) => `${q.name}=${percentEncode(a)}&${q.name}=${percentEncode(b)}`),
        fc.constant(`${q.name}[x]=1`),
        fc.constant(q.name),
      ),
      { freq: q.required ? 8 : 3 },
    ),
  );
  const extra = fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.tuple(text(), text()).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '__proto__[isAdmin]=true',
        'constructor[prototype][isAdmin]=true',
        'a=%zz',
        '&&&',
        '=',
        'a[]=1&a[]=2',
        'limit=1e400',
      ),
    },
  );
  return fc
    .tuple(fc.tuple(...known), extra)
    .map(([parts, more]) => [...parts, more].filter((p): p is string => !!p).join('&'));
};

const extraHeaders = (): fc.Arbitrary<Record<string, string>> =>
  fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: someHeaders() });

const someHeaders = (): fc.Arbitrary<Record<string, string>> =>
  fc.record(
    {
      'idempotency-key': fc.oneof(fc.uuid(), headerValue()),
      'x-request-id': headerValue(),
      accept: fc.oneof(fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml'), headerValue()),
      'accept-language': headerValue(),
      origin: fc.oneof(fc.constantFrom('https://evil.example', 'null', 'http://citymentor.test'), headerValue()),
      'x-forwarded-for': headerValue(),
      cookie: headerValue(),
      'if-none-match': headerValue(),
      range: fc.constantFrom('bytes=0-1', 'bytes=-1', 'bytes=9999999999-', 'items=0-1'),
    },
    { requiredKeys: [] },
  );

const decoded = (params: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => {
      try {
        return [k, decodeURIComponent(v)];
      } catch {
        return [k, v];
      }
    }),
  );

/** One malformed (or nearly right) request to `op`: path, query, headers and body all generated. */
export function requestFor(
  op: Operation,
  pools: Pools,
  things: Record<Kind, string>,
  creds: Credentials,
): fc.Arbitrary<RawRequest> {
  const params = fc.record(
    Object.fromEntries(op.pathParams.map((p) => [p, pathValue(things[kindOf(op.path, p)], pools)])),
  );
  return fc
    .record({
      params,
      query: queryPart(op, pools),
      auth: authorization(creds),
      body: body(op, pools),
      headers: extraHeaders(),
    })
    .map(({ params: p, query, auth, body: b, headers }) => {
      const all: Record<string, string> = { ...headers };
      if (auth !== undefined) all.authorization = auth;
      if (b.contentType) all['content-type'] = b.contentType;
      const path = fillPath(op.path, p, true);
      const example = b.change && (exampleBody(op, decoded(p)) as Record<string, unknown>);
      const sent = b.change
        ? JSON.stringify(b.change[1] === undefined ? example : { ...example, [b.change[0]]: b.change[1] })
        : b.body;
      return { method: op.method.toUpperCase(), path: query ? `${path}?${query}` : path, headers: all, body: sent };
    });
}
