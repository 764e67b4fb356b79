import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DomainError, RefreshToken, User } from '@citymentor/domain';
import { appConfig, type AppConfig } from '../config/app.config';
import {
  announceAccessChanged,
  currentRefreshToken,
  lockRefreshToken,
  revokeFamilyTokens,
  revokeLostAnswer,
} from './auth.queries';
import type { AccessTokenClaims } from './access-tokens';
import { parseRefreshToken } from './refresh-token-format';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

/**
 * Access tokens are JWTs tied to a session (a refresh-token family). Refresh tokens are
 * `<id>.<secret>`, single use, stored as a hash; presenting a rotated one revokes its family.
 */
@Injectable()
export class TokensService {
  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  /** Starts a new session for the user. */
  async startSession(user: User): Promise<IssuedTokens> {
    return this.issue(this.em, user, randomUUID());
  }

  /**
   * Exchanges a refresh token for a new pair; a reused token ends its whole session. With
   * `lostAnswerLeewayMs`, a spent token presented again while the one answer issued for it since is
   * that recent and still unused counts as the retry of an answer that never arrived (a browser that
   * reloads while its refresh is in flight drops the answer, and the new cookie with it): that unused
   * successor is revoked and a new one issued. Each such retry restarts the window.
   */
  async rotate(
    refreshToken: string,
    options: { lostAnswerLeewayMs?: number } = {},
  ): Promise<{ tokens: IssuedTokens; user: User }> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw invalid();
    const { id, secret } = parsed;
    const token = await this.em.findOne(RefreshToken, { id }, { populate: ['user'] });
    if (!token || !sameHash(token.secretHash, sha256(secret))) throw invalid();
    const now = new Date();
    if (token.revokedAt || token.expiresAt <= now) throw invalid();
    const { user, familyId } = token;
    const issued = await this.em.transactional(async (em) => {
      // Only one caller can rotate a token: the conditional update is the lock, held until its successor is in.
      const rotated = await em.nativeUpdate(RefreshToken, { id, rotatedAt: null, revokedAt: null }, { rotatedAt: now });
      if (rotated === 1) return this.issue(em, em.getReference(User, user.id), familyId);
      return options.lostAnswerLeewayMs
        ? this.replaceLostAnswer(em, id, familyId, new Date(now.getTime() - options.lostAnswerLeewayMs))
        : null;
    });
    if (issued) return { tokens: issued, user };
    await this.revokeFamily(familyId);
    throw new DomainError('TOKEN_REUSED', 'This refresh token was already used; the session has been ended for safety');
  }

  /**
   * When the spent token `id` is in a live session, nothing issued after its rotation has been used,
   * and the one token still live among those was issued after `since`: revokes that token (its answer
   * was lost) and issues a new one. Holds `id`'s row until the transaction ends, so that retries
   * arriving together take turns and each finds the one before it. Null when it is not so: reuse.
   */
  private async replaceLostAnswer(
    em: EntityManager,
    id: string,
    familyId: string,
    since: Date,
  ): Promise<IssuedTokens | null> {
    const spent = await lockRefreshToken(em, id);
    const revoked = await revokeLostAnswer(em, id, since);
    return spent && revoked.length === 1 ? this.issue(em, em.getReference(User, spent.user_id), familyId) : null;
  }

  /** The session (family) of a refresh token if it is one of the user's; null otherwise. Reads only. */
  async sessionOf(userId: string, refreshToken: string): Promise<string | null> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) return null;
    const token = await this.em.findOne(RefreshToken, { id: parsed.id, user: userId });
    return token?.familyId ?? null;
  }

  /**
   * Who holds this refresh token, when it is the current one of a live session (not rotated, revoked
   * or expired); null otherwise. Reads only: the token is neither rotated nor used up (the job board
   * asks on each of its requests, with the browser's cookie).
   */
  async currentHolder(refreshToken: string): Promise<{ userId: string; isAdmin: boolean } | null> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) return null;
    const row = await currentRefreshToken(this.em, parsed.id);
    if (!row || !sameHash(row.secret_hash, sha256(parsed.secret))) return null;
    return { userId: row.user_id, isAdmin: row.is_admin };
  }

  /** Ends a session; its open sockets are told (NOTIFY citymentor_access) and disconnect. */
  async revokeFamily(familyId: string) {
    const row = await revokeFamilyTokens(this.em, familyId);
    if (row) await announceAccessChanged(this.em, row.user_id);
  }

  private async issue(em: EntityManager, user: User, familyId: string): Promise<IssuedTokens> {
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.jwt.refreshTtlDays * 86_400_000);
    const token = new RefreshToken(user, familyId, sha256(secret), expiresAt);
    await em.persistAndFlush(token);
    const claims: AccessTokenClaims = { sub: user.id, sid: familyId };
    const expiresIn = this.config.jwt.accessTtlSeconds;
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    return { accessToken, expiresIn, refreshToken: `${token.id}.${secret}` };
  }
}

const invalid = () => new DomainError('INVALID_TOKEN', 'This refresh token is not valid; sign in again');

function sameHash(a: string, b: string) {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
