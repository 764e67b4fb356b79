/**
 * The account page and a session that ends: a person changes their password with the policy's
 * strength shown as they type (a weak one is refused with the reason, nothing sent); the change ends
 * every session, and the sign-in page says so. A session that ends by itself sends the person to sign
 * in saying why, and back to where they were afterwards, with what they had typed and not yet sent.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { GivenPlans } from '../support/given-plans';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { expectFocus } from './support/focus';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

const NEW_PASSWORD = 'quiet lantern orchard ferry';

describe('my account, and a session that ends', () => {
  let world: BrowserWorld;
  const contexts: BrowserContext[] = [];
  let m: Awaited<ReturnType<BrowserWorld['t']['given']['mentoring']>>;

  beforeAll(async () => {
    // Access tokens that expire in seconds, so a test can outlive one.
    world = await startBrowserWorld({ JWT_ACCESS_TTL_SECONDS: '5' });
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

  it('changes the password: weak ones refused with the reason as typed, then every session ends and sign-in says so', async () => {
    const page = await signedIn(m.people.otherCity.user.email);
    await page.goto('/');
    await page.locator('.account__name').getByRole('link', { name: m.people.otherCity.user.name }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();

    await page.getByLabel('Your current password').fill(PASSWORD);
    await page.getByLabel('New password').fill('aaaaaaaaaa');
    await page.getByTestId('password-strength').getByText('too easy to guess').waitFor();
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByRole('alert').getByText('This password is too easy to guess').waitFor();
    await expectFocus(page, { id: 'new-password' });

    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByTestId('password-strength').getByText('good enough').waitFor();
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByText('Your password has been changed and every session has ended').waitFor();

    await page.getByLabel('E-mail').fill(m.people.otherCity.user.email);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.account__name').waitFor();
    await world.t.api.post('/auth/login', { email: m.people.otherCity.user.email, password: PASSWORD }).expect(401);
  });

  /** Ends the person's session elsewhere (say, a sign-out everywhere); the short-lived access token then runs out. */
  const endSession = async (userId: string, page: Page) => {
    await world.t.orm.em
      .getConnection()
      .execute(`update refresh_tokens set revoked_at = now() where user_id = ? and revoked_at is null`, [userId]);
    await page.waitForTimeout(6000);
  };

  it('keeps a comment being typed and an unsaved plan edit across a session that ended, and restores them after signing in', async () => {
    const plan = await new GivenPlans(world.t.orm).plan(m.pair, {
      title: 'Desk for founders',
      createdBy: m.people.mentee.user,
    });
    const page = await signedIn(m.people.mentee.user.email);
    const path = `/programmes/${m.programme.id}/plans/${plan.id}`;
    await page.goto(path);
    await page.getByRole('button', { name: 'Edit the plan' }).click();
    await page.getByLabel('Objective').fill('Open a one-stop desk by June');
    const comment = page.getByLabel('New comment').first();
    await comment.fill('Could the mentor city share its intake form?');

    await endSession(m.people.mentee.user.id, page);
    // The live connection may have found out first; else sending the comment does.
    const send = page.getByRole('button', { name: 'Comment', exact: true }).first();
    if (await send.isVisible()) await send.click();
    await page.getByText('Your session has ended, so please sign in again').waitFor();
    await page.getByLabel('E-mail').fill(m.people.mentee.user.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.waitForURL((url) => url.pathname === path);
    await expect(page.getByLabel('Objective').inputValue()).resolves.toBe('Open a one-stop desk by June');
    await expect(page.getByLabel('New comment').first().inputValue()).resolves.toBe(
      'Could the mentor city share its intake form?',
    );
    // Sent now, the draft goes: a reload shows an empty box.
    await page.getByRole('button', { name: 'Comment', exact: true }).first().click();
    await page.getByText('Could the mentor city share its intake form?').first().waitFor();
    await expect(page.getByLabel('New comment').first().inputValue()).resolves.toBe('');
  });

  it('says why the person must sign in again when the session ended, and returns them to the page', async () => {
    const page = await signedIn(m.people.mentee.user.email);
    await page.goto(`/programmes/${m.programme.id}/activity`);
    await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
    await endSession(m.people.mentee.user.id, page);
    // The live connection may have found out first; else the next page the person opens does.
    const benchmarks = page.getByRole('link', { name: 'Benchmarks' });
    if (await benchmarks.isVisible()) await benchmarks.click();
    await page.getByText('Your session has ended, so please sign in again').waitFor();
    const left = new URL(page.url());
    expect(left.pathname).toBe('/sign-in');
    const back = decodeURIComponent(left.searchParams.get('next') ?? '');
    expect([`/programmes/${m.programme.id}/activity`, '/benchmarks']).toContain(back);

    await page.getByLabel('E-mail').fill(m.people.mentee.user.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === back);
  });
});
