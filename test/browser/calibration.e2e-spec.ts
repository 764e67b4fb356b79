/**
 * The mentor calibrates the city's self-assessment: the page is worded for the mentor, a note is
 * stored while it is typed (no need to leave the field before "Saved" is true), and the city, with
 * its page open, sees the calibration at once.
 */
import type { BrowserContext } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { GivenPlans } from '../support/given-plans';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { expectFocusOn } from './support/focus';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('calibration, as the mentor gives it and the city sees it', () => {
  let world: BrowserWorld;
  const contexts: BrowserContext[] = [];
  let m: Awaited<ReturnType<BrowserWorld['t']['given']['mentoring']>>;
  let assessmentId: string;

  beforeAll(async () => {
    world = await startBrowserWorld();
    m = await world.t.given.mentoring();
    const plans = new GivenPlans(world.t.orm);
    assessmentId = (
      await plans.assessment(
        m.programme,
        m.menteeCity,
        'baseline',
        { 'strategy.q1': 2, 'strategy.q2': 1 },
        { status: 'submitted' },
      )
    ).id;
  }, SETUP);

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await world?.close();
  });

  const open = async (email: string) => {
    const context = await signedInContext(world, { email, password: PASSWORD });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/programmes/${m.programme.id}/assessments/${assessmentId}?step=strategy`);
    return page;
  };

  it('stores the note while the mentor types, and the city sees it without a reload', async () => {
    const city = await open(m.people.mentee.user.email);
    const cityErrors = watchErrors(city);
    const first = city.getByTestId('question').first();
    await first.waitFor();
    expect(await first.getByTestId('calibration').count()).toBe(0);

    const mentor = await open(m.people.mentor.user.email);
    await mentor.getByText(`These are ${m.menteeCity.name}’s answers`).waitFor();
    const question = mentor.getByTestId('question').first();
    await question.getByLabel('Your calibration rating').selectOption({ label: 'Partly (1)' });
    await question.getByText('Saved').waitFor();
    const note = question.getByLabel('Note for the city');
    await note.click();
    await note.pressSequentially('The strategy is not adopted by the council yet', { delay: 5 });
    // Still in the field: "Saved" comes back only once the server has the note.
    await question.getByText('Saved').waitFor();
    await expectFocusOn(note);
    const stored = (await world.t.api.as(m.people.coordinator.token).get(`/assessments/${assessmentId}`).expect(200))
      .body;
    expect(stored.answers[0]).toMatchObject({
      questionCode: 'strategy.q1',
      mentorRated: true,
      mentorRating: 1,
      mentorNote: 'The strategy is not adopted by the council yet',
    });
    await question.getByTestId('calibration').getByText('Your calibration:').waitFor();
    await question.getByTestId('calibration').getByText('differs from the city’s rating').waitFor();

    // The city's open page shows it, live.
    const shown = first.getByTestId('calibration');
    await shown.getByText('Mentor’s rating:').waitFor();
    await shown.getByText('differs from yours').waitFor();
    await shown.getByText('The strategy is not adopted by the council yet').waitFor();
    expect(cityErrors).toEqual([]);
  });
});
