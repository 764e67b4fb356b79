/**
 * Two API instances vs one: how much later a comment reaches a subscriber connected to the OTHER
 * instance. The POSTs always go to instance A; the subscriber (the mentor, in plan:<id>) is on A
 * ("one instance") or on B ("two instances"). Each instance tails the event log itself (Postgres
 * NOTIFY → read → deliver, decision 0006); Redis carries the socket.io adapter (presence, typing).
 * One comment at a time, 50 ms apart, so the figure is latency, not queueing.
 */
import { io, type Socket } from 'socket.io-client';
import { fmt, median, nowNs, percentile, sleep } from '../support/util';
import type { BenchContext } from './context';

interface ModeResult {
  mode: 'one instance' | 'two instances';
  round: number;
  p50: number;
  p99: number;
  postP50: number;
  missed: number;
}

function connect(url: string, token: string): Promise<Socket> {
  const socket = io(`${url}/realtime`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 20_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

async function measure(
  ctx: BenchContext,
  postUrl: string,
  subscribeUrl: string,
  comments: number,
): Promise<{ latencies: number[]; posts: number[]; missed: number }> {
  const { data } = ctx;
  const planId = data.base.planId;
  const socket = await connect(subscribeUrl, data.base.mentor.token);
  const waiting = new Map<string, (t: bigint) => void>();
  const early = new Map<string, bigint>();
  socket.on('event', (event: { type?: string; payload?: { commentId?: string } }) => {
    const t = nowNs();
    const id = event?.payload?.commentId;
    if (event?.type !== 'comment.created' || !id) return;
    const w = waiting.get(id);
    if (w) w(t);
    else early.set(id, t);
  });
  try {
    const ack = (await socket.timeout(20_000).emitWithAck('subscribe', { room: `plan:${planId}` })) as {
      ok: boolean;
      error?: string;
    };
    if (!ack?.ok) throw new Error(`subscribe refused: ${ack?.error}`);
    const latencies: number[] = [];
    const posts: number[] = [];
    let missed = 0;
    for (let i = 0; i < comments; i++) {
      const t0 = nowNs();
      const res = await fetch(`${postUrl}/api/v1/action-plans/${planId}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${data.mentee.token}` },
        body: JSON.stringify({ body: `Two instances, comment ${i}`, target: { type: 'plan', id: planId } }),
      });
      const { id } = (await res.json()) as { id: string };
      posts.push(Number(nowNs() - t0) / 1e6);
      const received =
        early.get(id) ??
        (await Promise.race([
          new Promise<bigint>((resolve) => waiting.set(id, resolve)),
          sleep(5000).then(() => null),
        ]));
      waiting.delete(id);
      if (received === null) missed++;
      else latencies.push(Number(received - t0) / 1e6);
      await sleep(50);
    }
    return { latencies, posts, missed };
  } finally {
    socket.close();
  }
}

export async function instancesBench(ctx: BenchContext) {
  const { report, options } = ctx;
  const comments = Number(process.env.BENCH_INSTANCE_COMMENTS ?? 60);
  const a = ctx.targets.app;
  const b = await ctx.h.startApi(ctx.app.command, { name: 'app-2' });
  const results: ModeResult[] = [];
  try {
    await measure(ctx, a.url, a.url, 10); // warm-up of both paths
    await measure(ctx, a.url, b.url, 10);
    for (let round = 1; round <= options.rounds; round++) {
      for (const [mode, subscriber] of [
        ['one instance', a.url],
        ['two instances', b.url],
      ] as const) {
        const m = await measure(ctx, a.url, subscriber, comments);
        const r: ModeResult = {
          mode,
          round,
          p50: percentile(m.latencies, 50),
          p99: percentile(m.latencies, 99),
          postP50: percentile(m.posts, 50),
          missed: m.missed,
        };
        results.push(r);
        ctx.log(
          `${mode}, round ${round}: comment → subscriber p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms, POST p50 ${fmt(r.postP50)} ms, missed ${r.missed}`,
        );
      }
    }
  } finally {
    await ctx.h.stop(b.proc);
  }
  const agg = (mode: ModeResult['mode']) => {
    const rs = results.filter((r) => r.mode === mode);
    return {
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      postP50: median(rs.map((r) => r.postP50)),
      missed: rs.reduce((s, r) => s + r.missed, 0),
    };
  };
  const one = agg('one instance');
  const two = agg('two instances');
  report.section('Two API instances vs one: a comment reaching a subscriber');
  report.say(
    `${comments} comments per round, one at a time (50 ms apart), POSTed to instance A; the subscriber on A or on B; ${options.rounds} rounds alternating; medians of the rounds`,
  );
  report.table(
    ['subscriber on', 'POST → event p50 ms', 'p99 ms', 'POST p50 ms', 'missed'],
    [
      ['A (one instance)', fmt(one.p50), fmt(one.p99), fmt(one.postP50), one.missed],
      ['B (two instances)', fmt(two.p50), fmt(two.p99), fmt(two.postP50), two.missed],
    ],
  );
  report.say(`added p50 latency with two instances: ${fmt(two.p50 - one.p50)} ms (${fmt(two.p50 / one.p50, 2)}×)`);
  report.json.instances = results;
}
