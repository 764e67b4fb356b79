import { readFileSync } from 'node:fs';
import { ROOT } from './setup';
import { fmt, table } from './util';

/**
 * Self and inclusive time of a .cpuprofile, counting only the samples inside `windows` (the
 * measured phases, in CLOCK_MONOTONIC microseconds — the clock of both V8's profiler and
 * process.hrtime on Linux), so start-up, joins and presence storms are left out.
 */
export function summariseProfile(file: string, windows: [number, number][], top = 22): string {
  interface Node {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
    startTime: number;
    endTime: number;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: Node) => {
    const where = n.callFrame.url
      .replace(/^file:\/\//, '')
      .replace(`${ROOT}/`, '')
      .replace('bench/dist/', '')
      .replace(/^.*node_modules\//, '');
    return `${n.callFrame.functionName || '(anonymous)'} ${where ? `${where}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let t = profile.startTime;
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (windows.length && !windows.some(([a, b]) => t >= a && t <= b)) return;
    const n = byId.get(id)!;
    total += dt;
    if (n.callFrame.functionName === '(idle)') {
      idle += dt;
      return;
    }
    const key = keyOf(n);
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyOf(byId.get(cur)!);
      if (seen.has(k) || k === '(root)') continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  });
  const busy = total - idle;
  const pct = (x: number) => fmt((100 * x) / Math.max(1, busy), 1);
  const byArea = new Map<string, number>();
  for (const [key, v] of self) {
    const where = key.split(' ').slice(1).join(' ');
    const area =
      where.startsWith('apps/') || where.startsWith('libs/')
        ? 'app code (apps/, libs/)'
        : (/^(@[^/]+\/[^/]+|[^/]+)\//.exec(where)?.[1] ?? `${key.split(' ')[0]} (native/VM)`);
    byArea.set(area, (byArea.get(area) ?? 0) + v);
  }
  const rows = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => [k.slice(0, 100), fmt(v / 1000, 0), pct(v)]);
  return [
    `samples in the measured windows: ${fmt(total / 1000, 0)} ms, of which busy ${fmt(busy / 1000, 0)} ms (percentages are of busy time)`,
    table(['self time: function', 'ms', '% busy'], rows(self, top)),
    '',
    table(['self time: package / area', 'ms', '% busy'], rows(byArea, 15)),
    '',
    table(['inclusive time: function', 'ms', '% busy'], rows(inclusive, top + 10)),
  ].join('\n');
}
