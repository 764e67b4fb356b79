import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON schema as @nestjs/swagger writes it into docs/openapi.json. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  default?: unknown;
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Operation {
  /** `GET /api/v1/programmes/{id}` */
  name: string;
  method: Method;
  /** The path template, e.g. `/api/v1/programmes/{id}/members/{userId}`. */
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: Schema }[];
  headers: string[];
  /** The request body's schema, resolved; undefined when the route takes none. */
  body?: Schema;
  /** No bearer token needed (`@Public()`): the document lists no security for it. */
  public: boolean;
}

export const OPENAPI = JSON.parse(readFileSync(join(__dirname, '../../../docs/openapi.json'), 'utf8')) as {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[];
        requestBody?: { content: Record<string, { schema: Schema }> };
        security?: unknown[];
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
};

/** Follows `$ref` and `allOf` of one level into the schema they name. */
export function resolve(schema: Schema): Schema {
  if (schema.$ref) return resolve(OPENAPI.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return { ...resolve(schema.allOf[0]), nullable: schema.nullable };
  return schema;
}

/** Every operation of docs/openapi.json: new routes are covered as soon as the document lists them. */
export function operations(): Operation[] {
  const list: Operation[] = [];
  for (const [path, methods] of Object.entries(OPENAPI.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      const schema = op.requestBody?.content['application/json']?.schema;
      list.push({
        name: `${method.toUpperCase()} ${path}`,
        method: method as Method,
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: !!p.required, schema: p.schema ?? {} })),
        headers: parameters.filter((p) => p.in === 'header').map((p) => p.name),
        body: schema ? resolve(schema) : undefined,
        public: !op.security?.length,
      });
    }
  }
  return list;
}

/** Fills a path template: `fill('/a/{id}', { id: 'x' })`; every value is percent-encoded unless `raw`. */
export function fillPath(path: string, values: Record<string, string>, raw = false): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return raw ? value : encodeURIComponent(value);
  });
}
