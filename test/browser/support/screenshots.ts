import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the browser tests write their screenshots: docs/screenshots/ (the user guide's and the README's
 * pictures) with `npm run screenshots`, else a folder under the system's temp dir, so `npm test`
 * still takes every picture but leaves the repository as it found it.
 */
export const SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(__dirname, '..', '..', '..', 'docs', 'screenshots')
    : join(tmpdir(), 'citymentor-screenshots');

/** The path of one screenshot; the folder is made on first use. */
export function screenshotPath(file: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, file);
}
