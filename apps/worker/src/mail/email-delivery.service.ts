import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { Mailer } from './mailer';
import { sendEach } from './send-each';
import {
  claimNextImmediate,
  digestUsers,
  lockDigestOf,
  markAllEmailed,
  markEmailed,
  type PendingRow,
} from './mail.queries';
import { digestMail, notificationMail, type MailedNotification } from './notification-mail';

const toMailed = (r: PendingRow): MailedNotification => ({
  id: r.id,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: new Date(r.createdAt),
});

/**
 * Mails notifications. Each mail is sent inside the transaction that locked its rows (FOR UPDATE)
 * and marks them `emailed_at`: two workers never send the same one (SKIP LOCKED / the lock), an
 * SMTP failure rolls back and the mail is tried again later, and a crash before the commit sends it
 * again — at least once, with a stable Message-ID (see docs/decisions/0007).
 */
@Injectable()
export class EmailDeliveryService {
  private readonly logger = new Logger(EmailDeliveryService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly mailer: Mailer,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {}

  /** Mails, one at a time, the pending notifications of users who want them at once; returns how many went out. */
  sendImmediate(max = 100): Promise<number> {
    return sendEach(this.em, max, async (tx) => {
      const row = await claimNextImmediate(tx);
      if (!row) return false;
      await this.mailer.send(notificationMail(toMailed(row), row, this.config.publicUrl));
      await markEmailed(tx, row.id);
      return true;
    });
  }

  /**
   * One digest per user who chose 'daily', with their notifications not mailed yet. Safe to run
   * twice: the second run finds them mailed (it waits on the first run's row locks, then re-reads).
   */
  async sendDigests(day: string): Promise<{ users: number; notifications: number }> {
    const users = await digestUsers(this.em.fork());
    let mailedUsers = 0;
    let notifications = 0;
    for (const { userId } of users) {
      const count = await this.em.fork().transactional(async (tx) => {
        const rows = await lockDigestOf(tx, userId);
        if (rows.length === 0) return 0;
        await this.mailer.send(digestMail(rows.map(toMailed), rows[0], day, this.config.publicUrl, userId));
        await markAllEmailed(
          tx,
          rows.map((r) => r.id),
        );
        return rows.length;
      });
      if (count > 0) {
        mailedUsers += 1;
        notifications += count;
      }
    }
    this.logger.log({ day, users: mailedUsers, notifications }, 'sent the daily digests');
    return { users: mailedUsers, notifications };
  }
}
