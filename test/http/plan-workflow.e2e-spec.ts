import type { PlanAction, PlanState } from '@citymentor/contracts';
import { allowedActions } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';
import { planFixtures, type Mentoring, type Who } from './plan-fixtures';

/** How each workflow step is asked for, and by whom. */
const STEPS: Record<PlanAction, { who: Who; path: string; body?: object }> = {
  submit: { who: 'mentee', path: 'submit' },
  withdraw: { who: 'mentee', path: 'withdraw' },
  approve: { who: 'mentor', path: 'reviews', body: { verdict: 'approve', summary: 'Yes', overrideOpenThreads: true } },
  'request-changes': { who: 'mentor', path: 'reviews', body: { verdict: 'request-changes', summary: 'Not yet' } },
  start: { who: 'mentee', path: 'start' },
  complete: { who: 'mentee', path: 'complete' },
  archive: { who: 'mentee', path: 'archive' },
};
const STATES: PlanState[] = [
  'draft',
  'submitted',
  'changes-requested',
  'approved',
  'in-progress',
  'completed',
  'archived',
];
const ILLEGAL = STATES.flatMap((state) =>
  (Object.keys(STEPS) as PlanAction[])
    .filter((a) => !allowedActions(state).includes(a))
    .map((action) => [state, action] as const),
);

