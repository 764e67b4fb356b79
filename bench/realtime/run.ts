/**
 * npm run bench:realtime — comment → socket fan-out latency, throughput and per-socket memory of
 * the real API against a bare Fastify + pg + socket.io baseline, all on 127.0.0.1.
 *
 *   npm run bench:realtime                        build the API into bench/dist when its sources are newer, then run
 *   npm run bench:realtime -- --build             always build first;  --no-build: reuse bench/dist as it is
 *   npm run bench:realtime -- --from-source       run the API with @swc-node/register instead
 *   npm run bench:realtime -- --profile           also run both servers with --cpu-prof and summarise the measured phases
 *   npm run bench:realtime -- --heap-diff         also diff heap snapshots (0 vs all sockets) in the memory runs (slow;
 *                                                 the snapshots disturb that run's RSS figures)
 *   options: --rounds 2 --seconds 15 --rates 20,50 --sockets 500 --memory-sockets 1000 --client-procs 2 --skip-memory --skip-load
 *
 * Everything it starts (servers, client processes) is stopped, its database dropped and its Redis
 * keys deleted at the end, on failure and on Ctrl-C. Results also go to bench/realtime/results/.
 *
 * See docs/performance.md ("Realtime") for what is measured and how to read it.
 */
import { execFileSync, fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { compileScripts, GC_PRELOAD, prepareAppBuild } from '../support/build';
import { cli, Harness, log } from '../support/harness';
import { createBenchData, createBenchDatabase, ROOT, type BenchData } from '../support/setup';
import {
  cpuMsOf,
  fmt,
  loadAverage,
  machineTicks,
  markdownTable,
  median,
  nowNs,
  percentile,
  postgresCpuByPid,
  postgresCpuDelta,
  rssOf,
  sleep,
  table,
  type Proc,
} from '../support/util';
import type { Memory, MemoryResult } from '../support/memory-result';
import { summariseProfile } from '../support/profile';
import { heapDiff } from './heap-diff';

// ---------------------------------------------------------------- options

const { flag, option } = cli();
const ROUNDS = Number(option('rounds', '2'));
const SECONDS = Number(option('seconds', '15'));
const RATES = option('rates', '20,50').split(',').map(Number);
const SOCKETS = Number(option('sockets', '500'));
const MEMORY_SOCKETS = Number(option('memory-sockets', '1000'));
const CLIENT_PROCS = Number(option('client-procs', '2'));
const WARMUP_SECONDS = 3;
const DRAIN_TIMEOUT_MS = 6_000;
const RESPONSE_TIMEOUT_MS = 10_000;
const BASELINE_SECONDS = 5;
const BENCH_DIR = __dirname;
const MEMORY_HEADER = [
  'server',
  'RSS before MiB',
  `RSS, ${MEMORY_SOCKETS} sockets`,
  'RSS KiB/socket',
  'RSS KiB/socket, 2nd half',
  'heap+ext before MiB',
  `heap+ext, ${MEMORY_SOCKETS} sockets`,
  'heap+ext KiB/socket',
  'V8 heap used/reserved before MiB',
  'connect+subscribe ms',
  'settle ms',
];
const PROFILE_DIR = join(BENCH_DIR, 'profiles');
const RESULTS_DIR = join(BENCH_DIR, 'results');

type Kind = 'bare' | 'app';

// ---------------------------------------------------------------- processes we own

const h = new Harness();
const clientProcs: ClientProc[] = [];
let appCommand: string[] = [];
let appSource = '';
h.onCleanup(() => {
  for (const c of clientProcs) c.kill();
});

/** A forked clients.ts process, driven over IPC. */
class ClientProc {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  constructor(readonly child: ChildProcess) {
    child.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error) w.reject(new Error(m.error));
      else w.resolve(m.result);
    });
    child.on('exit', () => {
      for (const w of this.waiting.values()) w.reject(new Error('client process exited'));
      this.waiting.clear();
    });
  }

  static start(): ClientProc {
    const child = fork(join(BENCH_DIR, 'clients.ts'), [], {
      cwd: ROOT,
      execArgv: ['-r', '@swc-node/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new ClientProc(child);
  }

  call<T>(command: Record<string, unknown>): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...command, id });
    });
  }

  kill() {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
  }
}

