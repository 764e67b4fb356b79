/**
 * On a 390 px phone: the header is one row (brand, bell, a menu button) whose menu holds the
 * navigation, the programme switcher, the language and the account, in English and in French; long
 * words wrap inside the bell's panel and the dashboard's cards instead of pushing the page sideways.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { GivenPlans } from '../support/given-plans';
import { screenshotPath } from './support/screenshots';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { expectFocus } from './support/focus';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

const PHONE = { width: 390, height: 844 };
const LONG = 'Arbeitsmarktintegrationsförderungsprogrammverwaltungsausschusssitzungsprotokoll';

describe('the web client on a 390 px phone', () => {
  let world: BrowserWorld;
  const contexts: BrowserContext[] = [];
  let m: Awaited<ReturnType<BrowserWorld['t']['given']['mentoring']>>;

  beforeAll(async () => {
    world = await startBrowserWorld();
    m = await world.t.given.mentoring();
    const plans = new GivenPlans(world.t.orm);
    const plan = await plans.plan(m.pair, { title: `${LONG} plan`, sectionCodes: ['strategy'], state: 'in-progress' });
    await plans.milestones(plan, [{ title: `${LONG} (late)`, dueDate: '2020-01-31', owner: LONG }]);
  }, SETUP);

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await world?.close();
  });

  const open = async (path: string, locale: 'en' | 'fr') => {
    const context = await signedInContext(
      world,
      { email: m.people.coordinator.user.email, password: PASSWORD },
      { locale, viewport: PHONE },
    );
    contexts.push(context);
    const page = await context.newPage();
    watchErrors(page);
    await page.goto(path);
    return page;
  };
  const headerHeight = (page: Page) => page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().height);
  const sideways = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  for (const locale of ['en', 'fr'] as const) {
    it(`keeps the header to one row in ${locale}, its menu one tap away`, async () => {
      const page = await open(`/programmes/${m.programme.id}/dashboard`, locale);
      const menu = page.locator('#menu-toggle');
      await menu.waitFor();
      await page.locator('h1').first().waitFor();
      expect(await headerHeight(page)).toBeLessThan(80);
      // Open, the menu's button keeps its place: still one row above the menu.

      await page.screenshot({ path: screenshotPath(`phone-header-${locale}.png`) });

      expect(await page.locator('#site-menu').isVisible()).toBe(false);
      await menu.click();
      await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
      await page.getByRole('navigation').getByRole('link').first().waitFor();
      await page.locator('#programme-switcher').waitFor();
      expect(await menu.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(30);
      await page.screenshot({ path: screenshotPath(`phone-menu-${locale}.png`) });
      await page.keyboard.press('Escape');
      await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
      await expectFocus(page, { id: 'menu-toggle' });
    });
  }

  it('keeps the wide header as it was: no menu button, everything in the row', async () => {
    const context = await signedInContext(world, { email: m.people.coordinator.user.email, password: PASSWORD });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/programmes/${m.programme.id}/dashboard`);
    await page.locator('#programme-switcher').waitFor();
    expect(await page.locator('#menu-toggle').isVisible()).toBe(false);
    await page.getByRole('navigation').getByRole('link').first().waitFor();
  });

  it('wraps a long word in the dashboard instead of scrolling sideways', async () => {
    const page = await open(`/programmes/${m.programme.id}/dashboard`, 'en');
    const late = page.getByTestId('late-milestones');
    await late.getByText(LONG, { exact: false }).first().waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    // Nothing is cut off either: the list is no wider than its card.
    const [list, card] = await late.evaluate((el) => [
      el.getBoundingClientRect().right,
      el.closest('section')!.getBoundingClientRect().right,
    ]);
    expect(list).toBeLessThanOrEqual(card);
    await late.screenshot({ path: screenshotPath('phone-late-milestones.png') });
  });
});
