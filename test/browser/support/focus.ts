import type { Locator, Page } from 'playwright-core';
import { STEP } from './timing';

/** What has the keyboard focus: its id, its text and its tag name. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.id ?? '', text: el?.textContent ?? '', tag: el?.tagName ?? '' };
  });

type Focus = Awaited<ReturnType<typeof focused>>;

/** Reads `read` until `done` holds or STEP has passed; returns the last reading. */
async function settle<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + STEP;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/**
 * Checks that the focus is where `expected` says, once it has settled. A click re-renders first and the
 * page moves the focus in an effect after that render, so a reading taken at once races the effect on a
 * loaded machine. A failure shows where the focus is instead.
 */
export async function expectFocus(page: Page, expected: Partial<Focus>): Promise<void> {
  const matches = (now: Focus) => Object.entries(expected).every(([key, value]) => now[key as keyof Focus] === value);
  expect(await settle(() => focused(page), matches)).toEqual(expect.objectContaining(expected));
}

/** Checks that `locator`'s element has the focus, once it has settled. */
export async function expectFocusOn(locator: Locator): Promise<void> {
  const hasFocus = () => locator.evaluate((el) => el === document.activeElement);
  expect(await settle(hasFocus, (yes) => yes)).toBe(true);
}
