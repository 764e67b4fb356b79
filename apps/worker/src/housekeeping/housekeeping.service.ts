import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Invitation, RefreshToken } from '@citymentor/domain';
import type { PurgeResult } from './housekeeping.jobs';

const DAY_MS = 86_400_000;

/** Expired refresh tokens are kept a week (a late refresh still gets "expired" rather than "unknown"). */
export const REFRESH_TOKEN_RETENTION_DAYS = 7;
/** Unaccepted invitations are kept a month after expiry, so a coordinator can still see who never joined. */
export const INVITATION_RETENTION_DAYS = 30;

@Injectable()
export class HousekeepingService {
  private readonly logger = new Logger(HousekeepingService.name);

  constructor(private readonly em: EntityManager) {}

  /** Deletes refresh tokens and unaccepted invitations that expired long enough ago; safe to run twice. */
  async purgeExpired(now: Date = new Date()): Promise<PurgeResult> {
    const em = this.em.fork();
    const refreshTokens = await em.nativeDelete(RefreshToken, {
      expiresAt: { $lt: new Date(now.getTime() - REFRESH_TOKEN_RETENTION_DAYS * DAY_MS) },
    });
    const invitations = await em.nativeDelete(Invitation, {
      acceptedAt: null,
      expiresAt: { $lt: new Date(now.getTime() - INVITATION_RETENTION_DAYS * DAY_MS) },
    });
    this.logger.log({ refreshTokens, invitations }, 'purged expired refresh tokens and invitations');
    return { refreshTokens, invitations };
  }
}
