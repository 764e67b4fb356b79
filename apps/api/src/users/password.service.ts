import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { announceAccessChanged } from '../auth/auth.queries';
import { PasswordAttempts } from '../auth/login-limits';
import { assertStrongPassword, hashPassword, verifyPassword } from '../auth/passwords';
import type { ChangePasswordDto } from './password.dto';
import { passwordHashOf, setPasswordEndingSessions } from './users.queries';

@Injectable()
export class PasswordService {
  constructor(
    private readonly em: EntityManager,
    private readonly attempts: PasswordAttempts,
  ) {}

  /**
   * Sets a new password and ends every session of the user, this one included, in one statement;
   * then tells the API instances (NOTIFY citymentor_access, as logout does) so their sockets close.
   * A new password too easy to guess is refused first (400, no attempt counted: it tells nothing about
   * the current one); the current password's check counts against the sign-in limits of the account
   * and of `ip`.
   */
  async change(actor: Actor, dto: ChangePasswordDto, ip: string): Promise<void> {
    await assertStrongPassword('newPassword', dto.newPassword, actor);
    await this.attempts.count({ email: actor.email, ip });
    const current = await passwordHashOf(this.em, actor.userId);
    if (current === undefined || !(await verifyPassword(current, dto.currentPassword))) {
      throw new DomainError('WRONG_PASSWORD', 'The current password is wrong', [
        { path: 'currentPassword', message: 'currentPassword is wrong' },
      ]);
    }
    const hash = await hashPassword(dto.newPassword);
    await setPasswordEndingSessions(this.em, actor.userId, hash);
    await announceAccessChanged(this.em, actor.userId);
  }
}
