import { startApp, type TestApp } from '../support/app';
import { GivenPlans } from '../support/given-plans';

type Cast = Awaited<ReturnType<TestApp['given']['mentoring']>>;
type Person = 'mentor' | 'mentee' | 'expert' | 'coordinator' | 'otherCity' | 'outsider' | 'admin';

/** `GET /action-plans/{id}/mentionable`: who a comment on the plan may mention, as the server decides it (`readsPair`). */
describe('comments: who may be mentioned on a plan', () => {
  let t: TestApp;
  let m: Cast;
  let planId: string;
  const ids = (...who: Person[]) => who.map((w) => m.people[w].user.id);
  const mentionable = (who: Person) => t.api.as(m.people[who].token).get(`/action-plans/${planId}/mentionable`);

  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    planId = (await new GivenPlans(t.orm).plan(m.pair)).id;
  });
  afterAll(() => t.close());

  it.each<Person>(['mentor', 'mentee', 'expert', 'coordinator', 'admin'])(
    'lists, for the %s, both cities, the experts and the coordinators; never another pair’s city or another programme',
    async (who) => {
      const res = await mentionable(who).expect(200);
      const listed = res.body.map((p: { id: string }) => p.id);
      expect(listed).toEqual(expect.arrayContaining(ids('mentor', 'mentee', 'expert', 'coordinator')));
      for (const stranger of ids('otherCity', 'outsider', 'admin')) expect(listed).not.toContain(stranger);
      expect(res.body).toContainEqual({
        id: m.people.mentor.user.id,
        name: m.people.mentor.user.name,
        organisationName: m.mentorCity.name,
      });
    },
  );

  it('hides the plan from another pair’s city and from another programme (404), and asks who you are (401)', async () => {
    await mentionable('otherCity').expect(404);
    await mentionable('outsider').expect(404);
    await t.api.get(`/action-plans/${planId}/mentionable`).expect(401);
  });

  it('lists exactly the people a comment may mention', async () => {
    const listed: { id: string; name: string }[] = (await mentionable('mentee').expect(200)).body;
    const body = listed.map((p) => `@[${p.name}](${p.id})`).join(' ');
    const created = await t.api
      .as(m.people.mentee.token)
      .post(`/action-plans/${planId}/comments`, { body, target: { type: 'plan', id: planId } })
      .expect(201);
    expect(created.body.mentions).toEqual(listed.map((p) => p.id));
    const stranger = m.people.otherCity.user;
    await t.api
      .as(m.people.mentee.token)
      .post(`/action-plans/${planId}/comments`, {
        body: `@[${stranger.name}](${stranger.id})`,
        target: { type: 'plan', id: planId },
      })
      .expect(400);
  });
});
