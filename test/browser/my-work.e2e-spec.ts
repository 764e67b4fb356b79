/**
 * "My work", the first page after sign-in: the mentee, the mentor and the coordinator each see what
 * waits on them, with its count in the header, one click from the exact place to act; a plan the
 * mentee submits appears in the mentor's queue without a reload; an empty queue says so; at 390 px
 * (French, the longer language) nothing is cut off or needs sideways scrolling.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { GivenPlans } from '../support/given-plans';
import { screenshotPath } from './support/screenshots';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

const PHONE = { width: 390, height: 844 };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('my work in the browser', () => {
  let world: BrowserWorld;
  let programmeId: string;
  let pairId: string;
  let people: Record<'mentee' | 'mentor' | 'coordinator', { email: string; password: string; token: string }>;
  let lateId: string;
  let runningId: string;
  let draftId: string;
  let consortiumId: string;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function open(
    who: keyof typeof people,
    options: { locale?: 'en' | 'fr'; viewport?: { width: number; height: number } } = {},
    before: (page: Page) => void = () => undefined,
  ): Promise<Page> {
    const context = await signedInContext(world, people[who], options);
    contexts.push(context);
    const page = await context.newPage();
    watchErrors(page, errors);
    before(page);
    await page.goto('/');
    await page.locator('main h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'));
    return page;
  }
  const group = (page: Page, kind: string) => page.getByTestId(`work-${kind}`);

  /**
   * Resolves once the page's socket has had its subscription to `room` acknowledged (socket.io frames:
   * `42/realtime,<id>["subscribe",{"room":…}]` out, `43/realtime,<id>[…]` back). Call before the page opens.
   */
  function subscribed(page: Page, room: string): Promise<void> {
    return new Promise((resolve) => {
      const asked = new Set<string>();
      page.on('websocket', (ws) => {
        ws.on('framesent', ({ payload }) => {
          const id = /^42(?:[^,[]*,)?(\d+)\["subscribe",/.exec(String(payload))?.[1];
          if (id && String(payload).includes(`"${room}"`)) asked.add(id);
        });
        ws.on('framereceived', ({ payload }) => {
          const id = /^43(?:[^,[]*,)?(\d+)\[/.exec(String(payload))?.[1];
          if (id && asked.has(id)) resolve();
        });
      });
    });
  }
  const headerCount = (page: Page) => page.getByTestId('nav-work-count').locator('[aria-hidden=true]');

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    programmeId = m.programme.id;
    pairId = m.pair.id;
    const sql = world.t.orm.em.getConnection();
    await sql.execute('update organisations set name = ? where id = ?', ['Helsinki', m.mentorCity.id]);
    await sql.execute('update organisations set name = ? where id = ?', ['Tampere', m.menteeCity.id]);
    await sql.execute('update programmes set name = ? where id = ?', ['CITIES GROW 2026–2027', m.programme.id]);
    await sql.execute('update users set name = ? where id = ?', ['Mikko Mentor', m.people.mentor.user.id]);
    const plans = new GivenPlans(world.t.orm);

    // The mentee's work: a plan sent back, a running plan with a late milestone, one due soon and the mentor's question.
    await plans.plan(m.pair, { title: 'Microcredit for newcomers', state: 'changes-requested' });
    const running = await plans.plan(m.pair, {
      title: 'One-stop shop for migrant entrepreneurs',
      state: 'in-progress',
    });
    runningId = running.id;
    const [late] = await plans.milestones(running, [
      { title: 'Map the support services', dueDate: '2025-01-15', status: 'in-progress' },
      {
        title: 'Open the desk in the city library, with evening hours for people who work during the day',
        dueDate: inDays(6),
      },
    ]);
    lateId = late.id;
    const mentor = world.t.api.as(m.people.mentor.token);
    await mentor
      .post(`/action-plans/${running.id}/comments`, {
        body: 'Who will staff the desk on evenings?',
        target: { type: 'plan', id: running.id },
      })
      .expect(201);

    // A plan the mentee will submit during the test: complete enough to be submitted.
    const mentee = world.t.api.as(m.people.mentee.token);
    draftId = (
      await mentee
        .post(`/pairs/${m.pair.id}/action-plans`, {
          title: 'Mentoring circles with business associations',
          sectionCodes: ['comprehensive-support'],
          objective: 'Pair each newcomer with a local entrepreneur',
        })
        .expect(201)
    ).body.id;
    await mentee
      .post(`/action-plans/${draftId}/milestones`, {
        title: 'First circle',
        dueDate: inDays(60),
        owner: 'Business office',
      })
      .expect(201);

    // The coordinator's: a consortium milestone due in four days (and the late milestone above).
    const coordinator = world.t.api.as(m.people.coordinator.token);
    consortiumId = (
      await coordinator
        .post(`/programmes/${programmeId}/milestones`, {
          title: 'Mentoring visit to Helsinki',
          dueDate: inDays(4),
          status: 'planned',
        })
        .expect(201)
    ).body.id;

    people = {
      mentee: { email: m.people.mentee.user.email, password: PASSWORD, token: m.people.mentee.token },
      mentor: { email: m.people.mentor.user.email, password: PASSWORD, token: m.people.mentor.token },
      coordinator: { email: m.people.coordinator.user.email, password: PASSWORD, token: m.people.coordinator.token },
    };
  }, SETUP);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await world?.close();
  });

  it('shows the mentee what waits, counted in the header, and takes them to the late milestone in one click', async () => {
    const page = await open('mentee');
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await group(page, 'plan-changes-requested').getByRole('link', { name: 'Microcredit for newcomers' }).waitFor();
    await group(page, 'thread-awaiting-reply').getByText('“Who will staff the desk on evenings?”').waitFor();
    await group(page, 'thread-awaiting-reply').getByText('by Mikko Mentor').waitFor();
    await group(page, 'milestone-due-soon').getByText('due in 6 days').waitFor();
    const late = group(page, 'milestone-late');
    await late.getByText('Helsinki mentors Tampere').waitFor();
    await late.getByText(/days late/).waitFor();
    await expect(headerCount(page).textContent()).resolves.toBe('4');
    await page.getByRole('heading', { level: 2, name: 'Your programmes' }).waitFor();
    await page.screenshot({ path: screenshotPath('my-work-mentee-desktop.png'), fullPage: true });

    await late.getByRole('link', { name: 'Map the support services' }).click();
    await page.waitForURL(`**/programmes/${programmeId}/plans/${runningId}#milestone-${lateId}`);
    await page.locator(`#milestone-${lateId}`).waitFor();
    await page.getByRole('heading', { level: 1, name: 'One-stop shop for migrant entrepreneurs' }).waitFor();
  });

  it('shows the mentor an empty queue in words, then the plan the mentee submits, live, and opens it', async () => {
    let following!: Promise<void>;
    const page = await open('mentor', {}, (p) => {
      following = subscribed(p, `pair:${pairId}`);
    });
    await page.getByTestId('work-empty').getByText('Nothing waits on you.').waitFor();
    expect(await page.getByTestId('nav-work-count').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('my-work-empty-desktop.png') });

    // Once the page follows the pair's room, the mentee submits elsewhere: the event brings the plan.
    await following;
    await world.t.api.as(people.mentee.token).post(`/action-plans/${draftId}/submit`, {}).expect(200);
    const review = group(page, 'plan-awaiting-review');
    await review.getByRole('link', { name: 'Mentoring circles with business associations' }).waitFor();
    await review.getByText('since today').waitFor();
    await expect(headerCount(page).textContent()).resolves.toBe('1');
    expect(await page.getByTestId('work-empty').count()).toBe(0);

    await review.getByRole('link', { name: 'Mentoring circles with business associations' }).click();
    await page.waitForURL(`**/programmes/${programmeId}/plans/${draftId}`);
    await page.getByRole('heading', { level: 1, name: 'Mentoring circles with business associations' }).waitFor();
  });

  it('shows the coordinator the late milestones and the consortium milestone due, linked to the dashboard', async () => {
    const page = await open('coordinator');
    await group(page, 'milestone-late').getByRole('link', { name: 'Map the support services' }).waitFor();
    const due = group(page, 'consortium-milestone-due');
    await due.getByText('due in 4 days').waitFor();
    await page.screenshot({ path: screenshotPath('my-work-coordinator-desktop.png'), fullPage: true });
    await due.getByRole('link', { name: 'Mentoring visit to Helsinki' }).click();
    await page.waitForURL(`**/programmes/${programmeId}/dashboard#cm-${consortiumId}`);
    await page.locator(`#cm-${consortiumId}`).waitFor();
  });

  it('fits a 390 px phone in French: nothing cut off, no sideways scrolling', async () => {
    const page = await open('mentee', { locale: 'fr', viewport: PHONE });
    await page.getByRole('heading', { level: 1, name: 'Mon travail' }).waitFor();
    await group(page, 'milestone-due-soon').getByText('échéance dans 6 jours').waitFor();
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(
      PHONE.width,
    );
    // Every item's text stays inside the page's width.
    const overflowing = await page.evaluate<string[]>(`[...document.querySelectorAll('[data-testid=work-item] *')]
      .filter((el) => el.getBoundingClientRect().right > ${PHONE.width} + 0.5).map((el) => el.textContent.slice(0, 40))`);
    expect(overflowing).toEqual([]);
    await page.screenshot({ path: screenshotPath('my-work-mentee-fr-phone.png'), fullPage: true });
  });

  it('raised no error in any page', () => {
    expect(errors).toEqual([]);
  });
});
