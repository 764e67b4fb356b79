/**
 * Every main page, as the people who use it see it, on the demo consortium of the README (seeded into
 * this file's own database, so the screenshots in docs/ show what a new installation shows):
 * - axe-core finds no serious or critical accessibility violation;
 * - in French, no English interface text is left (content written by people, and the benchmark's
 *   English text, are marked as such and not counted), and at 390 px nothing needs sideways scrolling;
 * - the keyboard alone signs in, focus is visible, the language switches from the header;
 * - screenshots at 1280 px (English) and 390 px (French) for the user guide and the README
 *   (into docs/screenshots/ with `npm run screenshots`; support/screenshots.ts).
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/en';
import { fr } from '../../apps/web/src/i18n/fr';
import { screenshotPath } from './support/screenshots';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, STEP, TEST } from './support/timing';

jest.setTimeout(TEST);

const PASSWORD = 'citymentor-demo';
const MENTEE = { email: 'mentee@tampere.fi', password: PASSWORD };
const MENTOR = { email: 'mentor@helsinki.fi', password: PASSWORD };
const COORDINATOR = { email: 'coordinator@eurocities.eu', password: PASSWORD };
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser tooling: the page's Content-Security-Policy (scripts of its own origin only) refuses injected script tags.
  await page.evaluate(AXE);
  const violations = await page.evaluate<Violation[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** The interface's own words on the page: text and labels outside content written by people or quoted from the benchmark. */
function interfaceText(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const clone = document.body.cloneNode(true);
    clone.querySelectorAll('[data-user-content], [lang="en"], desc, script, style').forEach((el) => el.remove());
    const attrs = [...clone.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
    return [clone.textContent, ...attrs, document.title].join('\\n');
  })()`);
}

/** English phrases of the catalogue that French words differently (placeholders split them). */
const ENGLISH = [
  ...new Set(
    (Object.keys(en) as (keyof typeof en)[])
      .filter((key) => fr[key] !== en[key])
      .flatMap((key) => en[key].split(/\{\w+\}/))
      .map((part) => part.replace(/[.:…“”()]/g, ' ').trim())
      .filter((part) => part.length >= 5 && /[a-z]{3}/.test(part) && !Object.values(fr).some((f) => f.includes(part))),
  ),
];

function untranslated(text: string): string[] {
  return ENGLISH.filter((phrase) =>
    new RegExp(`(?<![\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text),
  );
}

