/**
 * What a page load costs the browser (issue 18): each resource is read once (the realtime subscription
 * replays from where the reads stood instead of asking for a second read), the socket comes after the
 * page's reads, and nothing moves once drawn — the programme switcher, the footer and the presence row
 * hold their places (cumulative layout shift, as chromium measures it, at most 0.05).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

/** Layout shifts (not caused by input) summed, and every height the header had, from the first frame on. */
function watchLayout() {
  const w = window as unknown as { __cls: number; __headerHeights: number[] };
  w.__cls = 0;
  w.__headerHeights = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) w.__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const frame = () => {
    const header = document.querySelector('.site-header');
    const height = header ? Math.round(header.getBoundingClientRect().height) : 0;
    if (height && w.__headerHeights.at(-1) !== height) w.__headerHeights.push(height);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const layout = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __cls: number; __headerHeights: number[] };
    return { cls: w.__cls, headerHeights: w.__headerHeights };
  });

describe('a page load', () => {
  let world: BrowserWorld;
  let menteeContext: BrowserContext;
  let coordinatorContext: BrowserContext;
  let programmeId: string;
  let planId: string;
  let menteeId: string;
  const errors: string[][] = [];

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    programmeId = m.programme.id;
    menteeId = m.people.mentee.user.id;
    const asMentee = world.t.api.as(m.people.mentee.token);
    planId = (
      await asMentee
        .post(`/pairs/${m.pair.id}/action-plans`, {
          title: 'One-stop shop for migrant entrepreneurs',
          sectionCodes: ['comprehensive-support'],
          objective: 'Coordinate every support service in one place',
        })
        .expect(201)
    ).body.id;
    await asMentee
      .post(`/action-plans/${planId}/milestones`, { title: 'Map the services', dueDate: '2099-03-31', owner: 'Desk' })
      .expect(201);
    await world.t.api
      .as(m.people.mentor.token)
      .post(`/action-plans/${planId}/comments`, { body: 'Which services first?', target: { type: 'plan', id: planId } })
      .expect(201);
    menteeContext = await signedInContext(
      world,
      { email: m.people.mentee.user.email, password: PASSWORD },
      { viewport: { width: 1350, height: 940 } },
    );
    coordinatorContext = await signedInContext(
      world,
      { email: m.people.coordinator.user.email, password: PASSWORD },
      { viewport: { width: 1350, height: 940 } },
    );
    for (const context of [menteeContext, coordinatorContext]) await context.addInitScript(watchLayout);
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  afterEach(() => {
    expect(errors.flat()).toEqual([]);
    errors.length = 0;
  });

  async function open(context: BrowserContext, path: string) {
    const page = await context.newPage();
    errors.push(watchErrors(page));
    const log: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) log.push(`${request.method()} ${url.pathname}`);
      else if (url.pathname.startsWith('/socket.io/')) log.push('socket');
    });
    page.on('websocket', () => log.push('socket'));
    const socket = page.waitForEvent('websocket');
    await page.goto(path);
    return { page, log, socket };
  }

  it('reads the plan, its comments and the notifications once each, and connects the socket after them', async () => {
    const { page, log } = await open(menteeContext, `/programmes/${programmeId}/plans/${planId}`);
    await page.getByRole('heading', { level: 1, name: 'One-stop shop for migrant entrepreneurs' }).waitFor();
    await page.getByText('Which services first?').waitFor();
    // Subscribed: the room says who is here.
    await page.locator(`[data-testid=presence] [data-user="${menteeId}"]`).waitFor();
    await page.waitForTimeout(1000); // a reload after the subscription would have been asked for by now

    const count = (call: string) => log.filter((l) => l === call).length;
    expect(count(`GET /api/v1/action-plans/${planId}`)).toBe(1);
    expect(count(`GET /api/v1/action-plans/${planId}/comments`)).toBe(1);
    expect(count('GET /api/v1/notifications')).toBe(1);
    const socket = log.indexOf('socket');
    expect(socket).toBeGreaterThan(log.indexOf(`GET /api/v1/action-plans/${planId}/comments`));
    expect(socket).toBeGreaterThan(log.indexOf('GET /api/v1/notifications'));
    await page.close();
  });

  it.each([
    ['plan', 'mentee', () => `/programmes/${programmeId}/plans/${planId}`],
    ['dashboard', 'coordinator', () => `/programmes/${programmeId}/dashboard`],
  ] as const)('draws the %s page without moving it (CLS ≤ 0.05, the header one height)', async (_name, who, path) => {
    const { page, socket } = await open(who === 'mentee' ? menteeContext : coordinatorContext, path());
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('#programme-switcher:enabled').waitFor();
    await socket;
    await page.waitForTimeout(1000); // presence and live data arrive after the socket
    const { cls, headerHeights } = await layout(page);
    expect(headerHeights).toHaveLength(1);
    expect(cls).toBeLessThanOrEqual(0.05);
    await page.close();
  });
});
