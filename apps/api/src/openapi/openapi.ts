import type { INestApplication, Type } from '@nestjs/common';
import { GUARDS_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type HeaderObject,
  type ParameterObject,
  type ReferenceObject,
  type RequestBodyObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ERROR_CODES } from '@citymentor/contracts';
import { RevisionNumberPipe } from '../action-plans/revision-number.pipe';
import { IS_PUBLIC } from '../auth/public.decorator';
import { UuidPipe } from '../http/params';
import { ERROR_DESCRIPTIONS, type ErrorStatus } from '../http/api-errors';

const BEARER = 'bearer';

/** The global idempotency interceptor's header, which every signed-in POST accepts (idempotency.interceptor.ts). */
const IDEMPOTENCY_KEY: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retried create safe: the same key with the same body answers what the first request answered, ' +
    'without doing it twice; the same key with another body is refused (422). Kept for 24 hours.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
};

/** The groups the operations are filed under (each controller's @ApiTags), in the order a reader meets them. */
const TAGS: Record<string, string> = {
  auth: 'Sign-in, refresh-token rotation and sign-out',
  me: 'The signed-in person: profile, password, sessions and notification preferences',
  work: 'My work: what waits on the signed-in person, over every role they hold',
  programmes: 'Programmes (consortia of cities), their members, roles and consortium milestones',
  organisations: 'Cities, expert partners and networks taking part in programmes',
  invitations: 'Invitations to join a programme, and accepting them',
  benchmarks: 'The benchmark catalogue: sections, standards, guide questions, city examples, context factors',
  pairs: 'Mentoring pairs (a mentor city and a mentee city) and pair suggestions',
  assessments: 'Self-assessments of a city against a benchmark: answers, scores, gaps, calibration',
  'action-plans': 'Action plans per benchmark section: editing, the review workflow, revisions and diffs',
  milestones: 'Milestones of an action plan and the progress logged on them',
  comments: 'Threaded peer-review comments on plans, milestones and progress entries',
  activity: 'The activity feed of a programme or a pair',
  notifications: "The signed-in person's notifications",
  dashboard: "The coordinator's monitoring of every pair",
  reports: 'Funder reports (CSV, PDF) built in the background',
  admin: 'The installation admin: the audit log, erasing an account on request',
  health: 'Liveness and readiness of the API',
};

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CityMentor API')
    .setDescription(
      'City-to-city mentoring for migrant integration: programmes, benchmarks, pairs, action plans and peer review.',
    )
    .setVersion('1')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER);
  for (const [name, description] of Object.entries(TAGS)) config.addTag(name, description);
  const document = SwaggerModule.createDocument(app, config.build(), {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  // Proprietary, as package.json says; there is no licence text to link to.
  document.info.license = { name: 'UNLICENSED (proprietary)' };
  return finishDocument(document, routeFacts(app));
}

/** The UI at /api/docs and the document at /api/docs-json. */
export function setUpOpenApi(app: INestApplication) {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });
}

/** What the document cannot see of a route but its decorators say, by operation id. */
export interface RouteFacts {
  isPublic: boolean;
  throttled: boolean;
  /** Schemas of path and query parameters checked by a pipe that knows their format. */
  params: Map<string, SchemaObject>;
}

/** Pipes that check a parameter's format, and the schema that format is. */
const PIPE_SCHEMAS = new Map<unknown, SchemaObject>([
  [UuidPipe, { type: 'string', format: 'uuid' }],
  [RevisionNumberPipe, { type: 'integer', minimum: 1 }],
]);

function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || !Reflect.hasMetadata(PATH_METADATA, handler)) continue;
        const guards = [
          ...((Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[]) ?? []),
          ...((Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[]) ?? []),
        ];
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
          string,
          { data?: unknown; pipes?: unknown[] }
        >;
        const params = new Map<string, SchemaObject>();
        for (const [key, arg] of Object.entries(args)) {
          const type = key.split(':')[0];
          if (type !== String(RouteParamtypes.PARAM) && type !== String(RouteParamtypes.QUERY)) continue;
          const schema = (arg.pipes ?? []).map((pipe) => PIPE_SCHEMAS.get(pipe)).find(Boolean);
          if (schema && typeof arg.data === 'string') params.set(arg.data, schema);
        }
        facts.set(`${controller.name.replace(/Controller$/, '')}_${name}`, {
          isPublic: !!(Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller)),
          throttled: guards.some((g) => g === ThrottlerGuard || (g as Type).prototype instanceof ThrottlerGuard),
          params,
        });
      }
    }
  }
  return facts;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * What @nestjs/swagger leaves out or gets wrong, done once for every route: the error responses a route
 * can answer (from its parameters, body, guards and `@Public()`), security, parameter formats, valid
 * operation ids, and nullable written as OpenAPI 3.0 wants it.
 */
