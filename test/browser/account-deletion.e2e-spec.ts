/**
 * Deleting an account: the person confirms with their password on the account page, is signed out to the
 * sign-in page that says so; another member then sees their comment attributed to a former member of
 * their organisation.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { ActionPlan, Comment, User } from '@citymentor/domain';
import { PASSWORD } from '../support/given';
import { GivenPlans } from '../support/given-plans';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('deleting my account', () => {
  let world: BrowserWorld;
  const contexts: BrowserContext[] = [];
  let m: Awaited<ReturnType<BrowserWorld['t']['given']['mentoring']>>;

  beforeAll(async () => {
    world = await startBrowserWorld();
    m = await world.t.given.mentoring();
  }, SETUP);

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await world?.close();
  });

  const signedIn = async (email: string): Promise<Page> => {
    const context = await signedInContext(world, { email, password: PASSWORD });
    contexts.push(context);
    const page = await context.newPage();
    watchErrors(page);
    return page;
  };

  it('signs the person out with a message, and shows their comment as by a former member', async () => {
    const plan = await new GivenPlans(world.t.orm).plan(m.pair, {
      title: 'Desk for founders',
      createdBy: m.people.mentee.user,
    });
    const em = world.t.orm.em.fork();
    await em.persistAndFlush(
      new Comment({
        plan: em.getReference(ActionPlan, plan.id),
        author: em.getReference(User, m.people.mentee.user.id),
        body: 'We will staff the desk from May.',
        target: { type: 'plan', id: plan.id },
      }),
    );

    const page = await signedIn(m.people.mentee.user.email);
    await page.goto('/account');
    await page.getByRole('heading', { level: 2, name: 'Delete my account' }).waitFor();
    await page.getByLabel('Your password, to confirm').fill(PASSWORD);
    await page.getByLabel('I understand: delete my account').check();
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('Your account has been deleted and every session has ended.').waitFor();

    const mentor = await signedIn(m.people.mentor.user.email);
    await mentor.goto(`/programmes/${m.programme.id}/plans/${plan.id}`);
    await mentor.getByText('We will staff the desk from May.').waitFor();
    await mentor.getByText(`a former member of ${m.menteeCity.name}`).first().waitFor();
  });
});
