/**
 * The mentor and the mentee on the same plan, each in a browser of their own, at the same time:
 * what one does appears on the other's screen without a reload — presence, typing, comments, review
 * verdicts — a dropped connection catches up when it comes back, and two saves of the same plan end in
 * a conflict view rather than a silent overwrite.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { screenshotPath } from './support/screenshots';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { expectLatency, measureArrival, SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('live peer review in two browsers', () => {
  let world: BrowserWorld;
  let mentorContext: BrowserContext;
  let menteeContext: BrowserContext;
  let mentor: Page;
  let mentee: Page;
  let mentorId: string;
  let menteeId: string;
  let planId: string;
  let menteeToken: string;
  const errors: string[][] = [];

  const plan = (page: Page) => page.getByTestId('discussion-plan');
  const state = (page: Page) => page.getByTestId('plan-state');

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    mentorId = m.people.mentor.user.id;
    menteeId = m.people.mentee.user.id;
    menteeToken = m.people.mentee.token;
    // Names as in the screenshots of the user guide.
    const sql = world.t.orm.em.getConnection();
    await sql.execute('update users set name = ? where id = ?', ['Mikko Mentor', mentorId]);
    await sql.execute('update users set name = ? where id = ?', ['Tiina Mentee', menteeId]);
    await sql.execute('update organisations set name = ? where id = ?', ['Helsinki', m.mentorCity.id]);
    await sql.execute('update organisations set name = ? where id = ?', ['Tampere', m.menteeCity.id]);
    const asMentee = world.t.api.as(menteeToken);
    const created = await asMentee
      .post(`/pairs/${m.pair.id}/action-plans`, {
        title: 'One-stop shop for migrant entrepreneurs',
        sectionCodes: ['comprehensive-support'],
        objective: 'Coordinate every support service in one place',
        activities: ['Map the services', 'Open the desk'],
        indicators: ['Entrepreneurs advised'],
      })
      .expect(201);
    planId = created.body.id;
    await asMentee
      .post(`/action-plans/${planId}/milestones`, {
        title: 'Map the services',
        dueDate: '2099-03-31',
        owner: 'Business office',
      })
      .expect(201);
    const submitted = await asMentee.post(`/action-plans/${planId}/submit`, {}).expect(200);
    expect(submitted.body.state).toBe('submitted');

    mentorContext = await signedInContext(world, { email: m.people.mentor.user.email, password: PASSWORD });
    menteeContext = await signedInContext(world, { email: m.people.mentee.user.email, password: PASSWORD });
    mentor = await mentorContext.newPage();
    mentee = await menteeContext.newPage();
    errors.push(watchErrors(mentor), watchErrors(mentee));
    const url = `/programmes/${m.programme.id}/plans/${planId}`;
    await Promise.all([mentor.goto(url), mentee.goto(url)]);
    await Promise.all([state(mentor).waitFor(), state(mentee).waitFor()]);
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  it('shows who else has the plan open', async () => {
    await mentee.locator(`[data-testid=presence] [data-user="${mentorId}"]`).waitFor();
    await mentor.locator(`[data-testid=presence] [data-user="${menteeId}"]`).waitFor();
  });

  it('shows the mentee that the mentor is typing, then the comment within a second, without a reload', async () => {
    const box = plan(mentor).getByLabel('New comment');
    await plan(mentee).scrollIntoViewIfNeeded();
    await box.click();
    // "typing…" lasts a few seconds after the last keystroke: watch for it while the mentor types.
    const typing = plan(mentee).getByTestId('typing').filter({ hasText: 'Mikko Mentor is typing' }).waitFor();
    const typed = box.pressSequentially('How will you reach entrepreneurs who never visit the city offices?', {
      delay: 5,
    });
    await typing;
    await mentee.screenshot({ path: screenshotPath('live-typing-desktop.png') });
    await typed;

    const arrival = await measureArrival(
      mentor,
      mentee,
      'How will you reach entrepreneurs who never visit the city offices?',
    );
    await plan(mentor).getByRole('button', { name: 'Comment', exact: true }).click();
    await plan(mentee).getByText('How will you reach entrepreneurs who never visit the city offices?').waitFor();
    expectLatency('the mentor’s comment on the mentee’s screen', await arrival());
  });

  it('shows the mentor the mentee’s reply live', async () => {
    await plan(mentee).getByRole('button', { name: 'Reply', exact: true }).click();
    await plan(mentee).getByLabel('Your reply').fill('Through the migrant business associations, once a week.');
    const arrival = await measureArrival(mentee, mentor, 'Through the migrant business associations, once a week.');
    await plan(mentee).getByRole('button', { name: 'Reply', exact: true }).click();
    await plan(mentor).getByText('Through the migrant business associations, once a week.').waitFor();
    expectLatency('the mentee’s reply on the mentor’s screen', await arrival());
  });

  it('changes the mentee’s view live when the mentor requests changes', async () => {
    await mentor.getByLabel('Summary for the city').fill('Add the outreach to the plan, please.');
    await mentor.getByRole('button', { name: 'Request changes' }).click();
    await state(mentee).filter({ hasText: 'Changes requested' }).waitFor();
    await mentee.getByTestId('latest-review').filter({ hasText: 'Add the outreach to the plan, please.' }).waitFor();
    await mentee.getByRole('button', { name: 'Edit the plan' }).waitFor();
  });

  it('shows both versions when someone else saved the plan meanwhile, and keeps mine when asked', async () => {
    await mentee.getByRole('button', { name: 'Edit the plan' }).click();
    await mentee.getByLabel('Objective').fill('Coordinate every service and reach out through the associations');
    // Meanwhile the plan is saved elsewhere (another tab, a colleague).
    const current = await world.t.api.as(menteeToken).get(`/action-plans/${planId}`).expect(200);
    await world.t.api
      .as(menteeToken)
      .patch(`/action-plans/${planId}`, { objective: 'Someone else’s objective', version: current.body.version })
      .expect(200);

    await mentee.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = mentee.getByTestId('conflict');
    await conflict.waitFor();
    await conflict.getByText('Coordinate every service and reach out through the associations').waitFor();
    await conflict.getByText('Someone else’s objective').waitFor();
    await conflict.screenshot({ path: screenshotPath('conflict-desktop.png') });

    await conflict.getByRole('button', { name: 'Keep my text' }).click();
    await mentee.getByTestId('plan-objective').filter({ hasText: 'reach out through the associations' }).waitFor();
    // The mentor sees the saved objective without reloading.
    await mentor.getByTestId('plan-objective').filter({ hasText: 'reach out through the associations' }).waitFor();
  });

  it('shows the mentor what changed since the last review once the mentee resubmits', async () => {
    await mentee.getByRole('button', { name: 'Submit for review' }).click();
    await state(mentor).filter({ hasText: 'Submitted for review' }).waitFor();
    const diff = mentor.getByTestId('what-changed');
    const objective = diff.locator('[data-field="objective"]');
    await objective.locator('ins').filter({ hasText: 'and reach out through the associations' }).waitFor();
    await objective.locator('del').filter({ hasText: 'in one place' }).waitFor();
    expect(await objective.locator('del').allTextContents()).toEqual(['removed: support ', 'removed: in one place']);
    await diff.screenshot({ path: screenshotPath('what-changed-desktop.png') });
  });

  it('changes the mentee’s view live when the mentor approves over an open thread', async () => {
    await mentor.getByRole('button', { name: 'Approve', exact: true }).click();
    await mentor.getByText('1 comment thread is still open').waitFor();
    await mentor.getByRole('button', { name: 'Approve anyway' }).click();
    await state(mentee).filter({ hasText: 'Approved' }).waitFor();
    await mentee.getByTestId('live-announcement').filter({ hasText: 'approved' }).waitFor();
  });

  it('catches up after the connection drops: everything said meanwhile appears once it is back', async () => {
    await menteeContext.setOffline(true);
    await mentee.getByTestId('connection-lost').waitFor();
    await mentee.evaluate('window.scrollTo(0, 0)');
    await mentee.screenshot({ path: screenshotPath('connection-lost-desktop.png') });

    const box = plan(mentor).getByLabel('New comment');
    await box.fill('First remark while you were away');
    await plan(mentor).getByRole('button', { name: 'Comment', exact: true }).click();
    await plan(mentor).getByText('First remark while you were away').waitFor();
    await box.fill('Second remark while you were away');
    await plan(mentor).getByRole('button', { name: 'Comment', exact: true }).click();
    await plan(mentor).getByText('Second remark while you were away').waitFor();
    // And the first thread gets resolved.
    await plan(mentor).getByTestId('thread').first().getByRole('button', { name: 'Resolve' }).click();
    await plan(mentor).getByTestId('thread').first().getByRole('button', { name: 'Reopen' }).waitFor();
    expect(await plan(mentee).getByText('First remark while you were away').count()).toBe(0);

    await menteeContext.setOffline(false);
    await plan(mentee).getByText('First remark while you were away').waitFor();
    await plan(mentee).getByText('Second remark while you were away').waitFor();
    // Resolved, as the mentee sees it; reopening the mentor's thread is not theirs to do, so it is not offered.
    await plan(mentee).getByTestId('thread').first().getByText('Resolved', { exact: true }).waitFor();
    expect(await plan(mentee).getByTestId('thread').first().getByRole('button', { name: 'Reopen' }).count()).toBe(0);
    await mentee.getByTestId('connection-lost').waitFor({ state: 'detached' });
    // Each comment once, not twice (replay and live overlapping are deduplicated).
    expect(await plan(mentee).getByText('Second remark while you were away').count()).toBe(1);
  });

  it('raised no error in either page', () => {
    expect(errors.flat()).toEqual([]);
  });
});