export function finishDocument(document: OpenAPIObject, facts: Map<string, RouteFacts>): OpenAPIObject {
  const schemas = (document.components!.schemas ??= {});
  Object.assign(schemas, ERROR_SCHEMAS);
  document.components!.parameters = { ...document.components!.parameters, IdempotencyKey: IDEMPOTENCY_KEY };
  document.components!.headers = { ...document.components!.headers, EventSeq: EVENT_SEQ };
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op = path[method];
      if (op) finishOperation(op, method, facts, schemas);
    }
  }
  fixNullable(document, schemas);
  return document;
}

function finishOperation(
  op: OperationObject,
  method: (typeof METHODS)[number],
  facts: Map<string, RouteFacts>,
  schemas: Record<string, SchemaObject | ReferenceObject>,
) {
  // A route on several paths gets `X[0]`, `X[1]`: not a valid operation id.
  const base = op.operationId!.replace(/\[(\d+)\]$/, '');
  const alias = /\[(\d+)\]$/.exec(op.operationId!)?.[1];
  op.operationId = alias && alias !== '0' ? `${base}_alias${alias}` : base;
  const fact = facts.get(base);
  if (!fact) throw new Error(`OpenAPI: no route found for operation ${op.operationId}`);

  op.security = fact.isPublic ? [] : [{ [BEARER]: [] }];

  if (method === 'post' && !fact.isPublic) {
    const others = (op.parameters ?? []).filter((p) => !('name' in p) || p.name !== IDEMPOTENCY_KEY.name);
    op.parameters = [...others, { $ref: '#/components/parameters/IdempotencyKey' }];
  }
  const parameters = (op.parameters ?? []).filter((p): p is ParameterObject => !('$ref' in p));
  for (const parameter of parameters) {
    const schema = fact.params.get(parameter.name);
    if (schema && (parameter.in === 'path' || parameter.in === 'query'))
      parameter.schema = { ...(parameter.schema as SchemaObject), ...schema };
  }

  const body = op.requestBody as RequestBodyObject | undefined;
  if (body) {
    // A body whose fields are all optional may be left out.
    const schema = body.content['application/json']?.schema;
    const target = schema && '$ref' in schema ? schemas[schema.$ref.split('/').pop()!] : schema;
    const optional = target && !('$ref' in target) && target.properties && !target.required?.length;
    body.required = !optional;
  }

  const errors = new Set<ErrorStatus>();
  const write = method !== 'get';
  if (!fact.isPublic) errors.add(401);
  // Bad parameters, or a write's body (malformed JSON, too deep, a bad field, a bad Idempotency-Key).
  if (parameters.some((p) => p.in !== 'header') || write) errors.add(400);
  // A path id, or an id in a write's body, that names nothing (or nothing you may see).
  if (parameters.some((p) => p.in === 'path') || body) errors.add(404);
  if (write) {
    errors.add(413);
    errors.add(415);
    // Checked by the resource's policy (403) and by its state and uniqueness rules (409).
    if (!fact.isPublic) errors.add(403);
    errors.add(409);
  }
  // The global idempotency interceptor: a signed-in POST's Idempotency-Key reused with another body.
  if (method === 'post' && !fact.isPublic) errors.add(422);
  if (fact.throttled) errors.add(429);

  const responses = op.responses as Record<string, ResponseObject>;
  for (const status of errors) responses[status] ??= { description: ERROR_DESCRIPTIONS[status] };
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) < 400) continue;
    response.description ||= ERROR_DESCRIPTIONS[Number(status) as ErrorStatus] ?? 'Error';
    // Every error leaves through AllExceptionsFilter, whatever a decorator (e.g. terminus's) said.
    response.content = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  }
  if (!write)
    for (const [status, response] of Object.entries(responses))
      if (Number(status) < 400)
        response.headers = { ...response.headers, 'X-Event-Seq': { $ref: '#/components/headers/EventSeq' } };
  op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

/** Every GET answer's `X-Event-Seq` (realtime/event-seq.ts). */
const EVENT_SEQ: HeaderObject = {
  description:
    "Where the event log stood when this read began: subscribe to the resource's room with this `sinceSeq` and the changes made since are replayed, so the resource need not be read again. Absent while the server has not yet started following the log.",
  schema: { type: 'string', pattern: '^[0-9]+$', example: '1042' },
};

