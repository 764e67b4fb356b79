import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { LogTail } from '@citymentor/persistence';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { EmailDeliveryService } from '../mail/email-delivery.service';
import { InvitationDeliveryService } from '../mail/invitation-delivery.service';
import { NotificationsService } from './notifications.service';

const MAX_MAIL_BACKOFF_MS = 5 * 60_000;

/**
 * Keeps the notifications consumer running (libs/persistence's LogTail): woken by the event log's NOTIFY (the
 * trigger the realtime gateway uses too) and by a poll, it reads batches until the log is drained, then mails
 * what is due at once: invitations (a token waiting to be mailed wakes it too, by the same NOTIFY), then
 * notifications. Runs in every worker process; the cursor row lock makes them take turns.
 * On shutdown it finishes the batch in hand (a batch is one transaction) and stops.
 */
@Injectable()
export class NotificationFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationFeed.name);
  private readonly tail: LogTail;
  private stopped = false;
  private mailFailures = 0;
  private mailPausedUntil = 0;

  constructor(
    private readonly notifications: NotificationsService,
    private readonly email: EmailDeliveryService,
    private readonly invitations: InvitationDeliveryService,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {
    this.tail = new LogTail({
      // A session of its own, straight to Postgres (LISTEN does not survive a transaction pooler).
      connectionString: config.databaseDirectUrl,
      pollMs: config.notifications.pollMs,
      pass: async () => {
        await this.drain();
        await this.mail();
        return false;
      },
      onConnectionLost: (error) => this.logger.warn({ err: error }, 'LISTEN connection lost; polling until it is back'),
      onPassFailed: (error) => this.logger.error({ err: error }, 'notifications feed pass failed; will retry'),
    });
  }

  async onApplicationBootstrap() {
    if (!this.config.notifications.feed) return;
    await this.tail.start();
  }

  /** Reads until drained, then mails; a call while running makes it go round once more. */
  tick(): Promise<void> {
    return this.tail.wake();
  }

  private async drain() {
    try {
      while (!this.stopped) {
        const batch = await this.notifications.processBatch();
        if (batch.scanned < this.config.notifications.batchSize) break;
      }
    } catch (error) {
      this.logger.error({ err: error }, 'reading the event log for notifications failed; will retry');
    }
  }

  private async mail() {
    if (this.stopped || Date.now() < this.mailPausedUntil) return;
    try {
      await this.invitations.sendPending();
      await this.email.sendImmediate();
      this.mailFailures = 0;
    } catch (error) {
      // Exponential backoff while the SMTP server refuses; the mail stays pending (its transaction rolled back).
      this.mailFailures += 1;
      const wait = Math.min(MAX_MAIL_BACKOFF_MS, 1000 * 2 ** this.mailFailures);
      this.mailPausedUntil = Date.now() + wait;
      this.logger.warn({ err: error, retryInMs: wait }, 'sending e-mail failed');
    }
  }

  async beforeApplicationShutdown() {
    this.stopped = true;
    await this.tail.stop();
  }
}
