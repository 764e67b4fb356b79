/**
 * The coordinator in the browser: the dashboard puts late milestones first and shows every pair against
 * every section; consortium milestones go on the timeline; a suggested pair is created in one click; an
 * invitation gives a link to share; the activity feed follows what happens, live.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { GivenPlans } from '../support/given-plans';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';

jest.setTimeout(60_000);

const ratings = (section: string, count: number, rating: 0 | 1 | 2) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${section}.q${i + 1}`, rating]));

describe('the coordinator journey', () => {
  let world: BrowserWorld;
  let context: BrowserContext;
  let page: Page;
  let programmeId: string;
  let planId: string;
  let menteeToken: string;
  let newtown: string;
  let mentorCity: string;
  let errors: string[];

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    programmeId = m.programme.id;
    menteeToken = m.people.mentee.token;
    mentorCity = m.mentorCity.name;
    const plans = new GivenPlans(world.t.orm);
    const plan = await plans.plan(m.pair, { title: 'Strategy for a diverse entrepreneurial community', sectionCodes: ['strategy'], state: 'in-progress', createdBy: m.people.mentee.user });
    planId = plan.id;
    await plans.milestones(plan, [
      { title: 'Vision workshop (long overdue)', dueDate: '2020-01-31' },
      { title: 'Council adopts the vision', dueDate: '2099-01-31' },
    ]);
    // Baselines: the mentor city is strong in the strategy section; a new city has a gap there.
    await plans.assessment(m.programme, m.mentorCity, 'baseline', ratings('strategy', 6, 2), { status: 'submitted' });
    await plans.assessment(m.programme, m.menteeCity, 'baseline', ratings('strategy', 6, 0), { status: 'submitted' });
    const town = await world.t.given.organisation('city', 'Newtown', 'IE');
    await world.t.given.participant(m.programme, town);
    await plans.assessment(m.programme, town, 'baseline', ratings('strategy', 6, 0), { status: 'submitted' });
    newtown = town.name;

    context = await signedInContext(world, { email: m.people.coordinator.user.email, password: PASSWORD });
    page = await context.newPage();
    errors = watchErrors(page);
  });

  afterAll(async () => {
    await world?.close();
  });

  it('puts late milestones first on the dashboard, with the pair × section grid', async () => {
    await page.goto(`/programmes/${programmeId}`);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const late = page.getByTestId('late-milestones');
    await late.getByRole('link', { name: 'Vision workshop (long overdue)' }).waitFor();
    expect(await late.getByText('Council adopts the vision').count()).toBe(0);
    const grid = page.getByTestId('pair-grid');
    await grid.getByRole('row', { name: new RegExp(`${mentorCity} mentors`) }).getByText('1 late').waitFor();
    await page.getByRole('img', { name: /Overall self-assessment score per city/ }).waitFor();
  });

  it('adds a consortium milestone to the timeline', async () => {
    await page.getByLabel('Milestone', { exact: true }).fill('Mentoring visits completed');
    await page.getByLabel('Due date').fill('2027-06-30');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('.timeline__list').getByText('Mentoring visits completed').waitFor({ timeout: 5000 });
  });

  it('creates a suggested pair in one click', async () => {
    await page.goto(`/programmes/${programmeId}/manage`);
    const suggestions = page.getByTestId('suggestions');
    const button = suggestions.getByRole('button', { name: `Pair ${mentorCity} with ${newtown}` });
    await button.click();
    await page.getByTestId('pair-list').getByRole('link', { name: `${mentorCity} mentors ${newtown}` }).waitFor({ timeout: 5000 });
  });

  it('invites someone and shows the link to share', async () => {
    await page.getByLabel('E-mail').fill('officer@newtown.example');
    await page.getByLabel('Organisation').selectOption({ label: newtown });
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByText('Invitation created for officer@newtown.example').waitFor({ timeout: 5000 });
    await expect(page.getByLabel(/Invitation link/).inputValue()).resolves.toMatch(/\/invitations\//);
  });

  it('follows the activity live', async () => {
    await page.goto(`/programmes/${programmeId}/activity`);
    await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
    await page.locator('.loading').waitFor({ state: 'detached' }).catch(() => undefined);
    const comments = page.getByTestId('activity').getByText('commented on a plan');
    const post = (body: string) => world.t.api.as(menteeToken).post(`/action-plans/${planId}/comments`, { body, target: { type: 'plan', id: planId } }).expect(201);
    await post('We start next week');
    await comments.first().waitFor({ timeout: 5000 });
    await post('The venue is booked');
    await comments.nth(1).waitFor({ timeout: 5000 });
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
  });
});
