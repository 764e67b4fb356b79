import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Client } from 'pg';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { EmailDeliveryService } from '../mail/email-delivery.service';
import { NotificationsService } from './notifications.service';

const MAX_MAIL_BACKOFF_MS = 5 * 60_000;

/**
 * Keeps the notifications consumer running: woken by the event log's NOTIFY (the trigger the
 * realtime gateway uses too) and by a poll, it reads batches until the log is drained, then mails
 * what is due at once. Runs in every worker process; the cursor row lock makes them take turns.
 * On shutdown it finishes the batch in hand (a batch is one transaction) and stops.
 */
@Injectable()
export class NotificationFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationFeed.name);
  private listener: Client | null = null;
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private mailFailures = 0;
  private mailPausedUntil = 0;

  constructor(
    private readonly notifications: NotificationsService,
    private readonly email: EmailDeliveryService,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.notifications.feed) return;
    await this.listen();
    this.timer = setInterval(() => void this.tick(), this.config.notifications.pollMs);
    void this.tick();
  }

  /** Reads until drained, then mails; a call while running makes it go round once more. */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.drain();
          await this.mail();
        } while (this.again && !this.stopped);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
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
      await this.email.sendImmediate();
      this.mailFailures = 0;
    } catch (error) {
      // Exponential backoff while the SMTP server refuses; the mail stays pending (its transaction rolled back).
      this.mailFailures += 1;
      const wait = Math.min(MAX_MAIL_BACKOFF_MS, 1000 * 2 ** this.mailFailures);
      this.mailPausedUntil = Date.now() + wait;
      this.logger.warn({ err: error, retryInMs: wait }, 'sending notification e-mail failed');
    }
  }

  private async listen() {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'LISTEN connection lost; polling until it is back');
      this.listener = null;
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), 2000).unref();
    });
    client.on('notification', () => void this.tick());
    await client.connect();
    await client.query('listen citymentor_events');
    this.listener = client;
  }

  async beforeApplicationShutdown() {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }
}
