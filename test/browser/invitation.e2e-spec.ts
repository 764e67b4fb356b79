/**
 * A newcomer accepts an invitation in the browser and chooses a password: the page shows its strength as
 * it is typed (the API's own policy, zxcvbn loaded lazily), refuses to send a weak one and says why in
 * words, and joins with a strong one.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { expectFocusOn } from './support/focus';
import { SETUP, STEP, TEST } from './support/timing';

jest.setTimeout(TEST);

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

describe('choosing a password when accepting an invitation', () => {
  let world: BrowserWorld;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  let errors: string[];
  /** Accept requests the page sent. */
  const accepts: string[] = [];

  beforeAll(async () => {
    world = await startBrowserWorld();
    const w = await world.t.given.world();
    const invited = await world.t.api
      .as(w.people.coordinator.token)
      .post(`/programmes/${w.programme.id}/invitations`, {
        email: 'mira.novak@city.example',
        organisationId: w.city.id,
      })
      .expect(201);
    token = invited.body.acceptUrl.split('/invitations/')[1];
    context = await world.browser.newContext({
      baseURL: world.baseUrl,
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(STEP);
    page = await context.newPage();
    errors = watchErrors(page);
    page.on('request', (r) => r.url().endsWith('/accept') && accepts.push(r.url()));
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  const strength = () => page.getByTestId('password-strength');
  const password = () => page.getByLabel('Choose a password');

  it('shows a weak password as weak while it is typed, and refuses to send it, saying why', async () => {
    await page.goto(`/invitations/${token}`);
    await page.getByRole('heading', { level: 1, name: /^Join / }).waitFor();
    await page.getByLabel('Your name').fill('Mira Novak');
    await password().fill('aaaaaaaaaa');
    await strength().getByText('Very weak — too easy to guess').waitFor();
    await strength().getByText('Repeated characters like "aaa" are easy to guess.').waitFor();
    await expect(
      strength()
        .locator('meter')
        .evaluate((el) => (el as HTMLMeterElement).value),
    ).resolves.toBe(0);

    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('This password is too easy to guess, so it was not sent: choose another one.').waitFor();
    await alert.getByText('Repeated characters like "aaa" are easy to guess.').waitFor();
    await alert.getByText(/for example four or more unrelated words, not your name or e-mail address/).waitFor();
    await expectFocusOn(password());
    await expect(password().getAttribute('aria-invalid')).resolves.toBe('true');
    expect(page.url()).toContain(`/invitations/${token}`);
    expect(accepts).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('counts the person’s own name against the password', async () => {
    await password().fill('Mira Novak 2026');
    await strength()
      .getByText(/too easy to guess/)
      .waitFor();
    await strength().getByText('There should not be any personal or page related data.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0); // typing again cleared the refusal
  });

  it('shows a strong password as good enough and joins with it', async () => {
    await password().fill('tulip kettle orbit canyon');
    await strength().getByText('Very strong — good enough').waitFor();
    expect(
      await strength()
        .getByText(/easy to guess/)
        .count(),
    ).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await page.waitForURL('**/programmes');
    await page.getByRole('heading', { level: 1, name: 'Your programmes' }).waitFor();
    expect(accepts).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate<
    { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[]
  >(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
