import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { startApp, type TestApp } from '../support/app';
import { eventually } from '../support/sockets';
import { startApiUnderTest, type ApiUnderTest } from './support/api-under-test';
import { insidesShown } from './support/error-bodies';
import { FUZZ_SEED, SOCKET_RUNS } from './support/fuzz-budget';
import { socketMessage, type SocketMessage } from './support/fuzz-messages';
import { fuzzWorld, ROLES, type FuzzWorld } from './support/fuzz-world';
import { closeConnections, send } from './support/raw-http';

const SOCKETS = 8;
/** A socket sends at most 20 messages a second; the fuzz stays under it, so messages reach the handlers. */
const GAP_PER_SOCKET_MS = 60;

/**
 * Generated socket.io messages on /realtime — subscribe, unsubscribe, typing, presence and unknown
 * events; wrong types, junk rooms, huge sequence numbers, binary, deep and oversized payloads — from
 * signed-in sockets of every role, against the API in a process of its own: no crash, no unhandled
 * rejection, no error logged, no `exception` to a client, acks well formed, and the server still
 * serves sockets and /health afterwards.
 */
describe(`socket fuzz: ${SOCKET_RUNS} generated messages (seed ${FUZZ_SEED})`, () => {
  let t: TestApp;
  let world: FuzzWorld;
  let api: ApiUnderTest;
  const sockets: Socket[] = [];
  const problems: string[] = [];

  const connect = (token: string) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(`${api.url}/realtime`, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
      // Nest sends `exception` when a handler throws something it did not expect: the socket's 500.
      socket.on('exception', (e: unknown) => problems.push(`exception: ${JSON.stringify(e).slice(0, 300)}`));
      socket.on('error', (e: unknown) => {
        const shown = insidesShown(JSON.stringify(e), '');
        if (shown.length) problems.push(`error event shows ${shown.join(', ')}`);
      });
    });
  const roleOf = (i: number) => ROLES[i % ROLES.length];

  beforeAll(async () => {
    t = await startApp();
    world = await fuzzWorld(t);
    api = await startApiUnderTest(t.databaseUrl);
    for (let i = 0; i < SOCKETS; i++) sockets.push(await connect(world.sessions[roleOf(i)].token));
  }, 180_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    closeConnections();
    await api?.stop();
    await t?.close();
  });

  it('survives every generated message: acks well formed, no exception, nothing the server should not show', async () => {
    const messages = fc.sample(socketMessage(world.rooms, SOCKETS), { numRuns: SOCKET_RUNS, seed: FUZZ_SEED });
    const lastSent = new Array<number>(SOCKETS).fill(0);
    const tally = { acked: 0, unacked: 0, reconnects: 0 };
    const started = Date.now();

    const tryOne = async (m: SocketMessage) => {
      // A socket the server closed (an oversized frame, say) comes back, as a client would.
      if (!sockets[m.socket].connected) {
        await world.renew(roleOf(m.socket));
        sockets[m.socket] = await connect(world.sessions[roleOf(m.socket)].token);
        tally.reconnects++;
      }
      const wait = lastSent[m.socket] + GAP_PER_SOCKET_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      lastSent[m.socket] = Date.now();
      const socket = sockets[m.socket];
      if (!m.ack) return void socket.emit(m.event, ...m.args);
      const ack = await socket
        .timeout(300)
        .emitWithAck(m.event, ...m.args)
        .catch(() => undefined);
      if (ack === undefined) return void tally.unacked++;
      tally.acked++;
      const shaped = typeof ack === 'object' && ack !== null && typeof (ack as { ok?: unknown }).ok === 'boolean';
      if (!shaped)
        problems.push(`ack not {ok, …}: ${JSON.stringify(ack).slice(0, 200)} for ${JSON.stringify(m).slice(0, 300)}`);
    };
    // Each socket sends its own messages in order; the sockets send side by side.
    await Promise.all(
      sockets.map(async (_s, i) => {
        for (const m of messages.filter((message) => message.socket === i)) await tryOne(m);
      }),
    );

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `socket fuzz: ${messages.length} inputs tried in ${seconds} s (seed ${FUZZ_SEED}); acks ${tally.acked}, no ack ${tally.unacked}, reconnects ${tally.reconnects}; problems ${problems.length}`,
    );
    if (process.env.FUZZ_REPORT)
      writeFileSync(
        `${process.env.FUZZ_REPORT}.sockets.json`,
        JSON.stringify({ problems, incidents: api.incidents }, null, 1),
      );
    expect(problems.slice(0, 20)).toEqual([]);
  }, 600_000);

  it('did not crash, reject unhandled or log an error, and still serves sockets and /health', async () => {
    expect(api.incidents).toEqual([]);
    expect(api.alive()).toBe(true);
    expect((await send(api.url, { method: 'GET', path: '/health', headers: {} })).status).toBe(200);

    await world.renew('mentee');
    const socket = await connect(world.sessions.mentee.token);
    const room = `pair:${world.w.pair.id}`;
    expect(await socket.timeout(5000).emitWithAck('subscribe', { room })).toMatchObject({ ok: true });
    const events: unknown[] = [];
    socket.on('event', (e: unknown) => events.push(e));
    await t.api
      .as(world.sessions.mentee.token)
      .post(`/pairs/${world.w.pair.id}/action-plans`, { sectionCodes: ['strategy'], title: 'After the fuzz' })
      .expect(201);
    await eventually(() => expect(events.length).toBeGreaterThan(0), 10_000, 'an event after the fuzz');
    socket.close();
  });
});
