import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { User } from '@citymentor/domain';
import type { Actor } from './actor';
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
    const rows = await this.em
      .getConnection()
      .execute<{ id: string; password_hash: string }[]>('select id, password_hash from users where email = ?', [User.normaliseEmail(email)]);
    const row = rows[0];
    const ok = await verifyPassword(row?.password_hash ?? DUMMY_HASH, password);
    return row && ok ? row.id : null;
  }

  async login(userId: string): Promise<SessionDto> {
    const user = await this.em.findOneOrFail(User, userId);
    return { ...(await this.tokens.startSession(user)), user: toUserDto(user) };
  }

  async refresh(refreshToken: string): Promise<SessionDto> {
    const { tokens, user } = await this.tokens.rotate(refreshToken);
    return { ...tokens, user: toUserDto(user) };
  }

  /** Ends the session of the access token used, and the one of `refreshToken` if given. */
  async logout(actor: Actor, refreshToken?: string) {
    await this.tokens.revokeFamily(actor.sessionId);
    if (refreshToken) await this.tokens.revokeByRefreshToken(actor.userId, refreshToken);
  }
}
