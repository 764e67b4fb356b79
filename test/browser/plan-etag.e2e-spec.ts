/**
 * Cheap re-reads: the web client remembers the plan page's answers with their ETags, asks again with
 * If-None-Match, and on a 304 shows what it had; once the plan changes it gets and shows the new plan.
 */
import type { BrowserContext, Page, Response } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('the web client re-reads a plan with If-None-Match', () => {
  let world: BrowserWorld;
  let context: BrowserContext;
  let page: Page;
  let m: Awaited<ReturnType<BrowserWorld['t']['given']['mentoring']>>;
  let planId: string;
  const errors: string[] = [];
  /** The answers to GET the plan and GET its comments, in order: status and the If-None-Match sent. */
  const reads: { what: 'plan' | 'comments'; status: number; ifNoneMatch?: string; etag?: string }[] = [];

  beforeAll(async () => {
    world = await startBrowserWorld();
    m = await world.t.given.mentoring();
    const asMentee = world.t.api.as(m.people.mentee.token);
    const created = await asMentee
      .post(`/pairs/${m.pair.id}/action-plans`, { title: 'Microcredit desk', sectionCodes: ['access-to-finance'] })
      .expect(201);
    planId = created.body.id;
    await asMentee
      .post(`/action-plans/${planId}/milestones`, { title: 'Desk opens', dueDate: '2099-03-31' })
      .expect(201);
    context = await signedInContext(world, { email: m.people.mentee.user.email, password: PASSWORD });
    page = await context.newPage();
    watchErrors(page, errors);
    const planPath = new URL(`/api/v1/action-plans/${planId}`, world.baseUrl).pathname;
    page.on('response', (response: Response) => {
      const path = new URL(response.url()).pathname;
      const what = path === planPath ? 'plan' : path === `${planPath}/comments` ? 'comments' : null;
      if (!what || response.request().method() !== 'GET') return;
      reads.push({
        what,
        status: response.status(),
        ifNoneMatch: response.request().headers()['if-none-match'],
        etag: response.headers().etag,
      });
    });
  }, SETUP);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await world?.close();
  });

  const planReads = () => reads.filter((r) => r.what === 'plan');
  const heading = () => page.locator('h1#plan-title');
  /** Waits (in this process) until `done` holds: the responses are counted here, not in the page. */
  async function until(done: () => boolean, ms = 10_000) {
    for (const end = Date.now() + ms; !done(); await new Promise((r) => setTimeout(r, 25)))
      if (Date.now() > end) throw new Error(`not so after ${ms} ms: ${JSON.stringify(reads)}`);
  }

  it('asks again with the ETag it got, and shows the same plan on 304', async () => {
    await page.goto(`/programmes/${m.programme.id}/pairs/${m.pair.id}`);
    await page.getByRole('link', { name: 'Microcredit desk' }).click();
    await page.getByTestId('plan-state').waitFor();
    await page.getByText('Desk opens').first().waitFor();
    const [first, firstComments] = [planReads()[0], reads.find((r) => r.what === 'comments')!];
    expect(first).toMatchObject({ status: 200, ifNoneMatch: undefined });
    expect(first.etag).toMatch(/^W\//);

    // Away to the pair page and back, in the same page: the plan page reads both again (and again once
    // its room is joined), each time with the tag it holds, and gets 304s: nothing changed.
    const seen = reads.length;
    await page.goBack();
    await page.locator('h1#pair-title').waitFor();
    await page.goForward();
    await page.getByTestId('plan-state').waitFor();
    await page.getByText('Desk opens').first().waitFor();
    await until(() => ['plan', 'comments'].every((what) => reads.slice(seen).some((r) => r.what === what)));
    // (Only the reads after coming back: on a slow first load a second read may start before the first
    // answered, with no tag to send yet — page-load.e2e-spec holds the page to one read per resource.)
    for (const read of reads.slice(seen)) {
      const tag = read.what === 'plan' ? first.etag : firstComments.etag;
      expect(read).toEqual({ what: read.what, status: 304, ifNoneMatch: tag, etag: tag });
    }
    expect(await heading().textContent()).toContain('Microcredit desk');
  });

  it('gets the changed plan when it changed, and shows it', async () => {
    const before = planReads().length;
    const current = await world.t.api.as(m.people.mentee.token).get(`/action-plans/${planId}`).expect(200);
    await world.t.api
      .as(m.people.mentee.token)
      .patch(`/action-plans/${planId}`, { version: current.body.version, title: 'Microcredit desk, renamed' })
      .expect(200);
    // The open page hears plan.updated and reads again: the old tag no longer holds.
    await page.locator('h1#plan-title', { hasText: 'renamed' }).waitFor();
    await until(() => planReads().length > before);
    const after = planReads().slice(before);
    expect(after.at(-1)).toMatchObject({ status: 200, ifNoneMatch: planReads()[before - 1].etag });
    expect(after.at(-1)!.etag).not.toBe(planReads()[before - 1].etag);
    expect(errors).toEqual([]);
  });
});
