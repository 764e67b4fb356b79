import { startApp, type TestApp } from '../support/app';
import { planFixtures, type Mentoring, type Who } from './plan-fixtures';

/**
 * Cheap re-reads (docs/decisions/0014-etags-from-the-event-log.md): the plan page and its comments carry a
 * weak ETag that changes with anything the answer shows, and a current If-None-Match gets 304 with no
 * body, after the policy: a caller who may no longer read gets 404 as before.
 */
describe('ETags on the plan page and its comments', () => {
  let t: TestApp;
  let m: Mentoring;
  let f: ReturnType<typeof planFixtures>;
  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    f = planFixtures(t, m);
  });
  afterAll(() => t.close());

  const planUrl = (id: string) => `/action-plans/${id}`;
  const commentsUrl = (id: string) => `/action-plans/${id}/comments`;

  /** The ETag of a 200 answer, checked to be weak and sent with its caching headers. */
  async function tagOf(url: string, who: Who = 'mentee'): Promise<string> {
    const res = await f.as(who).get(url).expect(200);
    const tag = res.headers.etag;
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers.vary).toMatch(/\bAuthorization\b/);
    return tag;
  }

  const conditional = (url: string, tag: string, who: Who = 'mentee') => f.as(who).get(url).set('If-None-Match', tag);

  it('answers a current If-None-Match with 304, no body, the same ETag; a stale one with 200', async () => {
    const plan = await f.ready();
    for (const url of [planUrl(plan.id), commentsUrl(plan.id)]) {
      const tag = await tagOf(url);
      const res = await conditional(url, tag).expect(304);
      expect(res.text ?? '').toBe('');
      expect(res.headers['content-type']).toBeUndefined();
      expect(res.headers.etag).toBe(tag);
      expect(res.headers['cache-control']).toBe('private, no-cache');
      // A list of tags, and the strong form of the same tag, match too (weak comparison).
      await conditional(url, `W/"other", ${tag}`).expect(304);
      await conditional(url, tag.replace(/^W\//, '')).expect(304);
      const stale = await conditional(url, 'W/"stale"').expect(200);
      expect(stale.headers.etag).toBe(tag);
      expect(stale.body).toBeDefined();
    }
  });

  it('changes the plan ETag with each change of the plan, its milestones, progress, comments and reviews', async () => {
    const plan = await f.ready({ objective: 'Loans' });
    const url = planUrl(plan.id);
    const seen = new Set<string>([await tagOf(url)]);
    /** After `change`, the old tag gets 200 and a tag never seen before. */
    async function changes(what: string, change: () => Promise<unknown>) {
      const before = await tagOf(url);
      await change();
      const res = await conditional(url, before);
      expect({ what, status: res.status }).toEqual({ what, status: 200 });
      const after = res.headers.etag;
      expect({ what, fresh: !seen.has(after) }).toEqual({ what, fresh: true });
      seen.add(after);
    }
    let version = plan.version;
    await changes('a plan field', async () => {
      const res = await f.mentee().patch(url, { version, budget: '€20,000' }).expect(200);
      version = res.body.version;
    });
    const milestone = await f.milestone(plan.id, { owner: 'Desk' });
    await changes('a new milestone', () => f.milestone(plan.id, { title: 'Second' }));
    await changes('a milestone edit', () =>
      f.mentee().patch(`/milestones/${milestone.id}`, { version: milestone.version, title: 'Renamed' }).expect(200),
    );
    let commentId = '';
    await changes('a comment', async () => {
      const res = await f
        .mentor()
        .post(`${url}/comments`, { body: 'Who pays?', target: { type: 'plan', id: plan.id } })
        .expect(201);
      commentId = res.body.id;
    });
    await changes('a comment edit', () =>
      f.mentor().patch(`/comments/${commentId}`, { body: 'Who pays, really?' }).expect(200),
    );
    await changes('a thread resolved', () => f.mentor().post(`/comments/${commentId}/resolve`).expect(200));
    await changes('a submission', () => f.mentee().post(`${url}/submit`, { version }).expect(200));
    await changes('a review', () =>
      f.mentor().post(`${url}/reviews`, { verdict: 'approve', summary: 'Go' }).expect(201),
    );
    await changes('progress logged', () =>
      f.mentee().post(`/milestones/${milestone.id}/progress`, { percent: 30, status: 'in-progress' }).expect(201),
    );
    await changes('a comment deleted', () => f.mentor().delete(`/comments/${commentId}`).expect(204));
  });

  it('changes the comments ETag with a comment, and keeps both when another plan or pair changes', async () => {
    const plan = await f.ready();
    const other = await f.ready();
    const plansTags = async () => [await tagOf(planUrl(plan.id)), await tagOf(commentsUrl(plan.id))];
    const before = await plansTags();

    // Another plan of the same pair, and a plan of another pair, change: this plan's tags hold.
    await f
      .mentor()
      .post(`${commentsUrl(other.id)}`, { body: 'Elsewhere', target: { type: 'plan', id: other.id } })
      .expect(201);
    await f.milestone(other.id, { title: 'Elsewhere' });
    const otherPair = await t.given.signIn(m.people.otherCity.user);
    const otherPlan = await t.api
      .as(otherPair.token)
      .post(`/pairs/${m.otherPair.id}/action-plans`, { sectionCodes: ['access-to-finance'], title: 'Other pair' });
    expect(otherPlan.status).toBe(201);
    await conditional(planUrl(plan.id), before[0]).expect(304);
    await conditional(commentsUrl(plan.id), before[1]).expect(304);

    await f
      .mentee()
      .post(commentsUrl(plan.id), { body: 'Question', target: { type: 'plan', id: plan.id } })
      .expect(201);
    await conditional(commentsUrl(plan.id), before[1]).expect(200);
    await conditional(planUrl(plan.id), before[0]).expect(200);
  });

  it('gives each reader their own tag, and changes it with the pair ending and the programme’s members', async () => {
    const plan = await f.ready();
    const url = planUrl(plan.id);
    const mentee = await tagOf(url, 'mentee');
    const mentor = await tagOf(url, 'mentor');
    expect(mentor).not.toBe(mentee);
    // Another reader's tag is not current for you: your answer differs (mySide, can).
    await conditional(url, mentee, 'mentor').expect(200);

    // A new member of the programme (authors' organisations and sides are shown from the memberships).
    await t.given.member(m.programme, m.mentorCity, 'city-member');
    await conditional(url, mentee).expect(200);

    const current = await tagOf(url);
    const comments = await tagOf(commentsUrl(plan.id));
    // Ending the pair changes what the reader may do (can), though no event lands in the plan's room.
    await f.as('coordinator').post(`/pairs/${m.pair.id}/end`).expect(200);
    await conditional(url, current).expect(200);
    await conditional(commentsUrl(plan.id), comments).expect(200);
  });

  it('answers a caller who lost access 404, never 304', async () => {
    const m2 = await t.given.mentoring();
    const f2 = planFixtures(t, m2);
    const plan = await f2.ready();
    const mentorTag = await f2.as('mentor').get(planUrl(plan.id)).expect(200);
    const commentsTag = await f2.as('mentor').get(commentsUrl(plan.id)).expect(200);
    await f2.as('coordinator').delete(`/programmes/${m2.programme.id}/members/${m2.people.mentor.user.id}`).expect(204);
    const res = await f2.as('mentor').get(planUrl(plan.id)).set('If-None-Match', mentorTag.headers.etag);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
    await f2.as('mentor').get(commentsUrl(plan.id)).set('If-None-Match', commentsTag.headers.etag).expect(404);
    // A tag is no pass to a plan you cannot see: an outsider sending `*` gets 404 too.
    await f2.as('outsider').get(planUrl(plan.id)).set('If-None-Match', '*').expect(404);
  });

  it('still refuses a malformed id with 400, whatever If-None-Match says', async () => {
    await f.mentee().get('/action-plans/not-a-uuid').set('If-None-Match', '*').expect(400);
    await f.mentee().get('/action-plans/not-a-uuid/comments').set('If-None-Match', '*').expect(400);
  });

  describe('the activity feed', () => {
    it('answers 304 until an event of the programme, whatever happens in another programme', async () => {
      // A programme of its own: the tests above ended their pair.
      m = await t.given.mentoring();
      f = planFixtures(t, m);
      const feedUrl = () => `/programmes/${m.programme.id}/activity`;
      const tag = await tagOf(feedUrl(), 'coordinator');
      await conditional(feedUrl(), tag, 'coordinator').expect(304);
      // The same feed asked with the id in capitals (the route takes it): its own URL, its own tag.
      const upper = `/programmes/${m.programme.id.toUpperCase()}/activity`;
      await conditional(upper, await tagOf(upper, 'coordinator'), 'coordinator').expect(304);
      const elsewhere = await t.given.mentoring();
      await planFixtures(t, elsewhere).ready();
      await conditional(feedUrl(), tag, 'coordinator').expect(304);
      // A city's feed is its own (it sees only its pairs): another reader's tag is not current for it.
      await conditional(feedUrl(), tag, 'otherCity').expect(200);
      // The second page has a tag of its own too.
      const second = `${feedUrl()}?limit=1`;
      await conditional(second, await tagOf(second, 'coordinator'), 'coordinator').expect(304);

      const plan = await f.draft();
      await conditional(feedUrl(), tag, 'coordinator').expect(200);
      const current = await tagOf(feedUrl(), 'coordinator');
      await f.mentee().patch(planUrl(plan.id), { version: plan.version, title: 'Renamed' }).expect(200);
      await conditional(feedUrl(), current, 'coordinator').expect(200);
    });

    it('answers a member who left 404, never 304', async () => {
      const m2 = await t.given.mentoring();
      const url = `/programmes/${m2.programme.id}/activity`;
      const res = await t.api.as(m2.people.mentor.token).get(url).expect(200);
      await t.api
        .as(m2.people.coordinator.token)
        .delete(`/programmes/${m2.programme.id}/members/${m2.people.mentor.user.id}`)
        .expect(204);
      await t.api.as(m2.people.mentor.token).get(url).set('If-None-Match', res.headers.etag).expect(404);
    });
  });
});
