/**
 * npm run bench — the REST benchmarks of issue 8, each against a bare Fastify 5 + `pg` baseline
 * measured in the same run (bench/rest/bare-server.ts: the same SQL, no framework), all on 127.0.0.1:
 *
 *   reads      GET plan, comment list, dashboard, activity feed, my work (reads.ts)     target ≥ 0.6× req/s, p99 ≤ 2×
 *   etag       GET plan, unchanged (304) vs GET /health, app only        (reads.ts)     target ≤ 1.2× the health route's CPU
 *   write      POST a comment                                            (write.ts)     target ≥ 0.5× req/s
 *   scaling    the dashboard with 10, 100 and 1 000 pairs                (scaling.ts)   time grows no faster than the pairs
 *   instances  a comment reaching a subscriber on a second API instance  (instances.ts) added p50
 *   memory     1 000 authenticated sockets, via bench/realtime           (memory.ts)    ≤ 1.3× per socket, RSS ≤ 180 MB
 *
 *   npm run bench                                   all of them (≈ 10–12 min on a quiet 2-core box, plus a build when sources changed)
 *   npm run bench -- --only reads,write             some of them
 *   npm run bench -- --no-build | --build | --from-source   as bench:realtime (the API is built into bench/dist)
 *   npm run bench -- --only reads,write --profile   also CPU-profile both servers and summarise each endpoint's measured rounds
 *   options: --rounds 3 --seconds 5 --warmup 2 --connections 10 --pairs 10,100,1000
 *   npm run bench -- --only reads,write --pooler transaction   the app in DATABASE_POOLER=transaction mode (its
 *              hot statements unnamed), still straight to Postgres: against a run without it, what the mode costs
 *
 * Load comes from autocannon in this process, in rounds alternating bare and app; figures are
 * medians of the rounds and ratios app/bare. Everything it starts is stopped, its database dropped
 * and its Redis keys deleted at the end, on failure and on Ctrl-C. Results also go to
 * bench/rest/results/<time>.{md,json}. See docs/performance.md ("REST").
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { BUILT_MAIN, compileScripts, prepareAppBuild } from '../support/build';
import { cli, Harness, log } from '../support/harness';
import { summariseProfile } from '../support/profile';
import { createBenchData, createBenchDatabase, ROOT } from '../support/setup';
import { fmt, loadAverage } from '../support/util';
import type { BenchContext } from './context';
import type { Comparison } from './load';
import {
  analyze,
  bareServerEnv,
  createAnchoredPlan,
  createReadPlan,
  createScalingProgramme,
  restData,
  type ScalingProgramme,
} from './data';
import { instancesBench } from './instances';
import { memoryBench } from './memory';
import { etagBench, readBench } from './reads';
import { Report } from './report';
import { scalingBench } from './scaling';
import { writeBench } from './write';

const { flag, option } = cli();
const ALL = ['reads', 'etag', 'write', 'scaling', 'instances', 'memory'];
const only = option('only', ALL.join(',')).split(',');
const unknown = only.filter((o) => !ALL.includes(o));
if (unknown.length) throw new Error(`--only: unknown benchmark(s) ${unknown.join(', ')} (of ${ALL.join(', ')})`);
const options = {
  rounds: Number(option('rounds', '3')),
  seconds: Number(option('seconds', '5')),
  warmupSeconds: Number(option('warmup', '2')),
  connections: Number(option('connections', '10')),
};
const POOLER = option('pooler', 'none');
if (!['none', 'transaction'].includes(POOLER)) throw new Error(`--pooler: none or transaction, got "${POOLER}"`);
const PAIRS = option('pairs', '10,100,1000').split(',').map(Number);
const RESULTS_DIR = join(__dirname, 'results');
const PROFILE_DIR = join(__dirname, 'profiles');

const h = new Harness();

async function main() {
  const startedAt = new Date();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, ${execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim()}`;
  const loadAtStart = loadAverage();
  log(`machine: ${machine}; load average ${loadAtStart}; benchmarks: ${only.join(', ')}`);
  const app = prepareAppBuild(flag, log);
  // The bare server runs the app's own read classes from the build.
  if (!existsSync(BUILT_MAIN)) prepareAppBuild((f) => f === 'build', log);
  log(`app: ${app.source}`);
  const bareScript = compileScripts(
    join(__dirname, 'bare-server.ts'),
    join(ROOT, 'bench/support/bare-comment.ts'),
    join(ROOT, 'bench/support/bare-process.ts'),
  );

  const database = (h.database = await createBenchDatabase());
  log(`database ${database.name} (copied from the migrated template); Redis prefix ${h.redisPrefix}`);
  const dataStarted = Date.now();
  const setup = await h.startApi(app.command, { name: 'app (setup)' });
  let data;
  try {
    const base = await createBenchData(database.url, setup.url);
    const readPlanId = await createReadPlan(database.url, base);
    const anchoredPlanId = await createAnchoredPlan(database.url, base);
    const pairs = only.includes('scaling') ? PAIRS : PAIRS.slice(0, 1);
    const scaling: ScalingProgramme[] = [];
    for (const n of pairs) scaling.push(await createScalingProgramme(database.url, setup.url, n));
    data = restData(base, { readPlanId, anchoredPlanId }, scaling);
  } finally {
    await h.stop(setup.proc);
  }
  await analyze(database.url);
  log(
    `data: programme ${data.base.programmeId} (read plan ${data.readPlanId}, anchored plan ${data.anchoredPlanId}, write plan ${data.base.planId}); dashboards of ${data.scaling.map((s) => s.pairs).join(', ')} pairs; ${fmt((Date.now() - dataStarted) / 1000, 0)} s`,
  );

  const bareEnv = bareServerEnv(data);
  const report = new Report();
  const profile = flag('profile');
  const profileArgs = (kind: string) => (profile ? ['--cpu-prof', '--cpu-prof-dir', join(PROFILE_DIR, kind)] : []);
  if (profile) rmSync(PROFILE_DIR, { recursive: true, force: true });
  const bare = await h.startBare(bareScript, bareEnv, { nodeArgs: profileArgs('bare') });
  const appServer = await h.startApi(app.command, {
    nodeArgs: profileArgs('app'),
    env: { DATABASE_POOLER: POOLER, DATABASE_DIRECT_URL: database.url },
  });
  const ctx: BenchContext = {
    h,
    report,
    options,
    data,
    app,
    bare: { script: bareScript, env: bareEnv },
    targets: { bare: { kind: 'bare', ...bare }, app: { kind: 'app', ...appServer } },
    log,
  };
  report.say();
  report.say(`REST bench — ${startedAt.toISOString()}; machine: ${machine}`);
  report.say(
    `app: ${app.source}; NODE_ENV=production LOG_LEVEL=warn, pool 10, DATABASE_POOLER=${POOLER}${POOLER === 'none' ? '' : ' (hot statements unnamed, straight to Postgres)'}; bare: Fastify 5 + pg Pool 10, the app's SQL (bench/rest/bare-server.ts)`,
  );
  report.say(`load average at the start: ${loadAtStart}`);
  const profiled: Comparison[] = [];
  if (only.includes('reads')) profiled.push(...(await readBench(ctx)));
  if (only.includes('etag')) await etagBench(ctx);
  if (only.includes('write')) profiled.push(...(await writeBench(ctx)));
  if (only.includes('scaling')) await scalingBench(ctx);
  if (only.includes('instances')) await instancesBench(ctx);
  await h.stop(bare.proc);
  await h.stop(appServer.proc);
  if (profile) summariseProfiles(report, profiled);
  if (only.includes('memory')) await memoryBench(ctx);

  const finishedAt = new Date();
  report.say();
  report.say(
    `finished ${finishedAt.toISOString()} (${fmt((finishedAt.getTime() - startedAt.getTime()) / 1000, 0)} s); load average at the end: ${loadAverage()}`,
  );
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(RESULTS_DIR, `${stamp}.md`), report.markdown.join('\n'));
  writeFileSync(
    join(RESULTS_DIR, `${stamp}.json`),
    JSON.stringify(
      { startedAt, finishedAt, machine, app: app.source, pooler: POOLER, options, ...report.json },
      null,
      2,
    ),
  );
  report.say(`results: bench/rest/results/${stamp}.{md,json}`);
}

/** Where each server spent the measured rounds of each endpoint (the profiles are written when the servers stop). */
function summariseProfiles(report: Report, comparisons: Comparison[]) {
  for (const kind of ['app', 'bare'] as const) {
    const dir = join(PROFILE_DIR, kind);
    const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.cpuprofile')) : undefined;
    if (!file) continue;
    for (const c of comparisons) {
      report.section(`CPU profile of ${kind}: ${c.name} (bench/rest/profiles/${kind}/${file})`);
      for (const line of summariseProfile(
        join(dir, file),
        c[kind].map((r) => r.window),
        25,
      ).split('\n'))
        report.say(line);
    }
  }
}

h.run(main);
