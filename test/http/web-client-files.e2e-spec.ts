/**
 * The built web client's files are sent compressed as the browser accepts (brotli, else gzip, else as
 * they are), from the .br and .gz files the build writes beside them, and hashed assets are cached for good.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { startApp, type TestApp } from '../support/app';

const SCRIPT = `console.log(${JSON.stringify('CityMentor '.repeat(200))});`;
const COMPRESSED = { br: brotliCompressSync(SCRIPT), gzip: gzipSync(SCRIPT) };

describe('the web client’s files', () => {
  let t: TestApp;
  let web: string;

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'citymentor-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>CityMentor</title>');
    writeFileSync(join(web, 'assets', 'index-abc123.js'), SCRIPT);
    writeFileSync(join(web, 'assets', 'index-abc123.js.br'), COMPRESSED.br);
    writeFileSync(join(web, 'assets', 'index-abc123.js.gz'), COMPRESSED.gzip);
    t = await startApp({ WEB_DIST: web });
  });
  afterAll(async () => {
    await t.close();
    rmSync(web, { recursive: true, force: true });
  });

  it.each([
    ['br, gzip, deflate', 'br'],
    ['gzip, deflate', 'gzip'],
    ['identity', undefined],
  ] as const)('answers Accept-Encoding "%s" with %s, the same script, cached for good', async (accept, encoding) => {
    const res = await t.http().get('/assets/index-abc123.js').set('Accept-Encoding', accept).expect(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    // What travelled is the file the build compressed (supertest hands the test the decoded text).
    expect(Number(res.headers['content-length'])).toBe(encoding ? COMPRESSED[encoding].length : SCRIPT.length);
    expect(res.text).toBe(SCRIPT);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
  });

  it('answers / and every page’s path with index.html, revalidated on each visit', async () => {
    for (const path of ['/', '/programmes/123']) {
      const res = await t.http().get(path).set('Accept-Encoding', 'br, gzip').expect(200);
      expect(res.text).toContain('<title>CityMentor</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });
});
