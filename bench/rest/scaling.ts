/**
 * Dashboard scaling: the coordinator's dashboard of programmes with 10, 100 and 1 000 pairs
 * (9 sections × 20 milestones each, bench/rest/data.ts), all in the same database. The time must
 * grow no faster than the pairs: for 10× the pairs, at most 10× the time.
 */
import { fmt, median } from '../support/util';
import type { BenchContext } from './context';
import { hammer, type Kind, type LoadResult } from './load';

export async function scalingBench(ctx: BenchContext) {
  const { report, options, data } = ctx;
  const rows: { pairs: number; bytes: number; bare: LoadResult[]; app: LoadResult[] }[] = [];
  // Two requests in flight: the time of one dashboard, with the server never idle between them.
  const connections = 2;
  for (const programme of data.scaling) {
    const path = `/api/v1/programmes/${programme.programmeId}/dashboard`;
    const request = { path, token: programme.coordinator.token };
    const res = await fetch(`${ctx.targets.app.url}${path}`, {
      headers: { authorization: `Bearer ${programme.coordinator.token}` },
    });
    const body = await res.text();
    if (res.status !== 200)
      throw new Error(`dashboard of ${programme.pairs} pairs: ${res.status} ${body.slice(0, 300)}`);
    const row = { pairs: programme.pairs, bytes: body.length, bare: [] as LoadResult[], app: [] as LoadResult[] };
    for (const kind of ['bare', 'app'] as Kind[])
      await hammer(ctx.targets[kind], request, {
        connections,
        seconds: options.warmupSeconds,
        database: ctx.h.database!.name,
      });
    for (let round = 1; round <= options.rounds; round++) {
      for (const kind of ['bare', 'app'] as Kind[]) {
        const r = await hammer(ctx.targets[kind], request, {
          connections,
          seconds: options.seconds,
          database: ctx.h.database!.name,
          round,
        });
        row[kind].push(r);
        ctx.log(
          `dashboard ${programme.pairs} pairs, round ${round} ${kind}: p50 ${fmt(r.p50)} ms, ${fmt(r.rps, 1)} req/s, CPU ${fmt(r.serverCpuMs, 1)} ms/req, Postgres ${fmt(r.postgresCpuMs, 1)} ms/req, load ${r.load}`,
        );
      }
    }
    rows.push(row);
  }
  const med = (rs: LoadResult[], f: (r: LoadResult) => number) => median(rs.map(f));
  report.section('Dashboard scaling (GET /programmes/:id/dashboard, 9 sections × 20 milestones per pair)');
  report.say(
    `autocannon, ${connections} connections, ${options.seconds} s per round, ${options.rounds} rounds alternating bare/app; time = p50 latency; medians of the rounds`,
  );
  report.table(
    [
      'pairs',
      'milestones',
      'answer KiB',
      'bare p50 ms',
      'app p50 ms',
      'app/bare',
      'app CPU ms/req',
      'Postgres CPU ms/req (app)',
      'app ms per pair',
      'app growth',
      'bare growth',
      'work growth (app + Postgres CPU)',
      'pairs growth',
      '≤ pairs growth',
    ],
    rows.map((r, i) => {
      const prev = rows[i - 1];
      const appP50 = med(r.app, (x) => x.p50);
      const bareP50 = med(r.bare, (x) => x.p50);
      const growth = prev ? appP50 / med(prev.app, (x) => x.p50) : NaN;
      const bareGrowth = prev ? bareP50 / med(prev.bare, (x) => x.p50) : NaN;
      const pairsGrowth = prev ? r.pairs / prev.pairs : NaN;
      // The CPU one dashboard costs, whatever the two requests in flight made each other wait.
      const work = (x: LoadResult[]) => med(x, (y) => y.serverCpuMs) + med(x, (y) => y.postgresCpuMs);
      const workGrowth = prev ? work(r.app) / work(prev.app) : NaN;
      return [
        r.pairs,
        r.pairs * 180,
        fmt(r.bytes / 1024, 0),
        fmt(bareP50),
        fmt(appP50),
        fmt(appP50 / bareP50, 2),
        fmt(
          med(r.app, (x) => x.serverCpuMs),
          1,
        ),
        fmt(
          med(r.app, (x) => x.postgresCpuMs),
          1,
        ),
        fmt(appP50 / r.pairs, 2),
        prev ? `${fmt(growth, 2)}×` : '—',
        prev ? `${fmt(bareGrowth, 2)}×` : '—',
        prev ? `${fmt(workGrowth, 2)}×` : '—',
        prev ? `${fmt(pairsGrowth, 0)}×` : '—',
        prev ? (growth <= pairsGrowth ? 'met' : 'missed') : '—',
      ];
    }),
  );
  report.json.scaling = rows;
}
