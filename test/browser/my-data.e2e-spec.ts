/**
 * "Your data" on the account page: a person asks for an export of their data, sees it waiting and
 * being gathered (live, from their own room), and downloads the .zip once the worker has built it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext } from 'playwright-core';
import { PASSWORD } from '../support/given';
import { startWorkerContext, type WorkerContext } from '../worker/worker-harness';
import { signedInContext, startBrowserWorld, watchErrors, type BrowserWorld } from './support/browser';
import { SETUP, TEST } from './support/timing';

jest.setTimeout(TEST);

describe('my account: your data', () => {
  let world: BrowserWorld;
  let worker: WorkerContext | undefined;
  let context: BrowserContext | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cm-my-data-'));

  beforeAll(async () => {
    world = await startBrowserWorld({ REPORTS_DIR: dir });
  }, SETUP);

  afterAll(async () => {
    await context?.close();
    await worker?.close();
    await world?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for an export, sees it being gathered, and downloads the .zip once it is built', async () => {
    const m = await world.t.given.mentoring();
    const me = m.people.mentee.user;
    context = await signedInContext(world, { email: me.email, password: PASSWORD });
    const page = await context.newPage();
    watchErrors(page);
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Your data' });
    await section.getByText('You have not asked for an export yet.').waitFor();

    // No worker yet: the export waits, and the page says it is being gathered.
    await section.getByRole('button', { name: 'Export my data' }).click();
    await section.getByText(/Gathering your data… 0\s?%/).waitFor();
    expect(await section.getByRole('button', { name: 'Export my data' }).isDisabled()).toBe(true);

    // The worker builds it; the page hears `export.updated` and offers the download.
    worker = await startWorkerContext(world.t.databaseUrl, { REPORTS_DIR: dir });
    const download = section.getByRole('button', { name: /^Download the \.zip \(\d+ kB\)$/ });
    await download.waitFor();
    await section.getByText(/^Available until /).waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^citymentor-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const archive = unzipSync(new Uint8Array(readFileSync(await file.path())));
    expect(strFromU8(archive['README.txt'])).toContain(me.email);
    expect(JSON.parse(strFromU8(archive['profile.json']))).toMatchObject({ id: me.id, email: me.email });
    // Another export may be asked for again now.
    expect(await section.getByRole('button', { name: 'Export my data' }).isDisabled()).toBe(false);
  });
});
