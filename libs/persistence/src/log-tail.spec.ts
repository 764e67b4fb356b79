import { EventEmitter } from 'node:events';
import type { Notification, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { EVENTS_CHANNEL, LogTail, type LogTailOptions, type TailConnection } from './log-tail';

/** A stand-in for the LISTEN connection: records statements, can fail to connect, be lost, or notify. */
class FakeConnection extends EventEmitter implements TailConnection {
  readonly statements: string[] = [];
  ended = false;
  constructor(private readonly refuse = false) {
    super();
  }
  connect() {
    return this.refuse ? Promise.reject(new Error('refused')) : Promise.resolve();
  }
  query<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>> {
    if (this.ended) return Promise.reject(new Error('ended'));
    this.statements.push(config.text);
    return Promise.resolve({ rows: [] as R[] } as QueryResult<R>);
  }
  end() {
    this.ended = true;
    return Promise.resolve();
  }
  notify(channel: string, payload?: string) {
    this.emit('notification', { channel, payload, processId: 1 } satisfies Notification);
  }
  lose() {
    this.emit('error', new Error('terminating connection due to administrator command'));
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('LogTail', () => {
  let tail: LogTail;
  let connections: FakeConnection[];
  let refuse: boolean;

  function makeTail(options: Partial<LogTailOptions> & Pick<LogTailOptions, 'pass'>) {
    connections = [];
    refuse = false;
    tail = new LogTail({
      connectionString: 'postgres://unused',
      pollMs: 60_000,
      connect: () => {
        const c = new FakeConnection(refuse);
        connections.push(c);
        return c;
      },
      ...options,
    });
    return tail;
  }

  afterEach(async () => {
    await tail?.stop();
  });

  it('LISTENs on the events channel and the extra ones, runs prepare, then drains once', async () => {
    const order: string[] = [];
    makeTail({ channels: ['other'], pass: () => (order.push('pass'), Promise.resolve(false)) });
    await tail.start(async () => {
      order.push('prepare');
      await tail.query({ text: 'select 1' });
    });
    await tick();
    expect(connections).toHaveLength(1);
    expect(connections[0].statements).toEqual([`listen ${EVENTS_CHANNEL}`, 'listen other', 'select 1']);
    expect(order).toEqual(['prepare', 'pass']);
  });

  it('fails to start when Postgres does not answer', async () => {
    makeTail({ pass: () => Promise.resolve(false) });
    refuse = true;
    await expect(tail.start()).rejects.toThrow('refused');
    expect(connections[0].ended).toBe(true);
  });

  it('ignores wake-ups before it started and after it stopped', async () => {
    const pass = jest.fn(() => Promise.resolve(false));
    makeTail({ pass });
    await tail.wake();
    expect(pass).not.toHaveBeenCalled();
    await tail.start();
    await tail.wake();
    const before = pass.mock.calls.length;
    await tail.stop();
    await tail.wake();
    expect(pass.mock.calls.length).toBe(before);
  });

  it('runs one pass at a time; wake-ups during a pass make exactly one more', async () => {
    const gates = [deferred(), deferred()];
    let calls = 0;
    makeTail({
      pass: async () => {
        const gate = gates[calls++];
        if (gate) await gate.promise;
        return false;
      },
    });
    await tail.start(); // pass 1 starts and waits
    const a = tail.wake();
    const b = tail.wake();
    const c = tail.wake();
    expect(calls).toBe(1);
    gates[0].resolve();
    await tick();
    expect(calls).toBe(2); // the three wake-ups: one more pass
    gates[1].resolve();
    await Promise.all([a, b, c]);
    expect(calls).toBe(2);
  });

  it('goes round again at once while a pass reports a full batch', async () => {
    const full = [true, true, false];
    let calls = 0;
    makeTail({ pass: () => Promise.resolve(full[calls++] ?? false) });
    await tail.start();
    await tail.wake();
    expect(calls).toBe(3);
  });

  it('reports a failed pass and runs again at the next wake-up', async () => {
    const failed: unknown[] = [];
    let calls = 0;
    makeTail({
      pass: () => (++calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(false)),
      onPassFailed: (error) => failed.push(error),
    });
    await tail.start();
    await tick();
    expect(failed).toEqual([new Error('boom')]);
    await tail.wake();
    expect(calls).toBe(2);
  });

  it('wakes on a notification unless onNotification says no', async () => {
    let wakeUps = true;
    const seen: string[] = [];
    const pass = jest.fn(() => Promise.resolve(false));
    makeTail({
      channels: ['access'],
      pass,
      onNotification: (m) => {
        seen.push(m.channel);
        return m.channel === EVENTS_CHANNEL && wakeUps;
      },
    });
    await tail.start();
    await tick();
    pass.mockClear();
    connections[0].notify(EVENTS_CHANNEL);
    await tick();
    expect(pass).toHaveBeenCalledTimes(1);
    connections[0].notify('access', 'user-1');
    wakeUps = false;
    connections[0].notify(EVENTS_CHANNEL);
    await tick();
    expect(pass).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([EVENTS_CHANNEL, 'access', EVENTS_CHANNEL]);
  });

  it('polls, and makes a lost connection again at the next poll (onReconnected, not on the first connect)', async () => {
    const lost: Error[] = [];
    let reconnected = 0;
    const pass = jest.fn(() => Promise.resolve(false));
    makeTail({
      pollMs: 20,
      pass,
      onConnectionLost: (e) => lost.push(e),
      onReconnected: () => reconnected++,
    });
    await tail.start();
    expect(reconnected).toBe(0);
    connections[0].lose();
    expect(lost).toHaveLength(1);
    refuse = true; // Postgres still away at the first polls: no harm, tried again
    await sleep(70);
    expect(reconnected).toBe(0);
    refuse = false;
    await sleep(70);
    expect(reconnected).toBe(1);
    const last = connections[connections.length - 1];
    expect(last.statements).toEqual([`listen ${EVENTS_CHANNEL}`]);
    expect(pass.mock.calls.length).toBeGreaterThan(3); // the poll ran passes all along
  });

  it('query makes the connection again after dropConnection, one statement at a time', async () => {
    makeTail({ pass: () => Promise.resolve(false) });
    await tail.start();
    tail.dropConnection();
    expect(connections[0].ended).toBe(true);
    await Promise.all([tail.query({ text: 'a' }), tail.query({ text: 'b' })]);
    expect(connections).toHaveLength(2);
    expect(connections[1].statements).toEqual([`listen ${EVENTS_CHANNEL}`, 'a', 'b']);
  });

  it('stop lets the pass in hand finish, then closes the connection; later queries fail', async () => {
    const gate = deferred();
    let finished = false;
    makeTail({
      pass: async () => {
        await gate.promise;
        finished = true;
        return true; // "more" — but stopped, so it does not go round again
      },
    });
    await tail.start();
    const stopping = tail.stop();
    await tick();
    expect(connections[0].ended).toBe(false);
    gate.resolve();
    await stopping;
    expect(finished).toBe(true);
    expect(connections[0].ended).toBe(true);
    await expect(tail.query({ text: 'select 1' })).rejects.toThrow('stopped');
  });
});
