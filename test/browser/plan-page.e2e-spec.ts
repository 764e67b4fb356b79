/**
 * The plan page as the mentee, the mentor and the installation's admin live it (issue 14): typed text
 * is never left behind by a submission, one's own earlier save is never shown as someone else's, a
 * refused action always says why; the page offers only what the server allows (`can`); an empty plan
 * says what it lacks before anyone clicks, and a submission can be withdrawn before the review.
 * Inline forms take the keyboard focus when they open and give it back to their opener.
 */
import type { BrowserContext, Page, Route } from 'playwright-core';
import type { ApiClient } from '../support/api-client';
import { PASSWORD } from '../support/given';
import { screenshotPath } from './support/screenshots';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { expectFocus } from './support/focus';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('the plan page', () => {
  let world: BrowserWorld;
  let menteeContext: BrowserContext;
  let mentee: Page;
  let asMentee: ApiClient;
  let asMentor: ApiClient;
  let programmeId: string;
  let pairId: string;
  let planId: string;
  let mentorThread: string;
  let menteeThread: string;
  let people: Awaited<ReturnType<BrowserWorld['t']['given']['mentoring']>>['people'];
  const errors: string[][] = [];

  const state = (page: Page) => page.getByTestId('plan-state');
  const planUrl = (id: string) => `/programmes/${programmeId}/plans/${id}`;
  const objectiveOnServer = async (id: string) =>
    (await asMentee.get(`/action-plans/${id}`).expect(200)).body.objective as string;

  beforeAll(async () => {
    world = await startBrowserWorld();
    const m = await world.t.given.mentoring();
    programmeId = m.programme.id;
    pairId = m.pair.id;
    people = m.people;
    asMentee = world.t.api.as(m.people.mentee.token);
    asMentor = world.t.api.as(m.people.mentor.token);
    // A plan the mentor has sent back, with a thread each side started.
    planId = (
      await asMentee
        .post(`/pairs/${pairId}/action-plans`, {
          title: 'One-stop shop for migrant entrepreneurs',
          sectionCodes: ['comprehensive-support'],
          objective: 'Coordinate every support service in one place',
        })
        .expect(201)
    ).body.id;
    await asMentee
      .post(`/action-plans/${planId}/milestones`, {
        title: 'Map the services',
        dueDate: '2099-03-31',
        owner: 'Business office',
      })
      .expect(201);
    await asMentee.post(`/action-plans/${planId}/submit`, {}).expect(200);
    await asMentor
      .post(`/action-plans/${planId}/reviews`, {
        verdict: 'request-changes',
        summary: 'Say how founders hear of the desk.',
      })
      .expect(201);
    mentorThread = (
      await asMentor
        .post(`/action-plans/${planId}/comments`, {
          body: 'How will founders hear of the desk?',
          target: { type: 'plan', id: planId },
        })
        .expect(201)
    ).body.id;
    menteeThread = (
      await asMentee
        .post(`/action-plans/${planId}/comments`, {
          body: 'Should the desk open on Saturdays?',
          target: { type: 'plan', id: planId },
        })
        .expect(201)
    ).body.id;

    menteeContext = await signedInContext(world, { email: m.people.mentee.user.email, password: PASSWORD });
    mentee = await menteeContext.newPage();
    errors.push(watchErrors(mentee));
    await mentee.goto(planUrl(planId));
    await state(mentee).filter({ hasText: 'Changes requested' }).waitFor();
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  describe('editing and submitting', () => {
    it('puts the focus in the form when it opens and back on “Edit the plan” when it is cancelled', async () => {
      await mentee.getByRole('button', { name: 'Edit the plan' }).click();
      await expectFocus(mentee, { id: 'plan-title' });
      await mentee.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expectFocus(mentee, { text: 'Edit the plan' });
    });

    it('saves a typed objective before submitting: the plan goes to review with it, and no conflict follows', async () => {
      await mentee.getByRole('button', { name: 'Edit the plan' }).click();
      await mentee
        .getByLabel('Objective')
        .fill('Coordinate every service and reach founders through their associations');
      await mentee.getByRole('button', { name: 'Submit for review' }).click();

      await state(mentee).filter({ hasText: 'Submitted for review' }).waitFor();
      await mentee
        .getByTestId('plan-objective')
        .filter({ hasText: 'reach founders through their associations' })
        .waitFor();
      expect(await mentee.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0); // the form closed
      expect(await mentee.getByTestId('conflict').count()).toBe(0);
      await expect(objectiveOnServer(planId)).resolves.toBe(
        'Coordinate every service and reach founders through their associations',
      );
      const revisions = (await asMentor.get(`/action-plans/${planId}/revisions`).expect(200)).body as {
        number: number;
      }[];
      expect(revisions.map((r) => r.number).sort()).toEqual([1, 2]);
    });

    it('withdraws the submission before the review: back to “Changes requested”, editable again, the mentor sees it live', async () => {
      const mentorContext = await signedInContext(world, { email: people.mentor.user.email, password: PASSWORD });
      const mentor = await mentorContext.newPage();
      errors.push(watchErrors(mentor));
      await mentor.goto(planUrl(planId));
      await state(mentor).filter({ hasText: 'Submitted for review' }).waitFor();

      await mentee.getByText('The plan waits for the mentor’s review.').waitFor();
      await mentee.getByRole('button', { name: 'Withdraw the submission' }).click();
      await state(mentee).filter({ hasText: 'Changes requested' }).waitFor();
      await mentee.getByRole('button', { name: 'Edit the plan' }).waitFor();

      await state(mentor).filter({ hasText: 'Changes requested' }).waitFor();
      await mentor
        .getByTestId('live-announcement')
        .filter({ hasText: 'The submission has just been withdrawn' })
        .waitFor();
      expect(await mentor.getByRole('button', { name: 'Request changes' }).count()).toBe(0);
      await mentor.goto(`/programmes/${programmeId}/activity`);
      await mentor
        .getByText(/withdrew the plan “One-stop shop for migrant entrepreneurs” from review/)
        .first()
        .waitFor();
      await mentorContext.close();
    });

    it('does not show one’s own save, whose answer was lost, as someone else’s when saving again', async () => {
      await mentee.getByRole('button', { name: 'Edit the plan' }).click();
      await mentee.getByLabel('Objective').fill('Reach founders through their associations, weekly');
      // The first save reaches the server, but its answer never comes back.
      let lost = false;
      const loseAnswer = async (route: Route) => {
        if (route.request().method() !== 'PATCH' || lost) return route.fallback();
        lost = true;
        await route.fetch();
        await route.abort('failed');
      };
      await mentee.route('**/api/v1/action-plans/*', loseAnswer);
      await mentee.getByRole('button', { name: 'Save', exact: true }).click();
      await mentee.getByText('The server cannot be reached').waitFor();
      await mentee.unroute('**/api/v1/action-plans/*', loseAnswer);
      expect(lost).toBe(true);

      await mentee.getByRole('button', { name: 'Save', exact: true }).click();
      await mentee
        .getByTestId('plan-objective')
        .filter({ hasText: 'Reach founders through their associations, weekly' })
        .waitFor();
      expect(await mentee.getByTestId('conflict').count()).toBe(0);
      await expectFocus(mentee, { text: 'Edit the plan' }); // back where the person started
    });

    it('says in words that the plan can no longer be edited when it was submitted elsewhere meanwhile', async () => {
      await mentee.getByRole('button', { name: 'Edit the plan' }).click();
      await mentee.getByLabel('Objective').fill('Text typed while another tab submits');
      const { body: current } = await asMentee.get(`/action-plans/${planId}`).expect(200);
      await asMentee.post(`/action-plans/${planId}/submit`, { version: current.version }).expect(200);

      const refused = mentee.getByTestId('plan-edit-refused');
      await refused
        .filter({ hasText: 'The plan is “Submitted for review” now, so it can no longer be edited.' })
        .waitFor();
      await refused.filter({ hasText: 'Withdraw the submission to change it.' }).waitFor();
      await mentee.getByRole('button', { name: 'Save', exact: true }).click();
      await mentee.getByRole('alert').filter({ hasText: 'can no longer be edited' }).waitFor();
      expect(await mentee.getByTestId('conflict').count()).toBe(0);
      await expect(mentee.getByLabel('Objective').inputValue()).resolves.toBe('Text typed while another tab submits'); // nothing lost
      await mentee.getByRole('button', { name: 'Cancel', exact: true }).click();
      await mentee.getByRole('button', { name: 'Withdraw the submission' }).click();
      await state(mentee).filter({ hasText: 'Changes requested' }).waitFor();
    });
  });

  describe('what the page offers is what the server allows', () => {
    it('offers the mentee “Resolve” on their own thread only, not on the mentor’s', async () => {
      const thread = (id: string) => mentee.locator(`#comment-${id}`);
      await thread(menteeThread).getByRole('button', { name: 'Resolve' }).waitFor();
      await thread(mentorThread).getByText('How will founders hear of the desk?').waitFor();
      expect(await thread(mentorThread).getByRole('button', { name: 'Resolve' }).count()).toBe(0);
      expect(await thread(mentorThread).getByRole('button', { name: 'Edit' }).count()).toBe(0);
    });

    it('moves the focus into a reply box when it opens and back to “Reply” when it is cancelled', async () => {
      const thread = mentee.getByTestId('thread').filter({ hasText: 'How will founders hear of the desk?' });
      await thread.getByRole('button', { name: 'Reply', exact: true }).click();
      await expectFocus(mentee, { tag: 'TEXTAREA' });
      await thread.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expectFocus(mentee, { text: 'Reply' });
    });

    it('shows the installation admin the plan and its threads without a comment box, reply or resolve', async () => {
      const adminContext = await signedInContext(world, { email: people.admin.user.email, password: PASSWORD });
      const admin = await adminContext.newPage();
      errors.push(watchErrors(admin));
      await admin.goto(planUrl(planId));
      const discussion = admin.getByTestId('discussion-plan');
      await discussion.getByText('How will founders hear of the desk?').waitFor();
      expect(await discussion.getByLabel('New comment').count()).toBe(0);
      expect(await admin.getByRole('button', { name: 'Reply', exact: true }).count()).toBe(0);
      expect(await admin.getByRole('button', { name: 'Resolve' }).count()).toBe(0);
      expect(await admin.getByRole('button', { name: 'Add a comment' }).count()).toBe(0);
      await adminContext.close();
    });
  });

  describe('an empty plan', () => {
    it('says what it lacks before anyone clicks, holds Submit back, and lets it go once complete', async () => {
      const { body: empty } = await asMentee
        .post(`/pairs/${pairId}/action-plans`, {
          title: 'Mentoring by established founders',
          sectionCodes: ['networking'],
        })
        .expect(201);
      await mentee.goto(planUrl(empty.id));
      await state(mentee).filter({ hasText: 'Draft' }).waitFor();
      const missing = mentee.getByTestId('submit-missing');
      await missing.getByText('Before this plan can be submitted, it needs:').waitFor();
      await missing.getByText('an objective').waitFor();
      await missing.getByText('a milestone with a due date and an owner').waitFor();
      const submit = mentee.getByRole('button', { name: 'Submit for review' });
      await expect(submit.isDisabled()).resolves.toBe(true);
      await expect(submit.getAttribute('aria-describedby')).resolves.toBe('submit-missing');
      await mentee.evaluate('window.scrollTo(0, 0)');
      await mentee.screenshot({ path: screenshotPath('plan-missing-parts-desktop.png') });

      // Typing an objective takes it off the list at once (it is saved before a submit).
      await mentee.getByRole('button', { name: 'Edit the plan' }).click();
      await mentee.getByLabel('Objective').fill('Founders who made it mentor those who start');
      await missing.getByText('an objective').waitFor({ state: 'detached' });
      await mentee.getByRole('button', { name: 'Save', exact: true }).click();
      await mentee.getByTestId('plan-objective').filter({ hasText: 'Founders who made it' }).waitFor();

      await mentee.getByRole('button', { name: 'Add a milestone' }).click();
      await expectFocus(mentee, { id: 'new-milestone-title' });
      await mentee.getByLabel('Milestone', { exact: true }).fill('First ten mentors found');
      await mentee.getByLabel('Due date').fill('2099-09-30');
      await mentee.getByLabel('Owner').last().fill('Business office');
      await mentee.getByRole('button', { name: 'Add', exact: true }).click();
      await mentee.getByTestId('milestone').filter({ hasText: 'First ten mentors found' }).waitFor();
      await expectFocus(mentee, { text: 'Add a milestone' });

      await missing.waitFor({ state: 'detached' });
      await submit.click();
      await state(mentee).filter({ hasText: 'Submitted for review' }).waitFor();
    });
  });

  describe('one numbering', () => {
    it('names revisions “revision N”, never the version, and says an unchanged resubmission has no changes since the last', async () => {
      const { body: plan } = await asMentee
        .post(`/pairs/${pairId}/action-plans`, {
          title: 'Help desk in three languages',
          sectionCodes: ['comprehensive-support'],
          objective: 'Answer founders in their language',
        })
        .expect(201);
      await asMentee
        .post(`/action-plans/${plan.id}/milestones`, { title: 'Hire the staff', dueDate: '2099-05-31', owner: 'HR' })
        .expect(201);
      await asMentee.post(`/action-plans/${plan.id}/submit`, {}).expect(200);
      await asMentor
        .post(`/action-plans/${plan.id}/reviews`, { verdict: 'request-changes', summary: 'Which languages?' })
        .expect(201);
      await asMentee.post(`/action-plans/${plan.id}/submit`, {}).expect(200); // nothing changed

      for (const [locale, revision, unchanged] of [
        ['en', 'revision 2', 'No changes since your review of revision 1'],
        ['fr', 'révision 2', 'Aucun changement depuis votre relecture de la révision 1'],
      ] as const) {
        const context = await signedInContext(
          world,
          { email: people.mentor.user.email, password: PASSWORD },
          { locale },
        );
        const page = await context.newPage();
        errors.push(watchErrors(page));
        await page.goto(planUrl(plan.id));
        await page.locator('.plan-header__meta').filter({ hasText: revision }).waitFor();
        await page.getByTestId('what-changed').getByText(unchanged).waitFor();
        await expect(page.locator('body').innerText()).resolves.not.toMatch(/version/i);
        await context.close();
      }
    });
  });

  describe('what changed, word by word', () => {
    it('marks “12” removed and “15” added since the reviewer’s own review, lists threads opened since, in French too', async () => {
      const { body: plan } = await asMentee
        .post(`/pairs/${pairId}/action-plans`, {
          title: 'Advice for founders',
          sectionCodes: ['comprehensive-support'],
          objective: 'Advise founders in their first year',
          activities: ['Map services', 'Train 12 advisers'],
        })
        .expect(201);
      const { body: milestone } = await asMentee
        .post(`/action-plans/${plan.id}/milestones`, { title: 'Advisers ready', dueDate: '2099-03-31', owner: 'HR' })
        .expect(201);
      await asMentee.post(`/action-plans/${plan.id}/submit`, {}).expect(200);
      await asMentor
        .post(`/action-plans/${plan.id}/comments`, {
          body: 'How many advisers?',
          target: { type: 'plan', id: plan.id },
        })
        .expect(201);
      await asMentor
        .post(`/action-plans/${plan.id}/reviews`, {
          verdict: 'request-changes',
          summary: 'More advisers',
          overrideOpenThreads: true,
        })
        .expect(201);
      const { body: since } = await asMentee
        .post(`/action-plans/${plan.id}/comments`, {
          body: 'We found three more trainers',
          target: { type: 'plan', id: plan.id },
        })
        .expect(201);
      const { body: current } = await asMentee.get(`/action-plans/${plan.id}`).expect(200);
      await asMentee
        .patch(`/action-plans/${plan.id}`, {
          activities: ['Map services', 'Train 15 advisers'],
          version: current.version,
        })
        .expect(200);
      await asMentee
        .patch(`/milestones/${milestone.id}`, { dueDate: '2099-04-30', version: milestone.version })
        .expect(200);
      await asMentee.post(`/action-plans/${plan.id}/submit`, {}).expect(200);

      for (const [locale, range, mark, removed, added, before, after] of [
        [
          'en',
          'Since your review of revision 1',
          'Changed',
          'removed: 12',
          'added: 15',
          'removed: 31 March 2099',
          'added: 30 April 2099',
        ],
        [
          'fr',
          'Depuis votre relecture de la révision 1',
          'Modification',
          'supprimé : 12',
          'ajouté : 15',
          'supprimé : 31 mars 2099',
          'ajouté : 30 avril 2099',
        ],
      ] as const) {
        const context = await signedInContext(
          world,
          { email: people.mentor.user.email, password: PASSWORD },
          { locale, viewport: { width: 390, height: 844 } },
        );
        const page = await context.newPage();
        errors.push(watchErrors(page));
        await page.goto(planUrl(plan.id));
        const diff = page.getByTestId('what-changed');
        const item = diff.locator('[data-field="activities"] [data-change="changed"]');
        await item.getByText(mark).waitFor();
        // The changed words, said as such (not colour alone), in their <del> and <ins>.
        expect(await item.locator('del').allTextContents()).toEqual([removed]);
        expect(await item.locator('ins').allTextContents()).toEqual([added]);
        expect(await item.innerText()).toContain('advisers');
        expect(await diff.locator('[data-field="activities"] [data-change="same"]').innerText()).toContain(
          'Map services',
        );
        // The due date in the reader's language, not 2099-04-30.
        const due = diff.getByTestId('changed-milestone').locator('[data-field="dueDate"]');
        expect(await due.locator('del').textContent()).toBe(before);
        expect(await due.locator('ins').textContent()).toBe(after);
        await expect(diff.innerText()).resolves.not.toMatch(/2099-0|comprehensive-support/);
        // Since the reader's own review, with the threads opened since it (not the one before), linked.
        await diff.getByTestId('diff-range').getByText(range).waitFor();
        const opened = diff.getByTestId('threads-since').getByRole('link');
        await opened.filter({ hasText: 'We found three more trainers' }).waitFor();
        expect(await opened.count()).toBe(1);
        expect(await opened.getAttribute('href')).toBe(`#comment-${since.id}`);
        // Nothing wider than a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await opened.click();
        await page.waitForFunction((id) => window.location.hash === `#comment-${id}`, since.id);
        await page.locator(`#comment-${since.id}`).getByText('We found three more trainers').waitFor();
        await context.close();
      }

      // "Viewed" folds a field, for this reader, and stays so on the next visit until unticked.
      const context = await signedInContext(world, { email: people.mentor.user.email, password: PASSWORD });
      const page = await context.newPage();
      errors.push(watchErrors(page));
      await page.goto(planUrl(plan.id));
      const activities = page.getByTestId('what-changed').locator('[data-field="activities"]');
      await activities.locator('del').waitFor();
      const box = page.getByRole('checkbox', { name: 'Viewed: Activities' });
      await box.check();
      await activities.locator('del').waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.querySelector('[data-field="activities"][data-viewed]') !== null);
      const saved = async () => (await asMentor.get(`/action-plans/${plan.id}/diff`).expect(200)).body.viewed;
      for (let i = 0; i < 50 && (await saved()).length === 0; i++) await page.waitForTimeout(100);
      expect(await saved()).toEqual(['field:activities']);
      await page.reload();
      await page.getByRole('checkbox', { name: 'Viewed: Activities' }).waitFor();
      expect(await page.getByRole('checkbox', { name: 'Viewed: Activities' }).isChecked()).toBe(true);
      expect(await activities.locator('del').count()).toBe(0);
      await page.getByRole('checkbox', { name: 'Viewed: Activities' }).uncheck();
      await activities.locator('del').waitFor();
      await context.close();
    });
  });

  it('raised no error in any page', () => {
    expect(errors.flat()).toEqual([]);
  });
});
