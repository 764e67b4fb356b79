/**
 * The web client's session in the browser: the refresh token lives in an HttpOnly cookie the page cannot
 * read, nothing of the session in localStorage or sessionStorage; a reload and a second tab stay signed
 * in through the cookie; signing out ends the session on the server, clears the cookie and every tab.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { COOKIE_REQUEST, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, STEP, TEST } from './support/timing';

jest.setTimeout(TEST);

/** A JWT, a refresh token (`<uuid>.<secret>`) or its secret, wherever it appears. */
const TOKEN = /eyJ[\w-]+\.[\w-]+\.[\w-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[\w-]{43}/;

describe('the session in the browser', () => {
  let world: BrowserWorld;
  let context: BrowserContext;
  let page: Page;
  let email: string;
  let name: string;
  let errors: string[];

  const storage = (p: Page) =>
    p.evaluate<{ local: Record<string, string>; session: Record<string, string>; cookie: string }>(
      `({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie })`,
    );
  const refreshCookie = async () => (await context.cookies()).find((c) => c.name === 'citymentor_refresh');
  const signedInAs = (p: Page) => p.locator('.account__name').getByText(name).waitFor();

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    email = m.people.mentee.user.email;
    name = m.people.mentee.user.name;
    context = await world.browser.newContext({ baseURL: world.baseUrl, locale: 'en-GB' });
    context.setDefaultTimeout(STEP);
    page = await context.newPage();
    errors = watchErrors(page);
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  it('signs in with the refresh token in an HttpOnly, SameSite=Strict cookie and no token in storage', async () => {
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/'); // the first page after sign-in: My work
    await signedInAs(page);

    const cookie = await refreshCookie();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth', secure: false });
    expect(cookie!.value).toMatch(TOKEN);
    const seen = await storage(page);
    expect(JSON.stringify(seen)).not.toMatch(TOKEN);
    expect(JSON.stringify(seen)).not.toContain(cookie!.value.split('.')[1]);
    expect(seen.cookie).not.toContain('citymentor_refresh'); // HttpOnly: not for scripts
  });

  it('stays signed in across a reload and in a second tab, each page load refreshing through the cookie', async () => {
    const before = (await refreshCookie())!.value;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await signedInAs(page);
    const after = (await refreshCookie())!.value;
    expect(after).not.toBe(before); // rotated by the reload's refresh

    const second = await context.newPage();
    watchErrors(second, errors);
    await second.goto('/benchmarks');
    await signedInAs(second);
    expect(JSON.stringify(await storage(second))).not.toMatch(TOKEN);
    await second.close();
  });

  it('stays signed in when pages are left while their refresh is still in flight (the answer and its cookie are lost)', async () => {
    for (let i = 0; i < 5; i++) {
      await page.goto('/programmes', { waitUntil: 'domcontentloaded' }); // the module has run: its refresh is on its way
      await page.goto('/benchmarks', { waitUntil: 'domcontentloaded' });
    }
    await page.goto('/programmes');
    await page.getByRole('heading', { level: 1, name: 'Your programmes' }).waitFor();
    await signedInAs(page);
  });

  it('signs out: the session ends on the server, the cookie goes, every tab and a reload are signed out', async () => {
    const other = await context.newPage();
    watchErrors(other, errors);
    await other.goto('/benchmarks');
    await signedInAs(other);
    const spent = (await refreshCookie())!.value;

    // The sign-in page's chunk comes late (a slow network): the page left behind meanwhile, signed out,
    // must not send the person on to `/sign-in?next=…` – signing out lands on the plain sign-in page.
    await page.route(/\/assets\/sign-in-[^/]+\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 500));
      await route.continue();
    });
    await page.bringToFront(); // the person signs out in the tab they look at
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page
      .waitForURL((url) => url.pathname === '/sign-in' && url.search === '')
      .catch((error: Error) => Promise.reject(new Error(`Still at ${page.url()} after signing out: ${error.message}`)));
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await refreshCookie()).toBeUndefined();
    await other.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor(); // told by the first tab
    await other.close();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(JSON.stringify(await storage(page))).not.toMatch(TOKEN);
    // The cookie's session is over on the server, not only forgotten by the browser.
    const res = await world.t
      .http()
      .post('/api/v1/auth/refresh')
      .set(COOKIE_REQUEST)
      .set('Cookie', `citymentor_refresh=${spent}`)
      .send({ tokenDelivery: 'cookie' });
    expect(res.status).toBe(401);
    expect(errors).toEqual([]);
  });
});
