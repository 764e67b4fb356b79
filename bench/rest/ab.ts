/**
 * A/B of builds of the API on the reads and the comment write, for CPU per request on a shared box:
 * the same data as `npm run bench`, the builds and the bare server running side by side, rounds alternating
 * between them so all see the same neighbours; server and Postgres CPU per request, medians of the rounds.
 * Not part of `npm run bench`.
 *
 *   cp -r bench/dist dist/bench-a      # the build before the change (dist/ is ignored by git, Prettier and ESLint)
 *   node -r @swc-node/register bench/rest/ab.ts --builds dist/bench-a,bench/dist [--only plan,comments] [--rounds 5 --seconds 3]
 * Each build's CPU per request is also given as a ratio to the first build's.
 */
import { join } from 'node:path';
import { BUILT_MAIN, compileScripts } from '../support/build';
import { cli, Harness, log } from '../support/harness';
import { createBenchData, createBenchDatabase, ROOT } from '../support/setup';
import { fmt, loadAverage, median } from '../support/util';
import type { BenchContext } from './context';
import { analyze, bareServerEnv, createAnchoredPlan, createReadPlan, createScalingProgramme, restData } from './data';
import { hammer, type Request, type Target } from './load';
import { readRequests } from './reads';

const { option } = cli();
const builds = option('builds', 'dist/bench-a,bench/dist').split(',');
const only = option('only', '').split(',').filter(Boolean);
const rounds = Number(option('rounds', '5'));
const seconds = Number(option('seconds', '3'));
const connections = Number(option('connections', '10'));
const h = new Harness();

async function main() {
  const database = (h.database = await createBenchDatabase());
  const setup = await h.startApi([BUILT_MAIN], { name: 'setup' });
  let data;
  try {
    const base = await createBenchData(database.url, setup.url);
    const readPlanId = await createReadPlan(database.url, base);
    const anchoredPlanId = await createAnchoredPlan(database.url, base);
    data = restData(base, { readPlanId, anchoredPlanId }, [await createScalingProgramme(database.url, setup.url, 10)]);
  } finally {
    await h.stop(setup.proc);
  }
  await analyze(database.url);
  const bareScript = compileScripts(
    join(ROOT, 'bench/rest/bare-server.ts'),
    join(ROOT, 'bench/support/bare-comment.ts'),
    join(ROOT, 'bench/support/bare-process.ts'),
  );
  const bare = await h.startBare(bareScript, bareServerEnv(data));
  const targets: Record<string, Target> = { bare: { kind: 'bare', ...bare } };
  for (const build of builds) {
    const main = join(ROOT, build, 'apps/api/src/main.js');
    targets[build] = { kind: 'app', ...(await h.startApi([main], { name: build })) };
  }
  const ctx = { data } as BenchContext;
  const post: Request = {
    method: 'POST',
    path: `/api/v1/action-plans/${data.base.planId}/comments`,
    token: data.mentee.token,
    body: {
      body: 'Could the business department share its indicators?',
      target: { type: 'plan', id: data.base.planId },
    },
  };
  const requests = [
    ...readRequests(ctx).map((r) => ({ name: r.name, request: r.app })),
    { name: 'POST comment', request: post },
  ].filter((r) => !only.length || only.some((o) => r.name.toLowerCase().includes(o)));
  const out: string[] = [];
  for (const r of requests) {
    const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
    const rps: Record<string, number[]> = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
    const pg: Record<string, number[]> = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
    for (const name of Object.keys(targets))
      await hammer(targets[name], r.request, { connections, seconds: 2, database: database.name });
    for (let round = 1; round <= rounds; round++) {
      for (const name of Object.keys(targets)) {
        const res = await hammer(targets[name], r.request, { connections, seconds, database: database.name });
        if (res.errors) throw new Error(`${name} ${r.name}: ${res.errors} errors`);
        cpu[name].push(res.serverCpuMs);
        rps[name].push(res.rps);
        pg[name].push(res.postgresCpuMs);
      }
    }
    const m = (k: string) => median(cpu[k]);
    const each = Object.keys(targets).map(
      (k) =>
        `${k} ${fmt(m(k), 3)} ms, Postgres ${fmt(median(pg[k]), 3)} ms (${k === 'bare' ? '' : `${fmt(m(k) / m(builds[0]), 3)} of the first, `}${fmt(median(rps[k]), 0)} req/s; rounds ${cpu[k].map((x) => fmt(x, 2)).join(' ')})`,
    );
    const line = `${r.name}: CPU per request: ${each.join('; ')}; load ${loadAverage()}`;
    log(line);
    out.push(line);
  }
  console.log(out.join('\n'));
}

h.run(main);
