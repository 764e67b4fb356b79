import { startApp, type TestApp } from '../support/app';
import type { SignedIn } from '../support/given';

/**
 * Refresh tokens the server never issued — right length, wrong alphabet — are refused by their shape
 * (400 naming `refreshToken`), before the database sees them and before logout ends anything.
 * They used to reach Postgres as a UUID it could not read (500), after logout had revoked the session.
 */
describe('refresh tokens of the wrong shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  /** Every refresh-token row of the user, as it stands. */
  const rows = (userId: string) =>
    t.orm.em
      .fork()
      .getConnection()
      .execute('select id, family_id, rotated_at, revoked_at from refresh_tokens where user_id = ? order by id', [
        userId,
      ]);

  function malformed(session: SignedIn): [string, unknown][] {
    const [id, secret] = session.refreshToken.split('.') as [string, string];
    return [
      ['an id of dashes of the right length', `${'-'.repeat(36)}.${secret}`],
      ['an id of zeros without dashes', `${'0'.repeat(36)}.${secret}`],
      ['an upper-case id', `${id.toUpperCase()}.${secret}`],
      ['a secret with a character outside base64url', `${id}.${secret.slice(0, -1)}~`],
      ['a secret of another length', `${id}.${secret}${secret}`],
      ['a number', 42],
    ];
  }

  it('POST /auth/refresh: 400 naming refreshToken, and the token still works afterwards', async () => {
    const session = await t.given.signIn(await t.given.user());
    const before = await rows(session.user.id);
    for (const [what, refreshToken] of [...malformed(session), ['null', null] as [string, unknown]]) {
      const res = await t.api.post('/auth/refresh', { refreshToken });
      expect({ what, status: res.status, body: res.body }).toMatchObject({
        what,
        status: 400,
        body: { code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'refreshToken' })] },
      });
    }
    expect(await rows(session.user.id)).toEqual(before);
    await t.api.post('/auth/refresh', { refreshToken: session.refreshToken }).expect(200);
  });

  it('POST /auth/logout: 400 naming refreshToken, and no session ended', async () => {
    const session = await t.given.signIn(await t.given.user());
    const other = await t.given.signIn(session.user);
    const before = await rows(session.user.id);
    for (const [what, refreshToken] of malformed(session)) {
      const res = await t.api.as(session.token).post('/auth/logout', { refreshToken });
      expect({ what, status: res.status, body: res.body }).toMatchObject({
        what,
        status: 400,
        body: { code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'refreshToken' })] },
      });
    }
    expect(await rows(session.user.id)).toEqual(before);
    await t.api.as(session.token).get('/me').expect(200);
    await t.api.as(other.token).get('/me').expect(200);

    // A well-formed token ends both sessions: the caller's and the token's.
    await t.api.as(session.token).post('/auth/logout', { refreshToken: other.refreshToken }).expect(204);
    await t.api.as(session.token).get('/me').expect(401);
    await t.api.as(other.token).get('/me').expect(401);
  });

  it('a well-formed token that was never issued: 401 on refresh, and logout ends only the caller’s session', async () => {
    const session = await t.given.signIn(await t.given.user());
    const forged = `00000000-0000-4000-8000-000000000000.${'A'.repeat(43)}`;
    const refused = await t.api.post('/auth/refresh', { refreshToken: forged }).expect(401);
    expect(refused.body.code).toBe('INVALID_TOKEN');
    await t.api.as(session.token).post('/auth/logout', { refreshToken: forged }).expect(204);
    await t.api.as(session.token).get('/me').expect(401);
  });
});
