import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { startApp, type TestApp } from '../support/app';
import { startApiUnderTest, type ApiUnderTest } from './support/api-under-test';
import { insidesShown } from './support/error-bodies';
import { FUZZ_SEED, HTTP_RUNS } from './support/fuzz-budget';
import { requestFor } from './support/fuzz-requests';
import { fuzzWorld, ROLES, tamperedTokenOf, tokenOf, type FuzzWorld, type SignedInRole } from './support/fuzz-world';
import { operations } from './support/openapi-routes';
import { send, closeConnections, type RawRequest } from './support/raw-http';

interface Failure {
  route: string;
  why: string;
  request: string;
}

const describeRequest = (req: RawRequest) => `${req.method} ${req.path.slice(0, 300)} ${JSON.stringify(req.headers).slice(0, 300)} ${String(req.body ?? '').slice(0, 300)}`;

/**
 * Generated requests to every route of docs/openapi.json — malformed bodies, query strings, path
 * parameters and headers, mixed with nearly right ones so they reach the services — against the API
 * running in a process of its own: never a 5xx, never the server's insides in an error body, no crash,
 * no unhandled rejection, no error logged, and /health still answers.
 */
describe(`HTTP fuzz: ${HTTP_RUNS} generated requests (seed ${FUZZ_SEED})`, () => {
  let t: TestApp;
  let world: FuzzWorld;
  let api: ApiUnderTest;

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

  it('answers every generated request below 500, in the error shape, without stack traces, SQL or paths', async () => {
    const ops = operations();
    const creds = { valid: ROLES.map(tokenOf), tampered: ROLES.map(tamperedTokenOf), forged: world.forged };
    // Every route gets its share, interleaved: route i's requests come from seed FUZZ_SEED + i.
    const perRoute = Math.ceil(HTTP_RUNS / ops.length);
    const byRoute = ops.map((op, i) => fc.sample(requestFor(op, world.pools, creds), { numRuns: perRoute, seed: FUZZ_SEED + i }).map((req) => ({ op, req })));
    const inputs = Array.from({ length: perRoute }, (_, n) => byRoute.map((list) => list[n])).flat();
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    const routesHit = new Set<string>();
    const started = Date.now();

    const tryOne = async ({ op, req }: (typeof inputs)[number]) => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, world.withTokens(v)]));
      const sent = { ...req, headers };
      const role = /\{\{token:(\w+)\}\}/.exec(req.headers.authorization ?? '')?.[1] as SignedInRole | undefined;
      let res;
      try {
        res = await send(api.url, sent);
      } catch (error) {
        failures.push({ route: op.name, why: `no answer: ${(error as Error).message}`, request: describeRequest(req) });
        return;
      }
      routesHit.add(op.name);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const fail = (why: string) => failures.push({ route: op.name, why, request: describeRequest(req) });
      if (res.status >= 500) fail(`${res.status}: ${res.text.slice(0, 500)}`);
      if (res.status >= 400) {
        const shown = insidesShown(res.text, `${req.path} ${JSON.stringify(req.headers)} ${String(req.body ?? '')}`);
        if (shown.length) fail(`error body shows ${shown.join(', ')}: ${res.text.slice(0, 500)}`);
        if (String(res.headers['content-type']).startsWith('application/json')) {
          const body = JSON.parse(res.text) as { statusCode?: unknown; message?: unknown };
          if (body.statusCode !== res.status || typeof body.message !== 'string') fail(`not the error shape: ${res.text.slice(0, 300)}`);
        }
      }
      // A generated logout or password change may have ended a session the next requests need.
      if (role && res.status === 401 && !op.public) await world.renew(role);
    };

    // Four requests in flight at a time, as a few busy clients would.
    const queue = [...inputs];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let input = queue.shift(); input; input = queue.shift()) await tryOne(input);
      }),
    );

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const histogram = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`HTTP fuzz: ${inputs.length} inputs tried on ${routesHit.size}/${ops.length} routes in ${seconds} s (seed ${FUZZ_SEED}); statuses ${histogram}; failures ${failures.length}`);
    if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ failures, incidents: api.incidents }, null, 1));
    expect(failures.slice(0, 20)).toEqual([]);
    expect(routesHit.size).toBe(ops.length);
  });

  it('did not crash, reject unhandled or log an error, and still answers /health', async () => {
    expect(api.incidents).toEqual([]);
    expect(api.alive()).toBe(true);
    const health = await send(api.url, { method: 'GET', path: '/health', headers: {} });
    expect(health.status).toBe(200);
  });
});
