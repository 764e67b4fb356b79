/**
 * What the mentee types into the plan's edit form stays there until it is saved or discarded, whatever
 * happens meanwhile: the form's own focus arriving after they started typing, their own save (or the
 * save before a submit) answering while they type on, the plan changing under them from elsewhere.
 * Each test forces one such interleaving instead of hoping a loaded machine produces it.
 */
import type { Page, Route } from 'playwright-core';
import type { ApiClient } from '../support/api-client';
import { PASSWORD } from '../support/given';
import { screenshotPath } from './support/screenshots';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

const SAVED = 'Language cafés in the libraries';

describe('typing into the plan', () => {
  let world: BrowserWorld;
  let page: Page;
  let asMentee: ApiClient;
  let programmeId: string;
  let pairId: string;
  const errors: string[][] = [];

  const objective = () => page.getByLabel('Objective');
  const titleField = () => page.locator('input#plan-title');
  const onServer = async (id: string) => (await asMentee.get(`/action-plans/${id}`).expect(200)).body;

  /** A plan ready to submit, its page open as the mentee. */
  async function openPlan(title: string): Promise<string> {
    const { body: plan } = await asMentee
      .post(`/pairs/${pairId}/action-plans`, { title, sectionCodes: ['comprehensive-support'], objective: SAVED })
      .expect(201);
    await asMentee
      .post(`/action-plans/${plan.id}/milestones`, { title: 'First café', dueDate: '2099-03-31', owner: 'Library' })
      .expect(201);
    await page.goto(`/programmes/${programmeId}/plans/${plan.id}`);
    await page.getByTestId('plan-state').filter({ hasText: 'Draft' }).waitFor();
    return plan.id as string;
  }

  /** Holds the page's next `method` request to the plan until `release()`: the person types on meanwhile. */
  async function holdNext(method: string) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const sent = new Promise<void>((resolve) => (arrived = resolve));
    let held = false;
    const hold = async (route: Route) => {
      if (route.request().method() !== method || held) return route.fallback();
      held = true;
      arrived();
      await released;
      await route.fallback();
    };
    await page.route('**/api/v1/action-plans/*', hold);
    const answered = page.waitForResponse((r) => r.request().method() === method);
    return {
      sent,
      /** Lets the request go and waits for its answer. */
      release: async () => {
        release();
        await answered;
        await page.unroute('**/api/v1/action-plans/*', hold);
      },
    };
  }

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    programmeId = m.programme.id;
    pairId = m.pair.id;
    asMentee = world.t.api.as(m.people.mentee.token);
    const context = await signedInContext(world, { email: m.people.mentee.user.email, password: PASSWORD });
    page = await context.newPage();
    errors.push(watchErrors(page));
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  it('goes on typing where the person clicked when they are quicker than the form’s first paint', async () => {
    const id = await openPlan('Evening language cafés');
    // A click on “Edit the plan”, then into the objective and typing, all before the next frame: the
    // form may take the focus when it opens, but never later, from a field the person is typing in.
    await page.evaluate(`(async () => {
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Edit the plan').click();
      for (let i = 0; i < 50 && !document.getElementById('plan-objective'); i++) await Promise.resolve();
      const field = document.getElementById('plan-objective');
      field.focus();
      field.select();
      document.execCommand('insertText', false, 'Cafés in three libraries');
    })()`);
    // Whatever the opening left for after the next frame has run now.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200)))');
    await page.keyboard.type(', every Tuesday');

    await expect(objective().inputValue()).resolves.toBe('Cafés in three libraries, every Tuesday');
    await expect(titleField().inputValue()).resolves.toBe('Evening language cafés');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('plan-objective').filter({ hasText: 'every Tuesday' }).waitFor();
    await expect(onServer(id)).resolves.toMatchObject({
      title: 'Evening language cafés',
      objective: 'Cafés in three libraries, every Tuesday',
    });
  });

  it('keeps what is typed while the save is on its way, says it is not saved yet, and saves it next', async () => {
    const id = await openPlan('Weekend language cafés');
    await page.getByRole('button', { name: 'Edit the plan' }).click();
    await objective().fill('Cafés in three libraries');
    const patch = await holdNext('PATCH');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await patch.sent;
    await objective().press('End');
    await objective().pressSequentially(', every Saturday');
    await patch.release();

    const typedSince = page.getByTestId('plan-typed-since');
    await typedSince.or(page.getByTestId('plan-objective')).waitFor();
    expect(await page.getByTestId('plan-objective').count()).toBe(0); // the form stays open
    await expect(objective().inputValue()).resolves.toBe('Cafés in three libraries, every Saturday');
    await expect(onServer(id)).resolves.toMatchObject({ objective: 'Cafés in three libraries' });
    await page.locator('.plan-editor').screenshot({ path: screenshotPath('plan-typed-while-saving-desktop.png') });

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('plan-objective').filter({ hasText: 'every Saturday' }).waitFor();
    expect(await page.getByTestId('conflict').count()).toBe(0); // the first save was one's own
    await expect(onServer(id)).resolves.toMatchObject({ objective: 'Cafés in three libraries, every Saturday' });
  });

  it('does not submit without what was typed while the save before the submit was on its way', async () => {
    const id = await openPlan('Language cafés for parents');
    await page.getByRole('button', { name: 'Edit the plan' }).click();
    await objective().fill('Cafés at the school gates');
    const patch = await holdNext('PATCH');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await patch.sent;
    await objective().press('End');
    await objective().pressSequentially(', twice a week');
    await patch.release();

    const notSaved = page.getByRole('alert').filter({ hasText: 'not saved yet, so it was not submitted' });
    await notSaved.or(page.getByTestId('plan-state').filter({ hasText: 'Submitted for review' })).waitFor();
    await expect(onServer(id)).resolves.toMatchObject({ state: 'draft', objective: 'Cafés at the school gates' });
    await expect(objective().inputValue()).resolves.toBe('Cafés at the school gates, twice a week');

    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByTestId('plan-state').filter({ hasText: 'Submitted for review' }).waitFor();
    expect(await page.getByTestId('conflict').count()).toBe(0);
    await expect(onServer(id)).resolves.toMatchObject({ objective: 'Cafés at the school gates, twice a week' });
  });

  it('keeps what is typed when the plan changes elsewhere meanwhile, and shows the change as a conflict', async () => {
    const id = await openPlan('Language cafés at work');
    await page.getByRole('button', { name: 'Edit the plan' }).click();
    await objective().fill('Cafés in the canteens');
    // The same person in another tab renames the plan: the page hears of it and reads the plan again.
    const { version } = await onServer(id);
    await asMentee.patch(`/action-plans/${id}`, { version, title: 'Language cafés in the workplace' }).expect(200);
    await page.getByRole('heading', { name: 'Language cafés in the workplace' }).waitFor();

    await expect(objective().inputValue()).resolves.toBe('Cafés in the canteens');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.locator('.conflict__mine').filter({ hasText: 'Cafés in the canteens' }).waitFor();
    await conflict.locator('.conflict__theirs').filter({ hasText: SAVED }).waitFor();
    await conflict.getByRole('button', { name: 'Keep my text' }).click();
    await page.getByTestId('plan-objective').filter({ hasText: 'Cafés in the canteens' }).waitFor();
    await expect(onServer(id)).resolves.toMatchObject({ objective: 'Cafés in the canteens' });
  });

  it('keeps what is typed in the comment box while the comment before is on its way, and sends it next', async () => {
    const id = await openPlan('Library language cafés');
    const box = page.getByLabel('New comment');
    await box.fill('Who runs the cafés in summer?');
    // The comment's answer is held: the person goes on writing the next one meanwhile.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const hold = async (route: Route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await released;
      await route.fallback();
    };
    await page.route('**/api/v1/action-plans/*/comments', hold);
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/comments'));
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await box.press('End');
    await box.pressSequentially(' And who pays?');
    release();
    await answered;
    await page.unroute('**/api/v1/action-plans/*/comments', hold);

    await page.getByTestId('thread').filter({ hasText: 'Who runs the cafés in summer?' }).waitFor();
    // The box keeps everything typed (the first part was sent; what stays is the person's to send or trim).
    await expect(box.inputValue()).resolves.toBe('Who runs the cafés in summer? And who pays?');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await page.getByTestId('thread').filter({ hasText: 'And who pays?' }).waitFor();
    await expect(box.inputValue()).resolves.toBe('');
    const { body: threads } = await asMentee.get(`/action-plans/${id}/comments`).expect(200);
    expect((threads as { body: string }[]).map((t) => t.body).sort()).toEqual([
      'Who runs the cafés in summer?',
      'Who runs the cafés in summer? And who pays?',
    ]);
  });

  it('raised no error in any page', () => {
    expect(errors.flat()).toEqual([]);
  });
});
