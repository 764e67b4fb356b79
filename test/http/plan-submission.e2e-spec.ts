import { startApp, type TestApp } from '../support/app';
import { countRows, planFixtures, type Mentoring } from './plan-fixtures';

/**
 * What a submission needs, and taking one back: the mentor reviews a plan that says what it wants (an
 * objective) and how (a milestone with a due date and an owner); the mentee may withdraw a submission
 * the mentor has not reviewed yet, to change it.
 */
describe('submitting and withdrawing a plan', () => {
  let t: TestApp;
  let m: Mentoring;
  let f: ReturnType<typeof planFixtures>;
  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    f = planFixtures(t, m);
  });
  afterAll(() => t.close());

  describe('what a submission needs', () => {
    it('says what an empty plan lacks before anyone tries, and refuses to submit it with 422 naming the parts in words and as a list', async () => {
      const plan = await f.draft();
      expect((await f.mentee().get(`/action-plans/${plan.id}`).expect(200)).body.missingForSubmit).toEqual([
        'objective',
        'milestone',
      ]);

      const res = await f.mentee().post(`/action-plans/${plan.id}/submit`, { version: plan.version }).expect(422);
      expect(res.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'PLAN_INCOMPLETE',
        message:
          'This plan cannot be submitted yet: it needs an objective and at least one milestone with a due date and an owner',
        details: { missing: ['objective', 'milestone'] },
      });
      // Nothing happened: still a draft, no revision, nothing announced.
      expect((await f.mentee().get(`/action-plans/${plan.id}`)).body).toMatchObject({
        state: 'draft',
        version: plan.version,
        revisionCount: 0,
      });
      expect(await countRows(t, 'plan_revisions', 'plan_id = ?', [plan.id])).toBe(0);
      expect(await countRows(t, 'events', `room = ? and type = 'plan.submitted'`, [`plan:${plan.id}`])).toBe(0);
    });

    it('wants an owner on at least one milestone', async () => {
      const plan = await f.draft({ objective: 'Small loans for founders' });
      await f.milestone(plan.id, { title: 'Desk opens' });
      expect((await f.mentee().get(`/action-plans/${plan.id}`)).body.missingForSubmit).toEqual(['milestone-owner']);
      const res = await f.mentee().post(`/action-plans/${plan.id}/submit`).expect(422);
      expect(res.body).toMatchObject({
        code: 'PLAN_INCOMPLETE',
        message: expect.stringContaining('an owner on at least one of its milestones'),
        details: { missing: ['milestone-owner'] },
      });

      await f.milestone(plan.id, { title: 'First loans', owner: 'Business office' });
      expect((await f.mentee().get(`/action-plans/${plan.id}`)).body.missingForSubmit).toEqual([]);
      expect((await f.mentee().post(`/action-plans/${plan.id}/submit`).expect(200)).body).toMatchObject({
        state: 'submitted',
        revisionCount: 1,
      });
    });

    it('refuses a resubmission emptied after the review, and takes it once completed again', async () => {
      const sentBack = await f.changesRequested();
      const emptied = await f
        .mentee()
        .patch(`/action-plans/${sentBack.id}`, { objective: '', version: sentBack.version })
        .expect(200);
      const res = await f
        .mentee()
        .post(`/action-plans/${sentBack.id}/submit`, { version: emptied.body.version })
        .expect(422);
      expect(res.body.details).toEqual({ missing: ['objective'] });
      const refilled = await f
        .mentee()
        .patch(`/action-plans/${sentBack.id}`, { objective: 'Loans and coaching', version: emptied.body.version })
        .expect(200);
      await f.mentee().post(`/action-plans/${sentBack.id}/submit`, { version: refilled.body.version }).expect(200);
    });
  });

  describe('withdrawing a submission', () => {
    it('takes a submission back to a draft, keeps its revision, tells the activity feed and the plan room', async () => {
      const submitted = await f.submitted({ title: 'Withdrawn plan' });
      expect((await f.mentee().get(`/action-plans/${submitted.id}`)).body).toMatchObject({
        allowedActions: ['withdraw', 'archive'],
        editable: false,
      });

      const res = await f
        .mentee()
        .post(`/action-plans/${submitted.id}/withdraw`, { version: submitted.version })
        .expect(200);
      expect(res.body).toMatchObject({
        state: 'draft',
        revisionCount: 1,
        editable: true,
        allowedActions: ['submit', 'archive'],
      });
      expect((await f.mentor().get(`/action-plans/${submitted.id}/revisions`).expect(200)).body).toHaveLength(1);

      const feed = await f.mentor().get(`/programmes/${m.programme.id}/activity`).expect(200);
      expect(feed.body.items[0]).toMatchObject({
        type: 'plan.withdrawn',
        actor: { id: m.people.mentee.user.id },
        payload: { planId: submitted.id, title: 'Withdrawn plan', state: 'draft', revision: 1 },
      });
      expect(await countRows(t, 'events', `room = ? and type = 'plan.withdrawn'`, [`plan:${submitted.id}`])).toBe(1);

      // Changed and submitted again, it is revision 2.
      await f
        .mentee()
        .patch(`/action-plans/${submitted.id}`, { objective: 'Loans, coaching and a desk', version: res.body.version })
        .expect(200);
      expect((await f.mentee().post(`/action-plans/${submitted.id}/submit`).expect(200)).body).toMatchObject({
        state: 'submitted',
        revisionCount: 2,
      });
    });

    it('returns a resubmission to "changes requested", the mentor’s review still there', async () => {
      const sentBack = await f.changesRequested();
      const again = await f.step(sentBack, 'mentee', 'submit');
      const res = await f.mentee().post(`/action-plans/${again.id}/withdraw`, { version: again.version }).expect(200);
      expect(res.body).toMatchObject({
        state: 'changes-requested',
        revisionCount: 2,
        latestReview: { verdict: 'request-changes', revision: 1 },
      });
    });

    it('is the mentee’s alone, and only before the review', async () => {
      const submitted = await f.submitted();
      for (const who of ['mentor', 'expert', 'coordinator', 'admin'] as const) {
        await f.as(who).post(`/action-plans/${submitted.id}/withdraw`).expect(403);
      }
      await f.as('otherCity').post(`/action-plans/${submitted.id}/withdraw`).expect(404);
      const reviewed = await f.step(submitted, 'mentor', 'reviews', { verdict: 'approve', summary: 'Go ahead' });
      const late = await f.mentee().post(`/action-plans/${reviewed.id}/withdraw`).expect(409);
      expect(late.body).toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
        details: { state: 'approved', action: 'withdraw' },
      });
    });

    it('refuses a withdrawal made against a stale version (the mentor reviewed meanwhile)', async () => {
      const submitted = await f.submitted();
      await f.step(submitted, 'mentor', 'reviews', { verdict: 'request-changes', summary: 'More' });
      const res = await f
        .mentee()
        .post(`/action-plans/${submitted.id}/withdraw`, { version: submitted.version })
        .expect(409);
      expect(res.body.code).toBe('STALE_VERSION');
    });
  });
});
