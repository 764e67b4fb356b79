/**
 * A plan started from gaps, as the mentee and the mentor live it (issue 14): "Start a plan from these
 * gaps" starts the plan with the gaps of the sections chosen; the plan page lists them (each guide
 * question with the city's rating and evidence, the section's standard, the toolkit's city examples
 * beside them); the milestone form offers the gaps as checkboxes, and a gap no milestone addresses is
 * "not covered yet", for the mentor too. Screenshots at 1280 px and 390 px.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { ApiClient } from '../support/api-client';
import { PASSWORD } from '../support/given';
import { screenshotPath } from './support/screenshots';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

const Q1 = 'Does the city provide training to enhance financial skills';
const Q2 = 'Does the city engage with mainstream credit and investment institutions';
const PHONE = { width: 390, height: 844 };
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page (as test/browser/pages runs it): id and where. */
async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; targets: string[] }[]> {
  await page.evaluate(AXE);
  return page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })))`,
  );
}

describe('a plan started from gaps', () => {
  let world: BrowserWorld;
  let menteeContext: BrowserContext;
  let mentee: Page;
  let asMentee: ApiClient;
  let programmeId: string;
  let assessmentId: string;
  let planId: string;
  let people: Awaited<ReturnType<BrowserWorld['t']['given']['mentoring']>>['people'];
  const errors: string[][] = [];

  const gap = (page: Page, question: string) => page.getByTestId('gap').filter({ hasText: question });

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    programmeId = m.programme.id;
    people = m.people;
    asMentee = world.t.api.as(m.people.mentee.token);
    // The mentee city's baseline: two gaps in access to finance, one met; a gap in networking too.
    assessmentId = (
      await asMentee
        .post(`/programmes/${programmeId}/assessments`, {
          organisationId: m.menteeCity.id,
          benchmarkCode: 'migrant-entrepreneurs',
          phase: 'baseline',
        })
        .expect(201)
    ).body.id;
    const answers: [string, number, string][] = [
      ['access-to-finance.q1', 0, 'No financial training for founders yet.'],
      ['access-to-finance.q2', 1, 'We meet two banks once a year.'],
      ['access-to-finance.q3', 2, 'A guarantee fund since 2019.'],
      ['networking.q1', 0, ''],
    ];
    for (const [code, rating, evidence] of answers)
      await asMentee.put(`/assessments/${assessmentId}/answers/${code}`, { rating, evidence }).expect(200);

    menteeContext = await signedInContext(world, { email: m.people.mentee.user.email, password: PASSWORD });
    mentee = await menteeContext.newPage();
    errors.push(watchErrors(mentee));
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  it('starts the plan from the gaps of the section chosen, and only those', async () => {
    await mentee.goto(`/programmes/${programmeId}/assessments/${assessmentId}?step=scores`);
    const form = mentee.locator('form.plan-from-gaps');
    await form.getByRole('checkbox', { name: 'Networking' }).uncheck();
    await form.getByRole('checkbox', { name: 'Access to finance' }).check();
    await form.getByLabel('Title').fill('Microcredit for migrant founders');
    const sent = mentee.waitForRequest(
      (r) => r.method() === 'POST' && /\/api\/v1\/pairs\/[^/]+\/action-plans$/.test(r.url()),
    );
    await form.getByRole('button', { name: 'Start the plan' }).click();
    expect((await sent).postDataJSON()).toMatchObject({
      sectionCodes: ['access-to-finance'],
      fromAssessmentId: assessmentId,
      gapQuestionCodes: ['access-to-finance.q1', 'access-to-finance.q2'],
    });
    await mentee.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planId = mentee.url().split('/').pop()!;
    const { body: plan } = await asMentee.get(`/action-plans/${planId}`).expect(200);
    expect(plan.gapQuestionCodes).toEqual(['access-to-finance.q1', 'access-to-finance.q2']);
  });

  it('lists the gaps with the city’s rating and evidence, the standard, and the toolkit’s examples beside them', async () => {
    const panel = mentee.getByTestId('plan-gaps');
    await panel.getByRole('heading', { name: 'The gaps this plan closes' }).waitFor();
    await panel.getByText(/Ratings and evidence from .*’s self-assessment \(Baseline\)/).waitFor();
    await panel.getByText('The city assists entrepreneurs, including migrants, in overcoming barriers').waitFor();
    await gap(mentee, Q1).getByText('Not in place (0)').waitFor();
    await gap(mentee, Q1).getByText('No financial training for founders yet.').waitFor();
    await gap(mentee, Q2).getByText('Partly (1)').waitFor();
    await gap(mentee, Q2).getByText('We meet two banks once a year.').waitFor();
    expect(await mentee.getByTestId('gap').count()).toBe(2); // not the question met, not the other section's
    for (const q of [Q1, Q2]) await gap(mentee, q).getByText('Not covered yet').waitFor();
    const examples = panel.locator('.plan-gaps__examples');
    await examples.getByRole('heading', { name: 'City examples from the toolkit' }).waitFor();
    await examples.getByText('Utrecht', { exact: true }).waitFor();
    await examples.getByText('Helsinki', { exact: true }).waitFor();

    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await mentee.screenshot({ path: screenshotPath('plan-gaps-desktop.png') });
  });

  it('offers the gaps in the milestone form; an addressed gap names its milestone, the others stay “not covered yet”', async () => {
    await mentee.getByRole('button', { name: 'Add a milestone' }).click();
    const gaps = mentee.getByRole('group', { name: 'Gaps this milestone addresses' });
    expect(await gaps.getByRole('checkbox').count()).toBe(2);
    await mentee.getByLabel('Milestone', { exact: true }).fill('Open the desk');
    await mentee.getByLabel('Due date').fill('2099-03-31');
    await mentee.getByLabel('Owner').last().fill('Business office');
    await gaps.getByRole('checkbox', { name: new RegExp(Q2) }).check();
    await mentee.getByRole('button', { name: 'Add', exact: true }).click();

    const desk = mentee.getByTestId('milestone').filter({ hasText: 'Open the desk' });
    await desk.getByTestId('milestone-gaps').getByText(Q2).waitFor();
    await gap(mentee, Q2).getByText('Addressed by').waitFor();
    await gap(mentee, Q2).getByRole('link', { name: '“Open the desk”' }).waitFor();
    expect(await gap(mentee, Q2).getByText('Not covered yet').count()).toBe(0);
    await gap(mentee, Q1).getByText('Not covered yet').waitFor();
    await mentee.getByText('1 gap is not covered by any milestone yet.').waitFor();
    const { body: plan } = await asMentee.get(`/action-plans/${planId}`).expect(200);
    expect(plan.milestones[0].gapQuestionCodes).toEqual(['access-to-finance.q2']);
    await desk.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await mentee.screenshot({ path: screenshotPath('plan-gaps-milestone-desktop.png') });
  });

  it('shows the mentor the same gaps, ratings, evidence and what is not covered yet, on a 390 px phone too', async () => {
    const mentorContext = await signedInContext(
      world,
      { email: people.mentor.user.email, password: PASSWORD },
      { viewport: PHONE },
    );
    const mentor = await mentorContext.newPage();
    errors.push(watchErrors(mentor));
    await mentor.goto(`/programmes/${programmeId}/plans/${planId}`);
    await gap(mentor, Q1).getByText('No financial training for founders yet.').waitFor();
    await gap(mentor, Q1).getByText('Not covered yet').waitFor();
    await gap(mentor, Q2).getByRole('link', { name: '“Open the desk”' }).waitFor();
    await mentor.getByTestId('plan-gaps').getByText('Utrecht', { exact: true }).waitFor();
    await expect(mentor.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(
      PHONE.width,
    );
    await mentor.getByTestId('plan-gaps').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await mentor.screenshot({ path: screenshotPath('plan-gaps-phone.png') });
    await mentorContext.close();
  });

  it('names each milestone’s discussion by its milestone: no two regions share a name (axe landmark-unique)', async () => {
    await asMentee
      .post(`/action-plans/${planId}/milestones`, {
        title: 'Train the advisers',
        dueDate: '2099-06-30',
        owner: 'Business office',
      })
      .expect(201);
    await mentee.reload();
    await mentee.getByTestId('milestone').filter({ hasText: 'Train the advisers' }).waitFor();
    await mentee.getByRole('region', { name: 'Comments on “Open the desk” (0 open)' }).waitFor();
    await mentee.getByRole('region', { name: 'Comments on “Train the advisers” (0 open)' }).waitFor();
    const violations = await axeViolations(mentee);
    expect(violations.filter((v) => v.id === 'landmark-unique')).toEqual([]);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('raised no error in any page', () => {
    expect(errors.flat()).toEqual([]);
  });
});
