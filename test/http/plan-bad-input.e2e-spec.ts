import { startApp, type TestApp } from '../support/app';
import { countRows, planFixtures } from './plan-fixtures';

interface Ids {
  pair: string;
  draft: string;
  submitted: string;
  milestone: string;
  approvedMilestone: string;
}
type Case = [name: string, method: 'post' | 'patch', path: (ids: Ids) => string, body: unknown, field: string];

const huge = 'x'.repeat(100_000);
const TABLES = ['action_plans', 'milestones', 'progress_entries', 'plan_revisions', 'plan_reviews', 'events'];

/** Malformed requests on every writing route of plans, milestones and progress: 400 naming the field, never a 5xx, nothing written. */
const CASES: Case[] = [
  ['plan: no sections', 'post', (i) => `/pairs/${i.pair}/action-plans`, { title: 'T' }, 'sectionCodes'],
  [
    'plan: empty sections',
    'post',
    (i) => `/pairs/${i.pair}/action-plans`,
    { title: 'T', sectionCodes: [] },
    'sectionCodes',
  ],
  [
    'plan: sections a string',
    'post',
    (i) => `/pairs/${i.pair}/action-plans`,
    { title: 'T', sectionCodes: 'strategy' },
    'sectionCodes',
  ],
  [
    'plan: section a number',
    'post',
    (i) => `/pairs/${i.pair}/action-plans`,
    { title: 'T', sectionCodes: [7] },
    'sectionCodes',
  ],
  [
    'plan: title a number',
    'post',
    (i) => `/pairs/${i.pair}/action-plans`,
    { title: 5, sectionCodes: ['strategy'] },
    'title',
  ],
  [
    'plan: huge title',
    'post',
    (i) => `/pairs/${i.pair}/action-plans`,
    { title: huge, sectionCodes: ['strategy'] },
    'title',
  ],
  [
    'plan: huge objective',
    'post',
    (i) => `/pairs/${i.pair}/action-plans`,
    { title: 'T', sectionCodes: ['strategy'], objective: huge },
    'objective',
  ],
  [
    'plan: null activities (null clears only the free text)',
    'post',
    (i) => `/pairs/${i.pair}/action-plans`,
    { title: 'T', sectionCodes: ['strategy'], activities: null },
    'activities',
  ],
  [
    'plan: empty activity',
    'post',
    (i) => `/pairs/${i.pair}/action-plans`,
    { title: 'T', sectionCodes: ['strategy'], activities: [''] },
    'activities',
  ],
  [
    'plan: indicators an object',
    'post',
    (i) => `/pairs/${i.pair}/action-plans`,
    { title: 'T', sectionCodes: ['strategy'], indicators: { a: 1 } },
    'indicators',
  ],
  [
    'plan: bad assessment id',
    'post',
    (i) => `/pairs/${i.pair}/action-plans`,
    { title: 'T', sectionCodes: ['strategy'], fromAssessmentId: 'abc' },
    'fromAssessmentId',
  ],
  [
    'plan: unknown field',
    'post',
    (i) => `/pairs/${i.pair}/action-plans`,
    { title: 'T', sectionCodes: ['strategy'], state: 'approved' },
    'state',
  ],
  [
    'plan: unknown section',
    'post',
    (i) => `/pairs/${i.pair}/action-plans`,
    { title: 'T', sectionCodes: ['nope'] },
    'sectionCodes',
  ],
  ['plan: bad pair id', 'post', () => `/pairs/12345/action-plans`, { title: 'T', sectionCodes: ['strategy'] }, 'id'],
  ['plan edit: no version', 'patch', (i) => `/action-plans/${i.draft}`, { title: 'T' }, 'version'],
  ['plan edit: version a string', 'patch', (i) => `/action-plans/${i.draft}`, { title: 'T', version: '1' }, 'version'],
  ['plan edit: version 0', 'patch', (i) => `/action-plans/${i.draft}`, { version: 0 }, 'version'],
  ['plan edit: empty title', 'patch', (i) => `/action-plans/${i.draft}`, { title: '', version: 1 }, 'title'],
  ['plan edit: null title', 'patch', (i) => `/action-plans/${i.draft}`, { title: null, version: 1 }, 'title'],
  [
    'plan edit: empty sections',
    'patch',
    (i) => `/action-plans/${i.draft}`,
    { sectionCodes: [], version: 1 },
    'sectionCodes',
  ],
  [
    'plan edit: gap of another section',
    'patch',
    (i) => `/action-plans/${i.draft}`,
    { gapQuestionCodes: ['strategy.q1'], version: 1 },
    'gapQuestionCodes',
  ],
  [
    'plan edit: unknown field',
    'patch',
    (i) => `/action-plans/${i.draft}`,
    { revisionCount: 9, version: 1 },
    'revisionCount',
  ],
  ['plan edit: bad id', 'patch', () => `/action-plans/not-a-uuid`, { title: 'T', version: 1 }, 'id'],
  ['submit: version a string', 'post', (i) => `/action-plans/${i.draft}/submit`, { version: 'one' }, 'version'],
  ['submit: unknown field', 'post', (i) => `/action-plans/${i.draft}/submit`, { force: true }, 'force'],
  [
    'review: bad verdict',
    'post',
    (i) => `/action-plans/${i.submitted}/reviews`,
    { verdict: 'maybe', summary: 'S' },
    'verdict',
  ],
  ['review: no summary', 'post', (i) => `/action-plans/${i.submitted}/reviews`, { verdict: 'approve' }, 'summary'],
  [
    'review: empty summary',
    'post',
    (i) => `/action-plans/${i.submitted}/reviews`,
    { verdict: 'approve', summary: '' },
    'summary',
  ],
  [
    'review: summary too long',
    'post',
    (i) => `/action-plans/${i.submitted}/reviews`,
    { verdict: 'approve', summary: 'x'.repeat(10_001) },
    'summary',
  ],
  [
    'review: override a string',
    'post',
    (i) => `/action-plans/${i.submitted}/reviews`,
    { verdict: 'approve', summary: 'S', overrideOpenThreads: 'yes' },
    'overrideOpenThreads',
  ],
  [
    'review: unknown field',
    'post',
    (i) => `/action-plans/${i.submitted}/reviews`,
    { verdict: 'approve', summary: 'S', score: 5 },
    'score',
  ],
  ['milestone: no due date', 'post', (i) => `/action-plans/${i.draft}/milestones`, { title: 'M' }, 'dueDate'],
  [
    'milestone: impossible date',
    'post',
    (i) => `/action-plans/${i.draft}/milestones`,
    { title: 'M', dueDate: '2030-02-30' },
    'dueDate',
  ],
  [
    'milestone: date with a time',
    'post',
    (i) => `/action-plans/${i.draft}/milestones`,
    { title: 'M', dueDate: '2030-01-01T00:00:00Z' },
    'dueDate',
  ],
  [
    'milestone: bad status',
    'post',
    (i) => `/action-plans/${i.draft}/milestones`,
    { title: 'M', dueDate: '2030-01-01', status: 'finished' },
    'status',
  ],
  [
    'milestone: huge description',
    'post',
    (i) => `/action-plans/${i.draft}/milestones`,
    { title: 'M', dueDate: '2030-01-01', description: huge },
    'description',
  ],
  [
    'milestone: unknown field',
    'post',
    (i) => `/action-plans/${i.draft}/milestones`,
    { title: 'M', dueDate: '2030-01-01', late: true },
    'late',
  ],
  ['milestone edit: no version', 'patch', (i) => `/milestones/${i.milestone}`, { title: 'M' }, 'version'],
  [
    'milestone edit: bad date',
    'patch',
    (i) => `/milestones/${i.milestone}`,
    { dueDate: 'tomorrow', version: 1 },
    'dueDate',
  ],
  ['milestone edit: null status', 'patch', (i) => `/milestones/${i.milestone}`, { status: null, version: 1 }, 'status'],
  ['milestone edit: owner a list', 'patch', (i) => `/milestones/${i.milestone}`, { owner: ['a'], version: 1 }, 'owner'],
  ['milestone edit: bad id', 'patch', () => `/milestones/0`, { title: 'M', version: 1 }, 'id'],
  [
    'progress: percent 101',
    'post',
    (i) => `/milestones/${i.approvedMilestone}/progress`,
    { percent: 101, status: 'in-progress' },
    'percent',
  ],
  [
    'progress: percent -1',
    'post',
    (i) => `/milestones/${i.approvedMilestone}/progress`,
    { percent: -1, status: 'in-progress' },
    'percent',
  ],
  [
    'progress: percent 50.5',
    'post',
    (i) => `/milestones/${i.approvedMilestone}/progress`,
    { percent: 50.5, status: 'in-progress' },
    'percent',
  ],
  [
    'progress: percent a string',
    'post',
    (i) => `/milestones/${i.approvedMilestone}/progress`,
    { percent: '50', status: 'in-progress' },
    'percent',
  ],
  ['progress: no status', 'post', (i) => `/milestones/${i.approvedMilestone}/progress`, { percent: 50 }, 'status'],
  [
    'progress: note too long',
    'post',
    (i) => `/milestones/${i.approvedMilestone}/progress`,
    { percent: 50, status: 'in-progress', note: 'x'.repeat(10_001) },
    'note',
  ],
  [
    'progress: ftp evidence',
    'post',
    (i) => `/milestones/${i.approvedMilestone}/progress`,
    { percent: 50, status: 'in-progress', evidenceUrls: ['ftp://files.example.eu/report.pdf'] },
    'evidenceUrls',
  ],
  [
    'progress: script evidence',
    'post',
    (i) => `/milestones/${i.approvedMilestone}/progress`,
    { percent: 50, status: 'in-progress', evidenceUrls: ['javascript:alert(1)'] },
    'evidenceUrls',
  ],
  [
    'progress: evidence a string',
    'post',
    (i) => `/milestones/${i.approvedMilestone}/progress`,
    { percent: 50, status: 'in-progress', evidenceUrls: 'https://example.eu' },
    'evidenceUrls',
  ],
  [
    'progress: 21 evidence links',
    'post',
    (i) => `/milestones/${i.approvedMilestone}/progress`,
    {
      percent: 50,
      status: 'in-progress',
      evidenceUrls: Array.from({ length: 21 }, (_, n) => `https://example.eu/${n}`),
    },
    'evidenceUrls',
  ],
  [
    'progress: unknown field',
    'post',
    (i) => `/milestones/${i.approvedMilestone}/progress`,
    { percent: 50, status: 'in-progress', author: 'me' },
    'author',
  ],
];

