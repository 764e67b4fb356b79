/**
 * @mentions in the plan page's comment boxes, as a combobox (routes/plan/mention-combobox.tsx): typing `@`
 * lists the people who can read the pair (as the server lists them), filtered as one types, chosen with
 * the keyboard alone or the mouse; the token goes in with spaces around it; after posting, the focus is
 * back where the person writes.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { ApiClient } from '../support/api-client';
import { PASSWORD } from '../support/given';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { expectFocus, expectFocusOn } from './support/focus';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('mentions in the plan page’s comments', () => {
  let world: BrowserWorld;
  let menteeContext: BrowserContext;
  let mentee: Page;
  let asMentee: ApiClient;
  let planId: string;
  let pairId: string;
  let programmeId: string;
  let people: Awaited<ReturnType<BrowserWorld['t']['given']['mentoring']>>['people'];
  const errors: string[][] = [];

  const discussion = () => mentee.getByTestId('discussion-plan');
  const newComment = () => discussion().getByRole('combobox', { name: 'New comment' });
  const listOf = async (box: Locator) => mentee.locator(`[id="${await box.getAttribute('aria-controls')}"]`);
  /** The user ids the open list offers, in its order. */
  const offered = async (box: Locator) =>
    (await listOf(box)).getByRole('option').evaluateAll((options) => options.map((o) => o.id.slice(-36)));
  const valueOf = (box: Locator) => box.evaluate((el) => (el as HTMLTextAreaElement).value);

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    people = m.people;
    pairId = m.pair.id;
    programmeId = m.programme.id;
    asMentee = world.t.api.as(m.people.mentee.token);
    const sql = world.t.orm.em.getConnection();
    // Two names with "ti" in them: one starts with it, one has a word starting with it; no one else has it.
    await sql.execute('update users set name = ? where id = ?', ['Tiina Tamm', people.expert.user.id]);
    await sql.execute('update users set name = ? where id = ?', ['Éloïse Tiberghien', people.coordinator.user.id]);
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
      .post(`/action-plans/${planId}/comments`, {
        body: 'Who signs the partnership agreement?',
        target: { type: 'plan', id: planId },
      })
      .expect(201);

    menteeContext = await signedInContext(world, { email: people.mentee.user.email, password: PASSWORD });
    mentee = await menteeContext.newPage();
    errors.push(watchErrors(mentee));
    await mentee.goto(`/programmes/${m.programme.id}/plans/${planId}`);
    await discussion().getByText('Who signs the partnership agreement?').waitFor();
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  it('lists on “@” exactly the people who can read the pair, as the server lists them; Escape closes it', async () => {
    const box = newComment();
    await box.focus();
    await mentee.keyboard.type('@');
    await (await listOf(box)).getByRole('option').first().waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    const ids = (...who: (keyof typeof people)[]) => who.map((w) => people[w].user.id);
    const listed = await offered(box);
    expect(listed).toEqual(expect.arrayContaining(ids('mentor', 'mentee', 'expert', 'coordinator')));
    for (const stranger of ids('otherCity', 'outsider', 'admin')) expect(listed).not.toContain(stranger);

    await mentee.keyboard.press('Escape');
    await (await listOf(box)).waitFor({ state: 'hidden' });
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await mentee.keyboard.type('ti'); // still the dismissed "@": the list stays closed
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await box.fill('');
  });

  it('mentions with the keyboard alone: “@ti”, ArrowDown, Enter; posts it and keeps the focus in the box', async () => {
    const box = newComment();
    await box.focus();
    await mentee.keyboard.type('Please ask the signatory.@ti');
    const list = await listOf(box);
    await list.getByRole('option').first().waitFor();
    // Filtered: the name starting with "ti" first, then the one with a word starting with it.
    expect(await offered(box)).toEqual([people.expert.user.id, people.coordinator.user.id]);
    await discussion().getByText('2 people to mention', { exact: false }).waitFor({ state: 'attached' });
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();

    await mentee.keyboard.press('ArrowDown');
    const active = list.getByRole('option', { selected: true });
    await active.filter({ hasText: 'Tiina Tamm' }).waitFor();
    expect(await box.getAttribute('aria-activedescendant')).toBe(await active.getAttribute('id'));

    await mentee.keyboard.press('Enter');
    await list.waitFor({ state: 'hidden' });
    const token = `@[Tiina Tamm](${people.expert.user.id})`;
    expect(await valueOf(box)).toBe(`Please ask the signatory. ${token} `);
    const caret = await box.evaluate((el) => [
      (el as HTMLTextAreaElement).selectionStart,
      (el as HTMLTextAreaElement).value.length,
    ]);
    expect(caret[0]).toBe(caret[1]);
    await mentee.keyboard.type('today.');

    await mentee.keyboard.press('Tab');
    await expectFocus(mentee, { tag: 'BUTTON', text: 'Comment' });
    await mentee.keyboard.press('Enter');

    const posted = discussion().getByTestId('thread').filter({ hasText: 'Please ask the signatory.' });
    await posted.locator(`.mention[data-user="${people.expert.user.id}"]`).filter({ hasText: '@Tiina Tamm' }).waitFor();
    await expect(posted.locator('.comment__body').textContent()).resolves.toBe(
      'Please ask the signatory. @Tiina Tamm today.',
    );
    await expectFocusOn(newComment());
    expect(await valueOf(newComment())).toBe('');
    const threads = (await asMentee.get(`/action-plans/${planId}/comments`).expect(200)).body as {
      body: string;
      mentions: string[];
    }[];
    expect(threads.find((c) => c.body.startsWith('Please ask'))?.mentions).toEqual([people.expert.user.id]);
  });

  it('in a reply, matches a name whatever its accents, chooses with the mouse, and gives the focus back to “Reply”', async () => {
    const thread = discussion().getByTestId('thread').filter({ hasText: 'Who signs the partnership agreement?' });
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    const box = thread.getByRole('combobox', { name: 'Your reply' });
    await expectFocusOn(box);
    await mentee.keyboard.type('Ask @elo');
    const list = await listOf(box);
    await list.getByRole('option', { name: /Éloïse Tiberghien/ }).click();
    expect(await valueOf(box)).toBe(`Ask @[Éloïse Tiberghien](${people.coordinator.user.id}) `);
    await expectFocusOn(box);

    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await thread.locator('.mention').filter({ hasText: '@Éloïse Tiberghien' }).waitFor();
    await expectFocus(mentee, { tag: 'BUTTON', text: 'Reply' });
  });

  it('in an edit, mentions with the keyboard and gives the focus back to “Edit” once saved', async () => {
    const thread = discussion().getByTestId('thread').filter({ hasText: 'Who signs the partnership agreement?' });
    // Found by its id: while it is edited, its text is in the box, where a text filter does not look.
    const first = mentee.locator(`#${await thread.locator('.comment').first().getAttribute('id')}`);
    await first.getByRole('button', { name: 'Edit', exact: true }).click();
    const box = first.getByRole('combobox', { name: 'Edit your comment' });
    await expectFocusOn(box);
    await box.press('End');
    await mentee.keyboard.type(' @tii');
    await (await listOf(box)).getByRole('option', { name: /Tiina Tamm/ }).waitFor();
    await mentee.keyboard.press('ArrowDown');
    await mentee.keyboard.press('Tab'); // Tab chooses too
    expect(await valueOf(box)).toBe(`Who signs the partnership agreement? @[Tiina Tamm](${people.expert.user.id}) `);
    await expectFocusOn(box);
    await mentee.keyboard.press('Tab');
    await expectFocus(mentee, { tag: 'BUTTON', text: 'Save' });
    await mentee.keyboard.press('Enter');
    await first.locator('.mention').filter({ hasText: '@Tiina Tamm' }).waitFor();
    await expectFocus(mentee, { tag: 'BUTTON', text: 'Edit' });
  });

  it('shows in the latest review the threads it opened, as links to them', async () => {
    const asMentor = world.t.api.as(people.mentor.token);
    const { body: plan } = await asMentee
      .post(`/pairs/${pairId}/action-plans`, {
        title: 'Microcredit for founders',
        sectionCodes: ['access-to-finance'],
        objective: 'Small loans the banks refuse',
      })
      .expect(201);
    await asMentee
      .post(`/action-plans/${plan.id}/milestones`, {
        title: 'Desk opens',
        dueDate: '2099-03-31',
        owner: 'Business office',
      })
      .expect(201);
    await asMentee.post(`/action-plans/${plan.id}/submit`, {}).expect(200);
    const opened = (
      await asMentor
        .post(`/action-plans/${plan.id}/comments`, {
          body: `Who funds the loans, @[Tiina Tamm](${people.expert.user.id})?`,
          target: { type: 'plan', id: plan.id },
        })
        .expect(201)
    ).body.id as string;
    await asMentor
      .post(`/action-plans/${plan.id}/reviews`, { verdict: 'request-changes', summary: 'Say who funds it.' })
      .expect(201);

    await mentee.goto(`/programmes/${programmeId}/plans/${plan.id}`);
    const review = mentee.getByTestId('latest-review');
    await review.getByText('Revision 1', { exact: false }).waitFor();
    const threads = review.getByRole('list', { name: 'This review opened 1 thread:' });
    const link = threads.getByRole('link', { name: 'Who funds the loans, @Tiina Tamm?' });
    await expect(link.getAttribute('href')).resolves.toBe(`#comment-${opened}`);
    await expect(threads.textContent()).resolves.toContain('on the plan');
    await link.click();
    await mentee.waitForURL((url) => url.hash === `#comment-${opened}`);
  });

  it('raised no error in the page', () => {
    expect(errors.flat()).toEqual([]);
  });
});
