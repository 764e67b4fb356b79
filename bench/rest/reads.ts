/**
 * REST reads: the hot pages through the real stack vs the bare server running the same SQL.
 * Target (issue 18; issue 8 asked ≥ 0.6 and ≤ 2): app ≥ 0.8 × bare req/s and app p99 ≤ 1.5 × bare p99.
 */
import { fmt } from '../support/util';
import type { BenchContext } from './context';
import {
  alternate,
  hammer,
  COMPARISON_HEADER,
  comparisonRow,
  ROUND_HEADER,
  roundRows,
  summary,
  type Comparison,
  type LoadResult,
  type Request,
} from './load';

/** The answers of both servers must be the same JSON (else the baseline is not doing the same work). */
export async function sameAnswers(ctx: BenchContext, requests: { name: string; bare: Request; app: Request }[]) {
  for (const r of requests) {
    const [bare, app] = await Promise.all(
      (['bare', 'app'] as const).map(async (kind) => {
        const res = await fetch(`${ctx.targets[kind].url}${r[kind].path}`, {
          headers: { authorization: `Bearer ${r[kind].token}` },
        });
        if (res.status !== 200)
          throw new Error(`${kind} answered ${r.name} with ${res.status}: ${(await res.text()).slice(0, 300)}`);
        return res.text();
      }),
    );
    const differences = diff(JSON.parse(bare), JSON.parse(app));
    if (differences.length)
      throw new Error(`bare and app answer ${r.name} differently: ${differences.slice(0, 5).join('; ')}`);
    ctx.log(`${r.name}: bare and app give the same ${fmt(app.length / 1024, 1)} KiB of JSON`);
  }
}

function diff(a: unknown, b: unknown, path = '$'): string[] {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null))
    return [`${path}: ${JSON.stringify(a)?.slice(0, 60)} vs ${JSON.stringify(b)?.slice(0, 60)}`];
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return [`${path}: ${a.length} items vs ${bb.length}`];
    return a.flatMap((x, i) => diff(x, bb[i], `${path}[${i}]`));
  }
  if (a && typeof a === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    return [...keys].flatMap((k) =>
      k in ao && k in bo ? diff(ao[k], bo[k], `${path}.${k}`) : [`${path}.${k}: only in ${k in ao ? 'bare' : 'app'}`],
    );
  }
  return a === b ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}

export function readRequests(ctx: BenchContext): { name: string; bare: Request; app: Request }[] {
  const { data } = ctx;
  const dashboard = data.scaling[0];
  const same = (r: Request) => ({ bare: r, app: r });
  return [
    {
      name: 'GET plan (20 milestones, counts)',
      ...same({ path: `/api/v1/action-plans/${data.readPlanId}`, token: data.mentee.token }),
    },
    {
      name: 'GET comments (20 threads × 3)',
      ...same({ path: `/api/v1/action-plans/${data.readPlanId}/comments`, token: data.mentee.token }),
    },
    {
      name: 'GET plan under review (50 anchored threads)',
      ...same({ path: `/api/v1/action-plans/${data.anchoredPlanId}`, token: data.mentee.token }),
    },
    {
      name: 'GET comments (50 anchored threads × 3)',
      ...same({ path: `/api/v1/action-plans/${data.anchoredPlanId}/comments`, token: data.mentee.token }),
    },
    {
      name: `GET dashboard (${dashboard.pairs} pairs)`,
      ...same({ path: `/api/v1/programmes/${dashboard.programmeId}/dashboard`, token: dashboard.coordinator.token }),
    },
    {
      name: 'GET activity (page of 50)',
      ...same({ path: `/api/v1/programmes/${data.base.programmeId}/activity`, token: data.mentee.token }),
    },
    { name: 'GET my work (the mentee’s queue)', ...same({ path: '/api/v1/me/work', token: data.mentee.token }) },
  ];
}

