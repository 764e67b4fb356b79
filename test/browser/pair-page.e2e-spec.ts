/**
 * The pair page offers what the pair's `can` says, nothing the web decides itself: the mentee city drafts
 * plans and starts its self-assessment, a coordinator may start it too, the mentor side does neither,
 * and once the pair ends no plan can be drafted (shown at once, live).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD, type SignedIn } from '../support/given';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('the pair page', () => {
  let world: BrowserWorld;
  let m: Awaited<ReturnType<BrowserWorld['t']['given']['mentoring']>>;
  const contexts: BrowserContext[] = [];
  const errors: string[][] = [];

  const DRAFT = 'Draft a new plan';
  const START = 'Start the baseline self-assessment';
  const NO_ASSESSMENTS = 'No self-assessment yet.';

  async function pairPage(person: SignedIn): Promise<Page> {
    const context = await signedInContext(world, { email: person.user.email, password: PASSWORD });
    contexts.push(context);
    const page = await context.newPage();
    errors.push(watchErrors(page));
    await page.goto(`/programmes/${m.programme.id}/pairs/${m.pair.id}`);
    await page.locator('h1#pair-title').waitFor();
    // Both lists read: what the page offers is settled.
    await page.getByText('No action plan yet.').waitFor();
    await page.getByText(NO_ASSESSMENTS).waitFor();
    return page;
  }
  const offers = async (page: Page, name: string) => (await page.getByRole('button', { name }).count()) > 0;

  beforeAll(async () => {
    world = await startBrowserWorld();
    m = await world.t.given.mentoring();
  }, SETUP);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await world?.close();
  });

  it('offers the mentee city to draft a plan and to start its self-assessment', async () => {
    const page = await pairPage(m.people.mentee);
    await page.getByRole('button', { name: START }).waitFor();
    await page.getByRole('button', { name: DRAFT }).waitFor();
  });

  it('offers the mentor side neither', async () => {
    const page = await pairPage(m.people.mentor);
    expect(await offers(page, DRAFT)).toBe(false);
    expect(await offers(page, START)).toBe(false);
  });

  it('offers a coordinator to start the city’s self-assessment, not to draft its plan', async () => {
    const page = await pairPage(m.people.coordinator);
    await page.getByRole('button', { name: START }).waitFor();
    expect(await offers(page, DRAFT)).toBe(false);
  });

  it('takes “Draft a new plan” away from the open page when the pair ends', async () => {
    const page = await pairPage(m.people.mentee);
    await page.getByRole('button', { name: DRAFT }).waitFor();
    await world.t.api.as(m.people.coordinator.token).post(`/pairs/${m.pair.id}/end`).expect(200);
    await page.getByRole('button', { name: DRAFT }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: START }).waitFor();
  });

  it('raised no error in any page', () => {
    expect(errors.flat()).toEqual([]);
  });
});
