import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { DomainError } from '@citymentor/domain';
import { AuthService } from './auth.service';

/** E-mail + password sign-in (passport-local). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<{ userId: string }> {
    const userId = await this.auth.verifyCredentials(email, password);
    if (!userId) throw new DomainError('INVALID_CREDENTIALS', 'E-mail or password is wrong');
    return { userId };
  }
}