describe('bad input to plans, milestones and progress', () => {
  let t: TestApp;
  let ids: Ids;
  let token: string;
  let reviewerToken: string;
  let before: number[];
  const counts = () => Promise.all(TABLES.map((table) => countRows(t, table)));

  beforeAll(async () => {
    t = await startApp();
    const m = await t.given.mentoring();
    const f = planFixtures(t, m);
    token = m.people.mentee.token;
    const draft = await f.draft();
    const milestone = await f.milestone(draft.id);
    const approvedPlan = await f.draft({ objective: 'Small loans for founders' });
    const approvedMilestone = await f.milestone(approvedPlan.id, { owner: 'Business office' });
    await f.step(await f.step(approvedPlan, 'mentee', 'submit'), 'mentor', 'reviews', {
      verdict: 'approve',
      summary: 'ok',
    });
    ids = {
      pair: m.pair.id,
      draft: draft.id,
      submitted: (await f.submitted()).id,
      milestone: milestone.id,
      approvedMilestone: approvedMilestone.id,
    };
    // Reviews are the mentor's; every other route is the mentee's.
    reviewerToken = m.people.mentor.token;
    before = await counts();
  });
  afterAll(() => t.close());

  it.each(CASES)('%s → 400 naming the field', async (_name, method, path, body, field) => {
    const p = path(ids);
    const res = await t.api.as(p.endsWith('/reviews') ? reviewerToken : token).call(method, p, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
    expect(res.body.message).toContain(field);
  });

  it('wrote nothing for any of them', async () => {
    expect(await counts()).toEqual(before);
  });

  it('answers a body that is not JSON with 400, and one that is too large with 413', async () => {
    const bad = await t
      .http()
      .post(`/api/v1/pairs/${ids.pair}/action-plans`)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send('{"title": ');
    expect(bad.status).toBe(400);
    const large = await t.api.as(token).post(`/pairs/${ids.pair}/action-plans`, {
      title: 'T',
      sectionCodes: ['strategy'],
      objective: 'x'.repeat(2_000_000),
    });
    expect(large.status).toBe(413);
    expect(await counts()).toEqual(before);
  });
});
