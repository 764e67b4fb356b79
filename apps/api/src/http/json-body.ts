import type { Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * JSON bodies nested deeper than this are refused before they are parsed: every later step
 * (class-transformer, class-validator, the idempotency fingerprint) walks them recursively, and a few
 * kilobytes of `[[[[…` would otherwise exhaust the stack. Our deepest document, a benchmark, nests 6.
 */
export const MAX_JSON_DEPTH = 32;

/** How deeply `text` nests arrays and objects (brackets inside strings do not count); stops once past `limit`. */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      max = Math.max(max, ++depth);
      if (max > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** A NUL character (Postgres text cannot hold it) or half of a surrogate pair (not Unicode; validators throw on it). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found: Postgres text cannot store it
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The dotted path of the first string (key or value) in `value` that cannot be stored as text, or null. */
export function unstorableTextAt(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || '(body)' : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (UNSTORABLE.test(key)) return at;
    const found = unstorableTextAt(child, at);
    if (found) return found;
  }
  return null;
}

/** A 400 in the contract's shape, naming the field when there is one. */
const badBody = (message: string, path?: string) =>
  Object.assign(new Error(message), {
    statusCode: 400,
    code: 'VALIDATION_FAILED',
    details: path ? [{ path, message }] : undefined,
  });

/**
 * The only body parser: JSON (Fastify's own parser, refusing `__proto__` and `constructor.prototype`),
 * within the size limit and MAX_JSON_DEPTH, with text that can be stored (no NUL, no lone surrogate).
 * Any other media type but text/plain gets 415.
 */
export function useJsonBodies(app: NestFastifyApplication, bodyLimit: number) {
  const parse = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<Server>('application/json', { bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
      return done(
        badBody(`The request body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep`),
        undefined,
      );
    // Fastify's JSON parser answers through the callback; its typed Promise return carries nothing.
    void parse(request, text, (error, value) => {
      if (error) return done(error, undefined);
      const at = unstorableTextAt(value);
      if (at) return done(badBody(`${at} must not contain a NUL character or half of a surrogate pair`, at), undefined);
      done(null, value);
    });
  });
}
