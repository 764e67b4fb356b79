/**
 * The job board (issue 16) as the installation admin reaches it: a link on their account page opens
 * Bull Board in a new tab, signed in by the session cookie alone, under the app's CSP. No one else sees
 * the link, and the address itself answers them 404.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { JOB_BOARD_PATH } from '@citymentor/contracts';
import { PASSWORD } from '../support/given';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('the job board in a browser', () => {
  let world: BrowserWorld;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    world = await startBrowserWorld();
  }, SETUP);

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await world?.close();
  });

  const signedIn = async (email: string): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await signedInContext(world, { email, password: PASSWORD });
    contexts.push(context);
    const page = await context.newPage();
    watchErrors(page);
    return { context, page };
  };

  /** What the page's Content-Security-Policy refused, as the browser reports it. */
  const refusals = (page: Page, into: string[] = []) => {
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) into.push(message.text());
    });
    return into;
  };

  it('opens from the admin’s account page in a new tab and shows the worker’s queues', async () => {
    const admin = await world.t.given.user({ isAdmin: true });
    const { context, page } = await signedIn(admin.email);
    await page.goto('/account');
    await page.getByRole('heading', { level: 2, name: 'Background jobs' }).waitFor();
    const [board] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: 'Open the job board (new tab)' }).click(),
    ]);
    const errors = watchErrors(board);
    const refused = refusals(board);
    await board.waitForURL(`**${JOB_BOARD_PATH}**`);
    for (const queue of ['reports', 'exports', 'notifications', 'reminders', 'housekeeping'])
      await board.getByRole('link', { name: queue, exact: true }).first().waitFor();
    expect(errors).toEqual([]);
    // The board's stylesheet asks Google Fonts for its typeface; the app's CSP keeps it to this origin.
    expect(refused.filter((r) => !r.includes('fonts.googleapis.com'))).toEqual([]);
  });

  it('is not offered to anyone else, and its address answers them 404', async () => {
    const m = await world.t.given.mentoring();
    const { page } = await signedIn(m.people.coordinator.user.email);
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Your data' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Background jobs' }).count()).toBe(0);
    const res = await page.goto(JOB_BOARD_PATH);
    expect(res?.status()).toBe(404);
  });
});
