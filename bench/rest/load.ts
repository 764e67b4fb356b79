import {
  cpuSplitOf,
  fmt,
  loadAverage,
  machineTicks,
  median,
  postgresCpuByPid,
  postgresCpuDelta,
  type Proc,
} from '../support/util';

// autocannon 9 ships no types: what this bench uses of it.
interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  duration: number;
  requests: Histogram & { total: number };
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

export type Kind = 'bare' | 'app';

export interface Target {
  kind: Kind;
  url: string;
  proc: Proc;
}

export interface Request {
  method?: 'GET' | 'POST';
  path: string;
  /** '' sends no Authorization (an open route such as /health). */
  token: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The status every answer should have when it is not a 2xx (e.g. 304 to a current If-None-Match). */
  status?: number;
}

export interface LoadResult {
  kind: Kind;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  /** The server's own CPU (user + system, from /proc) per request, ms. */
  serverCpuMs: number;
  /** Of which in the kernel (system time: syscalls, loopback TCP). */
  serverSysMs: number;
  /** The bench database's Postgres backends' CPU per request, ms. */
  postgresCpuMs: number;
  /** The whole machine's busy share during the run (every process, the bench included). */
  machineBusy: number;
  load: string;
  /** When it ran (CLOCK_MONOTONIC µs, the clock of V8's profiler), for --profile. */
  window: [number, number];
}

/** Closed-loop load with autocannon against 127.0.0.1: `connections` requests in flight for `seconds`. */
export async function hammer(
  target: Target,
  request: Request,
  options: { connections: number; seconds: number; database: string; round?: number },
): Promise<LoadResult> {
  const pg0 = postgresCpuByPid(options.database);
  const cpu0 = cpuSplitOf(target.proc.pid);
  const ticks0 = machineTicks();
  const start = Number(process.hrtime.bigint() / 1000n);
  const result = await autocannon({
    url: `${target.url}${request.path}`,
    method: request.method ?? 'GET',
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    headers: {
      ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
      ...(request.body ? { 'content-type': 'application/json' } : {}),
      ...request.headers,
    },
    body: request.body ? JSON.stringify(request.body) : undefined,
  });
  const cpu1 = cpuSplitOf(target.proc.pid);
  const pg1 = postgresCpuByPid(options.database);
  const ticks1 = machineTicks();
  const window: [number, number] = [start, Number(process.hrtime.bigint() / 1000n)];
  const requests = result.requests.total;
  const ok = request.status ? (result.statusCodeStats?.[String(request.status)]?.count ?? 0) : requests - result.non2xx;
  return {
    kind: target.kind,
    round: options.round ?? 0,
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    errors: requests - ok + result.errors + result.timeouts,
    serverCpuMs: (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / Math.max(1, requests),
    serverSysMs: (cpu1.system - cpu0.system) / Math.max(1, requests),
    postgresCpuMs: postgresCpuDelta(pg0, pg1) / Math.max(1, requests),
    machineBusy: (ticks1.busy - ticks0.busy) / Math.max(1, ticks1.total - ticks0.total),
    load: loadAverage(),
    window,
  };
}

export interface Comparison {
  name: string;
  bare: LoadResult[];
  app: LoadResult[];
}

/** Medians over the rounds of one server. */
export function summary(results: LoadResult[]) {
  return {
    rps: median(results.map((r) => r.rps)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    serverCpuMs: median(results.map((r) => r.serverCpuMs)),
    serverSysMs: median(results.map((r) => r.serverSysMs)),
    postgresCpuMs: median(results.map((r) => r.postgresCpuMs)),
    errors: results.reduce((a, r) => a + r.errors, 0),
    busy: median(results.map((r) => r.machineBusy)),
  };
}

/**
 * For each request: a warm-up of both servers, then `rounds` rounds of bare then app, back to back,
 * so both see the same neighbours on a shared machine. Figures are medians of the rounds.
 */
export async function alternate(
  targets: { bare: Target; app: Target },
  requests: { name: string; bare: Request; app: Request }[],
  options: {
    rounds: number;
    seconds: number;
    warmupSeconds: number;
    connections: number;
    database: string;
    log: (m: string) => void;
  },
): Promise<Comparison[]> {
  const out: Comparison[] = [];
  for (const r of requests) {
    const c: Comparison = { name: r.name, bare: [], app: [] };
    for (const kind of ['bare', 'app'] as Kind[])
      await hammer(targets[kind], r[kind], { ...options, seconds: options.warmupSeconds });
    for (let round = 1; round <= options.rounds; round++) {
      for (const kind of ['bare', 'app'] as Kind[]) {
        const res = await hammer(targets[kind], r[kind], { ...options, round });
        c[kind].push(res);
        options.log(
          `${r.name} round ${round} ${kind}: ${fmt(res.rps, 0)} req/s, p50 ${fmt(res.p50)} ms, p99 ${fmt(res.p99)} ms, ` +
            `server CPU ${fmt(res.serverCpuMs, 2)} ms/req (kernel ${fmt(res.serverSysMs, 2)}), Postgres ${fmt(res.postgresCpuMs, 2)} ms/req, errors ${res.errors}, machine busy ${fmt(res.machineBusy * 100, 0)}%, load ${res.load}`,
        );
      }
    }
    out.push(c);
  }
  return out;
}

export const COMPARISON_HEADER = [
  'endpoint',
  'bare req/s',
  'app req/s',
  'app/bare req/s',
  'bare p50 ms',
  'app p50 ms',
  'bare p99 ms',
  'app p99 ms',
  'app/bare p99',
  'bare CPU ms/req (kernel)',
  'app CPU ms/req (kernel)',
  'PG CPU ms/req bare/app',
  'errors',
];

export function comparisonRow(c: Comparison): (string | number)[] {
  const b = summary(c.bare);
  const a = summary(c.app);
  return [
    c.name,
    fmt(b.rps, 0),
    fmt(a.rps, 0),
    fmt(a.rps / b.rps, 2),
    fmt(b.p50, 1),
    fmt(a.p50, 1),
    fmt(b.p99, 1),
    fmt(a.p99, 1),
    fmt(a.p99 / b.p99, 2),
    `${fmt(b.serverCpuMs, 2)} (${fmt(b.serverSysMs, 2)})`,
    `${fmt(a.serverCpuMs, 2)} (${fmt(a.serverSysMs, 2)})`,
    `${fmt(b.postgresCpuMs, 2)}/${fmt(a.postgresCpuMs, 2)}`,
    b.errors + a.errors,
  ];
}

export const ROUND_HEADER = [
  'endpoint',
  'round',
  'server',
  'req/s',
  'p50 ms',
  'p99 ms',
  'CPU ms/req',
  'kernel ms/req',
  'PG CPU ms/req',
  'machine busy',
  'load avg',
];

export function roundRows(c: Comparison): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < c.bare.length; i++) {
    for (const r of [c.bare[i], c.app[i]]) {
      if (!r) continue;
      rows.push([
        c.name,
        r.round,
        r.kind,
        fmt(r.rps, 0),
        fmt(r.p50, 1),
        fmt(r.p99, 1),
        fmt(r.serverCpuMs, 2),
        fmt(r.serverSysMs, 2),
        fmt(r.postgresCpuMs, 2),
        `${fmt(r.machineBusy * 100, 0)}%`,
        r.load,
      ]);
    }
  }
  return rows;
}
