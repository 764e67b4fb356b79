import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Ajv from 'ajv';
import { OpenAPIRouter, OpenAPIValidator, ValidationContext, type Document } from 'openapi-backend';
import type { Response, Test } from 'supertest';

/**
 * Every response the e2e suites receive is checked against the committed docs/openapi.json (the
 * document the web client is typed from; health.e2e-spec checks it equals the generated one): its
 * status must be one the operation documents, its content type one documented for that status, and
 * a JSON body must match the documented schema, with no field the schema does not name. CSV, PDF and
 * HTML answers are checked by status and content type only.
 */

/** The committed document; OPENAPI_DOCUMENT names another (e.g. one written by `npm run openapi -- <file>`). */
const DOCUMENT = process.env.OPENAPI_DOCUMENT ?? join(__dirname, '../../docs/openapi.json');

type Node = Record<string, unknown>;

/**
 * The document as plain JSON Schema for ajv: `$ref`s replaced by what they name, OpenAPI 3.0's
 * `nullable` as `anyOf: [null, …]` (ajv honours it only beside `type`, not through `allOf` or `enum`),
 * and objects closed (`additionalProperties: false` unless the schema says otherwise), so a field the
 * code sends but the document does not name fails too.
 */
function forValidation(document: Node): Node {
  const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
  const convert = (value: unknown, seen: string[]): unknown => {
    if (Array.isArray(value)) return value.map((v) => convert(v, seen));
    if (typeof value !== 'object' || value === null) return value;
    const node = value as Node;
    if (typeof node.$ref === 'string') {
      const name = node.$ref.split('/').pop()!;
      if (seen.includes(name)) throw new Error(`docs/openapi.json: ${name} refers to itself`);
      return convert(schemas[name], [...seen, name]);
    }
    let out: Node = Object.fromEntries(
      Object.entries(node).map(([key, v]) => [key, key === 'example' ? v : convert(v, seen)]),
    );
    if (out.type === 'object' && out.properties && out.additionalProperties === undefined)
      out.additionalProperties = false;
    if (out.nullable === true) {
      const rest = { ...out };
      delete rest.nullable;
      out = { anyOf: [{ type: 'null' }, rest] };
    }
    return out;
  };
  return { ...document, paths: convert(document.paths, []), components: {} };
}

/** Formats the document uses, checked (ajv knows none of them by itself). */
const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  email: /^[^\s@]+@[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:\S*$/i,
};

let validator: OpenAPIValidator | undefined;
let errorSchema: ReturnType<Ajv['compile']> | undefined;

function load() {
  if (validator) return validator;
  const document = JSON.parse(readFileSync(DOCUMENT, 'utf8')) as Node;
  const customizeAjv = (ajv: Ajv) => {
    for (const [name, pattern] of Object.entries(FORMATS)) ajv.addFormat(name, pattern);
    return ajv;
  };
  const definition = forValidation(document) as unknown as Document;
  validator = new OpenAPIValidator({
    definition,
    // Fastify answers `/benchmarks/` with 404: a trailing slash is another path.
    router: new OpenAPIRouter({ definition, ignoreTrailingSlashes: false }),
    lazyCompileValidators: true,
    customizeAjv,
  });
  const error = forValidation({
    paths: { error: (document.components as { schemas: Node }).schemas.Error },
    components: document.components,
  }).paths;
  errorSchema = validator.getAjv(ValidationContext.Response).compile((error as Node).error as object);
  return validator;
}

/** `/items/0/score` as `body.items[0].score`. */
const jsonPath = (pointer: string) =>
  'body' + pointer.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\/([^/[]+)/g, '.$1');

interface AjvError {
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
  keyword: string;
}

