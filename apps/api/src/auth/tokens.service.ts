import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DomainError, RefreshToken, User } from '@citymentor/domain';
import { announceAccessChanged } from './access-changed';
import { appConfig, type AppConfig } from '../config/app.config';
import type { AccessTokenClaims } from './jwt.strategy';
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
    return this.issue(user, randomUUID());
  }

  /**
   * Exchanges a refresh token for a new pair; a reused token ends its whole session. With
   * `lostAnswerLeewayMs`, a token rotated that recently whose successor is still unused counts as the
   * retry of an answer that never arrived (a browser that reloads while its refresh is in flight drops
   * the answer, and the new cookie with it): the unused successor is revoked and a new one issued.
   */
  async rotate(refreshToken: string, options: { lostAnswerLeewayMs?: number } = {}): Promise<{ tokens: IssuedTokens; user: User }> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw invalid();
    const { id, secret } = parsed;
    const token = await this.em.findOne(RefreshToken, { id }, { populate: ['user'] });
    if (!token || !sameHash(token.secretHash, sha256(secret))) throw invalid();
    const now = new Date();
    if (token.revokedAt || token.expiresAt <= now) throw invalid();
    // Only one caller can rotate a token: the conditional update is the lock.
    const rotated = await this.em.nativeUpdate(RefreshToken, { id, rotatedAt: null, revokedAt: null }, { rotatedAt: now });
    if (rotated === 0) {
      if (options.lostAnswerLeewayMs && (await this.revokeUnusedSuccessor(id, new Date(now.getTime() - options.lostAnswerLeewayMs)))) {
        return { tokens: await this.issue(token.user, token.familyId), user: token.user };
      }
      await this.revokeFamily(token.familyId);
      throw new DomainError('TOKEN_REUSED', 'This refresh token was already used; the session has been ended for safety');
    }
    return { tokens: await this.issue(token.user, token.familyId), user: token.user };
  }

  /**
   * Revokes the token issued for `id` when `id` was rotated after `since`, its session is live, and
   * nothing issued since has been used: the one successor whose answer was lost. False otherwise.
   * One statement, so of two such retries at once only one finds the successor.
   */
  private async revokeUnusedSuccessor(id: string, since: Date): Promise<boolean> {
    const revoked = await this.em.getConnection().execute<{ id: string }[]>(
      `update refresh_tokens s set revoked_at = now()
         from refresh_tokens t
        where t.id = ? and t.rotated_at > ? and t.revoked_at is null
          and s.family_id = t.family_id and s.created_at >= t.rotated_at and s.rotated_at is null and s.revoked_at is null
          and not exists (select 1 from refresh_tokens u where u.family_id = t.family_id and u.created_at >= t.rotated_at and u.rotated_at is not null)
       returning s.id`,
      [id, since],
    );
    return revoked.length === 1;
  }

  /** The session (family) of a refresh token if it is one of the user's; null otherwise. Reads only. */
  async sessionOf(userId: string, refreshToken: string): Promise<string | null> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) return null;
    const token = await this.em.findOne(RefreshToken, { id: parsed.id, user: userId });
    return token?.familyId ?? null;
  }

  /** Ends a session; its open sockets are told (NOTIFY citymentor_access) and disconnect. */
  async revokeFamily(familyId: string) {
    const [row] = await this.em.getConnection().execute<{ user_id: string }[]>(
      `with revoked as (update refresh_tokens set revoked_at = now() where family_id = ? and revoked_at is null returning user_id)
       select distinct user_id from revoked`,
      [familyId],
    );
    if (row) await announceAccessChanged(this.em, row.user_id);
  }

  private async issue(user: User, familyId: string): Promise<IssuedTokens> {
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.jwt.refreshTtlDays * 86_400_000);
    const token = new RefreshToken(user, familyId, sha256(secret), expiresAt);
    await this.em.persistAndFlush(token);
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
