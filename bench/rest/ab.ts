/**
 * A/B of two builds of the API on the reads and the comment write, for CPU per request on a shared box:
 * the same data as `npm run bench`, both builds and the bare server running side by side, rounds alternating
 * A, B, bare so all three see the same neighbours. Not part of `npm run bench`.
 *
 *   cp -r bench/dist bench/dist-a      # the build before the change (run `npm run bench -- --only etag` once to build)
 *   node -r @swc-node/register bench/rest/ab.ts --a bench/dist-a --b bench/dist [--only plan,comments] [--rounds 5 --seconds 3]
 */
import { join } from 'node:path';
import { BUILD_DIR, BUILT_MAIN, compileScripts } from '../support/build';
import { cli, Harness, log } from '../support/harness';
import { createBenchData, createBenchDatabase, ROOT } from '../support/setup';
import { fmt, loadAverage, median } from '../support/util';
import type { BenchContext } from './context';
import { analyze, createAnchoredPlan, createReadPlan, createScalingProgramme, restData } from './data';
import { hammer, type Request, type Target } from './load';
import { readRequests } from './reads';

const { option } = cli();
const buildA = join(ROOT, option('a', 'bench/dist-a'), 'apps/api/src/main.js');
const buildB = join(ROOT, option('b', 'bench/dist'), 'apps/api/src/main.js');
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
  const bare = await h.startBare(bareScript, {
    APP_DIST: BUILD_DIR,
    BARE_TOKENS: JSON.stringify(
      Object.fromEntries(
        [data.mentee, data.coordinator, ...data.scaling.map((s) => s.coordinator)].map((r) => [
          r.token,
          { userId: r.id, sessionId: r.sessionId },
        ]),
      ),
    ),
    BARE_CONTEXT: JSON.stringify({
      programmeId: data.base.programmeId,
      pairId: data.base.pairId,
      planId: data.base.planId,
    }),
  });
  const a = await h.startApi([buildA], { name: 'A' });
  const b = await h.startApi([buildB], { name: 'B' });
  const targets: Record<string, Target> = {
    A: { kind: 'app', ...a },
    B: { kind: 'app', ...b },
    bare: { kind: 'bare', ...bare },
  };
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
    const cpu: Record<string, number[]> = { A: [], B: [], bare: [] };
    const rps: Record<string, number[]> = { A: [], B: [], bare: [] };
    for (const name of Object.keys(targets))
      await hammer(targets[name], r.request, { connections, seconds: 2, database: database.name });
    for (let round = 1; round <= rounds; round++) {
      for (const name of Object.keys(targets)) {
        const res = await hammer(targets[name], r.request, { connections, seconds, database: database.name });
        if (res.errors) throw new Error(`${name} ${r.name}: ${res.errors} errors`);
        cpu[name].push(res.serverCpuMs);
        rps[name].push(res.rps);
      }
    }
    const m = (k: string) => median(cpu[k]);
    const line = `${r.name}: CPU ms/req A ${fmt(m('A'), 3)}, B ${fmt(m('B'), 3)} (B/A ${fmt(m('B') / m('A'), 3)}), bare ${fmt(m('bare'), 3)}; req/s A ${fmt(median(rps.A), 0)} B ${fmt(median(rps.B), 0)} bare ${fmt(median(rps.bare), 0)}; B rounds ${cpu.B.map((x) => fmt(x, 2)).join(' ')}; A rounds ${cpu.A.map((x) => fmt(x, 2)).join(' ')}; load ${loadAverage()}`;
    log(line);
    out.push(line);
  }
  console.log(out.join('\n'));
}

h.run(main);
