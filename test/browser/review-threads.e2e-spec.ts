/**
 * Review threads anchored on the plan's fields, in two browsers: the mentor comments on one activity,
 * the mentee sees it beside that line live and rewrites the line, and the thread then says it is outdated;
 * the mentor suggests a budget text, the mentee applies it, and the thread is resolved with the new text in place;
 * the mentee submits again, the mentor reads the changed words since their own review and approves. The user
 * guide's pictures of a review are taken on the way.
 */
import type { Locator, Page } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { screenshotPath } from './support/screenshots';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('review threads beside the plan’s fields', () => {
  let world: BrowserWorld;
  let mentor: Page;
  let mentee: Page;
  let planId: string;
  const errors: string[][] = [];

  /** The place beside a field (`activities:1` is the second activity). */
  const spot = (page: Page, where: string): Locator => page.locator(`[data-spot="plan:${planId}:${where}"]`);

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    const asMentee = world.t.api.as(m.people.mentee.token);
    const created = await asMentee
      .post(`/pairs/${m.pair.id}/action-plans`, {
        title: 'One-stop shop for migrant entrepreneurs',
        sectionCodes: ['comprehensive-support'],
        objective: 'Coordinate every support service in one place',
        activities: ['Map the services', 'Train ten advisers'],
        budget: 'EUR 10000 from the city',
      })
      .expect(201);
    planId = created.body.id;
    await asMentee
      .post(`/action-plans/${planId}/milestones`, {
        title: 'Desk opens',
        dueDate: '2099-03-31',
        owner: 'Business office',
      })
      .expect(201);
    await asMentee.post(`/action-plans/${planId}/submit`, {}).expect(200);
    await world.t.api
      .as(m.people.mentor.token)
      .post(`/action-plans/${planId}/reviews`, { verdict: 'request-changes', summary: 'A few details' })
      .expect(201);

    const mentorContext = await signedInContext(world, { email: m.people.mentor.user.email, password: PASSWORD });
    const menteeContext = await signedInContext(world, { email: m.people.mentee.user.email, password: PASSWORD });
    mentor = await mentorContext.newPage();
    mentee = await menteeContext.newPage();
    errors.push(watchErrors(mentor), watchErrors(mentee));
    const url = `/programmes/${m.programme.id}/plans/${planId}`;
    await Promise.all([mentor.goto(url), mentee.goto(url)]);
    await Promise.all([mentor.getByTestId('plan-state').waitFor(), mentee.getByTestId('plan-state').waitFor()]);
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  it('shows the mentor’s comment on one activity beside that line in the mentee’s browser, live', async () => {
    await mentor.getByRole('button', { name: 'Comment on item 2 of “Activities”' }).click();
    await mentor.getByLabel('Your comment on “Activities” (revision 1)').fill('Ten is not enough for the whole city.');
    await spot(mentor, 'activities:1').getByRole('button', { name: 'Comment', exact: true }).click();

    await spot(mentee, 'activities:1').getByText('Ten is not enough for the whole city.').waitFor();
    expect(await spot(mentee, 'activities:0').getByTestId('thread').count()).toBe(0);
    // A list is commented on item by item: nothing offers a thread on the list as a whole.
    expect(await mentor.getByRole('button', { name: 'Comment on “Activities”' }).count()).toBe(0);
  });

  it('marks the thread outdated, with the line it was written on, once the mentee rewrites that line', async () => {
    await mentee.getByRole('button', { name: 'Edit the plan' }).click();
    await mentee.getByLabel('Activities').fill('Map the services\nTrain twenty advisers');
    await mentee.getByRole('button', { name: 'Save', exact: true }).click();
    await mentee.getByTestId('plan-activities').getByText('Train twenty advisers').waitFor();

    for (const page of [mentee, mentor]) {
      const outdated = spot(page, 'activities').getByTestId('thread-outdated');
      await outdated.getByText('Outdated', { exact: true }).waitFor();
      await outdated.getByText('Train ten advisers').waitFor();
      await spot(page, 'activities').getByText('Ten is not enough for the whole city.').waitFor();
    }
    await spot(mentor, 'activities').screenshot({ path: screenshotPath('review-outdated-desktop.png') });
  });

  it('lets the mentee apply the mentor’s suggested budget: the thread is resolved and the budget reads the new text', async () => {
    await mentor.getByRole('button', { name: 'Comment on “Budget”' }).click();
    await spot(mentor, 'budget').getByLabel('Your comment on “Budget” (revision 1)').fill('Say which fund pays.');
    await spot(mentor, 'budget').getByLabel('Suggest new text (optional)').fill('EUR 10000 from the economic fund');
    await spot(mentor, 'budget').getByRole('button', { name: 'Comment', exact: true }).click();

    const suggestion = spot(mentee, 'budget').getByTestId('suggestion');
    await suggestion.waitFor();
    const diff = suggestion.getByTestId('suggestion-diff');
    expect(await diff.locator('del').innerText()).toContain('city');
    expect(await diff.locator('ins').innerText()).toContain('economic fund');
    await spot(mentee, 'budget').screenshot({ path: screenshotPath('review-suggestion-desktop.png') });
    await suggestion.getByRole('button', { name: 'Apply suggestion' }).click();

    await mentee.getByTestId('plan-budget').filter({ hasText: 'EUR 10000 from the economic fund' }).waitFor();
    const thread = spot(mentee, 'budget').getByTestId('thread');
    await thread.getByText('Resolved', { exact: true }).waitFor();
    await thread.getByText(/Applied by/).waitFor();
    // The suggestion changed the field: the thread is not marked outdated by it.
    expect(await thread.getByTestId('thread-outdated').count()).toBe(0);
    await mentor.getByTestId('plan-budget').filter({ hasText: 'EUR 10000 from the economic fund' }).waitFor();
    await spot(mentor, 'budget').getByTestId('thread').getByText('Resolved', { exact: true }).waitFor();
  });

  it('shows the mentor the changed words since their review when the plan comes back, and takes the approval', async () => {
    await mentee.getByRole('button', { name: 'Submit for review' }).click();
    const changes = mentor.getByTestId('what-changed');
    await changes.getByText(/Since your review of revision 1/).waitFor();
    // The rewritten activity: the changed word marked, not the whole line.
    await changes.locator('del', { hasText: 'ten' }).first().waitFor();
    await changes.locator('ins', { hasText: 'twenty' }).first().waitFor();
    await changes.screenshot({ path: screenshotPath('review-what-changed-desktop.png') });

    await mentor.getByLabel('Summary for the city').fill('Twenty advisers and a named fund: approved.');
    await mentor.getByRole('button', { name: 'Approve', exact: true }).click();
    // The activity thread is still open: the mentor is asked, and says so.
    await mentor.getByRole('button', { name: 'Approve anyway' }).click();
    const latest = mentee.getByTestId('latest-review');
    await latest.getByText('Twenty advisers and a named fund: approved.').waitFor();
    await latest
      .getByText(/This review opened|revision 2/)
      .first()
      .waitFor();
    await latest.screenshot({ path: screenshotPath('review-approved-desktop.png') });
  });

  it('raised no error in either page', () => {
    expect(errors.flat()).toEqual([]);
  });
});
