/**
 * A plan started from gaps, as the mentee lives it (issue 14): the plan keeps the gaps of the sections
 * chosen, each milestone says which of them it addresses, and the plan says which none addresses yet.
 */
import { startApp, type TestApp } from '../support/app';
import { planFixtures, type Mentoring } from './plan-fixtures';

const Q1 = 'access-to-finance.q1';
const Q2 = 'access-to-finance.q2';
const Q3 = 'access-to-finance.q3';

describe('the gaps a milestone addresses', () => {
  let t: TestApp;
  let m: Mentoring;
  let f: ReturnType<typeof planFixtures>;
  let assessmentId: string;
  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    f = planFixtures(t, m);
    // The mentee city's baseline: q1 rated 0 and q2 1 (gaps), q3 2 (met).
    assessmentId = (await f.assessment({ [Q1]: 0, [Q2]: 1, [Q3]: 2 })).id;
  });
  afterAll(() => t.close());

  /** A draft of the access-to-finance section started from the baseline: its gaps are q1 and q2. */
  async function fromGaps() {
    const plan = await f.draft({
      fromAssessmentId: assessmentId,
      objective: 'Small loans for founders the banks turn away',
    });
    expect(plan).toMatchObject({ gapQuestionCodes: [Q1, Q2], sourceAssessmentId: assessmentId });
    return plan as typeof plan & { gapQuestionCodes: string[] };
  }

  it('links a milestone to gaps of its plan, and the plan says which gaps no milestone addresses yet', async () => {
    const plan = await fromGaps();
    const before = await f.mentor().get(`/action-plans/${plan.id}`).expect(200);
    expect(before.body.uncoveredGapQuestionCodes).toEqual([Q1, Q2]);

    const desk = await f
      .mentee()
      .post(`/action-plans/${plan.id}/milestones`, {
        title: 'Lenders met',
        dueDate: '2030-03-31',
        gapQuestionCodes: [Q2, Q2],
      })
      .expect(201);
    expect(desk.body.gapQuestionCodes).toEqual([Q2]);
    const plain = await f
      .mentee()
      .post(`/action-plans/${plan.id}/milestones`, { title: 'Desk opens', dueDate: '2030-06-30' })
      .expect(201);
    expect(plain.body.gapQuestionCodes).toEqual([]);

    const seen = await f.mentor().get(`/action-plans/${plan.id}`).expect(200);
    expect(seen.body.uncoveredGapQuestionCodes).toEqual([Q1]);
    expect(
      seen.body.milestones.map((x: { title: string; gapQuestionCodes: string[] }) => [x.title, x.gapQuestionCodes]),
    ).toEqual([
      ['Lenders met', [Q2]],
      ['Desk opens', []],
    ]);

    await f
      .mentee()
      .patch(`/milestones/${plain.body.id}`, { gapQuestionCodes: [Q1], version: 1 })
      .expect(200);
    expect((await f.mentee().get(`/action-plans/${plan.id}`).expect(200)).body.uncoveredGapQuestionCodes).toEqual([]);
    const cleared = await f
      .mentee()
      .patch(`/milestones/${plain.body.id}`, { gapQuestionCodes: [], version: 2 })
      .expect(200);
    expect(cleared.body).toMatchObject({ gapQuestionCodes: [], version: 3 });
  });

  it('refuses a gap the plan does not close, and null, naming gapQuestionCodes; nothing is saved', async () => {
    const plan = await fromGaps();
    const stray = await f
      .mentee()
      .post(`/action-plans/${plan.id}/milestones`, {
        title: 'Guarantee fund',
        dueDate: '2030-03-31',
        gapQuestionCodes: [Q1, Q3],
      })
      .expect(400);
    expect(stray.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'gapQuestionCodes', message: expect.stringContaining(Q3) }],
    });
    const nulled = await f
      .mentee()
      .post(`/action-plans/${plan.id}/milestones`, {
        title: 'Guarantee fund',
        dueDate: '2030-03-31',
        gapQuestionCodes: null,
      })
      .expect(400);
    expect(nulled.body.details).toEqual([{ path: 'gapQuestionCodes', message: expect.any(String) }]);
    expect((await f.mentee().get(`/action-plans/${plan.id}`).expect(200)).body.milestones).toEqual([]);

    const ms = await f.milestone(plan.id, { gapQuestionCodes: [Q1] });
    const patched = await f
      .mentee()
      .patch(`/milestones/${ms.id}`, { gapQuestionCodes: [Q3], version: 1 })
      .expect(400);
    expect(patched.body.details).toEqual([{ path: 'gapQuestionCodes', message: expect.stringContaining(Q3) }]);
    await f.mentee().patch(`/milestones/${ms.id}`, { gapQuestionCodes: null, version: 1 }).expect(400);
    expect((await f.mentee().get(`/milestones/${ms.id}`).expect(200)).body).toMatchObject({
      gapQuestionCodes: [Q1],
      version: 1,
    });
  });

  it('forgets the gaps the plan no longer names when the plan’s gaps are narrowed', async () => {
    const plan = await fromGaps();
    const ms = await f.milestone(plan.id, { gapQuestionCodes: [Q1, Q2] });
    await f
      .mentee()
      .patch(`/action-plans/${plan.id}`, { gapQuestionCodes: [Q2], version: 1 })
      .expect(200);
    const now = await f.mentee().get(`/milestones/${ms.id}`).expect(200);
    expect(now.body.gapQuestionCodes).toEqual([Q2]);
  });

  it('records the links in the revision; once approved, a new milestone may name gaps but a reviewed one keeps its own', async () => {
    const plan = await fromGaps();
    const ms = await f.milestone(plan.id, { owner: 'Business office', gapQuestionCodes: [Q1] });
    await f.step(plan, 'mentee', 'submit');
    const revision = await f.mentor().get(`/action-plans/${plan.id}/revisions/1`).expect(200);
    expect(revision.body.snapshot.milestones).toEqual([expect.objectContaining({ id: ms.id, gapQuestionCodes: [Q1] })]);
    await f.step(plan, 'mentor', 'reviews', { verdict: 'approve', summary: 'Go ahead' });

    const refused = await f
      .mentee()
      .patch(`/milestones/${ms.id}`, { gapQuestionCodes: [Q1, Q2], version: 1 })
      .expect(409);
    expect(refused.body.code).toBe('TRANSITION_NOT_ALLOWED');
    const added = await f
      .mentee()
      .post(`/action-plans/${plan.id}/milestones`, {
        title: 'Second lender',
        dueDate: '2030-09-30',
        gapQuestionCodes: [Q2],
      })
      .expect(201);
    expect(added.body.gapQuestionCodes).toEqual([Q2]);
    expect((await f.mentor().get(`/action-plans/${plan.id}`).expect(200)).body.uncoveredGapQuestionCodes).toEqual([]);
  });
});
