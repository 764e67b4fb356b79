import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../config/app.config';
import { accessTokenJwtOptions } from './access-token-key';
import { AccessTokens } from './access-tokens';
import type { Actor } from './actor';
import type { ActorLoader } from './actor.loader';
import { bearerToken, JwtAuthGuard } from './jwt-auth.guard';
import { Public } from './public.decorator';

const jwt = new JwtService(
  accessTokenJwtOptions({ jwt: { accessSecret: 'the-access-secret-of-these-tests' } } as AppConfig),
);
const actor = { userId: 'user-1', sessionId: 'session-1' } as Actor;

class Routes {
  signedIn(this: void) {}
  @Public() open(this: void) {}
}

describe('the global access-token guard', () => {
  let sessionLives: boolean;
  const load = jest.fn((userId: string, sessionId: string) =>
    Promise.resolve(sessionLives ? { ...actor, userId, sessionId } : null),
  );
  const guard = new JwtAuthGuard(new Reflector(), new AccessTokens(jwt), { load } as unknown as ActorLoader);
  beforeEach(() => {
    sessionLives = true;
    load.mockClear();
  });

  const request = (authorization?: string) => ({ headers: { authorization }, user: undefined as Actor | undefined });
  const context = (req: ReturnType<typeof request>, handler: keyof Routes = 'signedIn') =>
    ({
      getHandler: () => Routes.prototype[handler],
      getClass: () => Routes,
      switchToHttp: () => ({ getRequest: () => req }),
    }) as unknown as ExecutionContext;
  const outcome = (authorization?: string) =>
    guard.canActivate(context(request(authorization))).then(
      () => 'let in',
      (error: { code?: string; message: string }) => `${error.code}: ${error.message}`,
    );
  const token = (claims: object = { sub: 'user-1', sid: 'session-1' }, expiresIn = 900) =>
    jwt.signAsync(claims, { expiresIn });

  it('lets anyone through to a public route', async () => {
    expect(await guard.canActivate(context(request(), 'open'))).toBe(true);
  });

  it('sets the actor of a valid token on the request, loading it on every request', async () => {
    const req = request(`Bearer ${await token()}`);
    expect(await guard.canActivate(context(req))).toBe(true);
    expect(await guard.canActivate(context(req))).toBe(true);
    expect(req.user).toMatchObject({ userId: 'user-1', sessionId: 'session-1' });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Token abc', 'Bearer not-a-token'])(
    'asks to sign in for the header %p',
    async (header) => {
      expect(await outcome(header)).toBe(
        'UNAUTHENTICATED: Sign in first: send an access token as "Authorization: Bearer <token>"',
      );
    },
  );

  it('asks to sign in for a token signed with another key', async () => {
    const forged = new JwtService(accessTokenJwtOptions({ jwt: { accessSecret: 'another' } } as AppConfig));
    expect(await outcome(`Bearer ${await forged.signAsync({ sub: 'user-1', sid: 'session-1' })}`)).toMatch(
      /^UNAUTHENTICATED: /,
    );
  });

  it('says an expired token has expired', async () => {
    expect(await outcome(`Bearer ${await token(undefined, -1)}`)).toBe(
      'INVALID_TOKEN: The access token has expired; refresh it',
    );
  });

  it('refuses a token of ours without a user and a session', async () => {
    expect(await outcome(`Bearer ${await token({ sub: 'user-1' })}`)).toBe('INVALID_TOKEN: Invalid access token');
  });

  it('says the session has ended when the actor is not loaded, cached token or not', async () => {
    const header = `Bearer ${await token()}`;
    expect(await outcome(header)).toBe('let in');
    sessionLives = false;
    expect(await outcome(header)).toBe('INVALID_TOKEN: This session has ended; sign in again');
  });

  it('reads the header as passport-jwt did: scheme in any case, the first two words', async () => {
    const t = await token();
    for (const header of [`bearer ${t}`, `BEARER ${t}`, `Bearer  ${t}`, ` Bearer ${t}`, `Bearer ${t} more`])
      expect(bearerToken(header)).toBe(t);
    expect(bearerToken(`Bearer\t${t}`)).toBe(t);
    expect(bearerToken(`Bearer${t}`)).toBeNull();
    expect(bearerToken(`Basic ${t}`)).toBeNull();
    expect(await outcome(`bearer ${t}`)).toBe('let in');
  });

  it('reads a header as long as the server takes, without spaces, in linear time', () => {
    const started = performance.now();
    expect(bearerToken('a'.repeat(16 * 1024))).toBeNull();
    expect(performance.now() - started).toBeLessThan(100); // passport-jwt's regex: ≈ 300 ms
  });
});
