import type { Response } from 'supertest';
import { randomUUID } from 'node:crypto';
import { startApp, type TestApp } from '../support/app';
import { GivenPlans } from '../support/given-plans';

type Cast = Awaited<ReturnType<TestApp['given']['mentoring']>>;
const zero = { planned: 0, inProgress: 0, done: 0, blocked: 0, late: 0, total: 0 };
const noPlans = {
  draft: 0,
  submitted: 0,
  changesRequested: 0,
  approved: 0,
  inProgress: 0,
  completed: 0,
  archived: 0,
  total: 0,
};
const today = () => new Date().toISOString().slice(0, 10);
const daysSince = (date: string) => Math.round((Date.parse(today()) - Date.parse(date)) / 86_400_000);

describe('coordinator dashboard', () => {
  let t: TestApp;
  let plans: GivenPlans;
  let m: Cast;
  let dashboard: Response['body'];
  const as = (who: keyof Cast['people']) => t.api.as(m.people[who].token);

  beforeAll(async () => {
    t = await startApp();
    plans = new GivenPlans(t.orm);
    m = await t.given.mentoring();

    // Our pair: a running plan on two sections, a draft on one, and an archived one that no longer counts.
    const running = await plans.plan(m.pair, {
      title: 'One-stop shop',
      sectionCodes: ['strategy', 'networking'],
      state: 'in-progress',
    });
    await plans.milestones(running, [
      { title: 'Hire a coordinator', dueDate: '2020-03-01', status: 'planned', owner: 'HR' },
      { title: 'Map the services', dueDate: '2020-01-15', status: 'in-progress', owner: 'Business unit' },
      { title: 'Kick-off', dueDate: '2020-02-01', status: 'done' },
      { title: 'Open the desk', dueDate: '2099-01-01', status: 'blocked' },
    ]);
    const draft = await plans.plan(m.pair, { title: 'Strategy refresh', sectionCodes: ['strategy'] });
    await plans.milestone(draft, {
      title: 'Council vote',
      dueDate: '2021-05-05',
      status: 'blocked',
      owner: 'Mayor’s office',
    });
    const archived = await plans.plan(m.pair, {
      title: 'Microcredit',
      sectionCodes: ['access-to-finance'],
      state: 'archived',
    });
    await plans.milestone(archived, { title: 'Talk to banks', dueDate: '2019-01-01' });
    // The other pair: one submitted plan with the oldest late milestone.
    const other = await plans.plan(m.otherPair, {
      title: 'Network of mentors',
      sectionCodes: ['networking'],
      state: 'submitted',
    });
    await plans.milestone(other, { title: 'First meeting', dueDate: '2020-01-01', owner: 'Chamber' });

    const q = (section: string, ...ratings: (0 | 1 | 2 | null)[]) =>
      Object.fromEntries(ratings.map((r, i) => [`${section}.q${i + 1}`, r]));
    await plans.assessment(
      m.programme,
      m.menteeCity,
      'baseline',
      { ...q('strategy', 0, 0, 1, 1, 2, null), ...q('networking', 0) },
      { status: 'submitted' },
    );
    await plans.assessment(m.programme, m.menteeCity, 'follow-up', {
      ...q('strategy', 2, 2, 2, 2, 2, null),
      ...q('networking', 2),
    });
    await plans.assessment(m.programme, m.mentorCity, 'baseline', q('strategy', 2));

    await as('coordinator')
      .post(`/programmes/${m.programme.id}/milestones`, { title: 'Baseline assessments done', dueDate: '2020-06-01' })
      .expect(201);
    await as('coordinator')
      .post(`/programmes/${m.programme.id}/milestones`, { title: 'Final report', dueDate: '2099-12-01' })
      .expect(201);
    dashboard = (await as('coordinator').get(`/programmes/${m.programme.id}/dashboard`).expect(200)).body;
  });
  afterAll(() => t.close());

  const pairIn = (d: Response['body'], id: string) => d.pairs.find((p: { id: string }) => p.id === id);

  it('lists the late milestones of every pair first, oldest due date first', () => {
    expect(dashboard.today).toBe(today());
    expect(dashboard.lateMilestones.map((l: { title: string }) => l.title)).toEqual([
      'First meeting',
      'Map the services',
      'Hire a coordinator',
      'Council vote',
    ]);
    expect(dashboard.lateMilestones[1]).toEqual({
      milestoneId: expect.any(String),
      title: 'Map the services',
      dueDate: '2020-01-15',
      daysLate: daysSince('2020-01-15'),
      owner: 'Business unit',
      status: 'in-progress',
      planId: expect.any(String),
      planTitle: 'One-stop shop',
      sectionCodes: ['strategy', 'networking'],
      pairId: m.pair.id,
      mentorName: m.mentorCity.name,
      menteeName: m.menteeCity.name,
    });
    expect(dashboard.lateMilestones[0]).toMatchObject({
      pairId: m.otherPair.id,
      planTitle: 'Network of mentors',
      daysLate: daysSince('2020-01-01'),
    });
  });

  it('counts milestones by status per pair and per section (a plan on two sections counts under both; archived plans not at all)', () => {
    const pair = pairIn(dashboard, m.pair.id);
    expect(pair).toMatchObject({
      benchmarkCode: 'migrant-entrepreneurs',
      status: 'active',
      mentor: { id: m.mentorCity.id, name: m.mentorCity.name, country: 'FI' },
      mentee: { id: m.menteeCity.id, name: m.menteeCity.name },
      milestones: { planned: 1, inProgress: 1, done: 1, blocked: 2, late: 3, total: 5 },
    });
    const bySection = Object.fromEntries(
      pair.sections.map((s: { sectionCode: string; milestones: object }) => [s.sectionCode, s.milestones]),
    );
    expect(pair.sections.map((s: { sectionCode: string }) => s.sectionCode)).toEqual([
      'strategy',
      'stakeholder-mapping',
      'comprehensive-support',
      'mainstream-services',
      'networking',
      'access-to-finance',
      'positive-communication',
      'monitoring-evaluation',
      'policy-dialogues',
    ]);
    expect(pair.sections[0].sectionTitle).toEqual(expect.any(String));
    expect(bySection.strategy).toEqual({ planned: 1, inProgress: 1, done: 1, blocked: 2, late: 3, total: 5 });
    expect(bySection.networking).toEqual({ planned: 1, inProgress: 1, done: 1, blocked: 1, late: 2, total: 4 });
    expect(bySection['access-to-finance']).toEqual(zero);
    expect(bySection['policy-dialogues']).toEqual(zero);

    const other = pairIn(dashboard, m.otherPair.id);
    expect(other.milestones).toEqual({ ...zero, planned: 1, late: 1, total: 1 });
    expect(other.sections.find((s: { sectionCode: string }) => s.sectionCode === 'networking').milestones).toEqual({
      ...zero,
      planned: 1,
      late: 1,
      total: 1,
    });
    expect(dashboard.milestones).toEqual({ planned: 2, inProgress: 1, done: 1, blocked: 2, late: 4, total: 6 });
  });

  it('gives each cell the pair’s plans on that section (archived ones left out), for the grid to link to', () => {
    const plansIn = (pairId: string, code: string) =>
      pairIn(dashboard, pairId)
        .sections.find((s: { sectionCode: string }) => s.sectionCode === code)
        .plans.map((p: { title: string; state: string }) => `${p.title}: ${p.state}`)
        .sort();
    expect(plansIn(m.pair.id, 'strategy')).toEqual(['One-stop shop: in-progress', 'Strategy refresh: draft']);
    expect(plansIn(m.pair.id, 'networking')).toEqual(['One-stop shop: in-progress']);
    expect(plansIn(m.pair.id, 'access-to-finance')).toEqual([]);
    expect(plansIn(m.otherPair.id, 'networking')).toEqual(['Network of mentors: submitted']);
    const [link] = pairIn(dashboard, m.otherPair.id).sections.find(
      (s: { sectionCode: string }) => s.sectionCode === 'networking',
    ).plans;
    expect(link).toEqual({ id: expect.any(String), title: 'Network of mentors', state: 'submitted' });
  });

  it('counts plans by state per pair and in total', () => {
    expect(pairIn(dashboard, m.pair.id).plans).toEqual({ ...noPlans, draft: 1, inProgress: 1, archived: 1, total: 3 });
    expect(pairIn(dashboard, m.otherPair.id).plans).toEqual({ ...noPlans, submitted: 1, total: 1 });
    expect(dashboard.plans).toEqual({ ...noPlans, draft: 1, submitted: 1, inProgress: 1, archived: 1, total: 4 });
  });

  it('lists a draft assessment as under way but never scores it: only submitted assessments count', () => {
    const mentee = dashboard.scores.find(
      (s: { organisation: { id: string } }) => s.organisation.id === m.menteeCity.id,
    );
    expect(mentee).toMatchObject({
      benchmarkCode: 'migrant-entrepreneurs',
      baseline: { assessmentId: expect.any(String), status: 'submitted', overall: 33.3 },
      followUp: { assessmentId: expect.any(String), status: 'draft', overall: null },
      overallDelta: null,
    });
    const section = (code: string) => mentee.sections.find((s: { sectionCode: string }) => s.sectionCode === code);
    expect(section('strategy')).toEqual({ sectionCode: 'strategy', baseline: 40, followUp: null, delta: null });
    expect(mentee.sections).toHaveLength(9);

    const mentor = dashboard.scores.find(
      (s: { organisation: { id: string } }) => s.organisation.id === m.mentorCity.id,
    );
    expect(mentor).toMatchObject({ baseline: { status: 'draft', overall: null }, followUp: null, overallDelta: null });
    expect(mentor.sections[0]).toEqual({ sectionCode: 'strategy', baseline: null, followUp: null, delta: null });
  });

  it('compares submitted self-assessments, baseline vs follow-up, overall and per section', async () => {
    await t.orm.em
      .fork()
      .getConnection()
      .execute(`update assessments set status = 'submitted', submitted_at = now() where programme_id = ?`, [
        m.programme.id,
      ]);
    const { body } = await as('coordinator').get(`/programmes/${m.programme.id}/dashboard`).expect(200);
    const mentee = body.scores.find((s: { organisation: { id: string } }) => s.organisation.id === m.menteeCity.id);
    expect(mentee).toMatchObject({
      baseline: { status: 'submitted', overall: 33.3 },
      followUp: { assessmentId: expect.any(String), status: 'submitted', overall: 100 },
      overallDelta: 66.7,
    });
    const section = (code: string) => mentee.sections.find((s: { sectionCode: string }) => s.sectionCode === code);
    expect(section('strategy')).toEqual({ sectionCode: 'strategy', baseline: 40, followUp: 100, delta: 60 });
    expect(section('networking')).toEqual({ sectionCode: 'networking', baseline: 0, followUp: 100, delta: 100 });
    expect(section('policy-dialogues')).toEqual({
      sectionCode: 'policy-dialogues',
      baseline: null,
      followUp: null,
      delta: null,
    });

    const mentor = body.scores.find((s: { organisation: { id: string } }) => s.organisation.id === m.mentorCity.id);
    expect(mentor).toMatchObject({ baseline: { overall: 100 }, followUp: null, overallDelta: null });
    expect(mentor.sections[0]).toEqual({ sectionCode: 'strategy', baseline: 100, followUp: null, delta: null });
  });

  it('shows the consortium milestones with what is late', () => {
    expect(dashboard.consortiumMilestones.map((c: { title: string; late: boolean }) => [c.title, c.late])).toEqual([
      ['Baseline assessments done', true],
      ['Final report', false],
    ]);
  });

  it('is for coordinators, experts and the admin: city members 403, non-members 404', async () => {
    const path = `/programmes/${m.programme.id}/dashboard`;
    for (const who of ['coordinator', 'expert', 'admin'] as const) await as(who).get(path).expect(200);
    for (const who of ['mentor', 'mentee', 'otherCity'] as const)
      expect((await as(who).get(path).expect(403)).body.code).toBe('FORBIDDEN');
    await as('outsider').get(path).expect(404);
    await as('coordinator').get(`/programmes/${randomUUID()}/dashboard`).expect(404);
    await t.api.get(path).expect(401);
    expect((await as('coordinator').get('/programmes/nope/dashboard').expect(400)).body.details).toEqual([
      { path: 'id', message: 'id must be a UUID' },
    ]);
  });
});