/** ajv's errors, one line each; the `anyOf` wrappers of nullable fields repeat the inner error, so they go. */
function describeErrors(errors: AjvError[]): string {
  const lines = errors
    .filter((e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params?.type === 'null'))
    .map((e) => {
      const extra =
        e.keyword === 'additionalProperties'
          ? ` (${String(e.params?.additionalProperty)})`
          : e.keyword === 'enum'
            ? ` (${JSON.stringify(e.params?.allowedValues)})`
            : '';
      return `  ${jsonPath(e.instancePath)} ${e.message ?? e.keyword}${extra}`;
    });
  return [...new Set(lines.length ? lines : errors.map((e) => `  ${jsonPath(e.instancePath)} ${e.message}`))].join(
    '\n',
  );
}

/** What the check reads of a response: supertest's, or a raw one with its JSON parsed. */
export interface AnsweredResponse {
  status: number;
  headers: Record<string, unknown>;
  body: unknown;
}

/** What is wrong with `res` as the answer to `method url` according to the document, or undefined. */
export function responseProblem(method: string, url: string, res: AnsweredResponse): string | undefined {
  const openapi = load();
  const [path, query = ''] = url.split('?');
  const operation = openapi.router.matchOperation({
    method: method.toLowerCase(),
    path,
    headers: {},
    query: Object.fromEntries(new URLSearchParams(query)),
  });
  const header = res.headers['content-type'];
  const contentType = (typeof header === 'string' ? header : '').split(';')[0];
  const body: unknown = res.body;
  // 414 and 431 come from the HTTP server's limits on the request line and headers, before any route:
  // like an unknown path, they must be an Error but belong to no operation.
  if (!operation || res.status === 414 || res.status === 431) {
    // Not a route of the document (an unknown path, /api/docs): an error must still be an Error.
    if (res.status >= 400 && contentType === 'application/json' && !errorSchema!(body))
      return `${method.toUpperCase()} ${path} (no operation) ${res.status}: the body is not an Error:\n${describeErrors(errorSchema!.errors as AjvError[])}`;
    return undefined;
  }
  const name = `${operation.operationId} (${method.toUpperCase()} ${operation.path})`;
  const responses = (operation.responses ?? {}) as Record<string, { content?: Record<string, unknown> }>;
  const documented = responses[String(res.status)];
  if (!documented)
    return `${name} answered ${res.status}, which the document does not list (it lists ${Object.keys(responses).join(', ')}); body ${JSON.stringify(body).slice(0, 300)}`;
  if (!documented.content) {
    if (res.status !== 204 && contentType)
      return `${name} ${res.status}: sent ${contentType}, the document describes no content`;
    return undefined;
  }
  if (!documented.content[contentType])
    return `${name} ${res.status}: sent content type ${contentType || '(none)'}, the document lists ${Object.keys(documented.content).join(', ')}`;
  if (contentType !== 'application/json') return undefined;
  const result = openapi.validateResponse(body, operation, res.status);
  if (result.valid) return undefined;
  return `${name} ${res.status}: the body does not match docs/openapi.json:\n${describeErrors((result.errors ?? []) as AjvError[])}`;
}

/** With OPENAPI_MISMATCH_LOG=file, mismatches are appended there instead of failing (to survey them all in one run). */
const SURVEY = process.env.OPENAPI_MISMATCH_LOG;

/** Makes `test` fail when its response does not match the document (see responseProblem). */
export function checkedAgainstDocument<T extends Test>(test: T, method: string, url: string): T {
  return test.expect((res: Response) => {
    const problem = responseProblem(method, url, res);
    if (problem && SURVEY) appendFileSync(SURVEY, `${expect.getState().testPath}\n${problem}\n\n`);
    else if (problem) throw new Error(`Response not as documented: ${problem}`);
  });
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** A supertest agent whose every request is checked against the document. */
export function checkedAgent<A extends object>(agent: A): A {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') return value;
      return (url: string, ...rest: unknown[]) =>
        checkedAgainstDocument((value as (...a: unknown[]) => Test).call(target, url, ...rest), property, url);
    },
  });
}
