// Runs Lighthouse on the pages run.ts names, signed in as their person, and prints one JSON line per run.
// Started by run.ts with the Node 22 of bench/web/node_modules (Lighthouse 13 needs it; the project's is 20):
//   node lighthouse.mjs <job.json>
// job: { base, chromePath, presets: ['desktop', 'mobile'], runs, pages: [{ name, path, user: { email, password } | null }] }
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import puppeteer from 'puppeteer-core';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-sync',
  '--no-first-run',
  '--mute-audio',
];

const chrome = await chromeLauncher.launch({ chromePath: job.chromePath, chromeFlags: FLAGS });
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
try {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  let signedInAs = null;

  /** The refresh cookie of `user` in the browser (as the sign-in page gets it), or none. */
  async function becomes(user) {
    if ((user?.email ?? null) === signedInAs) return;
    await cdp.send('Network.clearBrowserCookies');
    signedInAs = null;
    if (!user) return;
    await page.goto(`${job.base}/health`);
    const status = await page.evaluate(async (u) => {
      const res = await fetch('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'citymentor' },
        body: JSON.stringify({ email: u.email, password: u.password, tokenDelivery: 'cookie' }),
      });
      return res.status;
    }, user);
    if (status !== 200 && status !== 201) throw new Error(`sign-in as ${user.email} answered ${status}`);
    signedInAs = user.email;
  }

  for (let run = 0; run < job.runs; run++) {
    for (const preset of job.presets) {
      for (const target of job.pages) {
        await becomes(target.user);
        // Lighthouse's own storage reset would also drop the sign-in cookie: empty only the HTTP cache.
        await cdp.send('Network.clearBrowserCache');
        const flags = { output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true };
        const result = await lighthouse(
          `${job.base}${target.path}`,
          flags,
          preset === 'desktop' ? desktopConfig : undefined,
          page,
        );
        const lhr = result.lhr;
        // LIGHTHOUSE_REPORTS=<dir>: keep each run's whole report (long tasks, boot-up time, main-thread work).
        if (process.env.LIGHTHOUSE_REPORTS)
          writeFileSync(
            join(process.env.LIGHTHOUSE_REPORTS, `${target.name}-${preset}-${run}.json`),
            JSON.stringify(lhr),
          );
        const audit = (id) => lhr.audits[id]?.numericValue ?? null;
        const requests = lhr.audits['network-requests']?.details?.items ?? [];
        const scripts = requests.filter((r) => r.resourceType === 'Script');
        const styles = requests.filter((r) => r.resourceType === 'Stylesheet');
        const apiCalls = {};
        for (const r of requests) {
          const url = new URL(r.url);
          if (url.pathname.startsWith('/api/')) apiCalls[url.pathname] = (apiCalls[url.pathname] ?? 0) + 1;
        }
        const line = {
          run,
          preset,
          page: target.name,
          finalUrl: lhr.finalDisplayedUrl,
          score: lhr.categories.performance.score,
          fcp: audit('first-contentful-paint'),
          lcp: audit('largest-contentful-paint'),
          cls: audit('cumulative-layout-shift'),
          tbt: audit('total-blocking-time'),
          si: audit('speed-index'),
          jsBytes: scripts.reduce((n, r) => n + (r.transferSize ?? 0), 0),
          cssBytes: styles.reduce((n, r) => n + (r.transferSize ?? 0), 0),
          apiCalls,
          // What moved, for finding the cause of a layout shift.
          shifts: (lhr.audits['layout-shifts']?.details?.items ?? []).map((i) => ({
            score: i.score,
            node: i.node?.selector ?? i.node?.snippet ?? null,
          })),
          runtimeError: lhr.runtimeError?.message ?? null,
          warnings: lhr.runWarnings,
        };
        process.stdout.write(`LH ${JSON.stringify(line)}\n`);
      }
    }
  }
} finally {
  await browser.disconnect();
  chrome.kill();
}
