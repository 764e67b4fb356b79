import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { VerifiedTokenCache } from './verified-token-cache';

export interface AccessTokenClaims {
  sub: string;
  /** The sign-in (refresh token family) this access token belongs to; revoking it ends the session. */
  sid: string;
}

export interface VerifiedAccessToken extends AccessTokenClaims {
  /** When it expires, in seconds since the epoch. */
  exp?: number;
}

/** A token whose signature and expiry hold but whose claims do not name a user and a session. */
export class InvalidClaimsError extends Error {
  override readonly name = 'InvalidClaimsError';
}

/**
 * What a valid access token is: HS256 with the access key, not expired (JwtModule's options in
 * auth.module.ts), naming a user (`sub`) and a session (`sid`). Whether that session still lives
 * is the ActorLoader's to say, on every request.
 */
@Injectable()
export class AccessTokens {
  /** Tokens come back on every request of a client: most are verified once a minute, not each time. */
  private readonly recent = new VerifiedTokenCache<VerifiedAccessToken>();

  constructor(private readonly jwt: JwtService) {}

  /**
   * The token's claims. Throws jsonwebtoken's errors when it is not valid (TokenExpiredError when
   * only its time is up), InvalidClaimsError when its claims are not ours.
   */
  async verify(token: string): Promise<VerifiedAccessToken> {
    const known = this.recent.get(token);
    if (known) return known;
    const claims = await this.jwt.verifyAsync<Partial<Record<keyof VerifiedAccessToken, unknown>>>(token);
    if (typeof claims?.sub !== 'string' || typeof claims.sid !== 'string')
      throw new InvalidClaimsError('Invalid access token');
    const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
    const verified: VerifiedAccessToken = { sub: claims.sub, sid: claims.sid, exp };
    this.recent.set(token, verified, exp === undefined ? undefined : exp * 1000);
    return verified;
  }
}
