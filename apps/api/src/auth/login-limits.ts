import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage, type ThrottlerOptions } from '@nestjs/throttler';
import { User } from '@citymentor/domain';
import { appConfig, type AppConfig } from '../config/app.config';
import { TooManyAttempts } from '../http/retry-after';

/** One try of a password: whose account it is for and where it comes from. */
export interface PasswordAttempt {
  email: string;
  ip: string;
}

/**
 * The limits on password attempts, per address and per account, in one fixed window
 * (`LOGIN_LIMIT_PER_IP`, `LOGIN_LIMIT_PER_ACCOUNT`, `LOGIN_LIMIT_WINDOW_SECONDS`). Every place that
 * checks a password counts against the same two counters: sign-in (ThrottlerGuard), the current
 * password of `POST /me/password` and the password that accepts an invitation into an existing account
 * (PasswordAttempts) — so switching routes buys no extra guesses.
 */
const LIMITS = [
  { name: 'login-ip', tracker: (a: PasswordAttempt) => a.ip, limit: (c: AppConfig) => c.loginLimits.perIp },
  {
    name: 'login-account',
    tracker: (a: PasswordAttempt) => User.normaliseEmail(a.email),
    limit: (c: AppConfig) => c.loginLimits.perAccount,
  },
] as const;

/** The counter's key for a tracker: the same from every route, hashed so no e-mail address names a Redis key. */
const counterKey = (tracker: string) => createHash('sha256').update(tracker).digest('base64url');

const attemptOf = (req: Record<string, unknown>): PasswordAttempt => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return { ip: String(req.ip), email: typeof email === 'string' ? email : '(none)' };
};

/** The sign-in limits as @nestjs/throttler definitions (ThrottlerModule in AuthModule; ThrottlerGuard on POST /auth/login). */
export function loginThrottlers(config: AppConfig): ThrottlerOptions[] {
  return LIMITS.map((l) => ({
    name: l.name,
    ttl: config.loginLimits.windowSeconds * 1000,
    limit: l.limit(config),
    getTracker: (req: Record<string, unknown>) => l.tracker(attemptOf(req)),
    generateKey: (_context: unknown, tracker: string) => counterKey(tracker),
  }));
}

/** Counts password checks outside sign-in against the sign-in limits (same Redis counters, shared by every instance). */
@Injectable()
export class PasswordAttempts {
  constructor(
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
  ) {}

  /**
   * Counts one attempt, right or wrong, before the password is hashed (as sign-in does); throws
   * TooManyAttempts once the address or the account has used up its window.
   */
  async count(attempt: PasswordAttempt): Promise<void> {
    const ttl = this.config.loginLimits.windowSeconds * 1000;
    for (const l of LIMITS) {
      const limit = l.limit(this.config);
      const { isBlocked, timeToBlockExpire } = await this.storage.increment(
        counterKey(l.tracker(attempt)),
        ttl,
        limit,
        ttl,
        l.name,
      );
      if (isBlocked) throw new TooManyAttempts(timeToBlockExpire);
    }
  }
}
