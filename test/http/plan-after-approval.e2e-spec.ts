/**
 * Changes after approval are not silent (issue 14): a milestone added to an approved or running plan
 * is announced as a change after approval (events, activity feed), and "changes since approval"
 * compares the approved revision with the plan as it is now, leaving out the statuses the work moves.
 */
import { EventRecord } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';
import { planFixtures, type Mentoring } from './plan-fixtures';

describe('changes after approval', () => {
  let t: TestApp;
  let m: Mentoring;
  let f: ReturnType<typeof planFixtures>;
  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    f = planFixtures(t, m);
  });
  afterAll(() => t.close());

  const since = (planId: string) => f.mentor().get(`/action-plans/${planId}/changes-since-approval`);

  it('has nothing to compare before the approval (404), and nothing changed right after it', async () => {
    const draft = await f.draft();
    expect((await since(draft.id).expect(404)).body.code).toBe('NOT_FOUND');
    const sentBack = await f.changesRequested();
    await since(sentBack.id).expect(404);
    const approved = await f.approved();
    const res = await since(approved.id).expect(200);
    expect(res.body).toEqual({
      approvedRevision: 1,
      approvedAt: expect.any(String),
      approvedByName: m.people.mentor.user.name,
      fields: [],
      milestones: [],
    });
  });

  it('shows the milestones added since, not the statuses and progress of the approved ones', async () => {
    const plan = await f.inProgress();
    const [approvedMilestone] = (await f.mentee().get(`/action-plans/${plan.id}`).expect(200)).body.milestones;
    await f
      .mentee()
      .post(`/milestones/${approvedMilestone.id}/progress`, { percent: 40, status: 'in-progress' })
      .expect(201);
    expect((await since(plan.id).expect(200)).body).toMatchObject({ fields: [], milestones: [] });

    const added = await f.milestone(plan.id, {
      title: 'Second lender signed',
      dueDate: '2030-09-30',
      owner: 'Finance office',
    });
    const res = await f.as('coordinator').get(`/action-plans/${plan.id}/changes-since-approval`).expect(200);
    expect(res.body.fields).toEqual([]);
    expect(res.body.milestones).toEqual([
      {
        milestoneId: added.id,
        title: 'Second lender signed',
        change: 'added',
        fields: [
          {
            field: 'title',
            kind: 'text',
            before: null,
            after: 'Second lender signed',
            words: [{ op: 'added', text: 'Second lender signed' }],
            items: [],
          },
          { field: 'description', kind: 'text', before: null, after: '', words: [], items: [] },
          { field: 'dueDate', kind: 'value', before: null, after: '2030-09-30', words: [], items: [] },
          {
            field: 'owner',
            kind: 'text',
            before: null,
            after: 'Finance office',
            words: [{ op: 'added', text: 'Finance office' }],
            items: [],
          },
          { field: 'gapQuestionCodes', kind: 'list', before: null, after: [], words: [], items: [] },
        ],
      },
    ]);
  });

  it('marks milestone events after the approval as such, and the activity feed carries it', async () => {
    const draft = await f.draft({ title: 'Drafted plan' });
    const before = await f.milestone(draft.id, { title: 'Before approval' });
    const approved = await f.approved();
    const after = await f.milestone(approved.id, { title: 'After approval' });

    const events = await t.orm.em.fork().find(EventRecord, { type: 'milestone.created', room: { $like: 'p%' } });
    const flagOf = (id: string) =>
      events
        .filter((e) => (e.payload as { milestoneId: string }).milestoneId === id)
        .map((e) => [e.room.split(':')[0], (e.payload as { afterApproval: boolean }).afterApproval]);
    expect(flagOf(before.id)).toEqual([
      ['plan', false],
      ['pair', false],
    ]);
    expect(flagOf(after.id)).toEqual([
      ['plan', true],
      ['pair', true],
    ]);

    const feed = await f.mentor().get(`/programmes/${m.programme.id}/activity?limit=5`).expect(200);
    expect(feed.body.items[0]).toMatchObject({
      type: 'milestone.created',
      actor: { id: m.people.mentee.user.id },
      payload: { milestoneId: after.id, afterApproval: true },
    });
  });
});
