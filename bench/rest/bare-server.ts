/**
 * The bare baseline for `npm run bench`: Fastify 5 + a `pg` Pool, no Nest, no ORM, no Redis, no
 * passport or JWT, no logger. It runs the SAME SQL as the app, statement for statement, because it
 * uses the app's own read classes (PlanQueries, CommentQueries, DashboardQueries, ActivityFeedService,
 * WorkService with WorkQueries, ActorLoader, PairScopes, the policies and mappers) from the bench build (bench/dist), handing
 * them a shim in place of MikroORM's EntityManager whose `getConnection().execute(sql, params)`
 * and PreparedQuery's named statements go straight to `pg` (the `?` placeholders become `$n`; dates and timestamps stay text, as
 * MikroORM's pg type parsers leave them). What the app has and this does not — Nest's routing,
 * guards, pipes, interceptors and filters, JWT verification, pino-http, helmet, CORS, MikroORM's
 * connection layer (knex) and request context — is the overhead the bench measures.
 *
 *   GET  /api/v1/action-plans/:id             the actor (ActorLoader), the plan's scope, the policy, PlanQueries.plan
 *   GET  /api/v1/action-plans/:id/comments    the actor, the scope, the policy, CommentQueries.forPlan → toThreads
 *   GET  /api/v1/programmes/:id/dashboard     the actor, DashboardService.get (its nine statements and arithmetic)
 *   GET  /api/v1/programmes/:id/activity      the actor, ActivityFeedService.page
 *   GET  /api/v1/me/work                      the actor, WorkService.get (its statements for the actor's roles, the policies)
 *   POST /api/v1/action-plans/:id/comments    the INSERTs of a comment in one transaction (bench/support/bare-comment.ts)
 *
 * A token is looked up in BARE_TOKENS ({token: {userId, sessionId}}), not verified: the actor
 * query still runs, as in the app. Configuration: PORT, DATABASE_URL, DATABASE_POOL_SIZE (10),
 * APP_DIST (the bench build), BARE_TOKENS, BARE_CONTEXT ({programmeId, pairId, planId}: where POSTs write).
 */
import 'reflect-metadata';
import { join } from 'node:path';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { Pool, TypeOverrides } from 'pg';
import { writeComment, type BareContext } from '../support/bare-comment';
import { serveBare } from '../support/bare-process';

type AppModule<T> = T;
const dist = process.env.APP_DIST!;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = <T>(path: string): AppModule<T> => require(join(dist, path)) as T;

const { ActorLoader } = load<typeof import('../../apps/api/src/auth/actor.loader')>(
  'apps/api/src/auth/actor.loader.js',
);
const { PairScopes } = load<typeof import('../../apps/api/src/pairs/pair-scopes')>('apps/api/src/pairs/pair-scopes.js');
const { PairPolicy } = load<typeof import('../../apps/api/src/pairs/pair.policy')>('apps/api/src/pairs/pair.policy.js');
const { PlanPolicy, planPermissions } = load<typeof import('../../apps/api/src/action-plans/plan.policy')>(
  'apps/api/src/action-plans/plan.policy.js',
);
const { PlanQueries } = load<typeof import('../../apps/api/src/action-plans/plan.queries')>(
  'apps/api/src/action-plans/plan.queries.js',
);
const { CommentQueries } = load<typeof import('../../apps/api/src/comments/comment.queries')>(
  'apps/api/src/comments/comment.queries.js',
);
const { toThreads } = load<typeof import('../../apps/api/src/comments/comment.mappers')>(
  'apps/api/src/comments/comment.mappers.js',
);
const { ProgrammePolicy } = load<typeof import('../../apps/api/src/programmes/programme.policy')>(
  'apps/api/src/programmes/programme.policy.js',
);
const { DashboardPolicy } = load<typeof import('../../apps/api/src/dashboard/dashboard.policy')>(
  'apps/api/src/dashboard/dashboard.policy.js',
);
const { DashboardQueries } = load<typeof import('../../apps/api/src/dashboard/dashboard.queries')>(
  'apps/api/src/dashboard/dashboard.queries.js',
);
const { DashboardService } = load<typeof import('../../apps/api/src/dashboard/dashboard.service')>(
  'apps/api/src/dashboard/dashboard.service.js',
);
const { ActivityFeedService } = load<typeof import('../../apps/api/src/activity/activity-feed.service')>(
  'apps/api/src/activity/activity-feed.service.js',
);
const { ActivityQueries } = load<typeof import('../../apps/api/src/activity/activity.queries')>(
  'apps/api/src/activity/activity.queries.js',
);
const { AssessmentPolicy } = load<typeof import('../../apps/api/src/assessments/assessment.policy')>(
  'apps/api/src/assessments/assessment.policy.js',
);
const { WorkQueries } = load<typeof import('../../apps/api/src/work/work.queries')>(
  'apps/api/src/work/work.queries.js',
);
const { WorkService } = load<typeof import('../../apps/api/src/work/work.service')>(
  'apps/api/src/work/work.service.js',
);
type Actor = import('../../apps/api/src/auth/actor').Actor;
type EntityManager = import('@mikro-orm/postgresql').EntityManager;

// MikroORM's pg type parsers: date, timestamp, timestamptz and interval stay text.
const types = new TypeOverrides();
for (const oid of [1082, 1114, 1184, 1186]) types.setTypeParser(oid, (s: string) => s);

// The same session settings as the app's (libs/persistence ormOptions: no JIT).
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  types,
  options: '-c jit=off',
});
const tokens = new Map(
  Object.entries(JSON.parse(process.env.BARE_TOKENS ?? '{}') as Record<string, { userId: string; sessionId: string }>),
);
const context = JSON.parse(process.env.BARE_CONTEXT ?? '{}') as BareContext;

