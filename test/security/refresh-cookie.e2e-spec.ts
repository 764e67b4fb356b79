import type { Response } from 'supertest';
import { startApp, type TestApp } from '../support/app';
import { PASSWORD } from '../support/given';

const COOKIE = 'citymentor_refresh';
const WEB = { 'X-Requested-With': 'citymentor' };
const SITE = 'http://citymentor.test';

interface SetCookie {
  value: string;
  attributes: Record<string, string | true>;
}

/** The refresh cookie this answer sets (or clears), parsed; undefined when it sets none. */
function refreshCookieOf(res: Response): SetCookie | undefined {
  const headers = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const line = headers.find((h) => h.startsWith(`${COOKIE}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return {
    value: pair.slice(COOKIE.length + 1),
    attributes: Object.fromEntries(
      attributes.map((a) =>
        a.includes('=')
          ? [a.slice(0, a.indexOf('=')).toLowerCase(), a.slice(a.indexOf('=') + 1)]
          : [a.toLowerCase(), true],
      ),
    ),
  };
}

const cleared = (cookie: SetCookie | undefined) =>
  cookie !== undefined &&
  cookie.value === '' &&
  (cookie.attributes['max-age'] === '0' || new Date(String(cookie.attributes.expires)).getTime() <= Date.now());

/** The web client's session: the refresh token in an HttpOnly cookie, never in an answer; CSRF-safe refresh and logout. */
describe('the refresh cookie', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ PUBLIC_URL: SITE, REFRESH_TOKEN_TTL_DAYS: '30' });
  });
  afterAll(() => t.close());

  const rows = (userId: string) =>
    t.orm.em
      .fork()
      .getConnection()
      .execute('select id, rotated_at, revoked_at from refresh_tokens where user_id = ? order by created_at, id', [
        userId,
      ]);

  /** Signs in as a browser would: cookie delivery, the CSRF header, the page's Origin. */
  async function browserSignIn() {
    const user = await t.given.user();
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set(WEB)
      .set('Origin', SITE)
      .send({ email: user.email, password: PASSWORD, tokenDelivery: 'cookie' })
      .expect(200);
    return { user, accessToken: res.body.accessToken as string, cookie: refreshCookieOf(res)!.value, res };
  }
  const refresh = (
    cookie: string | undefined,
    headers: Record<string, string> = WEB,
    body: object = { tokenDelivery: 'cookie' },
  ) => {
    const req = t.http().post('/api/v1/auth/refresh').set(headers);
    return (cookie === undefined ? req : req.set('Cookie', `${COOKIE}=${cookie}`)).send(body);
  };

  it('sign-in sets an HttpOnly, SameSite=Strict cookie scoped to /api/v1/auth, and leaves the token out of the answer', async () => {
    const { res } = await browserSignIn();
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: 900,
      user: expect.objectContaining({ email: expect.any(String) }),
    });
    const cookie = refreshCookieOf(res)!;
    expect(cookie.value).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toEqual({
      'max-age': String(30 * 86_400),
      path: '/api/v1/auth',
      httponly: true,
      samesite: 'Strict',
    });
    expect(cookie.attributes.secure).toBeUndefined(); // PUBLIC_URL is http here; https adds Secure (refresh-cookie.spec.ts)
    await t.api.as(res.body.accessToken).get('/me').expect(200);
  });

  it('API clients keep the body: no tokenDelivery, no cookie', async () => {
    const user = await t.given.user();
    const res = await t.api.post('/auth/login', { email: user.email, password: PASSWORD }).expect(200);
    expect(res.body.refreshToken).toMatch(/^[0-9a-f-]{36}\./);
    expect(res.headers['set-cookie']).toBeUndefined();
    const refreshed = await t.api.post('/auth/refresh', { refreshToken: res.body.refreshToken }).expect(200);
    expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    expect(refreshed.headers['set-cookie']).toBeUndefined();
  });

  it('refreshes through the cookie and rotates it; a spent cookie whose successor was used is a reuse that ends the session and clears it', async () => {
    const { user, cookie } = await browserSignIn();
    const first = await refresh(cookie).expect(200);
    expect(first.body.refreshToken).toBeUndefined();
    const next = refreshCookieOf(first)!;
    expect(next.value).not.toBe(cookie);
    expect(next.attributes).toMatchObject({ path: '/api/v1/auth', httponly: true, samesite: 'Strict' });
    await t.api.as(first.body.accessToken).get('/me').expect(200);
    expect(await rows(user.id)).toEqual([
      expect.objectContaining({ rotated_at: expect.anything(), revoked_at: null }),
      expect.objectContaining({ rotated_at: null, revoked_at: null }),
    ]);
    const second = await refresh(next.value).expect(200);

    const reuse = await refresh(cookie).expect(401);
    expect(reuse.body.code).toBe('TOKEN_REUSED');
    expect(cleared(refreshCookieOf(reuse))).toBe(true);
    await refresh(refreshCookieOf(second)!.value).expect(401);
    await t.api.as(second.body.accessToken).get('/me').expect(401);
  });

  it('takes a spent cookie again within seconds while its successor is unused (the answer was lost to a reload): the successor is revoked, not the session', async () => {
    const { user, cookie } = await browserSignIn();
    const lost = refreshCookieOf(await refresh(cookie).expect(200))!.value;
    const retried = await refresh(cookie).expect(200);
    const kept = refreshCookieOf(retried)!.value;
    expect(kept).not.toBe(lost);
    const refused = await refresh(lost).expect(401);
    expect(refused.body.code).toBe('INVALID_TOKEN'); // revoked alone, the session goes on
    await t.api.as(retried.body.accessToken).get('/me').expect(200);
    const after = refreshCookieOf(await refresh(kept).expect(200))!.value;

    // Past the leeway it is reuse again, successor unused or not: the whole session ends.
    await t.orm.em
      .fork()
      .getConnection()
      .execute(
        `update refresh_tokens set rotated_at = rotated_at - interval '11 seconds', created_at = created_at - interval '11 seconds' where user_id = ?`,
        [user.id],
      );
    const tooLate = await refresh(kept).expect(401);
    expect(tooLate.body.code).toBe('TOKEN_REUSED');
    await refresh(after).expect(401);
  });

  it('takes retries of a lost answer one after another, each within seconds of the last, and several at once', async () => {
    const { cookie } = await browserSignIn();
    await refresh(cookie).expect(200); // lost
    for (let i = 0; i < 3; i++) await refresh(cookie).expect(200); // lost again and again (quick navigations)
    const together = await Promise.all([1, 2, 3].map(() => refresh(cookie)));
    expect(together.map((r) => r.status)).toEqual([200, 200, 200]);
    // Each replaced the one before it: exactly one of their cookies is the session's, the others are revoked alone.
    const outcomes = [];
    for (const res of together) outcomes.push((await refresh(refreshCookieOf(res)!.value)).status);
    expect(outcomes.sort()).toEqual([200, 401, 401]);
  });

  it('gives API clients no leeway: a spent body token is reuse at once', async () => {
    const user = await t.given.user();
    const login = await t.api.post('/auth/login', { email: user.email, password: PASSWORD }).expect(200);
    await t.api.post('/auth/refresh', { refreshToken: login.body.refreshToken }).expect(200);
    const reuse = await t.api.post('/auth/refresh', { refreshToken: login.body.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('TOKEN_REUSED');
  });

  it('refuses a cookie refresh without the X-Requested-With header or from another origin, with 403 and nothing changed', async () => {
    const { user, cookie } = await browserSignIn();
    const before = await rows(user.id);
    for (const headers of <Record<string, string>[]>[
      {},
      { 'X-Requested-With': '' },
      { ...WEB, Origin: 'https://evil.example' },
      { ...WEB, Origin: 'null' },
    ]) {
      const res = await refresh(cookie, headers);
      expect({ headers, status: res.status, code: res.body.code }).toEqual({ headers, status: 403, code: 'FORBIDDEN' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const noHeader = await refresh(cookie, {});
    expect(noHeader.body.details).toEqual([expect.objectContaining({ path: 'X-Requested-With' })]);
    // A cross-site form can send neither the header nor JSON: its post is refused before any of this.
    await t
      .http()
      .post('/api/v1/auth/refresh')
      .set('Cookie', `${COOKIE}=${cookie}`)
      .set('Origin', 'https://evil.example')
      .type('form')
      .send('tokenDelivery=cookie')
      .expect(415);
    expect(await rows(user.id)).toEqual(before);
    await refresh(cookie, { ...WEB, Origin: SITE }).expect(200);
  });

  it('refuses a cookie sign-in without the header: no session starts, no cookie is set', async () => {
    const user = await t.given.user();
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: PASSWORD, tokenDelivery: 'cookie' })
      .expect(403);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await rows(user.id)).toEqual([]);
  });

  it('answers 401 and clears the cookie when there is none, or it is not a refresh token', async () => {
    const none = await refresh(undefined).expect(401);
    expect(none.body.code).toBe('INVALID_TOKEN');
    for (const bad of ['------------------------------------.' + 'A'.repeat(43), 'not-a-token', '%E0%A4%A']) {
      const res = await refresh(bad).expect(401);
      expect(res.body.code).toBe('INVALID_TOKEN');
      expect(cleared(refreshCookieOf(res))).toBe(true);
    }
  });

  it('refuses an unknown tokenDelivery, naming it', async () => {
    const res = await refresh(undefined, WEB, { tokenDelivery: 'header' }).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'tokenDelivery' })]));
  });

  it('moves a token from the body into the cookie (an invitation’s session): the body token is spent', async () => {
    const user = await t.given.user();
    const login = await t.api.post('/auth/login', { email: user.email, password: PASSWORD }).expect(200);
    const moved = await refresh(undefined, WEB, {
      refreshToken: login.body.refreshToken,
      tokenDelivery: 'cookie',
    }).expect(200);
    expect(moved.body.refreshToken).toBeUndefined();
    const cookie = refreshCookieOf(moved)!.value;
    await refresh(cookie).expect(200);
    const spent = await t.api.post('/auth/refresh', { refreshToken: login.body.refreshToken }).expect(401);
    expect(spent.body.code).toBe('TOKEN_REUSED');
  });

  it('sign-out revokes the cookie’s session and clears the cookie', async () => {
    const { accessToken, cookie } = await browserSignIn();
    const res = await t
      .http()
      .post('/api/v1/auth/logout')
      .set(WEB)
      .set('Authorization', `Bearer ${accessToken}`)
      .set('Cookie', `${COOKIE}=${cookie}`)
      .send({})
      .expect(204);
    expect(cleared(refreshCookieOf(res))).toBe(true);
    expect(refreshCookieOf(res)!.attributes).toMatchObject({
      path: '/api/v1/auth',
      httponly: true,
      samesite: 'Strict',
    });
    await t.api.as(accessToken).get('/me').expect(401);
    await refresh(cookie).expect(401);
  });

  it('sign-out ends the cookie’s session even when the access token belongs to another', async () => {
    const { user, cookie } = await browserSignIn();
    const other = await t.given.signIn(user);
    await t
      .http()
      .post('/api/v1/auth/logout')
      .set(WEB)
      .set('Authorization', `Bearer ${other.token}`)
      .set('Cookie', `${COOKIE}=${cookie}`)
      .send({})
      .expect(204);
    await refresh(cookie).expect(401);
  });

  it('refuses a sign-out that sends the cookie without the header, with 403 and the session intact', async () => {
    const { accessToken, cookie } = await browserSignIn();
    const res = await t
      .http()
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${accessToken}`)
      .set('Cookie', `${COOKIE}=${cookie}`)
      .send({})
      .expect(403);
    expect(res.headers['set-cookie']).toBeUndefined();
    await t.api.as(accessToken).get('/me').expect(200);
    await refresh(cookie).expect(200);
  });
});