const allClients = <T>(command: Record<string, unknown>) => Promise.all(clientProcs.map((c) => c.call<T>(command)));

async function connectSockets(url: string, data: BenchData, count: number, rooms: string[]) {
  const share = (i: number) => Math.floor(count / clientProcs.length) + (i < count % clientProcs.length ? 1 : 0);
  const results = await Promise.all(
    clientProcs.map((c, i) =>
      c.call<{ ms: number; connected: number; failures: string[]; failureCount: number }>({
        cmd: 'connect',
        url,
        tokens: [data.mentor.token, data.mentee.token],
        count: share(i),
        rooms,
        concurrency: 25,
      }),
    ),
  );
  const connected = results.reduce((a, r) => a + r.connected, 0);
  const failureCount = results.reduce((a, r) => a + r.failureCount, 0);
  if (failureCount > 0 || connected !== count) {
    throw new Error(
      `only ${connected}/${count} sockets connected and subscribed; failures: ${results.flatMap((r) => r.failures).join('; ')}`,
    );
  }
  return Math.max(...results.map((r) => r.ms));
}

// ---------------------------------------------------------------- servers

async function startServer(
  kind: Kind,
  data: BenchData | null,
  extraNodeArgs: string[] = [],
): Promise<{ proc: Proc; url: string }> {
  if (kind === 'app') return h.startApi(appCommand, { nodeArgs: extraNodeArgs });
  return h.startBare(
    compileScripts(
      join(BENCH_DIR, 'bare-server.ts'),
      join(ROOT, 'bench/support/bare-comment.ts'),
      join(ROOT, 'bench/support/bare-process.ts'),
    ),
    {
      BARE_TOKENS: JSON.stringify({ [data!.mentor.token]: data!.mentor.id, [data!.mentee.token]: data!.mentee.id }),
      BARE_CONTEXT: JSON.stringify({ programmeId: data!.programmeId, pairId: data!.pairId, planId: data!.planId }),
    },
    { nodeArgs: extraNodeArgs },
  );
}

const stopServer = (proc: Proc) => h.stop(proc);

/** Waits until the server has used under 5% of a core for 500 ms (a presence storm after joins has passed), at most `ms`. */
async function settle(proc: Proc, ms = 20_000) {
  const start = Date.now();
  let before = cpuMsOf(proc.pid);
  while (Date.now() - start < ms) {
    await sleep(500);
    const now = cpuMsOf(proc.pid);
    if (now - before <= 25) return Date.now() - start;
    before = now;
  }
  return Date.now() - start;
}

// ---------------------------------------------------------------- load

interface Sent {
  i: number;
  sentAt: bigint;
  doneAt?: bigint;
  status?: number;
  id?: string;
  /** The bare server's transaction time (server-timing: tx;dur=…). */
  txMs?: number;
}

/** The measured phases of each server (CLOCK_MONOTONIC µs), for --profile. */
const measuredWindows: Record<Kind, [number, number][]> = { bare: [], app: [] };
/** The phases with no socket subscribed (the write path alone). */
const aloneWindows: Record<Kind, [number, number][]> = { bare: [], app: [] };

const agent = new Agent({ keepAlive: true, maxSockets: 128 });

