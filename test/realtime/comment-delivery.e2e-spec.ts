import { ActionPlan, Pair } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';
import { GivenPlans } from '../support/given-plans';
import { eventually, pause, TestSocket } from '../support/sockets';

type Person = 'mentor' | 'mentee' | 'expert' | 'coordinator' | 'otherCity' | 'outsider';
const READERS: Person[] = ['mentor', 'mentee', 'expert', 'coordinator'];
const OTHERS: Person[] = ['otherCity', 'outsider'];

/** A comment posted over REST reaches exactly the sockets that may read its plan and pair. */
describe('comment delivery over sockets', () => {
  let t: TestApp;
  let url: string;
  let w: Awaited<ReturnType<TestApp['given']['mentoring']>>;
  let planId: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    t = await startApp();
    url = await t.listen();
    w = await t.given.mentoring();
    const em = t.orm.em.fork();
    const plan = new ActionPlan(
      em.getReference(Pair, w.pair.id),
      { title: 'One-stop shop', sectionCodes: ['comprehensive-support'] },
      w.people.mentee.user.id,
    );
    await em.persistAndFlush(plan);
    planId = plan.id;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  const rooms = () => [`plan:${planId}`, `pair:${w.pair.id}`];

  it.each(['plan', 'pair'])('reaches every reader subscribed to the %s room, and nobody else', async (kind) => {
    const room = rooms()[kind === 'plan' ? 0 : 1];
    const connected = new Map<Person, TestSocket>();
    for (const person of [...READERS, ...OTHERS]) {
      const socket = await TestSocket.connect(url, w.people[person].token);
      sockets.push(socket);
      const ack = await socket.subscribe(room);
      expect({ person, ok: ack.ok }).toEqual({ person, ok: READERS.includes(person) });
      connected.set(person, socket);
    }
    // The other pair's city listens to its own pair: nothing of this pair may arrive there.
    const otherPairRoom = `pair:${w.otherPair.id}`;
    expect((await connected.get('otherCity')!.subscribe(otherPairRoom)).ok).toBe(true);

    const posted = await t.api
      .as(w.people.mentor.token)
      .post(`/action-plans/${planId}/comments`, {
        body: `Looks promising (${kind})`,
        target: { type: 'plan', id: planId },
      })
      .expect(201);

    for (const person of READERS) {
      await eventually(() =>
        expect(
          connected
            .get(person)!
            .eventsOf('comment.created')
            .map((e) => e.payload),
        ).toContainEqual(
          expect.objectContaining({
            commentId: posted.body.id,
            planId,
            pairId: w.pair.id,
            body: `Looks promising (${kind})`,
          }),
        ),
      );
      expect(connected.get(person)!.events.every((e) => e.room === room)).toBe(true);
    }
    await pause(300);
    for (const person of OTHERS) expect(connected.get(person)!.events).toEqual([]);
  });

  it('brings an anchored thread with where it was written, and an applied suggestion with who made it', async () => {
    const { plan } = await new GivenPlans(t.orm).revisedPlan(w.pair);
    const mentor = await TestSocket.connect(url, w.people.mentor.token);
    const mentee = await TestSocket.connect(url, w.people.mentee.token);
    sockets.push(mentor, mentee);
    for (const socket of [mentor, mentee]) expect((await socket.subscribe(`plan:${plan.id}`)).ok).toBe(true);

    const root = (
      await t.api
        .as(w.people.mentor.token)
        .post(`/action-plans/${plan.id}/comments`, {
          body: 'Name the fund',
          target: { type: 'plan', id: plan.id },
          anchor: { revision: 1, field: 'budget' },
          suggestion: 'EUR 12000 from the economic fund',
        })
        .expect(201)
    ).body;
    await eventually(() =>
      expect(mentee.eventsOf('comment.created').map((e) => e.payload)).toContainEqual(
        expect.objectContaining({
          commentId: root.id,
          anchor: { revision: 1, field: 'budget', item: null, milestoneId: null, text: 'EUR 12000 from the city' },
          suggestion: { state: 'pending', suggestedBy: w.people.mentor.user.id, decidedBy: null, appliedVersion: null },
        }),
      ),
    );

    await t.api
      .as(w.people.mentee.token)
      .post(`/comments/${root.id}/suggestion/apply`, { version: plan.version })
      .expect(200);
    await eventually(() => {
      expect(mentor.eventsOf('plan.updated').map((e) => (e.payload as { planId: string }).planId)).toContain(plan.id);
      expect(mentor.eventsOf('comment.resolved').map((e) => e.payload)).toContainEqual(
        expect.objectContaining({
          commentId: root.id,
          resolved: true,
          suggestion: {
            state: 'applied',
            suggestedBy: w.people.mentor.user.id,
            decidedBy: w.people.mentee.user.id,
            appliedVersion: plan.version + 1,
          },
        }),
      );
    });
  });
});
