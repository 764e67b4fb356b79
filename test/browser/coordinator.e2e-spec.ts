/**
 * The coordinator in the browser: the dashboard puts late milestones first and shows every pair against
 * every section; a pair where nothing happened for weeks is listed as stalled and marked in the grid;
 * the programme's settings change its thresholds, with errors beside the fields; consortium milestones
 * go on the timeline; a suggested pair, explained in words, is created after a confirmation with its
 * focus sections; an invitation gives a link to share; the activity feed names the pair formed and
 * follows what happens, live; a pair ended elsewhere shows as ended on its open page.
 */
import type { BrowserContext, Page, Route } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { GivenPlans } from '../support/given-plans';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { expectFocus, expectFocusOn } from './support/focus';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

const ratings = (section: string, count: number, rating: 0 | 1 | 2) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${section}.q${i + 1}`, rating]));

describe('the coordinator journey', () => {
  let world: BrowserWorld;
  let context: BrowserContext;
  let page: Page;
  let programmeId: string;
  let planId: string;
  let menteeToken: string;
  let coordinatorToken: string;
  let pairId: string;
  let newtown: string;
  let mentorCity: string;
  let menteeCity: string;
  let errors: string[];

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    programmeId = m.programme.id;
    menteeToken = m.people.mentee.token;
    coordinatorToken = m.people.coordinator.token;
    pairId = m.pair.id;
    mentorCity = m.mentorCity.name;
    menteeCity = m.menteeCity.name;
    const plans = new GivenPlans(world.t.orm);
    const plan = await plans.plan(m.pair, {
      title: 'Strategy for a diverse entrepreneurial community',
      sectionCodes: ['strategy'],
      state: 'in-progress',
      createdBy: m.people.mentee.user,
    });
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
    // The pair was formed six weeks ago and nothing has been logged in it since: it has stalled.
    await world.t.orm.em
      .getConnection()
      .execute(`update pairs set created_at = now() - interval '42 days' where id = ?`, [m.pair.id]);

    context = await signedInContext(world, { email: m.people.coordinator.user.email, password: PASSWORD });
    page = await context.newPage();
    errors = watchErrors(page);
  }, SETUP);

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
    await grid
      .getByRole('row', { name: new RegExp(`${mentorCity} mentors`) })
      .getByText('1 late')
      .waitFor();
    await page.getByRole('img', { name: /Overall self-assessment score per city/ }).waitFor();
  });

  it('lists a pair where nothing happened for weeks as stalled, and marks it in the grid', async () => {
    const pairName = `${mentorCity} mentors ${menteeCity}`;
    const stalled = page.getByTestId('stalled-pairs');
    await stalled.getByRole('link', { name: pairName }).waitFor();
    await stalled.getByText('No activity since').waitFor();
    await stalled.getByText('42 days').waitFor();
    const row = page.getByTestId('pair-grid').getByRole('row', { name: new RegExp(pairName) });
    await row.getByText('Stalled').click();
    await page.waitForURL(/#stalled$/);
  });

  it('opens the dashboard at the stalled pairs from a link to #stalled (as the alerts give)', async () => {
    await page.goto(`/programmes/${programmeId}`);
    await page.goto(`/programmes/${programmeId}/dashboard#stalled`);
    await page.getByTestId('stalled-pairs').waitFor();
    await page.waitForFunction(() => Math.abs(document.getElementById('stalled')!.getBoundingClientRect().top) < 2);
  });

  it('changes the programme’s thresholds in its settings, showing what is wrong beside the field', async () => {
    await page.getByRole('link', { name: 'Change these thresholds in the programme settings' }).click();
    const form = page.getByTestId('programme-settings');
    const stalledAfter = form.getByLabel('Stalled after no activity for (days)');
    await expect(stalledAfter.inputValue()).resolves.toBe('21');

    // Checked in the page: out of range.
    await stalledAfter.fill('400');
    await form.getByRole('button', { name: 'Save the settings' }).click();
    await form
      .getByTestId('settings-stalledAfterDays-error')
      .filter({ hasText: 'Enter a whole number from 1 to 365.' })
      .waitFor();
    await expect(stalledAfter.getAttribute('aria-invalid')).resolves.toBe('true');
    await expectFocus(page, { id: 'settings-stalledAfterDays' });

    // Refused by the API: its field error is shown beside the field it names.
    await stalledAfter.fill('60');
    await form.getByLabel('End date').fill('2000-01-01');
    await form.getByRole('button', { name: 'Save the settings' }).click();
    await form
      .getByTestId('settings-endDate-error')
      .filter({ hasText: 'The end date must not be before the start date.' })
      .waitFor();
    expect(await form.getByTestId('settings-stalledAfterDays-error').count()).toBe(0);

    const programme = (await world.t.api.as(menteeToken).get(`/programmes/${programmeId}`).expect(200)).body;
    await form.getByLabel('End date').fill(programme.endDate);
    await form.getByRole('button', { name: 'Save the settings' }).click();
    await form.getByText('Settings saved.').waitFor();
    expect(
      (await world.t.api.as(menteeToken).get(`/programmes/${programmeId}`).expect(200)).body.settings.stalledAfterDays,
    ).toBe(60);

    await page.goto(`/programmes/${programmeId}/dashboard`);
    await page.getByText('No pair has stalled.').waitFor();
    await page.getByText(/nothing has happened in it for 60 days/).waitFor();
  });

  it('adds a consortium milestone to the timeline: what was typed stays when it fails, and it is sent once', async () => {
    await page.getByLabel('Milestone', { exact: true }).fill('Mentoring visits completed');
    await page.getByLabel('Due date').fill('2027-06-30');
    // The first try gets no answer: the error is shown and the form keeps what was typed.
    const unreachable = (route: Route) => route.abort('failed');
    await page.route('**/api/v1/programmes/*/milestones', unreachable);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('The server cannot be reached').waitFor();
    await page.unroute('**/api/v1/programmes/*/milestones', unreachable);
    await expect(page.getByLabel('Milestone', { exact: true }).inputValue()).resolves.toBe(
      'Mentoring visits completed',
    );
    await expect(page.getByLabel('Due date').inputValue()).resolves.toBe('2027-06-30');

    // Submitted twice before anything re-renders (a double click, Enter pressed twice): sent once.
    await page
      .getByRole('button', { name: 'Add', exact: true })
      .evaluate((button: HTMLButtonElement) => (button.form?.requestSubmit(), button.form?.requestSubmit()));
    await page.locator('.timeline').getByText('Mentoring visits completed').waitFor();
    await expect(page.getByLabel('Milestone', { exact: true }).inputValue()).resolves.toBe('');
    const { body } = await world.t.api.as(coordinatorToken).get(`/programmes/${programmeId}/milestones`).expect(200);
    expect((body as { title: string }[]).filter((m) => m.title === 'Mentoring visits completed')).toHaveLength(1);
  });

  it('reschedules a consortium milestone in place, then deletes it with a reason the activity feed keeps', async () => {
    const item = page.locator('.consortium-milestone', { hasText: 'Mentoring visits completed' });
    const edit = item.getByRole('button', { name: 'Edit Mentoring visits completed' });
    await edit.click();
    const form = page.getByRole('form', { name: 'Edit Mentoring visits completed' });
    await expectFocusOn(form.getByLabel('Milestone', { exact: true }));
    await form.getByLabel('Due date').fill('2027-09-15');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await item.getByText('15 September 2027').waitFor();
    await expectFocusOn(edit);

    await item.getByRole('button', { name: 'Delete Mentoring visits completed' }).click();
    const removal = page.getByRole('form', { name: 'Delete Mentoring visits completed' });
    const confirm = removal.getByRole('button', { name: 'Delete milestone' });
    await expect(confirm.isDisabled()).resolves.toBe(true); // no reason, no deletion
    await removal.getByLabel(/Why it goes/).fill('Merged into the final conference');
    await confirm.click();
    await item.waitFor({ state: 'detached' });
    await expect(page.locator('.timeline').getByText('Mentoring visits completed').count()).resolves.toBe(0);

    await page.goto(`/programmes/${programmeId}/activity`);
    const feed = page.locator('.activity-item');
    await feed
      .filter({ hasText: /deleted the consortium milestone “Mentoring visits completed” \(due 15 September 2027\)/ })
      .filter({ hasText: 'Merged into the final conference' })
      .waitFor();
    await feed
      .filter({
        hasText: /moved the consortium milestone “Mentoring visits completed” from 30 June 2027 to 15 September 2027/,
      })
      .waitFor();
    await page.goto(`/programmes/${programmeId}/dashboard`);
    await page.getByText('No pair has stalled.').waitFor();
  });

  it('creates a suggested pair with its focus sections, after a confirmation', async () => {
    await page.goto(`/programmes/${programmeId}/manage`);
    const suggestions = page.getByTestId('suggestions');
    // The suggestion in words: the covered gap with both cities' scores, and the mentor's current pairs.
    const candidate = suggestions
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: newtown }) })
      .getByRole('listitem')
      .filter({ hasText: mentorCity })
      .first();
    await candidate.getByText('already mentors 1 pair in this programme').waitFor();
    await candidate.getByText(`${mentorCity} 100%, ${newtown} 0%`, { exact: false }).waitFor();
    expect(await suggestions.getByText(/fit \d/).count()).toBe(0);

    const button = suggestions.getByRole('button', { name: `Pair ${mentorCity} with ${newtown}` });
    await button.click();
    // Nothing is created yet: a confirmation opens, focused, with the covered gap ticked.
    const form = suggestions.getByRole('form', { name: `${mentorCity} will mentor ${newtown}.` });
    const strategy = form.getByRole('checkbox', { name: /^Strategy/ });
    await expectFocusOn(strategy);
    expect(await strategy.isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expectFocusOn(button);
    expect(
      await page
        .getByTestId('pair-list')
        .getByRole('link', { name: `${mentorCity} mentors ${newtown}` })
        .count(),
    ).toBe(0);

    await button.click();
    await form.getByRole('button', { name: 'Create the pair' }).click();
    await page
      .getByTestId('pair-list')
      .getByRole('link', { name: `${mentorCity} mentors ${newtown}` })
      .waitFor();
    const [pair] = await world.t.orm.em
      .getConnection()
      .execute<{ focus: string[] }[]>(
        `select focus_section_codes as focus from pairs p join organisations o on o.id = p.mentee_organisation_id where p.programme_id = ? and o.name = ?`,
        [programmeId, newtown],
      );
    expect(pair.focus).toEqual(['strategy']);
  });

  it('invites someone and shows the link to share', async () => {
    await page.getByLabel('E-mail').fill('officer@newtown.example');
    await page.getByLabel('Organisation').selectOption({ label: newtown });
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByText('Invitation e-mailed to officer@newtown.example.', { exact: false }).waitFor();
    await expect(page.getByLabel(/Invitation link/).inputValue()).resolves.toMatch(/\/invitations\//);
  });

  it('follows the activity live', async () => {
    await page.goto(`/programmes/${programmeId}/activity`);
    await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
    await page
      .locator('.loading')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    // The pair formed from a suggestion above, with a link to it.
    const formed = page
      .getByTestId('activity')
      .locator('.activity-item', { hasText: `paired ${mentorCity} (mentor) with ${newtown} (mentee)` });
    await formed.getByRole('link', { name: 'Open' }).waitFor();
    const comments = page
      .getByTestId('activity')
      .getByText('commented on the plan “Strategy for a diverse entrepreneurial community”');
    const post = (body: string) =>
      world.t.api
        .as(menteeToken)
        .post(`/action-plans/${planId}/comments`, { body, target: { type: 'plan', id: planId } })
        .expect(201);
    await post('We start next week');
    await comments.first().waitFor();
    await post('The venue is booked');
    await comments.nth(1).waitFor();
  });

  it('shows a pair ended elsewhere at once on its open page', async () => {
    await page.goto(`/programmes/${programmeId}/pairs/${pairId}`);
    await page.getByRole('heading', { level: 1, name: `${mentorCity} mentors ${menteeCity}` }).waitFor();
    const header = page.locator('.page-header');
    expect(await header.getByText('Ended', { exact: true }).count()).toBe(0);
    await world.t.api.as(coordinatorToken).post(`/pairs/${pairId}/end`).expect(200);
    await header.getByText('Ended', { exact: true }).waitFor();
  });

  it('offers the funder report as CSV, XLSX and PDF, asked for in the language the site is read in', async () => {
    const french = await context.newPage();
    const frenchErrors = watchErrors(french);
    await french.addInitScript(() => localStorage.setItem('citymentor.locale', 'fr'));
    await french.goto(`/programmes/${programmeId}/dashboard`);
    const panel = french.getByRole('region', { name: 'Rapport pour le financeur' });
    const buttons = panel.getByRole('button', { name: /^Exporter en / });
    await buttons.first().waitFor();
    expect(await buttons.allTextContents()).toEqual(['Exporter en CSV', 'Exporter en XLSX (Excel)', 'Exporter en PDF']);
    const request = french.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/reports'));
    await panel.getByRole('button', { name: 'Exporter en XLSX (Excel)' }).click();
    expect((await request).postDataJSON()).toEqual({ format: 'xlsx', locale: 'fr' });
    await panel.getByRole('status').getByText(/XLSX/).waitFor();
    const [row] = await world.t.orm.em
      .fork()
      .getConnection()
      .execute<{ format: string; locale: string }[]>(
        `select format, locale from reports where programme_id = ? order by created_at desc limit 1`,
        [programmeId],
      );
    expect(row).toEqual({ format: 'xlsx', locale: 'fr' });
    expect(frenchErrors).toEqual([]);
    await french.close();
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
  });
});
