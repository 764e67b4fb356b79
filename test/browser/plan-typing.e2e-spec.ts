/**
 * What the mentee types into the plan's edit form stays there until it is saved or discarded, whatever
 * happens meanwhile: here, the form's own focus arriving after they started typing. Each test forces
 * one such interleaving instead of hoping a loaded machine produces it.
 */
import type { Page } from 'playwright-core';
import type { ApiClient } from '../support/api-client';
import { PASSWORD } from '../support/given';
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

  it('raised no error in any page', () => {
    expect(errors.flat()).toEqual([]);
  });
});
