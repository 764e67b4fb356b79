import { randomUUID } from 'node:crypto';
import { startApp, type TestApp } from '../support/app';
import type { ApiClient } from '../support/api-client';
import { statementsDuring } from '../support/count-statements';
import { GivenPlans } from '../support/given-plans';

type Cast = Awaited<ReturnType<TestApp['given']['mentoring']>>;
type Person = 'mentor' | 'mentee' | 'expert' | 'coordinator' | 'otherCity' | 'outsider' | 'admin';

describe('comments', () => {
  let t: TestApp;
  let plans: GivenPlans;
  let m: Cast;
  const as = (who: Person): ApiClient => t.api.as(m.people[who].token);
  const mention = (who: Person) => `@[${m.people[who].user.name}](${m.people[who].user.id})`;

  /** A plan of the pair with one milestone and one progress entry on it. */
  async function planWithWork() {
    const plan = await plans.plan(m.pair, { state: 'in-progress' });
    const milestone = await plans.milestone(plan);
    const progress = await plans.progress(milestone, m.people.mentee.user);
    return { plan, milestone, progress };
  }

  const post = async (who: Person, planId: string, body: object) =>
    (await as(who).post(`/action-plans/${planId}/comments`, body).expect(201)).body;
  const threads = async (who: Person, planId: string, query = '') =>
    (await as(who).get(`/action-plans/${planId}/comments${query}`).expect(200)).body;

  beforeAll(async () => {
    t = await startApp();
    plans = new GivenPlans(t.orm);
    m = await t.given.mentoring();
  });
  afterAll(() => t.close());

  it('keeps threads on the plan, a milestone and a progress entry; replies join their thread and inherit its target', async () => {
    const { plan, milestone, progress } = await planWithWork();
    const onPlan = await post('mentor', plan.id, {
      body: 'Who owns the budget line?',
      target: { type: 'plan', id: plan.id },
    });
    const onMilestone = await post('expert', plan.id, {
      body: 'Vienna did this in six months.',
      target: { type: 'milestone', id: milestone.id },
    });
    const reply = await post('mentee', plan.id, { body: 'The business department.', parentId: onPlan.id });
    const replyToReply = await post('mentor', plan.id, { body: 'Then name them as owner.', parentId: reply.id });
    const onProgress = await post('coordinator', plan.id, {
      body: 'Evidence link, please.',
      target: { type: 'progress', id: progress.id },
    });

    expect(reply).toMatchObject({
      threadId: onPlan.id,
      parentId: onPlan.id,
      target: { type: 'plan', id: plan.id },
      deleted: false,
      editCount: 0,
      resolved: null,
    });
    expect(replyToReply).toMatchObject({
      threadId: onPlan.id,
      parentId: reply.id,
      target: { type: 'plan', id: plan.id },
    });
    expect(onMilestone.author).toEqual({
      id: m.people.expert.user.id,
      name: m.people.expert.user.name,
      former: false,
      organisationName: m.expertOrganisation.name,
    });

    const list = await threads('mentee', plan.id);
    expect(list.map((c: { id: string }) => c.id)).toEqual([onPlan.id, onMilestone.id, onProgress.id]);
    expect(list[0].replies.map((c: { id: string }) => c.id)).toEqual([reply.id, replyToReply.id]);
    expect(list[0].author).toEqual({
      id: m.people.mentor.user.id,
      name: m.people.mentor.user.name,
      former: false,
      organisationName: m.mentorCity.name,
    });
    expect(list[1]).toMatchObject({ target: { type: 'milestone', id: milestone.id }, replies: [] });

    const filtered = await threads('expert', plan.id, `?target=milestone&targetId=${milestone.id}`);
    expect(filtered.map((c: { id: string }) => c.id)).toEqual([onMilestone.id]);
    expect((await threads('expert', plan.id, '?target=progress')).map((c: { id: string }) => c.id)).toEqual([
      onProgress.id,
    ]);
  });

  it('lets only the author edit, keeping every previous body in the history', async () => {
    const { plan } = await planWithWork();
    const c = await post('mentor', plan.id, { body: 'First take', target: { type: 'plan', id: plan.id } });
    await as('mentor').patch(`/comments/${c.id}`, { body: 'Second take' }).expect(200);
    const edited = (await as('mentor').patch(`/comments/${c.id}`, { body: 'Third take' }).expect(200)).body;
    expect(edited).toMatchObject({ body: 'Third take', editCount: 2, editedAt: expect.any(String) });
    // Saving the same text again is not an edit.
    expect((await as('mentor').patch(`/comments/${c.id}`, { body: 'Third take' }).expect(200)).body.editCount).toBe(2);
    for (const who of ['mentee', 'expert', 'coordinator', 'admin'] as const) {
      await as(who).patch(`/comments/${c.id}`, { body: 'Hijacked' }).expect(403);
    }
    const history = (await as('mentee').get(`/comments/${c.id}/history`).expect(200)).body;
    expect(history.map((e: { body: string }) => e.body)).toEqual(['First take', 'Second take']);
    expect((await threads('admin', plan.id))[0]).toMatchObject({ body: 'Third take', editCount: 2 });
  });

  it('deletes to a tombstone that keeps its replies; the author or a coordinator may delete', async () => {
    const { plan } = await planWithWork();
    const root = await post('mentee', plan.id, { body: 'Draft question', target: { type: 'plan', id: plan.id } });
    const reply = await post('mentor', plan.id, { body: 'An answer', parentId: root.id });
    await as('mentor').delete(`/comments/${root.id}`).expect(403);
    await as('expert').delete(`/comments/${root.id}`).expect(403);
    await as('mentee').delete(`/comments/${root.id}`).expect(204);
    await as('coordinator').delete(`/comments/${reply.id}`).expect(204);
    await as('mentee').delete(`/comments/${root.id}`).expect(409);
    await as('mentee').patch(`/comments/${root.id}`, { body: 'Back again' }).expect(409);

    const [thread] = await threads('mentor', plan.id);
    expect(thread).toMatchObject({
      id: root.id,
      deleted: true,
      body: null,
      mentions: [],
      author: { id: m.people.mentee.user.id },
    });
    expect(thread.replies).toEqual([expect.objectContaining({ id: reply.id, deleted: true, body: null })]);
    expect((await as('mentor').get(`/comments/${root.id}/history`).expect(200)).body).toEqual([]);
  });

  it('resolves and reopens a thread on its first comment: its author or the mentor side, nobody else', async () => {
    const { plan } = await planWithWork();
    const byMentee = await post('mentee', plan.id, {
      body: 'Is the indicator clear?',
      target: { type: 'plan', id: plan.id },
    });
    const reply = await post('mentor', plan.id, { body: 'Yes', parentId: byMentee.id });
    await as('mentor').post(`/comments/${reply.id}/resolve`).expect(409);
    await as('mentee').post(`/comments/${reply.id}/resolve`).expect(409);
    for (const who of ['expert', 'coordinator', 'admin'] as const)
      await as(who).post(`/comments/${byMentee.id}/resolve`).expect(403);

    const resolved = (await as('mentor').post(`/comments/${byMentee.id}/resolve`).expect(200)).body;
    expect(resolved.resolved).toEqual({
      at: expect.any(String),
      by: { id: m.people.mentor.user.id, name: m.people.mentor.user.name },
    });
    await as('mentor').post(`/comments/${byMentee.id}/resolve`).expect(409);
    const reopened = (await as('mentee').post(`/comments/${byMentee.id}/reopen`).expect(200)).body;
    expect(reopened.resolved).toBeNull();
    await as('mentee').post(`/comments/${byMentee.id}/reopen`).expect(409);

    const byMentor = await post('mentor', plan.id, {
      body: 'Budget is missing',
      target: { type: 'plan', id: plan.id },
    });
    await as('mentee').post(`/comments/${byMentor.id}/resolve`).expect(403);
    const byExpert = await post('expert', plan.id, { body: 'See the toolkit', target: { type: 'plan', id: plan.id } });
    await as('expert').post(`/comments/${byExpert.id}/resolve`).expect(200);
  });

  it('keeps @mentions of members who can read the pair, and refuses anyone else naming mentions', async () => {
    const { plan } = await planWithWork();
    const c = await post('mentor', plan.id, {
      body: `${mention('mentee')} and ${mention('expert')}, see ${mention('coordinator')}`,
      target: { type: 'plan', id: plan.id },
    });
    expect(c.mentions).toEqual([m.people.mentee.user.id, m.people.expert.user.id, m.people.coordinator.user.id]);
    for (const stranger of [
      mention('otherCity'),
      mention('outsider'),
      mention('admin'),
      `@[Nobody](${randomUUID()})`,
    ]) {
      const res = await as('mentor')
        .post(`/action-plans/${plan.id}/comments`, { body: `Hello ${stranger}`, target: { type: 'plan', id: plan.id } })
        .expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ path: 'mentions' })]);
    }
    const edited = (
      await as('mentor')
        .patch(`/comments/${c.id}`, { body: `Only ${mention('mentee')} now` })
        .expect(200)
    ).body;
    expect(edited.mentions).toEqual([m.people.mentee.user.id]);
    await as('mentor')
      .patch(`/comments/${c.id}`, { body: `And ${mention('otherCity')}` })
      .expect(400);
  });

  it('lets the expert comment and the admin read but not comment', async () => {
    const { plan } = await planWithWork();
    await post('expert', plan.id, { body: 'A practice from Tampere', target: { type: 'plan', id: plan.id } });
    const res = await as('admin')
      .post(`/action-plans/${plan.id}/comments`, { body: 'Admin here', target: { type: 'plan', id: plan.id } })
      .expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect(await threads('admin', plan.id)).toHaveLength(1);
  });

  it('hides the plan and its comments (404) from another pair’s city and from outsiders, on every route', async () => {
    const { plan } = await planWithWork();
    const c = await post('mentor', plan.id, { body: 'Private to the pair', target: { type: 'plan', id: plan.id } });
    for (const who of ['otherCity', 'outsider'] as const) {
      await as(who).get(`/action-plans/${plan.id}/comments`).expect(404);
      await as(who)
        .post(`/action-plans/${plan.id}/comments`, { body: 'x', target: { type: 'plan', id: plan.id } })
        .expect(404);
      await as(who).patch(`/comments/${c.id}`, { body: 'x' }).expect(404);
      await as(who).get(`/comments/${c.id}/history`).expect(404);
      await as(who).delete(`/comments/${c.id}`).expect(404);
      await as(who).post(`/comments/${c.id}/resolve`).expect(404);
      await as(who).post(`/comments/${c.id}/reopen`).expect(404);
    }
    await as('mentor').get(`/action-plans/${randomUUID()}/comments`).expect(404);
    await as('mentor').patch(`/comments/${randomUUID()}`, { body: 'x' }).expect(404);
  });

  it('records each change with its event, in the plan’s and the pair’s rooms', async () => {
    const { plan } = await planWithWork();
    const c = await post('mentee', plan.id, {
      body: `Thoughts, ${mention('mentor')}?`,
      target: { type: 'plan', id: plan.id },
    });
    await as('mentee').patch(`/comments/${c.id}`, { body: 'Thoughts?' }).expect(200);
    await as('mentor').post(`/comments/${c.id}/resolve`).expect(200);
    await as('mentor').post(`/comments/${c.id}/reopen`).expect(200);
    await as('mentee').delete(`/comments/${c.id}`).expect(204);

    const rows = await t.orm.em
      .fork()
      .getConnection()
      .execute<
        { room: string; type: string; payload: Record<string, unknown>; actorId: string; programmeId: string }[]
      >(
        `select room, type, payload, actor_id as "actorId", programme_id as "programmeId" from events where payload->>'commentId' = ? order by seq`,
        [c.id],
      );
    expect(rows.map((r) => `${r.type} ${r.room.split(':')[0]}`)).toEqual(
      ['comment.created', 'comment.updated', 'comment.resolved', 'comment.resolved', 'comment.deleted'].flatMap(
        (type) => [`${type} plan`, `${type} pair`],
      ),
    );
    const base = {
      programmeId: m.programme.id,
      pairId: m.pair.id,
      planId: plan.id,
      commentId: c.id,
      threadId: c.id,
      parentId: null,
      target: { type: 'plan', id: plan.id },
      authorId: m.people.mentee.user.id,
    };
    expect(rows[0]).toMatchObject({
      room: `plan:${plan.id}`,
      actorId: m.people.mentee.user.id,
      programmeId: m.programme.id,
    });
    expect(rows[1]).toMatchObject({ room: `pair:${m.pair.id}` });
    expect(rows[0].payload).toEqual({ ...base, body: c.body, resolved: false, mentions: [m.people.mentor.user.id] });
    expect(rows[2].payload).toEqual({ ...base, body: 'Thoughts?', resolved: false, mentions: [] });
    expect(rows[4].payload).toMatchObject({ resolved: true });
    expect(rows[6].payload).toMatchObject({ resolved: false });
    expect(rows[8].payload).toMatchObject({ body: null });
  });

  it('reads the list with the same number of SQL statements for 5 and for 50 comments', async () => {
    const { plan, milestone } = await planWithWork();
    const addComments = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const c = await post(i % 2 ? 'mentor' : 'mentee', plan.id, {
          body: `Comment ${i}`,
          target: { type: 'milestone', id: milestone.id },
        });
        if (i % 3 === 0)
          await as(i % 2 ? 'mentor' : 'mentee')
            .patch(`/comments/${c.id}`, { body: `Comment ${i}, edited` })
            .expect(200);
      }
    };
    const statements = () =>
      statementsDuring(t.orm, () => as('coordinator').get(`/action-plans/${plan.id}/comments`).expect(200));
    await addComments(5);
    const atFive = await statements();
    await addComments(45);
    const atFifty = await statements();
    expect((await threads('coordinator', plan.id)).length).toBe(50);
    // The counter sees the list query itself, so it really counts what the request sends.
    expect(atFive.filter((sql) => /from comments c/.test(sql))).toHaveLength(1);
    expect(atFifty.length).toBe(atFive.length);
  });
});