/**
 * OpenAPI 3.0's nullable needs a `type` beside it and cannot stand beside `$ref`: `{$ref, nullable}`
 * becomes `{type, nullable, allOf: [{$ref}]}`, `nullable` without a type gets the type of what it wraps,
 * a nullable inline enum lists null among its values, and a lone `allOf: [x]` is x.
 */
function fixNullable(document: OpenAPIObject, schemas: Record<string, SchemaObject | ReferenceObject>) {
  const typeOf = (schema: SchemaObject | ReferenceObject): string | undefined => {
    if ('$ref' in schema) return typeOf(schemas[schema.$ref.split('/').pop()!]);
    return schema.type ?? (schema.allOf?.length === 1 ? typeOf(schema.allOf[0]) : undefined);
  };
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (typeof value !== 'object' || value === null) return value;
    let node = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v)])) as SchemaObject &
      Partial<ReferenceObject>;
    if (node.nullable && node.$ref) {
      const { $ref, ...rest } = node;
      node = { ...rest, allOf: [{ $ref }] };
    }
    if (node.nullable && !node.type) {
      const type = node.allOf?.length === 1 ? typeOf(node.allOf[0]) : undefined;
      if (type) node = { type, ...node };
    }
    if (node.nullable && node.enum && !node.enum.includes(null)) node.enum = [...(node.enum as unknown[]), null];
    // `{allOf: [x]}` and nothing else is x.
    if (node.allOf?.length === 1 && Object.keys(node).length === 1) return node.allOf[0];
    return node;
  };
  document.paths = visit(document.paths) as OpenAPIObject['paths'];
  document.components!.schemas = visit(schemas) as Record<string, SchemaObject>;
}

/** The one error body (libs/contracts/src/errors.ts), made by AllExceptionsFilter. */
const ERROR_SCHEMAS: Record<string, SchemaObject> = {
  ErrorCode: { type: 'string', enum: [...ERROR_CODES], description: 'What went wrong, for programs' },
  FieldError: {
    type: 'object',
    description: 'One bad field of a request body, query or path',
    properties: {
      path: { type: 'string', description: 'Dotted: `sections.3.guideQuestions.0.code`', example: 'title' },
      message: { type: 'string', example: 'title must be shorter than or equal to 200 characters' },
    },
    required: ['path', 'message'],
  },
  ErrorDetails: {
    type: 'object',
    description: 'What a refused state change needs to be retried or explained',
    properties: {
      currentVersion: { type: 'integer', description: 'STALE_VERSION: the version to reload' },
      state: { type: 'string', description: 'TRANSITION_NOT_ALLOWED: the state the plan is in' },
      action: { type: 'string', description: 'TRANSITION_NOT_ALLOWED: what was refused' },
      allowed: {
        type: 'array',
        items: { type: 'string' },
        description: 'TRANSITION_NOT_ALLOWED: the actions the state allows',
      },
      allowedStates: {
        type: 'array',
        items: { type: 'string' },
        description: 'TRANSITION_NOT_ALLOWED: the states that allow the change',
      },
      openThreads: { type: 'integer', description: 'CONFLICT on approval: review threads still open' },
      assessmentId: {
        type: 'string',
        format: 'uuid',
        description: 'ALREADY_EXISTS on a second assessment: the one there is',
      },
      status: { type: 'string', description: 'CONFLICT on a report download: the report is not done yet' },
      missing: {
        type: 'array',
        items: { type: 'string' },
        description: 'PLAN_INCOMPLETE: what the plan still needs',
      },
    },
    // The health check's 503 names each dependency: `{database: {status: 'up'}, redis: {status: 'down'}}`.
    additionalProperties: true,
  },
  Error: {
    type: 'object',
    description: 'Every error response has this shape',
    properties: {
      statusCode: { type: 'integer', example: 404 },
      error: { type: 'string', description: "The status's reason phrase", example: 'Not Found' },
      code: { $ref: '#/components/schemas/ErrorCode' },
      message: { type: 'string', description: 'For people', example: 'Action plan not found' },
      details: {
        description:
          "400 VALIDATION_FAILED and MALFORMED_JSON: the bad fields (a list); 409, 422 and the health check's 503: an object (ErrorDetails); absent otherwise",
        oneOf: [
          { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
          { $ref: '#/components/schemas/ErrorDetails' },
        ],
      },
    },
    required: ['statusCode', 'error', 'message', 'code'],
  },
};
