/**
 * The dashboard's plans by state and its pair × section grid: the chart says each state's count in words,
 * the columns are named by their sections (the code in a tooltip), and a cell opens that pair's plan for
 * the section, or its plans there when it has several, or says there is none. On a phone the grid
 * scrolls inside its panel and the page does not.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { GivenPlans } from '../support/given-plans';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

const STRATEGY = 'Strategy to enhance a diverse entrepreneurial community';
const NETWORKING = 'Networking and influencing opportunities for migrant entrepreneurs';
const FINANCE = 'Access to finance for migrant entrepreneurs';

describe('the dashboard’s chart and grid', () => {
  let world: BrowserWorld;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let programmeId: string;
  let pairId: string;
  let strategyPlanId: string;
  let pairName: string;

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    programmeId = m.programme.id;
    pairId = m.pair.id;
    pairName = `${m.mentorCity.name} mentors ${m.menteeCity.name}`;
    const plans = new GivenPlans(world.t.orm);
    const strategy = await plans.plan(m.pair, {
      title: 'A strategy for newcomers',
      sectionCodes: ['strategy'],
      state: 'in-progress',
    });
    strategyPlanId = strategy.id;
    await plans.milestones(strategy, [
      { title: 'Vision workshop', dueDate: '2020-01-31' },
      { title: 'Council adopts the vision', dueDate: '2099-01-31' },
    ]);
    await plans.plan(m.pair, { title: 'Mentors’ network', sectionCodes: ['networking'], state: 'submitted' });
    await plans.plan(m.pair, { title: 'Business breakfasts', sectionCodes: ['networking'] });
    await plans.plan(m.pair, { title: 'Given up', sectionCodes: ['access-to-finance'], state: 'archived' });

    context = await signedInContext(world, { email: m.people.coordinator.user.email, password: PASSWORD });
    page = await context.newPage();
    errors = watchErrors(page);
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  const row = () => page.getByTestId('pair-grid').getByRole('row', { name: new RegExp(pairName) });
  const cell = async (section: string) => {
    await page.getByTestId('pair-grid').getByRole('columnheader', { name: section }).waitFor();
    const headers = await page.getByTestId('pair-grid').getByRole('columnheader').allInnerTexts();
    return row()
      .getByRole('cell')
      .nth(headers.indexOf(section) - 1); // the row's header is not a cell
  };

  it('shows plans by state as a chart with each state’s count in words', async () => {
    await page.goto(`/programmes/${programmeId}/dashboard`);
    const chart = page.getByRole('list', { name: 'Plans by state' });
    await chart.waitFor();
    const items = (await chart.getByRole('listitem').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([
      'Draft 1',
      'Submitted for review 1',
      'Changes requested 0',
      'Approved 0',
      'In progress 1',
      'Completed 0',
      'Archived 1',
    ]);
  });

  it('names the columns by their sections, with the code in a tooltip', async () => {
    const header = page.getByTestId('pair-grid').getByRole('columnheader', { name: STRATEGY });
    await expect(header.getAttribute('title')).resolves.toBe('Section code: strategy');
    await page.getByTestId('pair-grid').getByRole('columnheader', { name: NETWORKING }).waitFor();
  });

  it('says “no plan” where the pair has none (an archived plan leads nowhere)', async () => {
    const finance = await cell(FINANCE);
    await expect(finance.innerText()).resolves.toBe('no plan');
    expect(await finance.getByRole('link').count()).toBe(0);
  });

  it('opens the pair’s plan on a section from its cell', async () => {
    const strategy = await cell(STRATEGY);
    await strategy.getByRole('link', { name: /0\/2.*A strategy for newcomers/ }).click();
    await page.waitForURL(new RegExp(`/plans/${strategyPlanId}$`));
    await page.getByRole('heading', { level: 1, name: 'A strategy for newcomers' }).waitFor();
  });

  it('opens the pair’s plans on a section, and only those, when it has several', async () => {
    await page.goBack();
    const networking = await cell(NETWORKING);
    await networking.getByRole('link', { name: /2 plans/ }).click();
    await page.waitForURL(new RegExp(`/pairs/${pairId}\\?section=networking#plans$`));
    await page.getByTestId('plans-filter').getByText(NETWORKING).waitFor();
    const plans = page.getByTestId('plans');
    await plans.getByRole('link', { name: 'Mentors’ network' }).waitFor();
    await plans.getByRole('link', { name: 'Business breakfasts' }).waitFor();
    expect(await plans.getByRole('link', { name: 'A strategy for newcomers' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Show all plans' }).click();
    await page.getByTestId('plans').getByRole('link', { name: 'A strategy for newcomers' }).waitFor();
  });

  it('scrolls the grid inside its panel at 390 px, headers breaking between words only', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/programmes/${programmeId}/dashboard`);
    await page.getByTestId('pair-grid').waitFor();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      wrap: document.querySelector('[data-testid="pair-grid"]')!.parentElement!.scrollWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.wrap).toBeGreaterThan(390);
    // Every header line ends at a word's end: no word is wider than its header.
    const broken = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="pair-grid"] th.grid__section')].filter(
          (th) => th.scrollWidth > th.clientWidth,
        ).length,
    );
    expect(broken).toBe(0);
    expect(errors).toEqual([]);
  });
});
