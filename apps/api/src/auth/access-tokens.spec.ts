import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../config/app.config';
import { accessTokenJwtOptions } from './access-token-key';
import { AccessTokens, InvalidClaimsError } from './access-tokens';

const testJwt = (accessSecret = 'the-access-secret-of-these-tests') =>
  new JwtService(accessTokenJwtOptions({ jwt: { accessSecret } } as AppConfig));

const base64url = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');

describe('access tokens', () => {
  const jwt = testJwt();
  const claims = { sub: 'user-1', sid: 'session-1' };
  let tokens: AccessTokens;
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z'), doNotFake: ['nextTick', 'queueMicrotask'] });
    tokens = new AccessTokens(jwt);
  });
  afterEach(() => jest.useRealTimers());

  const refusal = (token: string) =>
    tokens.verify(token).then(
      () => null,
      (error: Error) => error.name,
    );

  it('takes a token it signed, with its user, session and expiry', async () => {
    const token = await jwt.signAsync(claims, { expiresIn: 900 });
    expect(await tokens.verify(token)).toEqual({ ...claims, exp: Date.now() / 1000 + 900 });
  });

  it.each([
    ['a malformed token', () => 'not-a-token'],
    ['three parts of nothing', () => 'a.b.c'],
    ['a token signed with another key', () => testJwt('another-secret').signAsync(claims, { expiresIn: 900 })],
    ['a token of another HMAC algorithm', () => jwt.signAsync(claims, { expiresIn: 900, algorithm: 'HS512' })],
    ['an unsigned token (alg none)', () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`],
    [
      'a token with its claims altered',
      async () => {
        const [header, , signature] = (await jwt.signAsync(claims, { expiresIn: 900 })).split('.');
        return `${header}.${base64url({ ...claims, sub: 'user-2' })}.${signature}`;
      },
    ],
  ])('refuses %s as invalid', async (_what, make) => {
    expect(await refusal(await make())).toBe('JsonWebTokenError');
  });

  it('refuses an expired token as expired', async () => {
    const token = await jwt.signAsync(claims, { expiresIn: 900 });
    jest.advanceTimersByTime(900_000);
    expect(await refusal(token)).toBe('TokenExpiredError');
  });

  it.each([
    ['no session', { sub: 'user-1' }],
    ['a user that is not a string', { sub: 42, sid: 'session-1' }],
  ])('refuses a token of ours naming %s, every time', async (_what, payload) => {
    const token = await jwt.signAsync(payload, { expiresIn: 900 });
    expect(await refusal(token)).toBe(InvalidClaimsError.name);
    expect(await refusal(token)).toBe(InvalidClaimsError.name);
  });

  it('verifies a token seen again within the minute once, then again after', async () => {
    const token = await jwt.signAsync(claims, { expiresIn: 900 });
    const verify = jest.spyOn(jwt, 'verifyAsync');
    await tokens.verify(token);
    jest.advanceTimersByTime(59_000);
    await tokens.verify(token);
    expect(verify).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(1_000);
    await tokens.verify(token);
    expect(verify).toHaveBeenCalledTimes(2);
    verify.mockRestore();
  });

  it('refuses a token that expires within the minute once it has expired', async () => {
    const token = await jwt.signAsync(claims, { expiresIn: 30 });
    await tokens.verify(token);
    jest.advanceTimersByTime(29_999);
    expect(await refusal(token)).toBeNull();
    jest.advanceTimersByTime(1);
    expect(await refusal(token)).toBe('TokenExpiredError');
  });
});
