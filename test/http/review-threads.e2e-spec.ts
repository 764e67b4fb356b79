import { startApp, type TestApp } from '../support/app';
import { planFixtures, type Mentoring, type Who } from './plan-fixtures';

/**
 * A review lists the threads it opened, as a pull request's review does: the threads the mentor side
 * started on the plan after the previous review (or the plan's first submission) and up to this review.
 */
describe('the threads a review opened', () => {
  let t: TestApp;
  let m: Mentoring;
  let f: ReturnType<typeof planFixtures>;
  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    f = planFixtures(t, m);
  });
  afterAll(() => t.close());

  const thread = async (who: Who, planId: string, body: string, target = { type: 'plan', id: planId }) =>
    (await f.as(who).post(`/action-plans/${planId}/comments`, { body, target }).expect(201)).body.id as string;

  it('are the mentor side’s new root threads up to the review, oldest first, with an excerpt and their target', async () => {
    const draft = await f.ready();
    await f.rootComment(draft.id, 'mentor', 'Written before the plan was submitted');
    const plan = await f.step(draft, 'mentee', 'submit');
    const milestoneId = (plan as unknown as { milestones: { id: string }[] }).milestones[0].id;

    const onPlan = await thread(
      'mentor',
      plan.id,
      `@[Mentee](${m.people.mentee.user.id}) who funds   the desk?\nAnd ${'for how long '.repeat(12)}`,
    );
    const onMilestone = await thread('mentor', plan.id, 'Is June realistic?', { type: 'milestone', id: milestoneId });
    await f.as('mentor').post(`/comments/${onPlan}/resolve`).expect(200);
    const deleted = await thread('mentor', plan.id, 'Never mind');
    await f.as('mentor').delete(`/comments/${deleted}`).expect(204);
    const menteeThread = await thread('mentee', plan.id, 'Asked by the city itself');
    await thread('expert', plan.id, 'Asked by the programme’s expert');
    await f
      .as('mentor')
      .post(`/action-plans/${plan.id}/comments`, {
        body: 'A reply',
        parentId: menteeThread,
        target: { type: 'plan', id: plan.id },
      })
      .expect(201);

    const reviewed = (
      await f
        .as('mentor')
        .post(`/action-plans/${plan.id}/reviews`, { verdict: 'request-changes', summary: 'Say who funds it' })
        .expect(201)
    ).body;
    const excerpt = `@Mentee who funds the desk? And ${'for how long '.repeat(12)}`.slice(0, 119) + '…';
    expect(reviewed.latestReview.threads).toEqual([
      { id: onPlan, excerpt, targetType: 'plan', targetId: plan.id, field: null, item: null, resolved: true },
      {
        id: onMilestone,
        excerpt: 'Is June realistic?',
        targetType: 'milestone',
        targetId: milestoneId,
        field: null,
        item: null,
        resolved: false,
      },
    ]);
    expect(excerpt).toHaveLength(120);

    // The next review lists only what was started after the first one.
    const later = await thread('mentor', plan.id, 'Who signs the agreement?');
    await f.as('mentee').post(`/action-plans/${plan.id}/submit`, {}).expect(200);
    const approved = (
      await f
        .as('mentor')
        .post(`/action-plans/${plan.id}/reviews`, {
          verdict: 'approve',
          summary: 'Go ahead',
          overrideOpenThreads: true,
        })
        .expect(201)
    ).body;
    expect(approved.latestReview).toMatchObject({ verdict: 'approve', revision: 2 });
    expect(approved.latestReview.threads.map((x: { id: string }) => x.id)).toEqual([later]);

    // A thread started after the review is not one it opened.
    await thread('mentor', plan.id, 'Started after the approval');
    const read = (await f.mentee().get(`/action-plans/${plan.id}`).expect(200)).body;
    expect(read.latestReview.threads.map((x: { id: string }) => x.id)).toEqual([later]);
  });

  it('are none when the mentor reviews without starting a thread', async () => {
    const { id } = await f.changesRequested();
    const plan = (await f.mentee().get(`/action-plans/${id}`).expect(200)).body;
    expect(plan.latestReview).toMatchObject({ verdict: 'request-changes', threads: [] });
  });
});