describe('main pages: accessibility, French, small screens, screenshots', () => {
  let world: BrowserWorld;
  let browser: Browser;
  let programmeId: string;
  let pairId: string;
  let planId: string;
  let followUpId: string;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  const opened = new Map<string, Promise<Page>>();

  /** One page per person, language and screen size, reused from page to page. */
  async function open(
    person: typeof MENTEE,
    path: string,
    options: { locale?: 'en' | 'fr'; viewport?: { width: number; height: number } } = {},
  ) {
    const key = `${person.email}|${options.locale ?? 'en'}|${options.viewport?.width ?? DESKTOP.width}`;
    let pending = opened.get(key);
    if (!pending) {
      pending = signedInContext(world, person, { viewport: DESKTOP, ...options }).then(async (context) => {
        contexts.push(context);
        return watchPage(await context.newPage());
      });
      opened.set(key, pending);
    }
    const page = await pending;
    await page.goto(path);
    await page.locator('main h1').first().waitFor();
    await page
      .locator('.loading')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    return page;
  }

  function watchPage(page: Page): Page {
    watchErrors(page, errors);
    return page;
  }

  /** Rendered and still: nothing loading, the fonts in, two frames painted since. */
  async function settle(page: Page) {
    await page.waitForFunction(() => !document.querySelector('.loading') && document.fonts.status === 'loaded');
    await painted(page);
  }

  const painted = (page: Page) =>
    page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');

  beforeAll(async () => {
    world = await startBrowserWorld({ SEED_DEMO: 'true' });
    browser = world.browser;
    const login = async (p: typeof MENTEE) =>
      (await world.t.http().post('/api/v1/auth/login').send(p).expect(200)).body.accessToken as string;
    const mentee = world.t.api.as(await login(MENTEE));
    programmeId = (await mentee.get('/programmes').expect(200)).body[0].id;
    const pair = (await mentee.get(`/programmes/${programmeId}/pairs`).expect(200)).body.find(
      (p: { mySide: string }) => p.mySide === 'mentee',
    );
    pairId = pair.id;
    planId = (await mentee.get(`/pairs/${pairId}/action-plans`).expect(200)).body[0].id;
    const assessments = (await mentee.get(`/programmes/${programmeId}/assessments`).expect(200)).body as {
      id: string;
      organisation: { id: string };
      phase: string;
    }[];
    const own = assessments.filter((a) => a.organisation.id === pair.menteeOrganisation.id);
    followUpId =
      own.find((a) => a.phase === 'follow-up')?.id ??
      (
        await mentee
          .post(`/programmes/${programmeId}/assessments`, {
            organisationId: pair.menteeOrganisation.id,
            benchmarkCode: pair.benchmarkCode,
            phase: 'follow-up',
            copyFromBaseline: true,
          })
          .expect(201)
      ).body.id;
  }, SETUP);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await world?.close();
  });

  /** What a screenshot should show of a page longer than the screen. */
  const SHOW: Record<string, string> = { calibration: '.calibrate', scores: '.chart' };
  async function shoot(page: Page, name: string, file: string) {
    if (SHOW[name]) {
      await page.locator(SHOW[name]).first().waitFor();
      await page.evaluate(
        `document.querySelector('${SHOW[name]}').closest('li, section').scrollIntoView({ block: 'start', behavior: 'instant' })`,
      );
      await painted(page);
    }
    await page.screenshot({ path: screenshotPath(file) });
  }

  const pages: Record<string, () => { person: typeof MENTEE; path: string }> = {
    work: () => ({ person: MENTEE, path: '/' }),
    'work-mentor': () => ({ person: MENTOR, path: '/' }),
    'work-coordinator': () => ({ person: COORDINATOR, path: '/' }),
    programme: () => ({ person: MENTEE, path: `/programmes/${programmeId}` }),
    pair: () => ({ person: MENTEE, path: `/programmes/${programmeId}/pairs/${pairId}` }),
    assessment: () => ({ person: MENTEE, path: `/programmes/${programmeId}/assessments/${followUpId}` }),
    scores: () => ({ person: MENTEE, path: `/programmes/${programmeId}/assessments/${followUpId}?step=scores` }),
    plan: () => ({ person: MENTOR, path: `/programmes/${programmeId}/plans/${planId}` }),
    calibration: () => ({
      person: MENTOR,
      path: `/programmes/${programmeId}/assessments/${followUpId}?step=comprehensive-support`,
    }),
    dashboard: () => ({ person: COORDINATOR, path: `/programmes/${programmeId}/dashboard` }),
    manage: () => ({ person: COORDINATOR, path: `/programmes/${programmeId}/manage` }),
    activity: () => ({ person: COORDINATOR, path: `/programmes/${programmeId}/activity` }),
  };

  it('has no serious or critical accessibility violation on the sign-in page, and signs in with the keyboard alone', async () => {
    const context = await browser.newContext({ baseURL: world.baseUrl, viewport: DESKTOP, locale: 'en-GB' });
    context.setDefaultTimeout(STEP);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.locator('main h1').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Skip link first, then the page's controls; the focused control shows an outline.
    await page.keyboard.press('Tab');
    await expect(page.evaluate<string>(`document.activeElement.textContent`)).resolves.toBe('Skip to content');
    await page.locator('#email').focus();
    await expect(page.evaluate<string>(`getComputedStyle(document.activeElement).outlineStyle`)).resolves.not.toBe(
      'none',
    );
    await page.keyboard.type(MENTEE.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    // The first page after sign-in is the personal queue, "My work".
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
  });

  for (const [name, where] of Object.entries(pages)) {
    it(`has no serious or critical accessibility violation on the ${name} page`, async () => {
      const { person, path } = where();
      const page = await open(person, path);
      await settle(page);
      expect(await seriousViolations(page)).toEqual([]);
      await shoot(page, name, `${name}-desktop.png`);
    });
  }

  // French at phone size in one pass: French runs longer than English, so it is the stricter width test.
  for (const [name, where] of Object.entries(pages)) {
    it(`shows the ${name} page in French with no English interface text, on a 390 px phone without sideways scrolling`, async () => {
      const { person, path } = where();
      const page = await open(person, path, { locale: 'fr', viewport: PHONE });
      await settle(page);
      await expect(page.evaluate<string>('document.documentElement.lang')).resolves.toBe('fr');
      expect(untranslated(await interfaceText(page))).toEqual([]);
      await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(
        PHONE.width,
      );
      await shoot(page, name, `${name}-fr-phone.png`);
    });
  }

  it('shows the demo’s stalled pairs on the dashboard and the programme’s settings, for the user guide', async () => {
    const dashboard = await open(COORDINATOR, `/programmes/${programmeId}/dashboard#stalled`);
    await settle(dashboard);
    await dashboard
      .getByTestId('stalled-pairs')
      .getByRole('link', { name: 'Rotterdam mentors Lisbon' })
      .first()
      .waitFor();
    await dashboard
      .getByTestId('stalled-pairs')
      .getByRole('link', { name: 'Vienna mentors Nicosia' })
      .first()
      .waitFor();
    await dashboard.locator('#stalled').screenshot({ path: screenshotPath('stalled-desktop.png') });

    const manage = await open(COORDINATOR, `/programmes/${programmeId}/manage#settings`);
    await settle(manage);
    await expect(manage.getByLabel('Stalled after no activity for (days)').inputValue()).resolves.toBe('21');
    await manage.locator('#settings').screenshot({ path: screenshotPath('settings-desktop.png') });
  });

  it('would notice English: the same check finds plenty on the English plan page', async () => {
    const page = await open(MENTOR, pages.plan().path);
    await settle(page);
    expect(untranslated(await interfaceText(page)).length).toBeGreaterThan(3);
  });

  it('switches the language from the header, keeping the page', async () => {
    const page = await open(MENTEE, `/programmes/${programmeId}/pairs/${pairId}`);
    // Everything in and nothing left to re-render it: the switch alone must translate the page.
    await page.getByRole('heading', { name: 'Action plans' }).waitFor();
    await settle(page);
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Plans d’action' }).waitFor();
    await expect(page.evaluate<string>('document.documentElement.lang')).resolves.toBe('fr');
  });

  it('raised no error in any page', () => {
    expect(errors).toEqual([]);
  });
});
