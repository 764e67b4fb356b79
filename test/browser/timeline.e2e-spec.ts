/**
 * The dashboard's timeline: the consortium's and every pair's milestones by month, today marked in
 * words, a late milestone reachable by Tab with a name that says what, when, how late and whose;
 * a crowded month collapses to "+N more"; at 390 px the months scroll inside their box, the markers
 * never overlap and the page itself does not scroll sideways; "Show as a list" gives the same.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { GivenPlans } from '../support/given-plans';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { screenshotPath } from './support/screenshots';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

const PHONE = { width: 390, height: 844 };
const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysFromNow = (n: number) => iso(new Date(Date.now() + n * 86_400_000));
const long = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the milestones timeline on the dashboard', () => {
  let world: BrowserWorld;
  const contexts: BrowserContext[] = [];
  let m: Awaited<ReturnType<BrowserWorld['t']['given']['mentoring']>>;
  let errors: string[];
  const lateDue = daysFromNow(-9);
  // A month well ahead, so that its four milestones share one cell whatever today is.
  const crowded = daysFromNow(120).slice(0, 7);

  beforeAll(async () => {
    world = await startBrowserWorld();
    m = await world.t.given.mentoring();
    await world.t.orm.em
      .getConnection()
      .execute(`update programmes set start_date = ?, end_date = ? where id = ?`, [
        daysFromNow(-200),
        daysFromNow(400),
        m.programme.id,
      ]);
    const plans = new GivenPlans(world.t.orm);
    const plan = await plans.plan(m.pair, {
      title: 'Labour market plan',
      sectionCodes: ['strategy'],
      state: 'approved',
    });
    await plans.milestones(plan, [
      { title: 'Pilot workshop', dueDate: lateDue, status: 'in-progress' },
      { title: 'Kick-off', dueDate: daysFromNow(-60), status: 'done' },
      ...['A', 'B', 'C', 'D'].map((x) => ({
        title: `Survey round ${x}`,
        dueDate: `${crowded}-1${x.charCodeAt(0) - 65}`,
      })),
    ]);
    const other = await plans.plan(m.otherPair, { title: 'Network plan', sectionCodes: ['networking'] });
    await plans.milestone(other, { title: 'Mentors meet', dueDate: daysFromNow(30), status: 'blocked' });
    await world.t.api
      .as(m.people.coordinator.token)
      .post(`/programmes/${m.programme.id}/milestones`, { title: 'Midterm review', dueDate: daysFromNow(45) })
      .expect(201);
  }, SETUP);

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await world?.close();
  });

  async function open(viewport?: { width: number; height: number }, locale: 'en' | 'fr' = 'en'): Promise<Page> {
    const context = await signedInContext(
      world,
      { email: m.people.coordinator.user.email, password: PASSWORD },
      { viewport, locale },
    );
    contexts.push(context);
    const page = await context.newPage();
    errors = watchErrors(page);
    await page.goto(`/programmes/${m.programme.id}/dashboard`);
    await page.locator('.timeline__table').waitFor();
    return page;
  }

  it('marks today in words and names a late milestone reached by Tab', async () => {
    const page = await open();
    const timeline = page.getByRole('figure', { name: /Milestones by month/ });
    await timeline.getByRole('rowheader', { name: 'Consortium' }).waitFor();
    await timeline.getByRole('rowheader', { name: `${m.mentorCity.name} → ${m.menteeCity.name}` }).waitFor();
    const todayHeader = timeline.locator('thead th.timeline__month--today');
    await expect(todayHeader.textContent()).resolves.toMatch(/Today, \d+ \w+/);

    const name = `Pilot workshop, due ${long(lateDue)}, in progress, late by 9 days — ${m.mentorCity.name} → ${m.menteeCity.name}, Strategy to enhance a diverse entrepreneurial community`;
    await page.getByRole('button', { name: 'Show as a list' }).focus();
    // The marker's name comes from its content (title, then what only a screen reader hears), not aria-label.
    const marker = timeline.getByRole('link', {
      name: new RegExp(`^${escape(name).replace(/^Pilot workshop/, '$& ?')}$`),
    });
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await marker.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(
      /Pilot workshop.*In progress, late by 9 days/,
    );

    // A month with four milestones shows two and "+2 more", which opens the cell in place.
    const more = timeline.getByRole('button', { name: /^\+2 more/ });
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
    await more.click();
    await timeline.getByRole('link', { name: /^Survey round D ?, due/ }).waitFor();
    await expect(timeline.getByRole('button', { name: /^Show fewer/ }).getAttribute('aria-expanded')).resolves.toBe(
      'true',
    );
    await page.screenshot({ path: screenshotPath('timeline-desktop.png'), fullPage: true });

    await page.getByRole('button', { name: 'Show as a list' }).click();
    await expect(page.getByRole('button', { name: 'Show as a list' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    const list = page.getByRole('region', { name: `${m.mentorCity.name} → ${m.menteeCity.name}` });
    await list.getByText(/Pilot workshop · .* · In progress, late by 9 days/).waitFor();
    await page.getByRole('region', { name: 'Consortium' }).getByRole('link', { name: 'Midterm review' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('at 390 px scrolls the months in their box, markers apart, nothing clipped', async () => {
    const page = await open(PHONE);
    // Today's month is in view beside the sticky row headers, the month before it too.
    const today = await page.locator('.timeline__month--today').boundingBox();
    const rowHeader = await page.locator('.timeline__corner').boundingBox();
    expect(today!.x).toBeGreaterThanOrEqual(rowHeader!.x + rowHeader!.width);
    expect(today!.x + today!.width).toBeLessThanOrEqual(PHONE.width);
    await page.locator('.timeline').screenshot({ path: screenshotPath('timeline-phone.png') });
    await page.getByRole('button', { name: /^\+2 more/ }).click();
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways).toBeLessThanOrEqual(0);
    const scroller = page.locator('.timeline__scroll');
    const box = await scroller.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);

    const boxes = await page.locator('.timeline__mark, .timeline__more').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.left, y: r.top, w: r.width, h: r.height, clipped: el.scrollWidth > el.clientWidth + 1 };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(8);
    for (const [i, a] of boxes.entries()) {
      expect(a.clipped).toBe(false);
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart).toBe(true);
      }
    }
    await page.locator('.timeline').screenshot({ path: screenshotPath('timeline-phone-open.png') });
    expect(errors).toEqual([]);
  });

  it('speaks French with French dates', async () => {
    const page = await open(PHONE, 'fr');
    await expect(page.locator('.timeline__month--today').textContent()).resolves.toMatch(/Aujourd’hui, \d+ \S+/);
    const late = page.getByRole('link', {
      name: new RegExp(`^Pilot workshop ?, échéance le .* ${lateDue.slice(0, 4)}, en cours, en retard de 9 jours — `),
    });
    await expect(late.count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Afficher en liste' }).click();
    await page.getByText(/Pilot workshop · .* · En cours, en retard de 9 jours/).waitFor();
    expect(errors).toEqual([]);
  });
});