describe('the plan workflow', () => {
  let t: TestApp;
  let m: Mentoring;
  let f: ReturnType<typeof planFixtures>;
  const plans = {} as Record<PlanState, { id: string; version: number }>;
  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    f = planFixtures(t, m);
    const build: Record<PlanState, () => Promise<{ id: string; version: number; state: string }>> = {
      draft: () => f.draft(),
      submitted: () => f.submitted(),
      'changes-requested': f.changesRequested,
      approved: f.approved,
      'in-progress': f.inProgress,
      completed: f.completed,
      archived: f.archived,
    };
    for (const state of STATES) plans[state] = await build[state]();
  });
  afterAll(() => t.close());

  it('builds a plan in every state', async () => {
    for (const state of STATES)
      expect((await f.mentee().get(`/action-plans/${plans[state].id}`)).body.state).toBe(state);
  });

  it.each(ILLEGAL)('refuses a %s plan to %s: 409 naming what is allowed, nothing changed', async (state, action) => {
    const step = STEPS[action];
    const res = await f.as(step.who).post(`/action-plans/${plans[state].id}/${step.path}`, step.body ?? {});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      details: { state, action, allowed: allowedActions(state) },
    });
    const after = await f.mentee().get(`/action-plans/${plans[state].id}`).expect(200);
    expect(after.body).toMatchObject({ state, version: plans[state].version });
  });

  it('lets a coordinator archive a plan but not review it; a mentor cannot submit', async () => {
    const plan = await f.submitted();
    await f
      .as('coordinator')
      .post(`/action-plans/${plan.id}/reviews`, { verdict: 'approve', summary: 'x' })
      .expect(403);
    await f.as('mentor').post(`/action-plans/${plan.id}/archive`).expect(403);
    const archived = await f.as('coordinator').post(`/action-plans/${plan.id}/archive`).expect(200);
    expect(archived.body).toMatchObject({ state: 'archived', mySide: 'coordinator', allowedActions: [] });
  });

  it('shows each side the steps it may take now', async () => {
    const plan = await f.submitted();
    const sides: [Who, PlanAction[]][] = [
      ['mentee', ['withdraw', 'archive']],
      ['mentor', ['approve', 'request-changes']],
      ['coordinator', ['archive']],
      ['expert', []],
      ['admin', []],
    ];
    for (const [who, allowed] of sides)
      expect((await f.as(who).get(`/action-plans/${plan.id}`)).body.allowedActions).toEqual(allowed);
  });

  describe('revisions and diffs', () => {
    it('has no revisions before the first submission', async () => {
      const plan = await f.draft();
      expect((await f.mentor().get(`/action-plans/${plan.id}/revisions`).expect(200)).body).toEqual([]);
      await f.mentor().get(`/action-plans/${plan.id}/revisions/1`).expect(404);
      await f.mentor().get(`/action-plans/${plan.id}/diff`).expect(404);
    });

    it('shows everything as new when nothing was reviewed before, and compares any two revisions on request', async () => {
      const plan = await f.draft({ title: 'First title', objective: 'Small loans for founders' });
      const milestone = await f.milestone(plan.id, { title: 'Kick-off', owner: 'Business office' });
      const one = await f.step(plan, 'mentee', 'submit');
      const first = await f.mentor().get(`/action-plans/${plan.id}/diff`).expect(200);
      expect(first.body).toMatchObject({
        from: null,
        to: 1,
        yourReview: null,
        viewed: [],
        milestones: [{ milestoneId: milestone.id, change: 'added' }],
      });
      expect(first.body.fields).toEqual(
        expect.arrayContaining([
          {
            field: 'title',
            kind: 'text',
            before: '',
            after: 'First title',
            words: [{ op: 'added', text: 'First title' }],
            items: [],
          },
        ]),
      );

      const back = await f.step(one, 'mentor', 'reviews', { verdict: 'request-changes', summary: 'More' });
      await f.mentee().patch(`/action-plans/${plan.id}`, { title: 'Second title', version: back.version }).expect(200);
      await f.step(plan, 'mentee', 'submit');
      const explicit = await f.mentor().get(`/action-plans/${plan.id}/diff?from=2&to=1`).expect(200);
      expect(explicit.body).toEqual({
        from: 2,
        to: 1,
        yourReview: null,
        viewed: [],
        fields: [
          {
            field: 'title',
            kind: 'text',
            before: 'Second title',
            after: 'First title',
            words: [
              { op: 'removed', text: 'Second' },
              { op: 'added', text: 'First' },
              { op: 'same', text: ' title' },
            ],
            items: [],
          },
        ],
        milestones: [],
      });
      expect((await f.mentor().get(`/action-plans/${plan.id}/diff?to=2`).expect(200)).body.from).toBe(1);
      expect((await f.mentor().get(`/action-plans/${plan.id}/diff?from=2`).expect(200)).body).toMatchObject({
        from: 2,
        to: 2,
        fields: [],
        milestones: [],
      });
      await f.mentor().get(`/action-plans/${plan.id}/diff?from=1&to=9`).expect(404);
      await f.mentor().get(`/action-plans/${plan.id}/revisions/3`).expect(404);
    });

    it('marks the words and the list items that changed since the last review', async () => {
      const plan = await f.draft({
        objective: 'Small loans for founders',
        activities: ['Map services', 'Train 12 advisers', 'Hold a fair'],
      });
      const kickOff = await f.milestone(plan.id, { title: 'Kick-off', owner: 'Business office' });
      const one = await f.step(plan, 'mentee', 'submit');
      const back = await f.step(one, 'mentor', 'reviews', { verdict: 'request-changes', summary: 'More' });
      await f
        .mentee()
        .patch(`/action-plans/${plan.id}`, {
          objective: 'Small loans for all founders',
          activities: ['Evaluate', 'Map services', 'Train 15 advisers'],
          version: back.version,
        })
        .expect(200);
      await f.mentee().patch(`/milestones/${kickOff.id}`, { title: 'Kick-off meeting', version: 1 }).expect(200);
      await f.step(plan, 'mentee', 'submit');

      const diff = (await f.mentor().get(`/action-plans/${plan.id}/diff`).expect(200)).body;
      expect(diff).toMatchObject({ from: 1, to: 2 });
      const field = (name: string) => diff.fields.find((c: { field: string }) => c.field === name);
      expect(field('objective')).toMatchObject({
        kind: 'text',
        words: [
          { op: 'same', text: 'Small loans for ' },
          { op: 'added', text: 'all ' },
          { op: 'same', text: 'founders' },
        ],
        items: [],
      });
      expect(field('activities')).toMatchObject({ kind: 'list', words: [] });
      expect(
        field('activities').items.map((i: { change: string; beforeIndex: number; afterIndex: number }) => [
          i.change,
          i.beforeIndex,
          i.afterIndex,
        ]),
      ).toEqual([
        ['added', null, 0],
        ['same', 0, 1],
        ['changed', 1, 2],
        ['removed', 2, null],
      ]);
      expect(field('activities').items[2].words).toEqual([
        { op: 'same', text: 'Train ' },
        { op: 'removed', text: '12' },
        { op: 'added', text: '15' },
        { op: 'same', text: ' advisers' },
      ]);
      expect(diff.milestones).toEqual([
        {
          milestoneId: kickOff.id,
          title: 'Kick-off meeting',
          change: 'changed',
          fields: [
            {
              field: 'title',
              kind: 'text',
              before: 'Kick-off',
              after: 'Kick-off meeting',
              words: [
                { op: 'same', text: 'Kick-off' },
                { op: 'added', text: ' meeting' },
              ],
              items: [],
            },
          ],
        },
      ]);
    });

    it("compares by default since the caller's own last review, else since the plan's last review", async () => {
      const second = await t.given.signIn(await t.given.member(m.programme, m.mentorCity, 'city-member'));
      const plan = await f.draft({ title: 'Revision one', objective: 'Small loans for founders' });
      await f.milestone(plan.id, { owner: 'Business office' });
      const rename = async (title: string) => {
        const now = (await f.mentee().get(`/action-plans/${plan.id}`).expect(200)).body;
        await f.mentee().patch(`/action-plans/${plan.id}`, { title, version: now.version }).expect(200);
        await f.mentee().post(`/action-plans/${plan.id}/submit`, {}).expect(200);
      };
      await f.mentee().post(`/action-plans/${plan.id}/submit`, {}).expect(200);
      const review = (token: string) =>
        t.api
          .as(token)
          .post(`/action-plans/${plan.id}/reviews`, { verdict: 'request-changes', summary: 'More' })
          .expect(201);
      await review(m.people.mentor.token); // revision 1, by the first mentor
      await rename('Revision two');
      await review(second.token); // revision 2, by a colleague
      await rename('Revision three');

      const mine = (await f.mentor().get(`/action-plans/${plan.id}/diff`).expect(200)).body;
      expect(mine).toMatchObject({ from: 1, to: 3, yourReview: { revision: 1 } });
      expect(new Date(mine.yourReview.reviewedAt).getTime()).not.toBeNaN();
      expect(mine.fields).toEqual([expect.objectContaining({ before: 'Revision one', after: 'Revision three' })]);
      const theirs = (await t.api.as(second.token).get(`/action-plans/${plan.id}/diff`).expect(200)).body;
      expect(theirs).toMatchObject({ from: 2, to: 3, yourReview: { revision: 2 } });
      const coordinator = (await f.as('coordinator').get(`/action-plans/${plan.id}/diff`).expect(200)).body;
      expect(coordinator).toMatchObject({ from: 2, to: 3, yourReview: null });
      // Up to revision 2, the colleague's review of it is not one "before": their own last is none.
      const upTo2 = (await t.api.as(second.token).get(`/action-plans/${plan.id}/diff?to=2`).expect(200)).body;
      expect(upTo2).toMatchObject({ from: 1, to: 2, yourReview: null });
    });

    it('keeps each reader’s own “Viewed” marks per revision, and gives them back with the diff', async () => {
      const plan = await f.submitted();
      const mark = (who: Who, body: object) => f.as(who).put(`/action-plans/${plan.id}/diff/viewed`, body);
      const milestoneKey = `milestone:${(await f.mentor().get(`/action-plans/${plan.id}`).expect(200)).body.milestones[0].id}`;
      expect((await f.mentor().get(`/action-plans/${plan.id}/diff`).expect(200)).body.viewed).toEqual([]);

      expect((await mark('mentor', { revision: 1, field: 'field:objective', viewed: true }).expect(200)).body).toEqual({
        revision: 1,
        viewed: ['field:objective'],
      });
      await mark('mentor', { revision: 1, field: 'field:objective', viewed: true }).expect(200); // twice: the same
      const both = await mark('mentor', { revision: 1, field: milestoneKey, viewed: true }).expect(200);
      expect(both.body.viewed).toEqual(['field:objective', milestoneKey]);
      expect((await f.mentor().get(`/action-plans/${plan.id}/diff`).expect(200)).body.viewed).toEqual([
        'field:objective',
        milestoneKey,
      ]);
      // The marks are the mentor's alone.
      expect((await f.as('coordinator').get(`/action-plans/${plan.id}/diff`).expect(200)).body.viewed).toEqual([]);

      const unmarked = await mark('mentor', { revision: 1, field: 'field:objective', viewed: false }).expect(200);
      expect(unmarked.body.viewed).toEqual([milestoneKey]);
      // Each tick is told, with every mark, in the mentor's own room only: their other pages fold the same fields.
      const told = await t.orm.em
        .fork()
        .getConnection()
        .execute<{ room: string; payload: object }[]>(
          `select room, payload from events where type = 'plan.diff.viewed' and payload->>'planId' = ? order by seq`,
          [plan.id],
        );
      expect(told.map((e) => e.room)).toEqual(Array(4).fill(`user:${m.people.mentor.user.id}`));
      expect(told.at(-1)!.payload).toEqual({ planId: plan.id, revision: 1, viewed: [milestoneKey] });
      await mark('mentor', { revision: 9, field: 'field:objective', viewed: true }).expect(404);
    });

    it.each([
      [{ revision: 1, field: 'field:version', viewed: true }, 'field'],
      [{ revision: 1, field: 'milestone:m1', viewed: true }, 'field'],
      [{ revision: 1, field: null, viewed: true }, 'field'],
      [{ revision: 1, field: ['field:title'], viewed: true }, 'field'],
      [{ revision: '1', field: 'field:title', viewed: true }, 'revision'],
      [{ revision: 0, field: 'field:title', viewed: true }, 'revision'],
      [{ revision: 1, field: 'field:title', viewed: 'yes' }, 'viewed'],
      [{ revision: 1, field: 'field:title', viewed: {} }, 'viewed'],
      [{ revision: 1, field: 'field:title' }, 'viewed'],
      [{ revision: 1, field: 'field:title', viewed: true, user: 'someone' }, 'user'],
    ])('refuses the viewed mark %j with 400 naming %s', async (body, field) => {
      const plan = await f.submitted();
      const res = await f.mentor().put(`/action-plans/${plan.id}/diff/viewed`, body).expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
    });

    it.each([
      ['/diff?from=abc', 'from'],
      ['/diff?to=1.5', 'to'],
      ['/diff?from=-1', 'from'],
      ['/diff?from=1&from=2', 'from'],
      ['/diff?since=1', 'since'],
      ['/revisions/abc', 'number'],
      ['/revisions/0', 'number'],
      ['/revisions/1.5', 'number'],
    ])('answers %s with 400 naming %s', async (path, field) => {
      const plan = await f.submitted();
      const res = await f.mentor().get(`/action-plans/${plan.id}${path}`).expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
    });
  });
});
