/**
 * A coordinator invites someone from the manage page, copies the link (the clipboard, read back here), resends it
 * (a new link; the old one stops working) and revokes another; the invitee opens the copied link in a browser of
 * their own and joins.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, STEP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('inviting by e-mail, with the link to copy', () => {
  let world: BrowserWorld;
  let coordinator: BrowserContext;
  let page: Page;
  let errors: string[];
  let w: Awaited<ReturnType<BrowserWorld['t']['given']['world']>>;

  beforeAll(async () => {
    world = await startBrowserWorld();
    w = await world.t.given.world();
    coordinator = await signedInContext(world, { email: w.people.coordinator.user.email, password: PASSWORD });
    await coordinator.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.baseUrl });
    page = await coordinator.newPage();
    errors = watchErrors(page);
  }, SETUP);

  afterAll(async () => {
    await world?.close();
  });

  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  const item = (email: string) => page.locator('.invitation-list__item', { hasText: email });

  async function invite(email: string) {
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Organisation').selectOption({ label: w.city.name });
    await page.getByLabel('Role in the programme').selectOption({ label: 'City member' });
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByText(`Invitation e-mailed to ${email}.`, { exact: false }).waitFor();
  }

  let oldLink: string;
  let newLink: string;

  it('invites, copies the link with a visible confirmation, and lists the invitation as pending', async () => {
    await page.goto(`/programmes/${w.programme.id}/manage`);
    await invite('joiner@city.example');
    const field = await page.getByLabel('Invitation link').inputValue();
    expect(field).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied to the clipboard.').waitFor();
    oldLink = await clipboard();
    expect(oldLink).toBe(field);
    await item('joiner@city.example').getByText('Pending').waitFor();
  });

  it('resends: a new link to copy, and the old one no longer opens', async () => {
    await page.getByRole('button', { name: 'Resend the invitation to joiner@city.example' }).click();
    await page.getByText('A new link was e-mailed to joiner@city.example', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied to the clipboard.').waitFor();
    newLink = await clipboard();
    expect(newLink).not.toBe(oldLink);
    expect(newLink).toBe(await page.getByLabel('Invitation link').inputValue());
  });

  it('revokes another invitation: it is listed as revoked, without its buttons', async () => {
    await invite('mistake@city.example');
    await page.getByRole('button', { name: 'Revoke the invitation of mistake@city.example' }).click();
    await item('mistake@city.example').getByText('Revoked').waitFor();
    expect(await item('mistake@city.example').getByRole('button').count()).toBe(0);
  });

  it('says so and selects the link in its field when the clipboard refuses', async () => {
    const refusing = await signedInContext(world, { email: w.people.coordinator.user.email, password: PASSWORD });
    try {
      await refusing.addInitScript(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      });
      const other = await refusing.newPage();
      await other.goto(`/programmes/${w.programme.id}/manage`);
      await other.getByLabel('E-mail').fill('by.hand@city.example');
      await other.getByLabel('Organisation').selectOption({ label: w.city.name });
      await other.getByRole('button', { name: 'Invite', exact: true }).click();
      await other.getByRole('button', { name: 'Copy link' }).click();
      await other.getByText('Copying was not possible here', { exact: false }).waitFor();
      const field = other.getByLabel('Invitation link');
      const selection = await field.evaluate((el) => {
        const input = el as HTMLInputElement;
        return {
          focused: document.activeElement === input,
          all: input.selectionStart === 0 && input.selectionEnd === input.value.length,
        };
      });
      expect(selection).toEqual({ focused: true, all: true });
    } finally {
      await refusing.close();
    }
  });

  it('lets the invitee, in a browser of their own, join with the copied link; the old link is refused', async () => {
    const invitee = await world.browser.newContext({ baseURL: world.baseUrl, locale: 'en-GB' });
    invitee.setDefaultTimeout(STEP);
    try {
      const theirs = await invitee.newPage();
      const theirErrors = watchErrors(theirs);
      await theirs.goto(oldLink);
      await theirs.getByText('This invitation is not valid', { exact: false }).waitFor();
      await theirs.goto(newLink);
      await theirs.getByRole('heading', { level: 1, name: `Join ${w.programme.name}` }).waitFor();
      await theirs.getByLabel('Your name').fill('Jo Iner');
      await theirs.getByLabel('Choose a password').fill('tulip kettle orbit canyon');
      await theirs.getByRole('button', { name: 'Accept and sign in' }).click();
      await theirs.waitForURL('**/programmes');
      await theirs.getByRole('heading', { level: 1, name: 'Your programmes' }).waitFor();
      await theirs.getByRole('heading', { name: w.programme.name }).waitFor();
      expect(theirErrors).toEqual([]);
    } finally {
      await invitee.close();
    }
    await page.reload();
    await item('joiner@city.example').getByText('Accepted').waitFor();
    expect(errors).toEqual([]);
  });
});
