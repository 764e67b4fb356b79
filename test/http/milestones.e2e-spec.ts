import type { Response } from 'supertest';
import { EventRecord, todayIso } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';
import { statementsDuring } from '../support/count-statements';
import { countRows, planFixtures, type Mentoring } from './plan-fixtures';

describe('milestones and progress', () => {
  let t: TestApp;
  let m: Mentoring;
  let f: ReturnType<typeof planFixtures>;
  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    f = planFixtures(t, m);
  });
  afterAll(() => t.close());

  it('derives late from the due date (UTC) and the status', async () => {
    const plan = await f.draft();
    const past = await f.milestone(plan.id, { dueDate: '2021-04-01' });
    const today = await f.milestone(plan.id, { dueDate: todayIso() });
    const pastDone = await f.milestone(plan.id, { dueDate: '2021-04-01', status: 'done' });
    expect([past.late, today.late, pastDone.late]).toEqual([true, false, false]);
    const done = await f.mentee().patch(`/milestones/${past.id}`, { status: 'done', version: 1 }).expect(200);
    expect(done.body).toMatchObject({ late: false, status: 'done', version: 2 });
  });

  it('announces milestone changes in the plan and pair rooms', async () => {
    const plan = await f.draft();
    const ms = await f.milestone(plan.id, { title: 'Announced' });
    await f.mentee().patch(`/milestones/${ms.id}`, { owner: 'Economic development office', version: 1 }).expect(200);
    const events = await t.orm.em
      .fork()
      .find(
        EventRecord,
        { type: { $like: 'milestone.%' }, room: { $in: [`plan:${plan.id}`, `pair:${m.pair.id}`] } },
        { orderBy: { seq: 'asc' } },
      );
    const mine = events.filter((e) => (e.payload as { milestoneId: string }).milestoneId === ms.id);
    expect(mine.map((e) => [e.type, e.room.split(':')[0], (e.payload as { version: number }).version])).toEqual([
      ['milestone.created', 'plan', 1],
      ['milestone.created', 'pair', 1],
      ['milestone.updated', 'plan', 2],
      ['milestone.updated', 'pair', 2],
    ]);
    expect(mine[2].payload).toMatchObject({
      planId: plan.id,
      pairId: m.pair.id,
      programmeId: m.programme.id,
      owner: 'Economic development office',
    });
    expect(mine.every((e) => e.actorId === m.people.mentee.user.id)).toBe(true);
  });

  it('lets exactly one of 50 simultaneous edits with the same version win, and keeps the winner', async () => {
    const plan = await f.draft();
    const ms = await f.milestone(plan.id);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        f.mentee().patch(`/milestones/${ms.id}`, { title: `Title ${i}`, version: 1 }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const loser of results.filter((r) => r.status === 409))
      expect(loser.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });
    const winner = results.find((r) => r.status === 200)!;
    const now = await f.mentor().get(`/milestones/${ms.id}`).expect(200);
    expect(now.body).toMatchObject({ title: winner.body.title, version: 2 });
    expect(await countRows(t, 'events', `type = 'milestone.updated' and payload->>'milestoneId' = ?`, [ms.id])).toBe(2);
  });

  describe('what the plan state allows', () => {
    it('takes new milestones while drafting, revising, approved or running, not while submitted or done', async () => {
      for (const build of [f.draft, f.changesRequested, f.approved, f.inProgress])
        await f.milestone((await build()).id);
      for (const build of [f.submitted, f.completed, f.archived]) {
        const res = await f
          .mentee()
          .post(`/action-plans/${(await build()).id}/milestones`, { title: 'Late idea', dueDate: '2030-01-01' })
          .expect(409);
        expect(res.body).toMatchObject({
          code: 'TRANSITION_NOT_ALLOWED',
          details: {
            action: 'add-milestone',
            allowedStates: ['draft', 'changes-requested', 'approved', 'in-progress'],
          },
        });
      }
    });

    it('changes only the status of a milestone of an approved plan; nothing of a submitted one', async () => {
      const approved = await f.draft({ objective: 'Small loans for founders' });
      const ms = await f.milestone(approved.id, { owner: 'Business office' });
      const submitted = await f.step(approved, 'mentee', 'submit');
      const frozen = await f.mentee().patch(`/milestones/${ms.id}`, { status: 'blocked', version: 1 }).expect(409);
      expect(frozen.body).toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
        details: { state: 'submitted', allowed: ['withdraw', 'approve', 'request-changes', 'archive'] },
      });
      await f.step(submitted, 'mentor', 'reviews', { verdict: 'approve', summary: 'ok' });

      const text = await f
        .mentee()
        .patch(`/milestones/${ms.id}`, { title: 'Rewritten', status: 'blocked', version: 1 })
        .expect(409);
      expect(text.body).toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
        details: { action: 'edit-milestone', allowedStates: ['draft', 'changes-requested'] },
      });
      const status = await f.mentee().patch(`/milestones/${ms.id}`, { status: 'blocked', version: 1 }).expect(200);
      expect(status.body).toMatchObject({ status: 'blocked', version: 2, planState: 'approved' });
    });
  });

  describe('progress', () => {
    it('is logged only on an approved or running plan', async () => {
      const plan = await f.draft();
      const ms = await f.milestone(plan.id);
      const res = await f
        .mentee()
        .post(`/milestones/${ms.id}/progress`, { percent: 10, status: 'in-progress' })
        .expect(409);
      expect(res.body).toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
        details: { action: 'log-progress', allowedStates: ['approved', 'in-progress'] },
      });
      expect(await countRows(t, 'progress_entries', 'milestone_id = ?', [ms.id])).toBe(0);
    });

    it('moves the milestone to the entry status and on to a new version, lists entries newest first, and announces them', async () => {
      const draft = await f.draft({ objective: 'Small loans for founders' });
      const ms = await f.milestone(draft.id, { title: 'Pilot loans', owner: 'Business office' });
      const plan = await f.step(await f.step(draft, 'mentee', 'submit'), 'mentor', 'reviews', {
        verdict: 'approve',
        summary: 'ok',
      });

      const first = await f
        .mentee()
        .post(`/milestones/${ms.id}/progress`, { percent: 20, status: 'in-progress', note: 'First loans' })
        .expect(201);
      expect(first.body).toMatchObject({
        milestoneStatus: 'in-progress',
        milestoneVersion: 2,
        planState: 'in-progress',
        evidenceUrls: [],
        commentCount: 0,
      });
      // The same status again still moves the version on: an edit made before it is stale.
      const second = await f
        .mentee()
        .post(`/milestones/${ms.id}/progress`, {
          percent: 50,
          status: 'in-progress',
          evidenceUrls: ['http://example.eu/a'],
        })
        .expect(201);
      expect(second.body).toMatchObject({ milestoneVersion: 3, planState: 'in-progress' });
      await f.mentee().patch(`/milestones/${ms.id}`, { status: 'blocked', version: 2 }).expect(409);

      const list = await f.as('expert').get(`/milestones/${ms.id}/progress`).expect(200);
      expect(list.body.map((e: { percent: number }) => e.percent)).toEqual([50, 20]);
      const detail = await f.mentor().get(`/milestones/${ms.id}`).expect(200);
      expect(detail.body).toMatchObject({
        status: 'in-progress',
        version: 3,
        latestProgress: { percent: 50, status: 'in-progress' },
        planState: 'in-progress',
        pairId: m.pair.id,
      });
      expect(detail.body.progress.map((e: { id: string }) => e.id)).toEqual([second.body.id, first.body.id]);

      const events = await t.orm.em
        .fork()
        .find(
          EventRecord,
          { room: `plan:${plan.id}`, type: { $in: ['progress.logged', 'plan.updated'] } },
          { orderBy: { seq: 'asc' } },
        );
      expect(events.map((e) => e.type)).toEqual(['plan.updated', 'progress.logged', 'plan.updated', 'progress.logged']);
      expect(events[1].payload).toMatchObject({
        milestoneId: ms.id,
        progressId: first.body.id,
        percent: 20,
        status: 'in-progress',
        note: 'First loans',
      });
      expect(events[2].payload).toMatchObject({ state: 'in-progress' });
    });

    it('refuses done below 100 percent, naming percent', async () => {
      const plan = await f.approved();
      const ms = await f.milestone(plan.id);
      const res = await f.mentee().post(`/milestones/${ms.id}/progress`, { percent: 90, status: 'done' }).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ path: 'percent' })]);
      expect((await f.mentee().get(`/action-plans/${plan.id}`)).body.state).toBe('approved');
    });
  });

  it('serves the plan page in three lean queries after sign-in, with comment counts per target and open threads', async () => {
    const plan = await f.approved();
    const ms = await f.milestone(plan.id, { title: 'Counted' });
    const entry = (
      await f.mentee().post(`/milestones/${ms.id}/progress`, { percent: 10, status: 'in-progress' }).expect(201)
    ).body;
    const resolved = await f.rootComment(plan.id, 'mentor', 'Fine now');
    const deleted = await f.rootComment(plan.id, 'mentor', 'Oops');
    await f.rootComment(plan.id, 'expert', 'Still open');
    await f.rootComment(plan.id, 'mentor', 'On the milestone', { type: 'milestone', id: ms.id });
    const onProgress = await f.rootComment(plan.id, 'mentor', 'On the entry', { type: 'progress', id: entry.id });
    const em = t.orm.em.fork();
    await em
      .getConnection()
      .execute(`update comments set resolved_at = now() where id in (?, ?)`, [resolved.id, onProgress.id]);
    await em.getConnection().execute(`update comments set deleted_at = now(), body = '' where id = ?`, [deleted.id]);

    let page!: Pick<Response, 'body'>;
    const queries = (
      await statementsDuring(t.orm, async () => {
        page = await f.mentor().get(`/action-plans/${plan.id}`).expect(200);
      })
    ).length;
    // The actor (sign-in), the pair scope, the plan row, the milestones.
    expect(queries).toBeGreaterThanOrEqual(3);
    expect(queries).toBeLessThanOrEqual(4);

    expect(page.body).toMatchObject({ commentCount: 2, openThreadCount: 2 });
    expect(page.body.commentCounts).toEqual(
      expect.arrayContaining([
        { targetType: 'plan', targetId: plan.id, count: 2 },
        { targetType: 'milestone', targetId: ms.id, count: 1 },
        { targetType: 'progress', targetId: entry.id, count: 1 },
      ]),
    );
    expect(page.body.milestones.find((x: { id: string }) => x.id === ms.id)).toMatchObject({
      commentCount: 1,
      latestProgress: { percent: 10 },
    });
    expect((await f.mentor().get(`/milestones/${ms.id}/progress`)).body[0]).toMatchObject({
      id: entry.id,
      commentCount: 1,
    });
  });
});
