import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { User } from '@citymentor/domain';
import type { Actor } from './actor';
import { credentialsByEmail } from './auth.queries';
import { toUserDto, type SessionDto } from './dto/session.dto';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { TokensService } from './tokens.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: TokensService,
  ) {}

  /** The user's id when the password is right; null otherwise, in the same time either way. */
  async verifyCredentials(email: string, password: string): Promise<string | null> {
    const row = await credentialsByEmail(this.em, User.normaliseEmail(email));
    const ok = await verifyPassword(row?.password_hash ?? DUMMY_HASH, password);
    return row && ok ? row.id : null;
  }

  async login(userId: string): Promise<SessionDto> {
    const user = await this.em.findOneOrFail(User, userId);
    return { ...(await this.tokens.startSession(user)), user: toUserDto(user) };
  }

  async refresh(refreshToken: string, options: { lostAnswerLeewayMs?: number } = {}): Promise<SessionDto> {
    const { tokens, user } = await this.tokens.rotate(refreshToken, options);
    return { ...tokens, user: toUserDto(user) };
  }

  /**
   * Ends the session of the access token used, and those of `refreshTokens` that are the user's.
   * Everything is read before anything is revoked, so a failure leaves every session as it was.
   */
  async logout(actor: Actor, refreshTokens: (string | undefined)[] = []) {
    const sessions = new Set([actor.sessionId]);
    for (const token of refreshTokens) {
      const session = token ? await this.tokens.sessionOf(actor.userId, token) : null;
      if (session) sessions.add(session);
    }
    for (const session of sessions) await this.tokens.revokeFamily(session);
  }
}