/** `?` → `$1, $2, …` outside quoted literals (the app's SQL uses no `?` operators). */
const placeholders = new Map<string, string>();
function toPg(sql: string): string {
  let out = placeholders.get(sql);
  if (out !== undefined) return out;
  let n = 0;
  let quoted = false;
  out = '';
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? `$${++n}` : ch;
  }
  placeholders.set(sql, out);
  return out;
}

/**
 * What the app's read classes use of MikroORM's EntityManager: `getConnection().execute`, and the way
 * in of PreparedQuery (libs/persistence/src/prepared-query.ts) — the same named statements, on pg directly.
 */
const connection = {
  execute: async (sql: string, params: unknown[] = []) => (await pool.query(toPg(sql), params)).rows,
};
const knex = {
  client: {
    acquireConnection: () => pool.connect(),
    releaseConnection: (client: import('pg').PoolClient) => Promise.resolve(client.release()),
    emit: () => false,
  },
};
const em = {
  getConnection: () => connection,
  getKnex: () => knex,
  getTransactionContext: () => undefined,
  getDriver: () => ({ convertException: (error: Error) => error }),
  // No pooler: the statements stay named.
  config: { get: () => ({}) },
  // Typed as what it stands in for, so a read class whose constructor changes fails the typecheck here.
} as unknown as EntityManager;

const actors = new ActorLoader(em);
const scopes = new PairScopes(em);
const pairPolicy = new PairPolicy();
const access = new PlanPolicy(pairPolicy);
const reader = new PlanQueries(em);
const comments = new CommentQueries(em);
const programmePolicy = new ProgrammePolicy();
const dashboard = new DashboardService(new DashboardPolicy(programmePolicy), new DashboardQueries(em));
const activity = new ActivityFeedService(new ActivityQueries(em), programmePolicy);
const work = new WorkService(
  new WorkQueries(em),
  pairPolicy,
  new AssessmentPolicy(programmePolicy, pairPolicy),
  programmePolicy,
);

const app = Fastify({ logger: false, bodyLimit: 1_048_576 });

async function actorOf(request: FastifyRequest, reply: FastifyReply): Promise<Actor | null> {
  const auth = request.headers.authorization;
  const token = auth?.startsWith('Bearer ') ? tokens.get(auth.slice(7)) : undefined;
  const actor = token ? await actors.load(token.userId, token.sessionId) : null;
  if (!actor) void reply.code(401).send({ statusCode: 401, error: 'Unauthorized' });
  return actor;
}

/** Domain errors (404/403 from the policies) as a status; anything else is a 500. */
function fail(reply: FastifyReply, error: unknown) {
  const code = (error as { code?: string }).code;
  const status = code === 'NOT_FOUND' ? 404 : code === 'FORBIDDEN' ? 403 : 500;
  return reply.code(status).send({ statusCode: status, error: (error as Error).message });
}

type IdRequest = FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string> }>;

/** A read for a signed-in actor: 401 without one, the policies' 404/403 as statuses. */
function signedInGet(path: string, read: (actor: Actor, request: IdRequest) => Promise<unknown>) {
  app.get(path, async (request: IdRequest, reply) => {
    const actor = await actorOf(request, reply);
    if (!actor) return reply;
    try {
      return await read(actor, request);
    } catch (error) {
      return fail(reply, error);
    }
  });
}

app.get('/health', () => Promise.resolve({ status: 'ok' }));

signedInGet('/api/v1/action-plans/:id', async (actor, request) => {
  const { scope, side } = access.read(actor, await scopes.forPlan(request.params.id), 'Action plan');
  return reader.plan(scope, side);
});

signedInGet('/api/v1/action-plans/:id/comments', async (actor, request) => {
  const { scope, side } = access.read(actor, await scopes.forPlan(request.params.id), 'Action plan');
  // Whether the reader may edit the plan (apply or dismiss a suggested change), as CommentPolicy.viewer decides.
  const editsPlan = planPermissions(side, scope.planState, scope.pairStatus === 'active').edit;
  return toThreads(await comments.forPlan(scope.programmeId, request.params.id, {}), {
    userId: actor.userId,
    side,
    editsPlan,
  });
});

signedInGet('/api/v1/programmes/:id/dashboard', (actor, request) => dashboard.get(actor, request.params.id));

signedInGet('/api/v1/programmes/:id/activity', (actor, request) => {
  const limit = request.query.limit === undefined ? undefined : Number(request.query.limit);
  return activity.page(actor, request.params.id, { cursor: request.query.cursor, limit });
});

signedInGet('/api/v1/me/work', (actor) => work.get(actor));

app.post(
  '/api/v1/action-plans/:id/comments',
  async (request: FastifyRequest<{ Params: { id: string }; Body: { body?: unknown } }>, reply) => {
    const auth = request.headers.authorization;
    const actorId = auth?.startsWith('Bearer ') ? tokens.get(auth.slice(7))?.userId : undefined;
    if (!actorId) return reply.code(401).send({ statusCode: 401, error: 'Unauthorized' });
    const planId = request.params.id.toLowerCase();
    if (planId !== context.planId) return reply.code(404).send({ statusCode: 404, error: 'Not Found' });
    const body = request.body?.body;
    if (typeof body !== 'string' || body.length < 1 || body.length > 10_000)
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request' });
    return reply.code(201).send((await writeComment(pool, context, actorId, planId, body)).response);
  },
);

serveBare('bare REST server', app, async () => {
  await app.close().catch(() => undefined);
  await pool.end();
});
