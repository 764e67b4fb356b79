/**
 * A child process of `npm run bench:realtime` holding socket.io-client sockets (websocket
 * transport, one connection each). It records, per comment id, how many of its sockets got the
 * `comment.created` event in a plan: room and when the last one did (process.hrtime, i.e.
 * CLOCK_MONOTONIC, which every process on the machine shares), and answers the parent over IPC.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

interface Receipt {
  count: number;
  last: bigint;
}

type Command =
  | { id: number; cmd: 'connect'; url: string; tokens: string[]; count: number; rooms: string[]; concurrency: number }
  | { id: number; cmd: 'reset' }
  | { id: number; cmd: 'progress' }
  | { id: number; cmd: 'report' }
  | { id: number; cmd: 'disconnect' }
  | { id: number; cmd: 'exit' };

const sockets: Socket[] = [];
let receipts = new Map<string, Receipt>();
let received = 0;
let otherMessages = 0;
let cpuAtReset = process.cpuUsage();
/** How late this process's own event loop ran: when it is late, the receipts it records are late too. */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

function onEvent(event: { room?: string; type?: string; payload?: { commentId?: string } }) {
  const t = process.hrtime.bigint();
  const id = event?.payload?.commentId;
  if (event?.type !== 'comment.created' || !id || !event.room?.startsWith('plan:')) {
    otherMessages++;
    return;
  }
  received++;
  const r = receipts.get(id);
  if (r) {
    r.count++;
    r.last = t;
  } else receipts.set(id, { count: 1, last: t });
}

function open(url: string, token: string): Promise<Socket> {
  const socket = io(`${url}/realtime`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 60_000,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function connect(c: Extract<Command, { cmd: 'connect' }>) {
  const started = Date.now();
  const already = sockets.length;
  let next = 0;
  const failures: string[] = [];
  const worker = async () => {
    for (let i = next++; i < c.count; i = next++) {
      try {
        const socket = await open(c.url, c.tokens[i % c.tokens.length]);
        socket.on('event', onEvent);
        socket.on('presence', () => otherMessages++);
        socket.on('error', () => otherMessages++);
        sockets.push(socket);
        for (const room of c.rooms) {
          const ack = (await socket.timeout(120_000).emitWithAck('subscribe', { room })) as {
            ok: boolean;
            error?: string;
          };
          if (!ack?.ok) throw new Error(`subscribe ${room}: ${ack?.error ?? 'refused'}`);
        }
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: c.concurrency }, worker));
  // `connected`: the sockets this call opened that are still connected.
  return {
    ms: Date.now() - started,
    connected: sockets.slice(already).filter((s) => s.connected).length,
    failures: failures.slice(0, 5),
    failureCount: failures.length,
  };
}

async function handle(c: Command): Promise<unknown> {
  switch (c.cmd) {
    case 'connect':
      return connect(c);
    case 'reset':
      receipts = new Map();
      received = 0;
      otherMessages = 0;
      cpuAtReset = process.cpuUsage();
      loopDelay.reset();
      return { ok: true };
    case 'progress':
      return { received };
    case 'report': {
      const cpu = process.cpuUsage(cpuAtReset);
      return {
        received,
        otherMessages,
        cpuMs: (cpu.user + cpu.system) / 1000,
        loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
        receipts: [...receipts].map(([id, r]) => [id, r.count, r.last.toString()]),
      };
    }
    case 'disconnect': {
      for (const s of sockets.splice(0)) s.close();
      return { ok: true };
    }
    case 'exit':
      for (const s of sockets.splice(0)) s.close();
      setTimeout(() => process.exit(0), 50);
      return { ok: true };
  }
}

process.on('message', (c: Command) => {
  handle(c).then(
    (result) => process.send!({ id: c.id, result }),
    (error: Error) => process.send!({ id: c.id, error: error.message }),
  );
});
// The parent going away ends this process too.
process.on('disconnect', () => process.exit(0));
