/**
 * The browser tier: the built web client served by the API (in this process, on its own database) and
 * Debian's chromium driven by playwright-core. One browser per test file; a context per person.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startApp, type TestApp } from '../../support/app';
import { STEP } from './timing';

const ROOT = join(__dirname, '..', '..', '..');
const WEB = join(ROOT, 'apps', 'web');
const DIST_INDEX = join(WEB, 'dist', 'index.html');
const LOCK = join(tmpdir(), 'citymentor-web-build.lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function stale(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  const built = statSync(DIST_INDEX).mtimeMs;
  const sources = Math.max(
    newestSource(join(WEB, 'src')),
    statSync(join(WEB, 'index.html')).mtimeMs,
    statSync(join(WEB, 'vite.config.ts')).mtimeMs,
  );
  return sources > built;
}

/**
 * Builds apps/web when dist/ is missing or older than its sources. Test files run in parallel, so one
 * builds (holding a lock directory) while the others wait for it.
 */
export async function ensureWebBuild(): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (stale()) {
    try {
      mkdirSync(LOCK);
    } catch {
      // Someone else builds; a lock older than two minutes is left over from a killed run.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // it went away meanwhile
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for another test file to build apps/web');
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      if (stale())
        execFileSync(
          process.execPath,
          [
            join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
            'build',
            '--config',
            join(WEB, 'vite.config.ts'),
            '--logLevel',
            'error',
          ],
          { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
        );
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface BrowserWorld {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The API with the web client on a port of its own, the page's origin allowed for sockets, and a
 * headless chromium. `env` adds settings (e.g. SEED_DEMO for the screenshots).
 */
export async function startBrowserWorld(env: Record<string, string> = {}): Promise<BrowserWorld> {
  await ensureWebBuild();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await startApp({ CORS_ORIGINS: baseUrl, PUBLIC_URL: baseUrl, ...env });
  await t.app.listen(port, '127.0.0.1');
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // playwright gives every launch a fresh --user-data-dir of its own (and removes it on close).
      ],
    });
  } catch (error) {
    await t.close();
    throw error;
  }
  return {
    t,
    baseUrl,
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await t.close();
    },
  };
}

export interface Person {
  email: string;
  password: string;
}

/** What the web client sends on every request that uses the refresh cookie (the server's CSRF check). */
export const COOKIE_REQUEST = { 'X-Requested-With': 'citymentor' };

/**
 * A browser context signed in as `person`, in `locale`, at `viewport`: POST /auth/login from the context
 * itself, as the web client signs in, so the refresh token lands in the context's cookie jar (HttpOnly,
 * each context a session of its own: the cookie is single use) and nothing in its storage. Each page
 * load then refreshes through the cookie.
 */
export async function signedInContext(
  world: BrowserWorld,
  person: Person,
  options: { locale?: 'en' | 'fr'; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const locale = options.locale ?? 'en';
  const context = await world.browser.newContext({
    baseURL: world.baseUrl,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: locale === 'fr' ? 'fr-FR' : 'en-GB',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(STEP);
  const res = await context.request.post('/api/v1/auth/login', {
    data: { email: person.email, password: person.password, tokenDelivery: 'cookie' },
    headers: COOKIE_REQUEST,
  });
  if (res.status() !== 200) {
    await context.close();
    throw new Error(`sign-in of ${person.email} failed: ${res.status()} ${await res.text()}`);
  }
  await context.addInitScript((lang) => localStorage.setItem('citymentor.locale', lang), locale);
  return context;
}

/** Collects uncaught page errors, so a test can assert there were none. */
export function watchErrors(page: Page, into: string[] = []): string[] {
  page.on('pageerror', (error) => into.push(`${page.url()}: ${error.message}`));
  return into;
}
