/**
 * Memory: the API's resident memory holding 1 000 authenticated sockets, each in three rooms, vs a
 * bare socket.io server holding as many. This is bench/realtime's memory run, reused as it is
 * (`bench/realtime/run.ts --skip-load --no-build`, on the build this run made); its figures are
 * read back from the JSON it writes. Targets (issue 8): RSS growth per socket ≤ 1.3 × bare, whole
 * RSS ≤ 180 MB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/setup';
import { fmt, spawnProc } from '../support/util';
import type { MemoryResult } from '../support/memory-result';
import type { BenchContext } from './context';

const MB = 1e6;
const MiB = 2 ** 20;

export async function memoryBench(ctx: BenchContext) {
  const sockets = process.env.BENCH_MEMORY_SOCKETS ?? '1000';
  ctx.log(
    `memory: running bench/realtime/run.ts --skip-load --no-build --memory-sockets ${sockets} (its own database, both servers fresh) …`,
  );
  const proc = ctx.h.own(
    spawnProc(
      'bench:realtime memory',
      ['-r', '@swc-node/register', 'bench/realtime/run.ts', '--skip-load', '--no-build', '--memory-sockets', sockets],
      {},
      ROOT,
    ),
  );
  proc.child.stdout!.on('data', (d: Buffer) => {
    for (const line of String(d).split('\n'))
      if (/^\[bench .*memory:/.test(line)) ctx.log(`  ${line.replace(/^\[bench [^\]]*\] /, '')}`);
  });
  const code = await proc.exited;
  ctx.h.owned.delete(proc);
  const stamp = /results: bench\/realtime\/results\/(\S+)\.\{json,md\}/.exec(proc.output())?.[1];
  if (code !== 0 || !stamp)
    throw new Error(`the realtime memory run failed (exit ${code}):\n${proc.output().slice(-3000)}`);
  const { memory } = JSON.parse(readFileSync(join(ROOT, 'bench/realtime/results', `${stamp}.json`), 'utf8')) as {
    memory: MemoryResult[];
  };
  const bare = memory.find((m) => m.kind === 'bare')!;
  const app = memory.find((m) => m.kind === 'app')!;
  const ratio = app.perSocket / bare.perSocket;
  const { report } = ctx;
  report.section(`Memory: ${sockets} authenticated sockets × 3 rooms (bench/realtime's memory run)`);
  report.table(
    [
      'server',
      'RSS idle MiB',
      `RSS with ${sockets} sockets MiB`,
      'RSS KiB/socket',
      'heap+external KiB/socket',
      'V8 heap used/reserved idle MiB',
      'connect+subscribe ms',
    ],
    memory.map((m) => [
      m.kind,
      fmt(m.before.rss / MiB),
      fmt(m.after.rss / MiB),
      fmt(m.perSocket / 1024),
      fmt(m.heapPerSocket / 1024),
      `${fmt(m.before.heapUsed / MiB)}/${fmt(m.before.heapTotal / MiB)}`,
      m.connectMs,
    ]),
  );
  report.say(
    `RSS per socket app/bare ${fmt(ratio, 2)} (target ≤ 1.3: ${ratio <= 1.3 ? 'met' : 'missed'}); ` +
      `app RSS with ${sockets} sockets ${fmt(app.after.rss / MB, 1)} MB = ${fmt(app.after.rss / MiB, 1)} MiB (target ≤ 180 MB: ${app.after.rss <= 180 * MB ? 'met' : 'missed'}); ` +
      `heap+external per socket app/bare ${fmt(app.heapPerSocket / bare.heapPerSocket, 2)}; details: bench/realtime/results/${stamp}.md`,
  );
  report.json.memory = memory;
}
