import { randomBytes } from 'node:crypto';
import { Invitation, Organisation, Programme, User } from '@citymentor/domain';
import { sha256 } from '../../apps/api/src/auth/tokens.service';
import { PASSWORD } from '../support/given';
import { startApp, type TestApp } from '../support/app';

// Long enough for a loaded machine to make the attempts inside one window (argon2id runs on each).
const WINDOW_SECONDS = 10;
const LIMITS = {
  LOGIN_LIMIT_PER_ACCOUNT: '4',
  LOGIN_LIMIT_PER_IP: '6',
  LOGIN_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
  TRUST_PROXY: 'true',
};
const NEW_PASSWORD = 'tulip kettle orbit canyon';

/**
 * The password checks outside sign-in — the current password of POST /me/password, the password that
 * accepts an invitation into an existing account — count against sign-in's limits (the same Redis
 * counters, per account and per address). Limits are small and the window short here; the client's
 * address comes from X-Forwarded-For (TRUST_PROXY), each request from an address of its own unless a
 * test says otherwise.
 */
describe('password attempts outside sign-in are limited with sign-in (Redis-backed)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp(LIMITS);
  });
  afterAll(() => t.close());

  let lastIp = 0;
  const freshIp = () => `10.40.${Math.floor(++lastIp / 250)}.${(lastIp % 250) + 1}`;

  /** A user signed in from an address of its own: one attempt on the account's counter. */
  async function signedIn() {
    const user = await t.given.user();
    const res = await signIn(user.email, PASSWORD, freshIp()).expect(200);
    return { user, token: res.body.accessToken as string };
  }
  const signIn = (email: string, password: string, ip: string) =>
    t.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });
  const changePassword = (token: string, currentPassword: string, ip: string) =>
    t
      .http()
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Forwarded-For', ip)
      .send({ currentPassword, newPassword: NEW_PASSWORD });
  const accept = (token: string, password: string, ip: string) =>
    t.http().post(`/api/v1/invitations/${token}/accept`).set('X-Forwarded-For', ip).send({ password });

  /** An invitation for someone who already has an account. */
  async function invitationFor(user: User): Promise<string> {
    const { programme } = await t.given.programme();
    const city = await t.given.organisation('city');
    await t.given.participant(programme, city);
    const token = randomBytes(32).toString('base64url');
    const em = t.orm.em.fork();
    await em.persistAndFlush(
      new Invitation({
        programme: em.getReference(Programme, programme.id),
        organisation: em.getReference(Organisation, city.id),
        email: user.email,
        role: 'city-member',
        tokenHash: sha256(token),
        invitedBy: em.getReference(User, user.id),
        expiresAt: new Date(Date.now() + 86_400_000),
      }),
    );
    return token;
  }

  const expectRateLimited = (res: { status: number; body: unknown; headers: Record<string, string> }) => {
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    const seconds = Number(res.headers['retry-after']);
    expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= WINDOW_SECONDS).toBe(true);
    return seconds;
  };
  const waitOut = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 200));

  it('POST /me/password: after the account’s attempts (sign-in included) the next gets 429 with Retry-After, even from another address and with the right password; after the window the right one works', async () => {
    const { user, token } = await signedIn(); // 1 of 4
    for (let i = 0; i < 3; i++) {
      const wrong = await changePassword(token, 'not-my-password', freshIp()); // 2, 3, 4 of 4
      expect(wrong.status).toBe(403);
      expect(wrong.body.code).toBe('WRONG_PASSWORD');
    }
    expectRateLimited(await changePassword(token, 'not-my-password', freshIp()));
    expectRateLimited(await changePassword(token, PASSWORD, freshIp()));
    // The same counter as sign-in's: the account cannot sign in either meanwhile.
    const seconds = expectRateLimited(await signIn(user.email, PASSWORD, freshIp()));

    await waitOut(seconds);
    await changePassword(token, PASSWORD, freshIp()).expect(204);
    await signIn(user.email, NEW_PASSWORD, freshIp()).expect(200);
  }, 60_000);

  it('accepting an invitation with an existing account: the wrong passwords count, the next gets 429 with Retry-After; after the window the right one works', async () => {
    const user = await t.given.user();
    const token = await invitationFor(user);
    for (let i = 0; i < 4; i++) {
      const wrong = await accept(token, 'somebody-elses-guess', freshIp());
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    }
    expectRateLimited(await accept(token, 'somebody-elses-guess', freshIp()));
    const seconds = expectRateLimited(await accept(token, PASSWORD, freshIp()));
    // Other accounts are not held up by this one.
    const other = await t.given.user();
    await accept(await invitationFor(other), PASSWORD, freshIp()).expect(200);

    await waitOut(seconds);
    const accepted = await accept(token, PASSWORD, freshIp()).expect(200);
    expect(accepted.body.user.id).toBe(user.id);
  }, 60_000);

  it('limits one address trying the passwords of many accounts, on every route; other addresses go on', async () => {
    const people = await Promise.all(Array.from({ length: 7 }, () => signedIn()));
    const invited = await t.given.user();
    const invitation = await invitationFor(invited);
    const ip = freshIp();
    for (const person of people.slice(0, 5)) await changePassword(person.token, 'not-my-password', ip).expect(403); // 1–5 of 6
    await accept(invitation, 'somebody-elses-guess', ip).expect(401); // 6 of 6
    const last = people[6];
    expectRateLimited(await changePassword(last.token, 'not-my-password', ip));
    expectRateLimited(await accept(invitation, PASSWORD, ip));
    expectRateLimited(await signIn(last.user.email, PASSWORD, ip));
    // The same accounts from another address: not limited (their own counters are far from full).
    await changePassword(last.token, 'not-my-password', freshIp()).expect(403);
    await accept(invitation, PASSWORD, freshIp()).expect(200);
  }, 60_000);

  it('gives sign-in’s own 429 the standard Retry-After too', async () => {
    const user = await t.given.user();
    for (let i = 0; i < 4; i++) await signIn(user.email, 'wrong-password', freshIp()).expect(401);
    const blocked = await signIn(user.email, PASSWORD, freshIp());
    expectRateLimited(blocked);
    expect(blocked.headers['retry-after-login-account']).toBe(blocked.headers['retry-after']);
  });
});
