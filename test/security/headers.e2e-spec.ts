import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type TestApp } from '../support/app';
import { TestSocket } from '../support/sockets';

// The built web client, as a small fixture: the real serving code, whether or not apps/web/dist was built.
jest.mock('../../apps/api/src/web/serve-web', () => ({
  ...jest.requireActual('../../apps/api/src/web/serve-web'),
  webClientDirectory: () => process.env.TEST_WEB_DIST ?? null,
}));

const ALLOWED = ['http://citymentor.test', 'https://partner.example'];
const FOREIGN = 'https://evil.example';

/** Helmet's headers, as every answer carries them. */
const SECURITY_HEADERS: Record<string, RegExp> = {
  'content-security-policy': /default-src 'self'.*frame-ancestors 'none'.*object-src 'none'.*script-src 'self'/,
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^SAMEORIGIN$/,
  'strict-transport-security': /max-age=\d+/,
  'referrer-policy': /^no-referrer$/,
  'cross-origin-opener-policy': /^same-origin$/,
  'cross-origin-resource-policy': /^same-origin$/,
  'x-dns-prefetch-control': /^off$/,
  'x-permitted-cross-domain-policies': /^none$/,
};

/** Security headers, CORS and socket origins from configuration. */
describe('security headers and origins', () => {
  let t: TestApp;
  let url: string;
  let token: string;
  let web: string;

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'citymentor-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>CityMentor</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log("app")');
    process.env.TEST_WEB_DIST = web;
    t = await startApp({ CORS_ORIGINS: ALLOWED.join(',') });
    url = await t.listen();
    token = (await t.given.signIn(await t.given.user())).token;
  });
  afterAll(async () => {
    await t.close();
    delete process.env.TEST_WEB_DIST;
    rmSync(web, { recursive: true, force: true });
  });

  it.each([
    ['the health check', '/health', 200],
    ['an API answer', '/api/v1/me', 200],
    ['an API error', '/api/v1/programmes/not-a-uuid', 400],
    ['an unknown API route', '/api/v1/no-such-thing', 404],
    ['the web client', '/', 200],
    ['a page of the web client', '/programmes/123', 200],
    ['a file of the web client', '/assets/app.js', 200],
    ['the OpenAPI UI', '/api/docs', 200],
  ])('sets the security headers on %s (%s)', async (_what, path, status) => {
    const res = await t.http().get(path).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(status);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect({ [name]: res.headers[name] }).toEqual({ [name]: expect.stringMatching(value) });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sets nosniff and a deny-all policy on the answer to a URL the router cannot even decode', async () => {
    const res = await t.http().get('/api/v1/programmes/%zz').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" });
  });

  it('lets the configured origins make CORS requests, and gives another origin no allowance', async () => {
    for (const origin of ALLOWED) {
      const preflight = await t.http().options('/api/v1/me').set('Origin', origin).set('Access-Control-Request-Method', 'GET').set('Access-Control-Request-Headers', 'authorization');
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
      const get = await t.http().get('/api/v1/me').set('Origin', origin).set('Authorization', `Bearer ${token}`).expect(200);
      expect(get.headers['access-control-allow-origin']).toBe(origin);
    }
    const preflight = await t.http().options('/api/v1/me').set('Origin', FOREIGN).set('Access-Control-Request-Method', 'GET').set('Access-Control-Request-Headers', 'authorization');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const get = await t.http().get('/api/v1/me').set('Origin', FOREIGN).set('Authorization', `Bearer ${token}`);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('accepts sockets from the configured origins and from clients that send none, and refuses another origin', async () => {
    for (const origin of ALLOWED) (await TestSocket.connect(url, token, { origin })).close();
    (await TestSocket.connect(url, token)).close();
    await expect(TestSocket.connect(url, token, { origin: FOREIGN })).rejects.toThrow();
    await expect(TestSocket.connect(url, token, { origin: 'null' })).rejects.toThrow();
  });
});
