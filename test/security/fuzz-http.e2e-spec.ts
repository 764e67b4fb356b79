import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { startApp, type TestApp } from '../support/app';
import { startApiUnderTest, type ApiUnderTest } from './support/api-under-test';
import { FUZZ_SEED, HTTP_RUNS, MATRIX_SHARE } from './support/fuzz-budget';
import { describeRequest, problemsOf } from './support/fuzz-checks';
import { matrixCases, type MatrixCase } from './support/fuzz-matrix';
import { requestFor } from './support/fuzz-requests';
import { fuzzWorld, ROLES, tamperedTokenOf, tokenOf, type FuzzWorld, type SignedInRole } from './support/fuzz-world';
import { operations, type Operation } from './support/openapi-routes';
import { closeConnections, send, type RawRequest, type RawResponse } from './support/raw-http';
import { withCurrentVersion } from './support/write-routes';

const ops = operations();
// Every route gets its share, interleaved: route i's requests come from seed FUZZ_SEED + i.
const perRoute = Math.ceil(HTTP_RUNS / ops.length);

/** Four requests in flight at a time, as a few busy clients would send them. */
async function inFlights<T>(items: T[], each: (item: T) => Promise<void>) {
  const queue = [...items];
  const client = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await each(next);
  };
  await Promise.all([client(), client(), client(), client()]);
}

/** A seeded pick of `share` of the cases, keeping every null (the commonest way a client clears a field). */
function sampleOf(cases: MatrixCase[], share: number, seed: number): MatrixCase[] {
  if (share >= 1) return cases;
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  return cases.filter((c) => / = null$/.test(c.what) || next() < share);
}

/**
 * Generated requests to every route of docs/openapi.json — first field by field (every body field,
 * query and path parameter in turn set to null, [], {}, the wrong type, boundary values and impossible
 * dates, see fuzz-matrix.ts), then at random: malformed bodies, query strings, path parameters and
 * headers, mixed with nearly right ones so they reach the services — against the API running in a
 * process of its own: never a 5xx, never the server's insides in an error body, no crash, no unhandled
 * rejection, no error logged, and /health still answers.
 */
describe(`HTTP fuzz: ${perRoute * ops.length} generated requests over ${ops.length} routes (seed ${FUZZ_SEED})`, () => {
  let t: TestApp;
  let world: FuzzWorld;
  let api: ApiUnderTest;
  const failures: { route: string; problem: string; request: string }[] = [];

  beforeAll(async () => {
    t = await startApp();
    world = await fuzzWorld(t);
    api = await startApiUnderTest(t.databaseUrl);
  }, 180_000);
  afterAll(async () => {
    closeConnections();
    await api?.stop();
    await t?.close();
  });

  /** Sends `req` (token placeholders swapped in), records any problem with the answer, and signs in again after a 401. */
  async function tryOne(
    op: Operation,
    req: RawRequest,
    statuses: Record<string, Record<number, number>>,
    what = '',
  ): Promise<RawResponse | undefined> {
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, world.withTokens(v)]));
    const res = await send(api.url, { ...req, headers }).catch((error: Error) => error);
    const problems = res instanceof Error ? [`no answer: ${res.message}`] : problemsOf(req, res);
    for (const problem of problems)
      failures.push({ route: `${op.name}${what && ` (${what})`}`, problem, request: describeRequest(req) });
    if (res instanceof Error) return undefined;
    (statuses[op.name] ??= {})[res.status] = (statuses[op.name][res.status] ?? 0) + 1;
    // A generated logout or password change may have ended a session the next requests need.
    const role = /\{\{token:(\w+)\}\}/.exec(req.headers.authorization ?? '')?.[1] as SignedInRole | undefined;
    if (role && res.status === 401 && !op.public) await world.renew(role);
    return res;
  }

  const report = (name: string, count: number, started: number, statuses: Record<string, Record<number, number>>) => {
    const total: Record<number, number> = {};
    for (const byStatus of Object.values(statuses))
      for (const [s, n] of Object.entries(byStatus)) total[+s] = (total[+s] ?? 0) + n;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `${name}: ${count} inputs tried on ${Object.keys(statuses).length}/${ops.length} routes in ${seconds} s (seed ${FUZZ_SEED}); statuses ${JSON.stringify(total)}; failures ${failures.length}`,
    );
    if (process.env.FUZZ_REPORT)
      writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ failures, incidents: api.incidents, statuses }, null, 1));
  };

  it('answers every field, query and path parameter set in turn to null, [], {}, the wrong type and edge values below 500', async () => {
    failures.length = 0;
    const cases = sampleOf(matrixCases(ops, world.things, world.ids, world.cursors), MATRIX_SHARE, FUZZ_SEED);
    const statuses: Record<string, Record<number, number>> = {};
    const started = Date.now();
    await inFlights(cases, async ({ op, request, body, what }) => {
      const res = await tryOne(op, request, statuses, what);
      // Someone moved the version on (an earlier case that was accepted): the same change again on the current one.
      const again = res && withCurrentVersion(body, res.status, res.text);
      if (again) await tryOne(op, { ...request, body: JSON.stringify(again) }, statuses, what);
    });
    report('HTTP fuzz, field by field', cases.length, started, statuses);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(world.cursors).toEqual(
      expect.objectContaining({
        'GET /api/v1/notifications': expect.any(String),
        'GET /api/v1/programmes/{id}/activity': expect.any(String),
      }),
    );
  }, 600_000);

  it('answers every generated request below 500, in the error shape, without stack traces, SQL or paths', async () => {
    failures.length = 0;
    const creds = { valid: ROLES.map(tokenOf), tampered: ROLES.map(tamperedTokenOf), forged: world.forged };
    const perOp = ops.map((op, i) =>
      fc.sample(requestFor(op, world.pools, world.things, creds), { numRuns: perRoute, seed: FUZZ_SEED + i }),
    );
    const inputs = Array.from({ length: perRoute }, (_, n) => ops.map((op, i) => ({ op, req: perOp[i][n] }))).flat();
    const statuses: Record<string, Record<number, number>> = {};
    const started = Date.now();
    await inFlights(inputs, async ({ op, req }) => void (await tryOne(op, req, statuses)));
    report('HTTP fuzz', inputs.length, started, statuses);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(Object.keys(statuses).sort()).toEqual(ops.map((op) => op.name).sort());
  }, 600_000);

  it('did not crash, reject unhandled or log an error, and still answers /health', async () => {
    expect(api.incidents).toEqual([]);
    expect(api.alive()).toBe(true);
    expect((await send(api.url, { method: 'GET', path: '/health', headers: {} })).status).toBe(200);
  });
});
