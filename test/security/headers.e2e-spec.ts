import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as rawRequest } from 'node:http';
import { startApiProcess } from '../support/api-process';
import { startApp, type TestApp } from '../support/app';
import { TestSocket } from '../support/sockets';

const ALLOWED = ['http://citymentor.test', 'https://partner.example'];
const FOREIGN = 'https://evil.example';

/** The one framing policy, said both ways (CSP level 2 and the older header): no framing by anyone. */
const FRAMING: Record<string, RegExp> = {
  'content-security-policy': /(^|;\s*)frame-ancestors 'none'(;|$)/,
  'x-frame-options': /^DENY$/,
};

/** Helmet's headers, as every answer carries them. */
const SECURITY_HEADERS: Record<string, RegExp> = {
  ...FRAMING,
  'content-security-policy': /default-src 'self'.*frame-ancestors 'none'.*object-src 'none'.*script-src 'self'/,
  'x-content-type-options': /^nosniff$/,
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
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><title>CityMentor</title><script type="module" src="/assets/app.js"></script>',
    );
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log("app")');
    // The built web client, as a small fixture (WEB_DIST): the real serving code, whether or not apps/web/dist was built.
    t = await startApp({ CORS_ORIGINS: ALLOWED.join(','), WEB_DIST: web });
    url = await t.listen();
    token = (await t.given.signIn(await t.given.user())).token;
  });
  afterAll(async () => {
    await t.close();
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
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect({ [name]: res.headers[name] }).toEqual({ [name]: expect.stringMatching(value) });
    expect(res.headers['x-powered-by']).toBeUndefined();
    // PUBLIC_URL is http here: no HSTS (a browser would ignore it, and it must not pin a local http host to https).
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it.each([
    [
      'a body of another media type (415)',
      () => t.http().post('/api/v1/auth/refresh').type('form').send('tokenDelivery=cookie'),
      415,
    ],
    [
      'a body over the limit (413)',
      () =>
        t
          .http()
          .post('/api/v1/auth/refresh')
          .set('Content-Type', 'application/json')
          .send(`{"x":"${'a'.repeat(1_100_000)}"}`),
      413,
    ],
    [
      'a CORS preflight',
      () => t.http().options('/api/v1/me').set('Origin', ALLOWED[0]).set('Access-Control-Request-Method', 'GET'),
      204,
    ],
    ['a missing file of the web client', () => t.http().get('/assets/missing.js'), 404],
  ])('sets the same framing policy on %s', async (_what, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    for (const [name, value] of Object.entries(FRAMING))
      expect({ [name]: res.headers[name] }).toEqual({ [name]: expect.stringMatching(value) });
  });

  it('sets nosniff and a deny-all policy, the same framing policy, on the answer to a URL the router cannot even decode', async () => {
    const res = await t.http().get('/api/v1/programmes/%zz').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-frame-options': 'DENY',
    });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sets the same headers on a request Node could not parse (headers over the size limit, 431)', async () => {
    const { hostname, port } = new URL(url);
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const r = rawRequest(
        { host: hostname, port, path: '/api/v1/me', headers: { 'x-padding': 'a'.repeat(20_000) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode, ...res.headers }));
        },
      );
      r.on('error', reject);
      r.end();
    });
    expect(headers).toMatchObject({
      status: 431,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-frame-options': 'DENY',
    });
  });

  it('sends HSTS, on every answer, when PUBLIC_URL is https', async () => {
    const https = await startApiProcess({
      DATABASE_URL: t.databaseUrl,
      REDIS_PREFIX: process.env.REDIS_PREFIX!,
      PUBLIC_URL: 'https://citymentor.example',
    });
    try {
      for (const path of ['/health', '/api/v1/me', '/api/v1/programmes/%zz', '/api/docs']) {
        const res = await fetch(`${https.url}${path}`);
        expect({
          path,
          hsts: res.headers.get('strict-transport-security'),
          frame: res.headers.get('x-frame-options'),
        }).toEqual({ path, hsts: 'max-age=31536000; includeSubDomains', frame: 'DENY' });
      }
    } finally {
      await https.stop();
    }
  });

  it('lets the configured origins make CORS requests, and gives another origin no allowance', async () => {
    for (const origin of ALLOWED) {
      const preflight = await t
        .http()
        .options('/api/v1/me')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'authorization');
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
      const get = await t
        .http()
        .get('/api/v1/me')
        .set('Origin', origin)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(get.headers['access-control-allow-origin']).toBe(origin);
    }
    const preflight = await t
      .http()
      .options('/api/v1/me')
      .set('Origin', FOREIGN)
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
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
