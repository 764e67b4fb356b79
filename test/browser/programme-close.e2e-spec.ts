/**
 * Closing and reopening a programme (issue 19): the coordinator closes it from its manage page after a
 * confirmation; every page of it then says it is closed and read-only, and the plan page offers no write;
 * reopened, the banner goes and the plan's buttons are back.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('closing and reopening a programme', () => {
  let world: BrowserWorld;
  let contexts: BrowserContext[];
  let coordinator: Page;
  let mentee: Page;
  let programmeId: string;
  let planUrl: string;
  const errors: string[] = [];

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    programmeId = m.programme.id;
    const asMentee = world.t.api.as(m.people.mentee.token);
    const plan = await asMentee
      .post(`/pairs/${m.pair.id}/action-plans`, {
        title: 'A welcome desk for founders',
        sectionCodes: ['access-to-finance'],
        objective: 'One place to start',
      })
      .expect(201);
    planUrl = `/programmes/${programmeId}/plans/${plan.body.id}`;
    contexts = await Promise.all([
      signedInContext(world, { email: m.people.coordinator.user.email, password: PASSWORD }),
      signedInContext(world, { email: m.people.mentee.user.email, password: PASSWORD }),
    ]);
    [coordinator, mentee] = await Promise.all(contexts.map((c) => c.newPage()));
    watchErrors(coordinator, errors);
    watchErrors(mentee, errors);
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  const editButton = (page: Page) => page.getByRole('button', { name: 'Edit the plan' });
  const banner = (page: Page) => page.getByTestId('programme-closed');

  it('closes it after a confirmation: a banner, and no write on the plan page', async () => {
    await mentee.goto(planUrl);
    await editButton(mentee).waitFor();

    await coordinator.goto(`/programmes/${programmeId}/manage`);
    await coordinator.getByRole('button', { name: 'Close programme…' }).click();
    await coordinator.getByText('read-only for everyone').waitFor();
    await coordinator.getByRole('button', { name: 'Close programme', exact: true }).click();
    await banner(coordinator).filter({ hasText: 'it is read-only' }).waitFor();
    await coordinator.getByRole('button', { name: 'Reopen programme' }).waitFor();
    expect(await coordinator.getByRole('heading', { name: 'Pair suggestions' }).count()).toBe(0);

    await mentee.reload();
    await banner(mentee).waitFor();
    await mentee.getByTestId('plan-state').waitFor();
    expect(await editButton(mentee).count()).toBe(0);
    expect(await mentee.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);
  });

  it('reopens it: the banner goes and the buttons are back', async () => {
    await coordinator.getByRole('button', { name: 'Reopen programme' }).click();
    await coordinator.getByRole('button', { name: 'Close programme…' }).waitFor();
    expect(await banner(coordinator).count()).toBe(0);

    await mentee.reload();
    await editButton(mentee).waitFor();
    expect(await banner(mentee).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
