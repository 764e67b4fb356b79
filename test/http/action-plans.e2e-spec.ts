import { EventRecord } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';
import { countRows, planFixtures, type Mentoring } from './plan-fixtures';

describe('action plans: from gaps to a completed plan', () => {
  let t: TestApp;
  let m: Mentoring;
  let f: ReturnType<typeof planFixtures>;
  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    f = planFixtures(t, m);
  });
  afterAll(() => t.close());

  it('takes a plan from the gaps of an assessment through review, revision, approval and progress to completion', async () => {
    const { mentee, mentor } = f;
    // The mentee city rated itself: two gaps in access to finance, one elsewhere.
    const assessment = await f.assessment({
      'access-to-finance.q1': 0,
      'access-to-finance.q2': 1,
      'access-to-finance.q3': 2,
      'access-to-finance.q4': null,
      'networking.q1': 0,
    });

    // 1. Start from gaps: the gap questions are pre-filled and the toolkit's examples come back.
    const created = await mentee()
      .post(`/pairs/${m.pair.id}/action-plans`, {
        sectionCodes: ['access-to-finance'],
        title: 'Microcredit for migrant founders',
        objective: 'Small loans for founders the banks turn away',
        fromAssessmentId: assessment.id,
      })
      .expect(201);
    expect(created.body).toMatchObject({
      state: 'draft',
      version: 1,
      revisionCount: 0,
      pairId: m.pair.id,
      programmeId: m.programme.id,
      gapQuestionCodes: ['access-to-finance.q1', 'access-to-finance.q2'],
      sourceAssessmentId: assessment.id,
      mySide: 'mentee',
      allowedActions: ['submit', 'archive'],
      editable: true,
      milestones: [],
      latestReview: null,
    });
    expect(created.body.examples.map((e: { city: string; sectionCode: string }) => [e.sectionCode, e.city])).toEqual([
      ['access-to-finance', 'Utrecht'],
      ['access-to-finance', 'Helsinki'],
    ]);
    const planId: string = created.body.id;

    // 2. Milestones: one already overdue.
    const desk = await f.milestone(planId, {
      title: 'Microcredit desk opens',
      dueDate: '2030-03-31',
      owner: 'Business services',
    });
    const survey = await f.milestone(planId, { title: 'Survey of founders', dueDate: '2020-01-15' });
    expect(survey).toMatchObject({ late: true, status: 'planned', version: 1, latestProgress: null });

    // 3. Submit: revision 1.
    const submitted = await mentee().post(`/action-plans/${planId}/submit`).expect(200);
    expect(submitted.body).toMatchObject({
      state: 'submitted',
      revisionCount: 1,
      allowedActions: ['withdraw', 'archive'],
      editable: false,
    });
    const seen = await mentor().get(`/action-plans/${planId}`).expect(200);
    expect(seen.body).toMatchObject({
      mySide: 'mentor',
      allowedActions: ['approve', 'request-changes'],
      editable: false,
    });

    // 4. The mentor sends it back.
    const sentBack = await mentor()
      .post(`/action-plans/${planId}/reviews`, { verdict: 'request-changes', summary: 'Name the lenders' })
      .expect(201);
    expect(sentBack.body).toMatchObject({
      state: 'changes-requested',
      latestReview: {
        verdict: 'request-changes',
        summary: 'Name the lenders',
        revision: 1,
        reviewerId: m.people.mentor.user.id,
        reviewerName: m.people.mentor.user.name,
        overrodeOpenThreads: false,
      },
    });

    // 5. The mentee revises the plan and a milestone, adds one, and resubmits.
    const edited = await mentee()
      .patch(`/action-plans/${planId}`, {
        title: 'Microcredit with two local lenders',
        activities: ['Agree terms with the lenders'],
        version: sentBack.body.version,
      })
      .expect(200);
    expect(edited.body).toMatchObject({
      title: 'Microcredit with two local lenders',
      version: sentBack.body.version + 1,
    });
    await mentee().patch(`/milestones/${desk.id}`, { dueDate: '2030-05-31', version: 1 }).expect(200);
    const lenders = await f.milestone(planId, { title: 'Lenders signed', dueDate: '2030-02-28' });
    await mentee().post(`/action-plans/${planId}/submit`, { version: edited.body.version }).expect(200);

    // 6. What changed since the mentor's last review: exactly these.
    const diff = await mentor().get(`/action-plans/${planId}/diff`).expect(200);
    expect(diff.body).toEqual({
      from: 1,
      to: 2,
      yourReview: { revision: 1, reviewedAt: expect.any(String) },
      viewed: [],
      fields: [
        expect.objectContaining({
          field: 'title',
          before: 'Microcredit for migrant founders',
          after: 'Microcredit with two local lenders',
        }),
        {
          field: 'activities',
          kind: 'list',
          before: [],
          after: ['Agree terms with the lenders'],
          words: [],
          items: [
            {
              change: 'added',
              before: null,
              after: 'Agree terms with the lenders',
              beforeIndex: null,
              afterIndex: 0,
              words: [{ op: 'added', text: 'Agree terms with the lenders' }],
            },
          ],
        },
      ],
      milestones: [
        expect.objectContaining({ milestoneId: lenders.id, title: 'Lenders signed', change: 'added' }),
        {
          milestoneId: desk.id,
          title: 'Microcredit desk opens',
          change: 'changed',
          fields: [
            { field: 'dueDate', kind: 'value', before: '2030-03-31', after: '2030-05-31', words: [], items: [] },
          ],
        },
      ],
    });

    // 7. Approval waits for the open review thread, unless the mentor overrides.
    await f.rootComment(planId);
    const blocked = await mentor()
      .post(`/action-plans/${planId}/reviews`, { verdict: 'approve', summary: 'Good' })
      .expect(409);
    expect(blocked.body).toMatchObject({ code: 'CONFLICT', details: { openThreads: 1 } });
    expect(blocked.body.message).toMatch(/1 review thread is still open/);
    expect((await mentor().get(`/action-plans/${planId}`)).body).toMatchObject({
      state: 'submitted',
      openThreadCount: 1,
      commentCount: 1,
    });
    const approved = await mentor()
      .post(`/action-plans/${planId}/reviews`, { verdict: 'approve', summary: 'Good', overrideOpenThreads: true })
      .expect(201);
    expect(approved.body).toMatchObject({
      state: 'approved',
      latestReview: { verdict: 'approve', revision: 2, overrodeOpenThreads: true },
    });

    const revisions = await f.as('expert').get(`/action-plans/${planId}/revisions`).expect(200);
    expect(revisions.body).toEqual([
      expect.objectContaining({
        number: 1,
        submittedById: m.people.mentee.user.id,
        submittedByName: m.people.mentee.user.name,
        review: expect.objectContaining({ verdict: 'request-changes' }),
      }),
      expect.objectContaining({
        number: 2,
        review: expect.objectContaining({ verdict: 'approve', reviewerName: m.people.mentor.user.name }),
      }),
    ]);
    const revision1 = await mentor().get(`/action-plans/${planId}/revisions/1`).expect(200);
    expect(revision1.body.snapshot).toMatchObject({
      title: 'Microcredit for migrant founders',
      milestones: [{ title: 'Survey of founders' }, { title: 'Microcredit desk opens' }],
    });

    // 8. Progress: the first entry starts the plan; the milestone follows the entry's status.
    const progress = await mentee()
      .post(`/milestones/${survey.id}/progress`, {
        percent: 40,
        status: 'in-progress',
        note: 'Half the interviews done',
        evidenceUrls: ['https://example.eu/interviews.pdf'],
      })
      .expect(201);
    expect(progress.body).toMatchObject({
      percent: 40,
      status: 'in-progress',
      milestoneStatus: 'in-progress',
      milestoneVersion: 2,
      planState: 'in-progress',
      authorName: m.people.mentee.user.name,
    });
    await mentee()
      .post(`/milestones/${survey.id}/progress`, { percent: 100, status: 'done', note: 'All done' })
      .expect(201);

    const running = await f.as('coordinator').get(`/action-plans/${planId}`).expect(200);
    expect(running.body.state).toBe('in-progress');
    expect(
      running.body.milestones.map(
        (x: { title: string; status: string; late: boolean; latestProgress: { percent: number } | null }) => [
          x.title,
          x.status,
          x.late,
          x.latestProgress?.percent ?? null,
        ],
      ),
    ).toEqual([
      ['Survey of founders', 'done', false, 100],
      ['Lenders signed', 'planned', false, null],
      ['Microcredit desk opens', 'planned', false, null],
    ]);

    // 9. Completed.
    const done = await mentee().post(`/action-plans/${planId}/complete`).expect(200);
    expect(done.body).toMatchObject({ state: 'completed', allowedActions: ['archive'] });

    // Every step was announced in the plan's room and in the pair's room.
    const events = await t.orm.em.fork().find(EventRecord, { room: `plan:${planId}` }, { orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.type)).toEqual([
      'plan.updated',
      'milestone.created',
      'milestone.created',
      'plan.submitted',
      'plan.reviewed',
      'plan.updated',
      'milestone.updated',
      'milestone.created',
      'plan.submitted',
      'plan.reviewed',
      'progress.logged',
      'milestone.updated',
      'plan.updated',
      'progress.logged',
      'milestone.updated',
      'plan.updated',
    ]);
    const pairEvents = await t.orm.em
      .fork()
      .find(EventRecord, { room: `pair:${m.pair.id}` }, { orderBy: { seq: 'asc' } });
    expect(pairEvents.filter((e) => (e.payload as { planId: string }).planId === planId).map((e) => e.type)).toEqual(
      events.map((e) => e.type),
    );
    expect(events.every((e) => e.programmeId === m.programme.id)).toBe(true);
    expect(events.find((e) => e.type === 'plan.reviewed')!.payload).toMatchObject({
      planId,
      pairId: m.pair.id,
      verdict: 'request-changes',
      revision: 1,
    });
  });

  it('lists the plans of a pair with milestone counts by status and how many are late', async () => {
    const plan = await f.draft({ title: 'Counted plan' });
    await f.milestone(plan.id, { dueDate: '2020-01-01' });
    await f.milestone(plan.id, { dueDate: '2020-01-01', status: 'done' });
    await f.milestone(plan.id, { status: 'blocked' });
    const list = await f.as('expert').get(`/pairs/${m.pair.id}/action-plans`).expect(200);
    expect(list.body.find((p: { id: string }) => p.id === plan.id)).toMatchObject({
      title: 'Counted plan',
      state: 'draft',
      version: 1,
      sectionCodes: ['access-to-finance'],
      milestoneCounts: { total: 3, planned: 1, inProgress: 0, done: 1, blocked: 1, late: 1 },
    });
    // The other pair's plans are not in it.
    const others = await f.as('otherCity').get(`/pairs/${m.otherPair.id}/action-plans`).expect(200);
    expect(others.body).toEqual([]);
  });

  describe('creating and editing', () => {
    it('refuses sections outside the benchmark or the pair focus, and gaps outside the sections, naming the field', async () => {
      const post = (pairId: string, body: object) =>
        f.mentee().post(`/pairs/${pairId}/action-plans`, { title: 'T', ...body });
      const unknown = await post(m.pair.id, { sectionCodes: ['access-to-finance', 'space-travel'] }).expect(400);
      expect(unknown.body.details).toEqual([
        { path: 'sectionCodes', message: expect.stringContaining('space-travel') },
      ]);
      const gaps = await post(m.pair.id, {
        sectionCodes: ['access-to-finance'],
        gapQuestionCodes: ['networking.q1'],
      }).expect(400);
      expect(gaps.body.details).toEqual([
        { path: 'gapQuestionCodes', message: expect.stringContaining('networking.q1') },
      ]);

      const focused = await t.given.pair(m.programme, m.mentorCity, m.menteeCity, ['strategy', 'networking']);
      const outside = await post(focused.id, { sectionCodes: ['access-to-finance'] }).expect(400);
      expect(outside.body.details).toEqual([{ path: 'sectionCodes', message: expect.stringContaining('focus') }]);
      await post(focused.id, { sectionCodes: ['networking'] }).expect(201);
    });

    it("starts only from an assessment of the mentee city on the pair's benchmark", async () => {
      const mentorsOwn = await f.assessment({ 'strategy.q1': 0 }, { organisation: m.mentorCity });
      const res = await f
        .mentee()
        .post(`/pairs/${m.pair.id}/action-plans`, {
          title: 'T',
          sectionCodes: ['strategy'],
          fromAssessmentId: mentorsOwn.id,
        })
        .expect(400);
      expect(res.body.details).toEqual([{ path: 'fromAssessmentId', message: expect.any(String) }]);
      // Given gaps win over the assessment's.
      const followUp = await f.assessment({ 'strategy.q1': 0, 'strategy.q2': 1 }, { phase: 'follow-up' });
      const own = await f
        .mentee()
        .post(`/pairs/${m.pair.id}/action-plans`, {
          title: 'T',
          sectionCodes: ['strategy'],
          fromAssessmentId: followUp.id,
          gapQuestionCodes: ['strategy.q6'],
        })
        .expect(201);
      expect(own.body.gapQuestionCodes).toEqual(['strategy.q6']);
      expect(own.body.examples.map((e: { city: string }) => e.city)).toEqual(['Helsinki', 'Dublin', 'Tampere']);
    });

    it('refuses new plans and edits once the pair has ended, but still lets the plan be archived', async () => {
      const ended = await t.given.pair(m.programme, m.mentorCity, m.menteeCity);
      const plan = (
        await f
          .mentee()
          .post(`/pairs/${ended.id}/action-plans`, { title: 'T', sectionCodes: ['strategy'] })
          .expect(201)
      ).body;
      await t.orm.em
        .fork()
        .getConnection()
        .execute(`update pairs set status = 'ended', ended_at = now() where id = ?`, [ended.id]);
      await f
        .mentee()
        .post(`/pairs/${ended.id}/action-plans`, { title: 'T', sectionCodes: ['strategy'] })
        .expect(409);
      await f.mentee().patch(`/action-plans/${plan.id}`, { title: 'Later', version: 1 }).expect(409);
      const read = await f.mentee().get(`/action-plans/${plan.id}`).expect(200);
      expect(read.body).toMatchObject({ allowedActions: ['archive'], editable: false });
      await f.mentee().post(`/action-plans/${plan.id}/archive`).expect(200);
    });

    it('refuses a stale version with the current one, and edits outside draft or changes-requested, naming what is allowed', async () => {
      const plan = await f.draft();
      await f.mentee().patch(`/action-plans/${plan.id}`, { objective: 'First', version: 1 }).expect(200);
      const stale = await f.mentee().patch(`/action-plans/${plan.id}`, { objective: 'Second', version: 1 }).expect(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });
      expect((await f.mentee().get(`/action-plans/${plan.id}`)).body.objective).toBe('First');

      await f.milestone(plan.id, { owner: 'Business office' });
      const submitted = await f.step({ ...plan, version: 2 }, 'mentee', 'submit');
      const locked = await f
        .mentee()
        .patch(`/action-plans/${plan.id}`, { objective: 'Sneaky', version: submitted.version })
        .expect(409);
      expect(locked.body).toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
        details: { state: 'submitted', allowed: ['withdraw', 'approve', 'request-changes', 'archive'] },
      });
    });

    it('drops gaps that fall outside narrowed sections', async () => {
      const plan = await f.draft({
        sectionCodes: ['access-to-finance', 'networking'],
        gapQuestionCodes: ['access-to-finance.q1', 'networking.q2'],
      });
      const res = await f
        .mentee()
        .patch(`/action-plans/${plan.id}`, { sectionCodes: ['networking'], version: 1 })
        .expect(200);
      expect(res.body).toMatchObject({ sectionCodes: ['networking'], gapQuestionCodes: ['networking.q2'] });
    });
  });

  describe('retries and races', () => {
    it('creates one plan for 20 simultaneous POSTs with one Idempotency-Key, and refuses the key with another body', async () => {
      const body = { sectionCodes: ['networking'], title: `Idempotent ${Date.now()}` };
      const key = `create-plan-${Date.now()}`;
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          f.mentee().post(`/pairs/${m.pair.id}/action-plans`, body).set('Idempotency-Key', key),
        ),
      );
      for (const r of results) expect([200, 201, 409]).toContain(r.status);
      const ids = new Set(results.filter((r) => r.status < 300).map((r) => r.body.id));
      expect(ids.size).toBe(1);
      expect(await countRows(t, 'action_plans', 'title = ?', [body.title])).toBe(1);
      const again = await f
        .mentee()
        .post(`/pairs/${m.pair.id}/action-plans`, body)
        .set('Idempotency-Key', key)
        .expect(201);
      expect(again.body.id).toBe([...ids][0]);
      const other = await f
        .mentee()
        .post(`/pairs/${m.pair.id}/action-plans`, { ...body, title: 'Another' })
        .set('Idempotency-Key', key)
        .expect(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('lets exactly one of two simultaneous reviews win', async () => {
      const plan = await f.submitted();
      const [a, b] = await Promise.all([
        f.mentor().post(`/action-plans/${plan.id}/reviews`, { verdict: 'approve', summary: 'Yes' }),
        f.mentor().post(`/action-plans/${plan.id}/reviews`, { verdict: 'request-changes', summary: 'No' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const winner = a.status === 201 ? a : b;
      expect(await countRows(t, 'plan_reviews', 'plan_id = ?', [plan.id])).toBe(1);
      expect((await f.mentor().get(`/action-plans/${plan.id}`)).body.state).toBe(winner.body.state);
    });

    it('refuses a workflow step sent with a stale version', async () => {
      const plan = await f.draft();
      await f.mentee().patch(`/action-plans/${plan.id}`, { budget: '€20,000', version: 1 }).expect(200);
      const res = await f.mentee().post(`/action-plans/${plan.id}/submit`, { version: 1 }).expect(409);
      expect(res.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });
    });
  });
});
