/**
 * Time in the browser tests. They run beside the rest of `npm test` on a 2-core machine, so they wait
 * for conditions, never for fixed times, with bounds generous enough for a loaded machine and still
 * short enough that a real failure fails in seconds, not minutes:
 *
 * - STEP: how long one step (a locator to appear, a page to answer) may take: every context's default;
 * - TEST: one test; SETUP: a file's beforeAll (it may build apps/web and start the API and chromium).
 *
 * "Within a second" (a comment typed by one person appears on the other's screen) is a latency, measured
 * in the browser from the click to the text appearing, and asserted when the machine is quiet enough
 * for a latency to mean something; on a loaded machine it is logged instead, and the test still
 * requires that the text arrives (within STEP).
 */
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';

export const STEP = 20_000;
export const TEST = 90_000;
export const SETUP = 180_000;

/** Load per core below which a latency is asserted rather than logged. */
const QUIET_LOAD_PER_CORE = 1;

export function loadPerCore(): number {
  return loadavg()[0] / Math.max(1, cpus().length);
}

/**
 * Starts timing on `from` (the next click anywhere on it) until `text` appears on `to`, both read from
 * the browser's clock (the pages share one machine), so the test driver's own delays do not count.
 * Returns a function that waits for the text and gives the latency in milliseconds.
 */
export async function measureArrival(from: Page, to: Page, text: string): Promise<() => Promise<number>> {
  const key = JSON.stringify(`arrival:${Math.random().toString(36).slice(2)}`);
  // Scripts as strings: the tests are typed for Node, without the DOM's types.
  await to.evaluate(`(() => {
    const observer = new MutationObserver(() => {
      if (document.body.innerText.includes(${JSON.stringify(text)})) {
        window[${key}] = Date.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  })()`);
  await from.evaluate(
    `document.addEventListener('click', () => { window[${key}] = Date.now(); }, { capture: true, once: true })`,
  );
  return async () => {
    // A function, not a string: a string predicate that has to poll is eval'd in the page, which the CSP refuses.
    await to.waitForFunction(
      (name) => (window as unknown as Record<string, unknown>)[name] !== undefined,
      JSON.parse(key) as string,
      {
        timeout: STEP,
      },
    );
    const arrived = await to.evaluate<number>(`window[${key}]`);
    const clicked = await from.evaluate<number>(`window[${key}]`);
    return arrived - clicked;
  };
}

/** Asserts `ms` is under `limit` on a quiet machine; on a loaded one logs it (the arrival itself was already required). */
export function expectLatency(what: string, ms: number, limit = 1000) {
  const load = loadPerCore();
  if (load < QUIET_LOAD_PER_CORE) {
    expect(ms).toBeLessThan(limit);
  } else {
    console.log(`${what}: ${ms} ms (load ${load.toFixed(1)} per core: measured, not asserted against ${limit} ms)`);
  }
}