export async function readBench(ctx: BenchContext): Promise<Comparison[]> {
  const { report, options } = ctx;
  const requests = readRequests(ctx);
  await sameAnswers(ctx, requests);
  const results = await alternate(ctx.targets, requests, { ...options, database: ctx.h.database!.name, log: ctx.log });

  report.section('REST reads: app vs bare (same SQL), medians of the rounds');
  report.say(
    `autocannon, ${options.connections} connections, ${options.seconds} s per round after ${options.warmupSeconds} s of warm-up, ${options.rounds} rounds alternating bare/app`,
  );
  report.table(COMPARISON_HEADER, results.map(comparisonRow));
  report.table(
    ['endpoint', 'app/bare req/s', '≥ 0.8', 'app/bare p99', '≤ 1.5'],
    results.map((c) => {
      const a = summary(c.app);
      const b = summary(c.bare);
      const rps = a.rps / b.rps;
      const p99 = a.p99 / b.p99;
      return [c.name, fmt(rps, 2), rps >= 0.8 ? 'met' : 'missed', fmt(p99, 2), p99 <= 1.5 ? 'met' : 'missed'];
    }),
  );
  report.say('every round:');
  report.table(ROUND_HEADER, results.flatMap(roundRows));
  report.json.reads = results;
  return results;
}

/**
 * The re-read of an unchanged plan (decision 0014): GET the plan with its current ETag (every answer a 304,
 * no body) against the app's own health route (one database ping, one Redis ping, no sign-in), on the app
 * only, in alternating rounds. Target: the 304 costs at most 1.2 × the health route's server CPU per request.
 */
export async function etagBench(ctx: BenchContext) {
  const { report, options, data } = ctx;
  const app = ctx.targets.app;
  const path = `/api/v1/action-plans/${data.readPlanId}`;
  const first = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${data.mentee.token}` } });
  const tag = first.headers.get('etag');
  if (first.status !== 200 || !tag) throw new Error(`GET plan answered ${first.status} with ETag ${tag}`);
  const check = await fetch(`${app.url}${path}`, {
    headers: { authorization: `Bearer ${data.mentee.token}`, 'if-none-match': tag },
  });
  if (check.status !== 304) throw new Error(`GET plan with its ETag answered ${check.status}, not 304`);
  const requests: { name: string; request: Request }[] = [
    { name: 'GET /health', request: { path: '/health', token: '' } },
    {
      name: 'GET plan, unchanged (304)',
      request: { path, token: data.mentee.token, headers: { 'if-none-match': tag }, status: 304 },
    },
  ];
  const load = { connections: options.connections, seconds: options.seconds, database: ctx.h.database!.name };
  for (const r of requests) await hammer(app, r.request, { ...load, seconds: options.warmupSeconds });
  const results = new Map<string, LoadResult[]>(requests.map((r) => [r.name, []]));
  for (let round = 1; round <= options.rounds; round++) {
    for (const r of requests) {
      const res = await hammer(app, r.request, { ...load, round });
      results.get(r.name)!.push(res);
      ctx.log(
        `${r.name} round ${round}: ${fmt(res.rps, 0)} req/s, p99 ${fmt(res.p99)} ms, server CPU ${fmt(res.serverCpuMs, 3)} ms/req, ` +
          `Postgres ${fmt(res.postgresCpuMs, 3)} ms/req, errors ${res.errors}, load ${res.load}`,
      );
    }
  }
  const [health, unchanged] = requests.map((r) => summary(results.get(r.name)!));
  const ratio = unchanged.serverCpuMs / health.serverCpuMs;
  report.section('ETags: a re-read of an unchanged plan (304) vs the health route, app only, medians of the rounds');
  report.table(
    ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/req (kernel)', 'PG CPU ms/req', 'errors'],
    requests.map((r, i) => {
      const s = i === 0 ? health : unchanged;
      return [
        r.name,
        fmt(s.rps, 0),
        fmt(s.p50, 1),
        fmt(s.p99, 1),
        `${fmt(s.serverCpuMs, 3)} (${fmt(s.serverSysMs, 3)})`,
        fmt(s.postgresCpuMs, 3),
        s.errors,
      ];
    }),
  );
  report.say(
    `server CPU per request, 304 / health: ${fmt(ratio, 2)} (target ≤ 1.2: ${ratio <= 1.2 ? 'met' : 'missed'})`,
  );
  report.json.etag = Object.fromEntries(results);
}