function postComment(url: string, data: BenchData, i: number, sent: Sent): Promise<void> {
  const body = JSON.stringify({
    body: `Bench comment ${i}: could the business department share its indicators for the one-stop shop before the next review?`,
    target: { type: 'plan', id: data.planId },
  });
  return new Promise((resolve) => {
    const req = request(
      `${url}/api/v1/action-plans/${data.planId}/comments`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${data.mentee.token}`,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          sent.doneAt = nowNs();
          sent.status = res.statusCode;
          const tx = /tx;dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''));
          if (tx) sent.txMs = Number(tx[1]);
          try {
            sent.id = (JSON.parse(text) as { id?: string }).id;
          } catch {
            // counted as an error below
          }
          resolve();
        });
      },
    );
    req.on('error', () => {
      sent.doneAt = nowNs();
      sent.status = 0;
      resolve();
    });
    sent.sentAt = nowNs();
    req.end(body);
  });
}

/**
 * Open loop: comment i is sent at start + i/rate whatever the earlier ones are doing. Answers are
 * awaited at most RESPONSE_TIMEOUT_MS after the last send; a later one counts as an error.
 */
async function postAtRate(url: string, data: BenchData, rate: number, seconds: number): Promise<Sent[]> {
  const n = Math.round(rate * seconds);
  const interval = 1e9 / rate;
  const start = nowNs();
  const sent: Sent[] = [];
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const due = start + BigInt(Math.round(i * interval));
    const wait = Number(due - nowNs()) / 1e6;
    if (wait > 0) await sleep(wait);
    const s: Sent = { i, sentAt: 0n };
    sent.push(s);
    inflight.push(postComment(url, data, i, s));
  }
  await Promise.race([Promise.all(inflight), sleep(RESPONSE_TIMEOUT_MS)]);
  return sent.map((s) => (s.doneAt ? s : { ...s, status: -1 }));
}

interface PhaseResult {
  kind: Kind;
  round: number;
  rate: number;
  comments: number;
  postErrors: number;
  incomplete: number;
  p50: number;
  p99: number;
  max: number;
  deliveredPerSec: number;
  offeredPerSec: number;
  postP50: number;
  postP99: number;
  serverCpuMsPerComment: number;
  postgresCpuMsPerComment: number;
  txP50: number;
  clientCpuShare: number;
  /** The worst client process's event-loop delay p99 (ms): how far the load generator itself lagged. */
  clientLoopDelayP99: number;
  machineBusy: number;
  load: string;
}

async function measurePhase(
  kind: Kind,
  round: number,
  proc: Proc,
  url: string,
  data: BenchData,
  rate: number,
  seconds: number,
  sockets: number,
): Promise<PhaseResult> {
  await allClients({ cmd: 'reset' });
  const pg0 = postgresCpuByPid(h.database!.name);
  const cpu0 = cpuMsOf(proc.pid);
  const ticks0 = machineTicks();
  const t0 = nowNs();
  const window: [number, number] = [Number(t0 / 1000n), 0];
  const sent = await postAtRate(url, data, rate, seconds);
  const ok = sent.filter((s) => s.status === 201 && s.id);
  const expected = ok.length * sockets;
  const drainStart = Date.now();
  for (;;) {
    const progress = await allClients<{ received: number }>({ cmd: 'progress' });
    if (progress.reduce((a, p) => a + p.received, 0) >= expected || Date.now() - drainStart > DRAIN_TIMEOUT_MS) break;
    await sleep(100);
  }
  const cpu1 = cpuMsOf(proc.pid);
  const pg1 = postgresCpuByPid(h.database!.name);
  const ticks1 = machineTicks();
  window[1] = Number(nowNs() / 1000n);
  if (seconds === SECONDS && sockets > 0) measuredWindows[kind].push(window);
  if (sockets === 0 && seconds === BASELINE_SECONDS) aloneWindows[kind].push(window);
  const reports = await allClients<{
    received: number;
    cpuMs: number;
    loopDelayP99Ms: number;
    receipts: [string, number, string][];
  }>({ cmd: 'report' });
  const merged = new Map<string, { count: number; last: bigint }>();
  for (const r of reports) {
    for (const [id, count, last] of r.receipts) {
      const m = merged.get(id);
      const l = BigInt(last);
      if (m) {
        m.count += count;
        if (l > m.last) m.last = l;
      } else merged.set(id, { count, last: l });
    }
  }
  const latencies: number[] = [];
  let delivered = 0;
  let incomplete = 0;
  let lastReceipt = t0;
  for (const s of ok) {
    const m = merged.get(s.id!);
    delivered += m?.count ?? 0;
    if (m && m.last > lastReceipt) lastReceipt = m.last;
    if (!m || m.count < sockets) {
      incomplete++;
      latencies.push(Infinity);
    } else latencies.push(Number(m.last - s.sentAt) / 1e6);
  }
  const durationS = Number(lastReceipt - t0) / 1e9;
  const postLatencies = ok.map((s) => Number(s.doneAt! - s.sentAt) / 1e6);
  const finite = latencies.filter(Number.isFinite);
  const clientCpuMs = reports.reduce((a, r) => a + r.cpuMs, 0);
  return {
    kind,
    round,
    rate,
    comments: sent.length,
    postErrors: sent.length - ok.length,
    incomplete,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: finite.length ? Math.max(...finite) : NaN,
    deliveredPerSec: sockets > 0 && durationS > 0 ? delivered / durationS : 0,
    offeredPerSec: rate * sockets,
    postP50: percentile(postLatencies, 50),
    postP99: percentile(postLatencies, 99),
    serverCpuMsPerComment: (cpu1 - cpu0) / Math.max(1, sent.length),
    postgresCpuMsPerComment: postgresCpuDelta(pg0, pg1) / Math.max(1, sent.length),
    txP50: percentile(
      ok.filter((s) => s.txMs !== undefined).map((s) => s.txMs!),
      50,
    ),
    clientCpuShare: clientCpuMs / (durationS * 1000),
    clientLoopDelayP99: Math.max(...reports.map((r) => r.loopDelayP99Ms)),
    machineBusy: (ticks1.busy - ticks0.busy) / Math.max(1, ticks1.total - ticks0.total),
    load: loadAverage(),
  };
}

async function loadRound(kind: Kind, round: number, data: BenchData, profile: boolean): Promise<PhaseResult[]> {
  const extra = profile ? ['--cpu-prof', '--cpu-prof-dir', join(PROFILE_DIR, kind)] : [];
  const { proc, url } = await startServer(kind, data, extra);
  try {
    // The write path alone (no socket subscribed): what a comment costs before any fan-out.
    await postAtRate(url, data, 50, 3);
    await settle(proc, 5000);
    const alone = await measurePhase(kind, round, proc, url, data, 20, BASELINE_SECONDS, 0);
    alone.rate = 0;
    log(
      `${kind} round ${round}, no sockets @20/s: POST p50 ${fmt(alone.postP50)} ms, server CPU ${fmt(alone.serverCpuMsPerComment, 2)} ms/comment, Postgres CPU ${fmt(alone.postgresCpuMsPerComment, 2)} ms/comment`,
    );
    const connectMs = await connectSockets(url, data, SOCKETS, [`plan:${data.planId}`]);
    const settledMs = await settle(proc);
    log(
      `${kind} round ${round}: ${SOCKETS} sockets connected and subscribed in ${connectMs} ms (settled after ${settledMs} ms); warming up`,
    );
    await measurePhase(kind, round, proc, url, data, 20, WARMUP_SECONDS, SOCKETS);
    const results: PhaseResult[] = [alone];
    for (const rate of RATES) {
      await sleep(1000);
      const r = await measurePhase(kind, round, proc, url, data, rate, SECONDS, SOCKETS);
      log(
        `${kind} round ${round} @${rate}/s: last-receipt p50 ${fmt(r.p50)} ms p99 ${fmt(r.p99)} ms, delivered ${fmt(r.deliveredPerSec, 0)}/${r.offeredPerSec} msg/s, ` +
          `POST p50 ${fmt(r.postP50)} ms, server CPU ${fmt(r.serverCpuMsPerComment, 2)} ms/comment, Postgres CPU ${fmt(r.postgresCpuMsPerComment, 2)} ms/comment, errors ${r.postErrors}, incomplete ${r.incomplete}, machine busy ${fmt(r.machineBusy * 100, 0)}%`,
      );
      results.push(r);
    }
    return results;
  } finally {
    await allClients({ cmd: 'disconnect' });
    await stopServer(proc);
  }
}

// ---------------------------------------------------------------- memory

/** After a full GC (SIGUSR2 → gc-on-signal.cjs): VmRSS from /proc, heap and external from the line the preload writes. */
async function memoryAfterGc(proc: Proc): Promise<Memory> {
  const readings: Memory[] = [];
  for (let i = 0; i < 2; i++) {
    proc.child.kill('SIGUSR2');
    await sleep(1200);
    // The last such line is the answer to this signal (the output is kept as a bounded tail).
    const line = [...proc.output().matchAll(/BENCH_MEMORY (\{.*\})/g)].pop();
    const usage = line
      ? (JSON.parse(line[1]) as { heapUsed: number; heapTotal: number; external: number })
      : { heapUsed: NaN, heapTotal: NaN, external: NaN };
    readings.push({
      rss: rssOf(proc.pid),
      heapUsed: usage.heapUsed,
      heapTotal: usage.heapTotal,
      external: usage.external,
    });
  }
  return readings.sort((a, b) => a.rss - b.rss)[0];
}

/** Takes a heap snapshot through node's --heapsnapshot-signal and waits until the file is written. */
async function heapSnapshot(proc: Proc, dir: string): Promise<string> {
  const existing = new Set(existsSync(dir) ? readdirSync(dir) : []);
  proc.child.kill('SIGWINCH');
  for (let waited = 0; waited < 120_000; waited += 500) {
    await sleep(500);
    const file = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot') && !existing.has(f));
    if (file && statSync(join(dir, file)).size > 0) {
      const size = statSync(join(dir, file)).size;
      await sleep(1000);
      if (statSync(join(dir, file)).size === size) return join(dir, file);
    }
  }
  throw new Error('no heap snapshot written');
}

async function memoryRun(kind: Kind, data: BenchData, heap: string[]): Promise<MemoryResult> {
  const heapDir = join(PROFILE_DIR, 'heap', kind);
  const heapArgs = flag('heap-diff') ? ['--heapsnapshot-signal=SIGWINCH', `--diagnostic-dir=${heapDir}`] : [];
  if (heapArgs.length) {
    rmSync(heapDir, { recursive: true, force: true });
    mkdirSync(heapDir, { recursive: true });
  }
  const { proc, url } = await startServer(kind, data, ['--expose-gc', '-r', GC_PRELOAD, ...heapArgs]);
  try {
    const rooms = [`programme:${data.programmeId}`, `pair:${data.pairId}`, `plan:${data.planId}`];
    // Warm every code path once (handshake, subscribe, a comment fan-out), so lazily built state is not counted per socket.
    await connectSockets(url, data, 20, rooms);
    await postAtRate(url, data, 20, 1);
    await sleep(500);
    await allClients({ cmd: 'disconnect' });
    await settle(proc);
    await sleep(1000);
    const before = await memoryAfterGc(proc);
    const snapshotBefore = heapArgs.length ? await heapSnapshot(proc, heapDir) : '';
    // In two halves: the second half's growth is less blurred by memory the process had already reserved and freed.
    const half = Math.floor(MEMORY_SOCKETS / 2);
    let connectMs = await connectSockets(url, data, half, rooms);
    let settleMs = await settle(proc, 60_000);
    await sleep(1000);
    const mid = await memoryAfterGc(proc);
    connectMs += await connectSockets(url, data, MEMORY_SOCKETS - half, rooms);
    settleMs += await settle(proc, 60_000);
    await sleep(1000);
    const after = await memoryAfterGc(proc);
    if (heapArgs.length)
      heap.push(`${kind}: ${heapDiff(snapshotBefore, await heapSnapshot(proc, heapDir), MEMORY_SOCKETS)}`);
    const r: MemoryResult = {
      kind,
      before,
      mid,
      after,
      perSocket: (after.rss - before.rss) / MEMORY_SOCKETS,
      secondHalfPerSocket: (after.rss - mid.rss) / (MEMORY_SOCKETS - half),
      heapPerSocket: (after.heapUsed + after.external - before.heapUsed - before.external) / MEMORY_SOCKETS,
      connectMs,
      settleMs,
    };
    log(
      `${kind} memory: RSS ${fmt(before.rss / 2 ** 20)} → ${fmt(mid.rss / 2 ** 20)} → ${fmt(after.rss / 2 ** 20)} MiB with 0 → ${half} → ${MEMORY_SOCKETS} sockets × 3 rooms = ` +
        `${fmt(r.perSocket / 1024)} KiB/socket (second half ${fmt(r.secondHalfPerSocket / 1024)}; heap+external ${fmt(r.heapPerSocket / 1024)} KiB/socket; ` +
        `connect+subscribe ${connectMs} ms, settled ${settleMs} ms)`,
    );
    return r;
  } finally {
    await allClients({ cmd: 'disconnect' });
    await stopServer(proc);
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const startedAt = new Date();
  const fdLimit = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, ${execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim()}`;
  log(`machine: ${machine}; load average ${loadAverage()}; ulimit -n ${fdLimit}`);
  const needFds = Math.max(SOCKETS, MEMORY_SOCKETS) / CLIENT_PROCS + 100;
  if (fdLimit !== 'unlimited' && Number(fdLimit) < needFds) {
    throw new Error(
      `ulimit -n is ${fdLimit}; each client process needs about ${needFds}: raise it (ulimit -n 4096) or pass --client-procs ${Math.ceil(Math.max(SOCKETS, MEMORY_SOCKETS) / 900)}`,
    );
  }
  ({ command: appCommand, source: appSource } = prepareAppBuild(flag, log));
  log(`app: ${appSource}`);

  const database = (h.database = await createBenchDatabase());
  log(`database ${database.name} (copied from the migrated template); Redis prefix ${h.redisPrefix}`);
  let data: BenchData;
  {
    const { proc, url } = await startServer('app', null);
    try {
      data = await createBenchData(database.url, url);
    } finally {
      await stopServer(proc);
    }
  }
  log(`programme ${data.programmeId}, pair ${data.pairId}, plan ${data.planId}; mentor and mentee signed in`);
  for (let i = 0; i < CLIENT_PROCS; i++) clientProcs.push(ClientProc.start());

  const profile = flag('profile');
  if (profile) {
    rmSync(PROFILE_DIR, { recursive: true, force: true });
    mkdirSync(PROFILE_DIR, { recursive: true });
  }

  const phases: PhaseResult[] = [];
  if (!flag('skip-load')) {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const kind of ['bare', 'app'] as Kind[]) phases.push(...(await loadRound(kind, round, data, profile)));
    }
  }
  const memory: MemoryResult[] = [];
  const heap: string[] = [];
  if (!flag('skip-memory')) {
    for (const kind of ['bare', 'app'] as Kind[]) memory.push(await memoryRun(kind, data, heap));
  }

  // ------------------------------------------------------------ report
  const out: string[] = [];
  const say = (s = '') => {
    out.push(s);
    process.stdout.write(`${s}\n`);
  };
  const finishedAt = new Date();
  say();
  say(
    `Realtime bench — ${startedAt.toISOString()} → ${finishedAt.toISOString()} (${fmt((finishedAt.getTime() - startedAt.getTime()) / 1000, 0)} s)`,
  );
  say(`machine: ${machine}; ulimit -n ${fdLimit}; ${CLIENT_PROCS} client processes`);
  say(`app: ${appSource}`);
  say(
    `load: ${SOCKETS} sockets in plan:<id>, open-loop POSTs as the mentee, ${SECONDS} s per rate, ${ROUNDS} rounds alternating bare/app; medians of the rounds (∞ = some comment never reached every socket)`,
  );

  const agg = (kind: Kind, rate: number) => {
    const rs = phases.filter((p) => p.kind === kind && p.rate === rate);
    return {
      n: rs.length,
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      max: median(rs.map((r) => r.max)),
      delivered: median(rs.map((r) => r.deliveredPerSec)),
      offered: rate * SOCKETS,
      postP50: median(rs.map((r) => r.postP50)),
      postP99: median(rs.map((r) => r.postP99)),
      cpu: median(rs.map((r) => r.serverCpuMsPerComment)),
      pgCpu: median(rs.map((r) => r.postgresCpuMsPerComment)),
      tx: median(rs.map((r) => r.txP50)),
      errors: rs.reduce((a, r) => a + r.postErrors, 0),
      incomplete: rs.reduce((a, r) => a + r.incomplete, 0),
      busy: median(rs.map((r) => r.machineBusy)),
      clientCpu: median(rs.map((r) => r.clientCpuShare)),
    };
  };
  const header = [
    'server @ rate',
    'last-receipt p50 ms',
    'p99 ms',
    'max ms',
    'delivered msg/s',
    'offered msg/s',
    'deliv/offered',
    'POST p50 ms',
    'POST p99 ms',
    'server CPU ms/comment',
    'errors',
    'incomplete',
    'machine busy',
  ];
  const rows: (string | number)[][] = [];
  let costTable = '';
  let roundTable = '';
  const ratioRows: (string | number)[][] = [];
  if (phases.length) {
    for (const rate of RATES) {
      for (const kind of ['bare', 'app'] as Kind[]) {
        const a = agg(kind, rate);
        rows.push([
          `${kind} @ ${rate}/s`,
          fmt(a.p50),
          fmt(a.p99),
          fmt(a.max),
          fmt(a.delivered, 0),
          a.offered,
          fmt(a.delivered / a.offered, 3),
          fmt(a.postP50),
          fmt(a.postP99),
          fmt(a.cpu, 2),
          a.errors,
          a.incomplete,
          `${fmt(a.busy * 100, 0)}%`,
        ]);
      }
      const app = agg('app', rate);
      const bare = agg('bare', rate);
      const target = rate <= 20 ? 1.5 : 2;
      const ratio = app.p99 / bare.p99;
      ratioRows.push([
        `${rate}/s`,
        fmt(ratio, 2),
        `≤ ${target}`,
        ratio <= target ? 'met' : `missed by ${fmt(ratio / target, 2)}×`,
        fmt(app.delivered / app.offered, 3),
        app.delivered / app.offered >= 0.9 ? 'met' : 'missed',
        fmt(bare.delivered / bare.offered, 3),
        fmt(app.p50 / bare.p50, 2),
        fmt(app.postP50 / bare.postP50, 2),
        fmt(app.cpu / bare.cpu, 2),
      ]);
    }
    say();
    say(table(header, rows));
    say();
    const ratioHeader = [
      'rate',
      'app/bare p99',
      'target',
      'p99 verdict',
      'app delivered/offered',
      '≥ 0.9',
      'bare delivered/offered',
      'app/bare p50',
      'app/bare POST p50',
      'app/bare CPU/comment',
    ];
    say(table(ratioHeader, ratioRows));
    const costHeader = [
      'server',
      'POST p50 ms, no sockets',
      'server CPU ms/comment, no sockets',
      `server CPU ms/comment, ${SOCKETS} sockets @20/s`,
      'fan-out CPU µs per delivered message',
      'Postgres CPU ms/comment',
      'bare: transaction p50 ms',
    ];
    const costRows = (['bare', 'app'] as Kind[]).map((kind) => {
      const alone = agg(kind, 0);
      const loaded = agg(kind, RATES[0]);
      return [
        kind,
        fmt(alone.postP50),
        fmt(alone.cpu, 2),
        fmt(loaded.cpu, 2),
        fmt(((loaded.cpu - alone.cpu) / SOCKETS) * 1000, 1),
        fmt(alone.pgCpu, 2),
        kind === 'bare' ? fmt(alone.tx, 2) : '—',
      ];
    });
    say('where the time goes (CPU from /proc, medians of the rounds):');
    say(table(costHeader, costRows));
    costTable = markdownTable(costHeader, costRows);
    say();
    say('every round (rate 0 = the write path with no socket subscribed):');
    const roundHeader = [
      'server',
      'round',
      'rate',
      'p50',
      'p99',
      'delivered/s',
      'POST p50',
      'server CPU ms/c',
      'PG CPU ms/c',
      'client CPU (cores)',
      'client loop delay p99 ms',
      'machine busy',
      'load avg',
    ];
    const roundRows = phases.map((p) => [
      p.kind,
      p.round,
      p.rate,
      p.rate ? fmt(p.p50) : '—',
      p.rate ? fmt(p.p99) : '—',
      p.rate ? fmt(p.deliveredPerSec, 0) : '—',
      fmt(p.postP50),
      fmt(p.serverCpuMsPerComment, 2),
      fmt(p.postgresCpuMsPerComment, 2),
      p.rate ? fmt(p.clientCpuShare, 2) : '—',
      p.rate ? fmt(p.clientLoopDelayP99, 0) : '—',
      `${fmt(p.machineBusy * 100, 0)}%`,
      p.load,
    ]);
    say(table(roundHeader, roundRows));
    roundTable = markdownTable(roundHeader, roundRows);
  }
  let memoryRows: (string | number)[][] = [];
  let memoryVerdict = '';
  if (memory.length === 2) {
    const [bare, app] = memory;
    memoryRows = memory.map((m) => [
      m.kind,
      fmt(m.before.rss / 2 ** 20),
      fmt(m.after.rss / 2 ** 20),
      fmt(m.perSocket / 1024),
      fmt(m.secondHalfPerSocket / 1024),
      fmt((m.before.heapUsed + m.before.external) / 2 ** 20),
      fmt((m.after.heapUsed + m.after.external) / 2 ** 20),
      fmt(m.heapPerSocket / 1024),
      `${fmt(m.before.heapUsed / 2 ** 20)}/${fmt(m.before.heapTotal / 2 ** 20)}`,
      m.connectMs,
      m.settleMs,
    ]);
    say();
    say(table(MEMORY_HEADER, memoryRows));
    const ratio = app.perSocket / bare.perSocket;
    const heapRatio = app.heapPerSocket / bare.heapPerSocket;
    const halfRatio = app.secondHalfPerSocket / bare.secondHalfPerSocket;
    memoryVerdict = `memory per socket app/bare: RSS ${fmt(ratio, 2)} (target ≤ 1.3: ${ratio <= 1.3 ? 'met' : `missed by ${fmt(ratio / 1.3, 2)}×`}); RSS of the second half ${fmt(halfRatio, 2)}; heap+external ${fmt(heapRatio, 2)}`;
    say(memoryVerdict);
  }

  for (const h of heap) {
    say();
    say(h);
  }

  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  writeFileSync(
    join(RESULTS_DIR, `${stamp}.json`),
    JSON.stringify(
      {
        startedAt,
        finishedAt,
        machine,
        fdLimit,
        appSource,
        options: { ROUNDS, SECONDS, RATES, SOCKETS, MEMORY_SOCKETS, CLIENT_PROCS },
        phases,
        memory,
      },
      null,
      2,
    ),
  );
  const md = [
    `Run ${startedAt.toISOString()} (${machine})`,
    '',
    markdownTable(header, rows),
    '',
    markdownTable(
      [
        'rate',
        'app/bare p99',
        'target',
        'p99 verdict',
        'app delivered/offered',
        '≥ 0.9',
        'bare delivered/offered',
        'app/bare p50',
        'app/bare POST p50',
        'app/bare CPU/comment',
      ],
      ratioRows,
    ),
    '',
    costTable,
    '',
    roundTable,
    '',
    memoryRows.length ? markdownTable(MEMORY_HEADER, memoryRows) : '',
    '',
    memoryVerdict,
  ].join('\n');
  writeFileSync(join(RESULTS_DIR, `${stamp}.md`), md);
  say();
  say(`results: bench/realtime/results/${stamp}.{json,md}`);

  if (profile) {
    await h.cleanup();
    for (const kind of ['bare', 'app'] as Kind[]) {
      const dir = join(PROFILE_DIR, kind);
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
      for (const f of files) {
        say();
        say(
          `CPU profile of ${kind} (bench/realtime/profiles/${kind}/${f}), the measured phases with ${SOCKETS} sockets:`,
        );
        say(summariseProfile(join(dir, f), measuredWindows[kind]));
        say();
        say(`CPU profile of ${kind}, the phase with no socket (the write path alone):`);
        say(summariseProfile(join(dir, f), aloneWindows[kind], 15));
      }
    }
  }
}

h.run(main);
