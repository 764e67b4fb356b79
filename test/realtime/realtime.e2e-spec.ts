import { JwtService } from '@nestjs/jwt';
import { startApiProcess } from '../support/api-process';
import { startApp, type TestApp } from '../support/app';
import { eventually, pause, TestSocket } from '../support/sockets';
import { EventStream } from '../../apps/api/src/realtime/event-stream';

describe('realtime', () => {
  let t: TestApp;
  let url: string;
  let w: Awaited<ReturnType<TestApp['given']['mentoring']>>;
  const sockets: TestSocket[] = [];
  const connect = async (token: string | undefined) => {
    const s = await TestSocket.connect(url, token);
    sockets.push(s);
    return s;
  };
  const milestone = async (title: string) =>
    t.api
      .as(w.people.coordinator.token)
      .post(`/programmes/${w.programme.id}/milestones`, { title, dueDate: '2027-06-30' })
      .expect(201);

  beforeAll(async () => {
    t = await startApp();
    url = await t.listen();
    w = await t.given.mentoring();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  describe('handshake', () => {
    it('refuses a missing, a forged and an expired token with a clear error', async () => {
      await expect(connect(undefined)).rejects.toThrow(/unauthorized: send auth/);
      await expect(connect('not-a-token')).rejects.toThrow(/unauthorized: invalid access token/);
      const expired = await new JwtService().signAsync(
        { sub: w.people.mentee.user.id, sid: 'x', exp: Math.floor(Date.now() / 1000) - 60 },
        { secret: process.env.JWT_ACCESS_SECRET },
      );
      await expect(connect(expired)).rejects.toThrow(/expired/);
    });

    it('refuses a browser from an origin that is not allowed', async () => {
      await expect(
        TestSocket.connect(url, w.people.mentee.token, { origin: 'https://evil.example' }),
      ).rejects.toThrow();
      const allowed = await TestSocket.connect(url, w.people.mentee.token, { origin: 'http://citymentor.test' });
      allowed.close();
    });

    it('lets in, over the websocket transport, a page served by the address it connects to, whether 127.0.0.1 or localhost', async () => {
      const port = new URL(url).port;
      for (const base of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
        const socket = await TestSocket.connect(base, w.people.mentee.token, { origin: base });
        expect(socket.socket.io.engine.transport.name).toBe('websocket');
        socket.close();
      }
      // The same port under another name is another origin.
      await expect(
        TestSocket.connect(`http://127.0.0.1:${port}`, w.people.mentee.token, { origin: `http://localhost:${port}` }),
      ).rejects.toThrow();
    });
  });

  describe('rooms', () => {
    it('lets a member join the programme room and refuses others with a reason', async () => {
      const member = await connect(w.people.otherCity.token);
      expect(await member.subscribe(`programme:${w.programme.id}`)).toEqual({
        ok: true,
        seq: expect.stringMatching(/^\d+$/),
      });
      const outsider = await connect(w.people.outsider.token);
      expect(await outsider.subscribe(`programme:${w.programme.id}`)).toEqual({
        ok: false,
        error: `not allowed to read programme:${w.programme.id}`,
      });
      expect(await outsider.subscribe('everything')).toMatchObject({
        ok: false,
        error: expect.stringContaining('room must be'),
      });
      expect(await outsider.subscribe(`user:${w.people.outsider.user.id}`)).toMatchObject({ ok: true });
      expect(await outsider.subscribe(`user:${w.people.mentee.user.id}`)).toMatchObject({ ok: false });
    });

    it('lets the pair’s sides, the expert and the coordinator join the pair room, and no other city', async () => {
      const room = `pair:${w.pair.id}`;
      for (const person of [w.people.mentor, w.people.mentee, w.people.expert, w.people.coordinator]) {
        expect(await (await connect(person.token)).subscribe(room)).toMatchObject({ ok: true });
      }
      for (const person of [w.people.otherCity, w.people.outsider]) {
        expect(await (await connect(person.token)).subscribe(room)).toMatchObject({ ok: false });
      }
    });
  });

  describe('events', () => {
    it('delivers a committed change to the sockets in its room, and to nobody else', async () => {
      const member = await connect(w.people.mentee.token);
      const outsider = await connect(w.people.outsider.token);
      await member.subscribe(`programme:${w.programme.id}`);
      await outsider.subscribe(`user:${w.people.outsider.user.id}`);
      const { body } = await milestone('Mentoring visit');
      await eventually(() =>
        expect(member.eventsOf('programme.milestone.updated').map((e) => e.payload)).toContainEqual(
          expect.objectContaining({ milestoneId: body.id }),
        ),
      );
      const event = member.events.find((e) => (e.payload as { milestoneId?: string }).milestoneId === body.id)!;
      expect(event).toMatchObject({
        room: `programme:${w.programme.id}`,
        actor: w.people.coordinator.user.id,
        seq: expect.stringMatching(/^\d+$/),
      });
      await pause(200);
      expect(outsider.events).toEqual([]);
    });

    it('replays, after a reconnect with sinceSeq, every missed event in order without duplicates, then live ones', async () => {
      const room = `programme:${w.programme.id}`;
      const first = await connect(w.people.mentee.token);
      const { seq } = (await first.subscribe(room)) as { seq: string };
      first.close();

      for (let i = 0; i < 100; i++) await milestone(`Missed ${i}`);

      const again = await connect(w.people.mentee.token);
      const ack = await again.subscribe(room, seq);
      expect(ack.ok).toBe(true);
      const replayed = again.events.map((e) => (e.payload as { title: string }).title);
      expect(replayed).toEqual(Array.from({ length: 100 }, (_, i) => `Missed ${i}`));
      const seqs = again.events.map((e) => BigInt(e.seq));
      expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1])).toBe(true);

      await milestone('Live one');
      await eventually(() => expect(again.events.at(-1)!.payload).toMatchObject({ title: 'Live one' }));
      expect(new Set(again.events.map((e) => e.seq)).size).toBe(again.events.length);
    });

    it('still delivers when the commit notification is lost (the poll relays it)', async () => {
      const stream = t.app.get(EventStream);
      const member = await connect(w.people.mentee.token);
      await member.subscribe(`programme:${w.programme.id}`);
      stream.notificationsEnabled = false;
      try {
        await milestone('Relayed by the poll');
        await eventually(
          () =>
            expect(member.events.map((e) => (e.payload as { title: string }).title)).toContain('Relayed by the poll'),
          4000,
        );
      } finally {
        stream.notificationsEnabled = true;
      }
    });

    it('reaches a client of another API instance (a second process), and presence spans both', async () => {
      const b = await startApiProcess({
        DATABASE_URL: t.databaseUrl,
        REDIS_PREFIX: process.env.REDIS_PREFIX!,
        JWT_ACCESS_SECRET: process.env.JWT_ACCESS_SECRET!,
        PUBLIC_URL: 'http://citymentor.test',
      });
      try {
        const onB = await TestSocket.connect(b.url, w.people.expert.token);
        sockets.push(onB);
        await onB.subscribe(`programme:${w.programme.id}`);
        const { body } = await milestone('Posted on A');
        await eventually(() =>
          expect(onB.events.map((e) => (e.payload as { milestoneId: string }).milestoneId)).toContain(body.id),
        );

        // Who is in a room is asked of every instance: B answers with its sockets' data (and stays up).
        const room = `pair:${w.pair.id}`;
        const mentorOnB = await TestSocket.connect(b.url, w.people.mentor.token);
        sockets.push(mentorOnB);
        const menteeOnA = await connect(w.people.mentee.token);
        expect(await mentorOnB.subscribe(room)).toMatchObject({ ok: true });
        expect(await menteeOnA.subscribe(room)).toMatchObject({ ok: true });
        // Both sides end up showing both: the two instances may look each other up at the same moment,
        // each missing the other's join, but the settling announcement a second later sees both.
        const both = [w.people.mentor.user.id, w.people.mentee.user.id].sort();
        const sees = (s: TestSocket) =>
          JSON.stringify(
            s.presence
              .at(-1)
              ?.users.map((u) => u.id)
              .sort(),
          ) === JSON.stringify(both);
        await eventually(() => expect([sees(menteeOnA), sees(mentorOnB)]).toEqual([true, true]), 30_000);
        expect(b.child.exitCode).toBeNull();
      } finally {
        await b.stop();
      }
    }, 150_000);
  });

  describe('presence and typing', () => {
    it('counts several tabs of one person once, across instances, and relays typing to the others', async () => {
      const room = `pair:${w.pair.id}`;
      const mentorTab1 = await connect(w.people.mentor.token);
      const mentorTab2 = await connect(w.people.mentor.token);
      const mentee = await connect(w.people.mentee.token);
      for (const s of [mentorTab1, mentorTab2, mentee]) await s.subscribe(room);
      await eventually(() =>
        expect(
          mentee.presence
            .at(-1)
            ?.users.map((u) => u.id)
            .sort(),
        ).toEqual([w.people.mentor.user.id, w.people.mentee.user.id].sort()),
      );

      mentorTab1.socket.emit('typing', { room, target: 'plan' });
      await eventually(() =>
        expect(mentee.typing).toContainEqual({
          room,
          user: expect.objectContaining({ id: w.people.mentor.user.id }),
          target: 'plan',
        }),
      );
      expect(mentorTab1.typing).toEqual([]);

      mentee.close();
      await eventually(() =>
        expect(mentorTab1.presence.at(-1)?.users.map((u) => u.id)).toEqual([w.people.mentor.user.id]),
      );
    });
  });

  describe('access ends', () => {
    it('stops events to a member whose membership is revoked', async () => {
      const member = await t.given.signIn(await t.given.member(w.programme, w.otherCity, 'city-member'));
      const socket = await connect(member.token);
      const room = `programme:${w.programme.id}`;
      await socket.subscribe(room);
      await t.api
        .as(w.people.coordinator.token)
        .delete(`/programmes/${w.programme.id}/members/${member.user.id}`)
        .expect(204);
      await eventually(() => expect(socket.unsubscribed).toEqual([{ room, reason: 'access revoked' }]));
      const before = socket.events.length;
      await milestone('After revocation');
      await pause(300);
      expect(socket.events.length).toBe(before);
      expect(await socket.subscribe(room)).toMatchObject({ ok: false });
    });

    it('disconnects the sockets of a session that signs out', async () => {
      const session = await t.given.signIn(
        await t.given.member(w.programme, w.otherCity, 'expert').catch(() => w.people.expert.user),
      );
      const socket = await connect(session.token);
      const closed = new Promise((r) => socket.socket.on('disconnect', r));
      await t.api.as(session.token).post('/auth/logout', {}).expect(204);
      await closed;
      expect(socket.errors).toContainEqual(expect.objectContaining({ code: 'SESSION_ENDED' }));
      await expect(connect(session.token)).rejects.toThrow(/session has ended/);
    });
  });

  describe('abuse', () => {
    it('answers floods and oversized messages with errors to that socket; the server and others carry on', async () => {
      const bystander = await connect(w.people.mentor.token);
      await bystander.subscribe(`programme:${w.programme.id}`);
      const abuser = await connect(w.people.mentee.token);

      const acks = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          abuser.socket
            .timeout(2000)
            .emitWithAck('subscribe', { room: `user:${w.people.mentee.user.id}`, n: i })
            .catch(() => 'dropped'),
        ),
      );
      expect(acks.filter((a) => a === 'dropped').length).toBeGreaterThan(0);
      await eventually(() => expect(abuser.errors).toContainEqual(expect.objectContaining({ code: 'RATE_LIMITED' })));

      await pause(1100);
      abuser.socket.emit('typing', { room: `user:${w.people.mentee.user.id}`, target: 'x'.repeat(20_000) });
      await eventually(() =>
        expect(abuser.errors).toContainEqual(expect.objectContaining({ code: 'MESSAGE_TOO_LARGE' })),
      );

      for (let i = 0; i < 1000; i++) abuser.socket.emit('typing', { room: `pair:${w.pair.id}`, target: 'plan' });

      const { body } = await milestone('Business as usual');
      await eventually(() =>
        expect(bystander.events.map((e) => (e.payload as { milestoneId: string }).milestoneId)).toContain(body.id),
      );
      await t.http().get('/health').expect(200);
    });

    it('caps the rooms one socket may hold', async () => {
      const s = await connect(w.people.coordinator.token);
      const own = `user:${w.people.coordinator.user.id}`;
      expect((await s.subscribe(own)).ok).toBe(true);
      // Rooms of real things are needed to fill the cap: create programmes of which the coordinator is a member.
      const rooms: string[] = [];
      for (let i = 0; i < 50; i++) {
        const p = await t.api
          .as(w.people.coordinator.token)
          .post('/programmes', {
            name: `Cap ${i}`,
            startDate: '2027-01-01',
            endDate: '2027-12-31',
            coordinatorOrganisationId: w.coordinatorOrganisation.id,
          })
          .expect(201);
        rooms.push(`programme:${p.body.id}`);
      }
      const fresh = await connect(
        (await t.api.post('/auth/refresh', { refreshToken: w.people.coordinator.refreshToken })).body.accessToken,
      );
      const results: boolean[] = [];
      for (const room of [own, ...rooms]) {
        results.push((await fresh.subscribe(room)).ok);
        await pause(60);
      }
      expect(results.slice(0, 50).every(Boolean)).toBe(true);
      expect(results[50]).toBe(false);
    });
  });
});
