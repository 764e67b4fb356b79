/**
 * The web client's realtime module (apps/web/src/realtime/connection.ts) against the real API, without
 * a browser: one socket, per-room `seq` bookkeeping, duplicates dropped, a dropped connection resumed
 * with `sinceSeq` so what was missed arrives once and in order, and an expired token refreshed.
 */
import type { RealtimeEvent } from '@citymentor/contracts';
import { EventStream } from '../../apps/api/src/realtime/event-stream';
import { RealtimeConnection, type Connect, type SocketLike } from '../../apps/web/src/realtime/connection';
import { startApp, type TestApp } from '../support/app';
import { eventually } from '../support/sockets';
import { SETUP, STEP } from './support/timing';

type Captured = SocketLike & { listeners(event: string): unknown[] };

/** The real socket.io client, handing the test the socket the connection opens. */
function capturing(into: { socket?: Captured }): () => Promise<Connect> {
  return async () => {
    const { io } = await import('socket.io-client');
    return (url, options) => (into.socket = io(url, options) as unknown as Captured);
  };
}

describe('the web client’s realtime connection', () => {
  let t: TestApp;
  let baseUrl: string;
  let mentorToken: string;
  let menteeToken: string;
  let planId: string;
  const connections: RealtimeConnection[] = [];

  beforeAll(async () => {
    t = await startApp();
    baseUrl = await t.listen();
    const m = await t.given.mentoring();
    mentorToken = m.people.mentor.token;
    menteeToken = m.people.mentee.token;
    const plan = await t.api
      .as(menteeToken)
      .post(`/pairs/${m.pair.id}/action-plans`, { title: 'Advice desk', sectionCodes: ['comprehensive-support'] })
      .expect(201);
    planId = plan.body.id;
  }, SETUP);

  afterAll(async () => {
    for (const c of connections) c.stop();
    // Let the server finish announcing the departures (presence goes through Redis) before it closes.
    await new Promise((r) => setTimeout(r, 500));
    await t.close();
  });

  const comment = (body: string) =>
    t.api
      .as(menteeToken)
      .post(`/action-plans/${planId}/comments`, { body, target: { type: 'plan', id: planId } })
      .expect(201);
  const bodies = (events: RealtimeEvent[]) =>
    events.filter((e) => e.type === 'comment.created').map((e) => (e.payload as { body: string }).body);

  it('subscribes from where the page read (X-Event-Seq): what the read missed is replayed, nothing read twice', async () => {
    await comment('Before the read');
    await t.app.get(EventStream).drain();
    const read = await t.api.as(mentorToken).get(`/action-plans/${planId}/comments`).expect(200);
    const readSeq = read.headers['x-event-seq'];
    expect(readSeq).toMatch(/^\d+$/);
    // Posted after the page read the threads and before the socket is there.
    await comment('After the read');

    const connection = new RealtimeConnection({
      token: () => mentorToken,
      refresh: () => Promise.resolve(null),
      url: baseUrl,
      readSeq: () => Promise.resolve(readSeq),
    });
    connections.push(connection);
    const events: RealtimeEvent[] = [];
    let resyncs = 0;
    connection.join(
      `plan:${planId}`,
      (e) => events.push(e),
      () => resyncs++,
    );
    await eventually(() => bodies(events).length === 1, STEP, 'the replay of what the read missed');
    expect(bodies(events)).toEqual(['After the read']);
    expect(connection.state.get()).toBe('connected');
    await new Promise((r) => setTimeout(r, 200));
    expect(resyncs).toBe(0);
    connection.stop();
  });

  it('delivers each event of a room once and in order, across a dropped connection', async () => {
    const captured: { socket?: Captured } = {};
    const connection = new RealtimeConnection({
      token: () => mentorToken,
      refresh: () => Promise.resolve(null),
      url: baseUrl,
      load: capturing(captured),
    });
    connections.push(connection);
    const events: RealtimeEvent[] = [];
    let resyncs = 0;
    connection.join(
      `plan:${planId}`,
      (e) => events.push(e),
      () => resyncs++,
    );
    await eventually(() => resyncs === 1, STEP, 'the first subscription');
    expect(connection.state.get()).toBe('connected');

    await comment('Comment A');
    await eventually(() => bodies(events).length === 1, STEP, 'comment A');

    // The connection drops; meanwhile two more comments are posted.
    captured.socket!.disconnect();
    expect(connection.state.get()).toBe('lost');
    await comment('Comment B');
    await comment('Comment C');
    await new Promise((r) => setTimeout(r, 200));
    expect(bodies(events)).toEqual(['Comment A']);

    // Back: the room is subscribed again from the last seq seen, and the server replays B and C.
    captured.socket!.connect();
    await eventually(() => bodies(events).length === 3, STEP, 'the replay');
    expect(bodies(events)).toEqual(['Comment A', 'Comment B', 'Comment C']);
    expect(connection.state.get()).toBe('connected');
    expect(resyncs).toBe(1); // the replay covers the gap: no reload needed

    // A duplicate (replay and live overlapping) is dropped by its seq.
    const deliver = captured.socket!.listeners('event')[0] as (e: RealtimeEvent) => void;
    deliver(events[events.length - 1]);
    deliver(events[0]);
    expect(bodies(events)).toEqual(['Comment A', 'Comment B', 'Comment C']);
    const seqs = events.map((e) => BigInt(e.seq));
    expect([...seqs].sort((a, b) => (a < b ? -1 : 1))).toEqual(seqs);
  });

  it('reports presence and others’ typing per room', async () => {
    const mentor = new RealtimeConnection({
      token: () => mentorToken,
      refresh: () => Promise.resolve(null),
      url: baseUrl,
    });
    const mentee = new RealtimeConnection({
      token: () => menteeToken,
      refresh: () => Promise.resolve(null),
      url: baseUrl,
    });
    connections.push(mentor, mentee);
    const room = `plan:${planId}`;
    let subscribed = 0;
    mentor.join(room, undefined, () => subscribed++);
    mentee.join(room, undefined, () => subscribed++);
    await eventually(() => subscribed === 2, STEP, 'both subscriptions');
    await eventually(() => mentor.view(room)!.get().presence.length === 2, STEP, 'presence of both');

    mentee.typing(room, 'comment:plan');
    await eventually(
      () =>
        mentor
          .view(room)!
          .get()
          .typing.some((x) => x.target === 'comment:plan'),
      STEP,
      'typing',
    );
    expect(mentee.view(room)!.get().typing).toEqual([]); // not told about oneself
  });

  it('refreshes an expired or refused token, then connects', async () => {
    let token = 'not-a-valid-token';
    const refresh = jest.fn(() => {
      token = mentorToken;
      return Promise.resolve(token);
    });
    const connection = new RealtimeConnection({ token: () => token, refresh, url: baseUrl });
    connections.push(connection);
    let subscribed = false;
    connection.join(`plan:${planId}`, undefined, () => (subscribed = true));
    await eventually(() => subscribed, STEP, 'the subscription after a refresh');
    expect(refresh).toHaveBeenCalledWith('not-a-valid-token');
    expect(connection.state.get()).toBe('connected');
  });

  it('reports a room it may not read as refused', async () => {
    const outsider = await t.given.user();
    const { token } = await t.given.signIn(outsider);
    const connection = new RealtimeConnection({
      token: () => token,
      refresh: () => Promise.resolve(null),
      url: baseUrl,
    });
    connections.push(connection);
    connection.join(`plan:${planId}`);
    await eventually(() => connection.view(`plan:${planId}`)!.get().refused !== null, STEP, 'the refusal');
  });
});
