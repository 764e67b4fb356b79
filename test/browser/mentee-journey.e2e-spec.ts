/**
 * The mentee city's journey in the browser: self-assess against the benchmark (ratings and evidence,
 * with the section's standard and examples beside the questions), see the scores and gaps, start a
 * plan from the gaps, write it (objective, activities, milestones with due dates and owners), submit
 * it, and once approved log progress. The mentor calibrates a rating, shown beside the city's own.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('the mentee journey', () => {
  let world: BrowserWorld;
  let menteeContext: BrowserContext;
  let mentorContext: BrowserContext;
  let page: Page;
  let programmeId: string;
  let pairId: string;
  let mentorToken: string;
  let assessmentUrl: string;
  let planId: string;
  let errors: string[];

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    programmeId = m.programme.id;
    pairId = m.pair.id;
    mentorToken = m.people.mentor.token;
    menteeContext = await signedInContext(world, { email: m.people.mentee.user.email, password: PASSWORD });
    mentorContext = await signedInContext(world, { email: m.people.mentor.user.email, password: PASSWORD });
    page = await menteeContext.newPage();
    errors = watchErrors(page);
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  it('finds the pair from the programme and starts the baseline self-assessment', async () => {
    await page.goto(`/programmes/${programmeId}`);
    await page.getByTestId('pairs').getByRole('link').first().click();
    await page.waitForURL(`**/pairs/${pairId}`);
    await page.getByRole('button', { name: 'Start the baseline self-assessment' }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    assessmentUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: /Self-assessment of/ }).waitFor();
  });

  it('rates a guide question with evidence, the section’s standard and examples beside it', async () => {
    await page.getByRole('complementary').getByRole('heading', { name: 'Standard' }).waitFor();
    await page.getByRole('complementary').getByRole('heading', { name: 'City examples' }).waitFor();
    const first = page.getByTestId('question').first();
    await first.getByLabel('Evidence').fill('A vision exists in the economic strategy, not yet for migrants.');
    await first.getByLabel('Partly (1)').check();
    await first.getByText('Saved').waitFor();
    const second = page.getByTestId('question').nth(1);
    await second.getByLabel('In place (2)').check();
    await second.getByText('Saved').waitFor();
    await page.getByTestId('assessment-summary').filter({ hasText: '2 of 40 questions answered' }).waitFor();
  });

  it('keeps answers: after a reload the rating and evidence are still there', async () => {
    await page.reload();
    const first = page.getByTestId('question').first();
    await expect(first.getByLabel('Partly (1)').isChecked()).resolves.toBe(true);
    await expect(first.getByLabel('Evidence').inputValue()).resolves.toBe(
      'A vision exists in the economic strategy, not yet for migrants.',
    );
  });

  it('shows the mentor’s calibration beside the city’s own rating', async () => {
    const mentor = await mentorContext.newPage();
    await mentor.goto(assessmentUrl);
    const first = mentor.getByTestId('question').first();
    await first.getByLabel('Your calibration rating').selectOption({ label: 'Not in place (0)' });
    await first.getByText('Saved').waitFor();
    await mentor.close();

    await page.reload();
    const calibration = page.getByTestId('question').first().getByTestId('calibration');
    await calibration.filter({ hasText: 'Not in place (0)' }).waitFor();
    await calibration.filter({ hasText: 'differs from yours' }).waitFor();
  });

  it('shows scores per section in a chart and the gaps, and starts a plan from them', async () => {
    await page.getByRole('link', { name: 'Scores and gaps' }).click();
    await page.getByRole('img', { name: /Score per section/ }).waitFor();
    await page.getByRole('heading', { name: 'Gaps: guide questions not met' }).waitFor();
    await page.getByText('Does the city administration have a clear vision').first().waitFor();
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planId = page.url().split('/').pop()!;
    await page.getByTestId('plan-state').filter({ hasText: 'Draft' }).waitFor();
  });

  it('writes the plan: objective, activities, indicators', async () => {
    await page.getByRole('button', { name: 'Edit the plan' }).click();
    await page.getByLabel('Objective').fill('A city vision for migrant entrepreneurship, agreed by every department');
    await page.getByLabel('Activities').fill('Workshop with departments\nDraft the vision\nCouncil approval');
    await page.getByLabel('Indicators of success').fill('Vision adopted by the council');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('plan-objective').filter({ hasText: 'agreed by every department' }).waitFor();
    await page.getByText('Council approval').waitFor();
  });

  it('adds milestones with due dates and owners', async () => {
    await page.getByRole('button', { name: 'Add a milestone' }).click();
    await page.getByLabel('Milestone', { exact: true }).fill('Workshop with departments held');
    await page.getByLabel('Due date').fill('2099-05-31');
    await page.getByLabel('Owner').last().fill('Economic development office');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const milestone = page.getByTestId('milestone').filter({ hasText: 'Workshop with departments held' });
    await milestone.waitFor();
    await milestone.getByText('owner: Economic development office').waitFor();
  });

  it('submits the plan, and logs progress once the mentor approved it', async () => {
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByTestId('plan-state').filter({ hasText: 'Submitted for review' }).waitFor();

    await world.t.api
      .as(mentorToken)
      .post(`/action-plans/${planId}/reviews`, { verdict: 'approve', summary: 'Go ahead.' })
      .expect(201);
    await page.getByTestId('plan-state').filter({ hasText: 'Approved' }).waitFor();

    const milestone = page.getByTestId('milestone').first();
    await milestone.getByRole('button', { name: 'Log progress' }).click();
    await milestone.getByLabel('Progress (%)').fill('50');
    await milestone.getByLabel('What happened').fill('Two of four departments met.');
    await milestone.getByRole('button', { name: 'Log progress' }).click();
    await milestone.getByTestId('milestone-progress').filter({ hasText: '50' }).waitFor();
    await milestone.getByRole('button', { name: 'Show progress' }).click();
    await milestone.getByText('Two of four departments met.').waitFor();
  });

  it('changes only the status of a milestone once the plan is approved', async () => {
    const milestone = page.getByTestId('milestone').first();
    await milestone.getByRole('button', { name: 'Change the status' }).click();
    expect(await milestone.getByLabel('Due date', { exact: true }).count()).toBe(0); // the reviewed text stays as approved
    await milestone.getByLabel('Status', { exact: true }).selectOption('blocked');
    await milestone.getByRole('button', { name: 'Save', exact: true }).click();
    await milestone.locator('.milestone__badges').getByText('Blocked').waitFor();
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
  });
});
