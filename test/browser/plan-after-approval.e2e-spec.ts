/**
 * Changes after approval, as the mentee and the mentor live them (issue 14): the mentee sees the live
 * "just approved" notice, which goes once the plan moves on (“Start implementing”); a milestone the
 * mentee adds afterwards is no silent change: the mentor sees the plan "changed since approval" against
 * the approved revision, the new milestone marked, and the activity feed says so.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { ApiClient } from '../support/api-client';
import { PASSWORD } from '../support/given';
import { screenshotPath } from './support/screenshots';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('changes after approval', () => {
  let world: BrowserWorld;
  let menteeContext: BrowserContext;
  let mentorContext: BrowserContext;
  let mentee: Page;
  let mentor: Page;
  let asMentor: ApiClient;
  let programmeId: string;
  let planId: string;
  const errors: string[][] = [];

  const state = (page: Page) => page.getByTestId('plan-state');
  const planUrl = () => `/programmes/${programmeId}/plans/${planId}`;

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    programmeId = m.programme.id;
    const asMentee = world.t.api.as(m.people.mentee.token);
    asMentor = world.t.api.as(m.people.mentor.token);
    planId = (
      await asMentee
        .post(`/pairs/${m.pair.id}/action-plans`, {
          title: 'Microcredit for migrant founders',
          sectionCodes: ['access-to-finance'],
          objective: 'Small loans for founders the banks turn away',
        })
        .expect(201)
    ).body.id;
    await asMentee
      .post(`/action-plans/${planId}/milestones`, {
        title: 'Open the desk',
        dueDate: '2099-03-31',
        owner: 'Business office',
      })
      .expect(201);
    await asMentee.post(`/action-plans/${planId}/submit`, {}).expect(200);

    menteeContext = await signedInContext(world, { email: m.people.mentee.user.email, password: PASSWORD });
    mentorContext = await signedInContext(world, { email: m.people.mentor.user.email, password: PASSWORD });
    mentee = await menteeContext.newPage();
    mentor = await mentorContext.newPage();
    errors.push(watchErrors(mentee), watchErrors(mentor));
    await mentee.goto(planUrl());
    await state(mentee).filter({ hasText: 'Submitted for review' }).waitFor();
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  it('shows “just approved” live, and takes it away once the mentee starts implementing', async () => {
    await asMentor.post(`/action-plans/${planId}/reviews`, { verdict: 'approve', summary: 'Go ahead.' }).expect(201);
    const notice = mentee.getByTestId('live-announcement');
    await notice.filter({ hasText: 'The plan has just been approved.' }).waitFor();
    await state(mentee).filter({ hasText: 'Approved' }).waitFor();

    await mentee.getByRole('button', { name: 'Start implementing' }).click();
    await state(mentee).filter({ hasText: 'In progress' }).waitFor();
    await notice.waitFor({ state: 'detached' });
    await expect(mentee.getByRole('status').filter({ hasText: 'just been approved' }).count()).resolves.toBe(0);
  });

  it('shows the mentor a milestone added after the approval as “changed since approval”, marked on the milestone', async () => {
    await mentee.getByRole('button', { name: 'Add a milestone' }).click();
    await mentee.getByLabel('Milestone', { exact: true }).fill('Second lender signed');
    await mentee.getByLabel('Due date', { exact: true }).fill('2099-09-30');
    await mentee.getByLabel('Owner').last().fill('Finance office');
    await mentee.getByRole('button', { name: 'Add', exact: true }).click();
    await mentee.getByTestId('milestone').filter({ hasText: 'Second lender signed' }).waitFor();

    await mentor.goto(planUrl());
    const changed = mentor.getByTestId('changed-since-approval');
    await changed.getByRole('heading', { name: 'Changed since approval' }).waitFor();
    await changed.getByText(/Compared with revision 1, approved by .+ on /).waitFor();
    const added = changed.getByTestId('changed-milestone');
    await added.filter({ hasText: 'Second lender signed · added' }).waitFor();
    await added.getByText('Finance office').waitFor();
    expect(await added.count()).toBe(1); // not the approved milestone, though its plan is under way
    await mentor
      .getByTestId('milestone')
      .filter({ hasText: 'Second lender signed' })
      .getByText('New since approval')
      .waitFor();
    expect(
      await mentor
        .getByTestId('milestone')
        .filter({ hasText: 'Open the desk' })
        .getByText('New since approval')
        .count(),
    ).toBe(0);
    await changed.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await mentor.screenshot({ path: screenshotPath('plan-changed-since-approval-desktop.png') });

    // The mentee sees it the same way.
    await mentee.getByTestId('changed-since-approval').getByText('Second lender signed · added').waitFor();
  });

  it('says in the activity feed that the milestone was added to the approved plan', async () => {
    await mentor.goto(`/programmes/${programmeId}/activity`);
    await mentor
      .getByText(/added the milestone “Second lender signed” to the approved plan “Microcredit for migrant founders”/)
      .first()
      .waitFor();
  });

  it('raised no error in any page', () => {
    expect(errors.flat()).toEqual([]);
  });
});
