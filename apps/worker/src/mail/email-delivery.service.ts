import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { Mailer } from './mailer';
import { digestMail, notificationMail, type MailedNotification } from './notification-mail';

interface PendingRow {
  id: string;
  userId: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  email: string;
  name: string;
}

/** Notifications older than this are not mailed any more (someone who just switched e-mails on does not get last month's). */
const MAIL_WINDOW = `interval '3 days'`;

const PENDING = `select n.id, n.user_id as "userId", n.title, n.body, n.link, n.created_at as "createdAt", u.email, u.name
  from notifications n join users u on u.id = n.user_id left join notification_preferences p on p.user_id = n.user_id
  where n.emailed_at is null and n.created_at > now() - ${MAIL_WINDOW}`;

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
  async sendImmediate(max = 100): Promise<number> {
    let sent = 0;
    while (sent < max) {
      const went = await this.em.fork().transactional(async (tx) => {
        const [row] = await tx.execute<PendingRow[]>(
          `${PENDING} and coalesce(p.email, 'immediate') = 'immediate' order by n.created_at, n.id limit 1 for update of n skip locked`,
        );
        if (!row) return false;
        await this.mailer.send(notificationMail(toMailed(row), row, this.config.publicUrl));
        await tx.execute(`update notifications set emailed_at = now() where id = ?`, [row.id]);
        return true;
      });
      if (!went) break;
      sent += 1;
    }
    return sent;
  }

  /**
   * One digest per user who chose 'daily', with their notifications not mailed yet. Safe to run
   * twice: the second run finds them mailed (it waits on the first run's row locks, then re-reads).
   */
  async sendDigests(day: string): Promise<{ users: number; notifications: number }> {
    const users = await this.em.fork().execute<
      { userId: string }[]
    >(`select distinct n.user_id as "userId" from notifications n join notification_preferences p on p.user_id = n.user_id
        where p.email = 'daily' and n.emailed_at is null and n.created_at > now() - ${MAIL_WINDOW}`);
    let mailedUsers = 0;
    let notifications = 0;
    for (const { userId } of users) {
      const count = await this.em.fork().transactional(async (tx) => {
        const rows = await tx.execute<PendingRow[]>(
          `${PENDING} and p.email = 'daily' and n.user_id = ? order by n.created_at, n.id for update of n`,
          [userId],
        );
        if (rows.length === 0) return 0;
        await this.mailer.send(digestMail(rows.map(toMailed), rows[0], day, this.config.publicUrl, userId));
        await tx.execute(`update notifications set emailed_at = now() where id = any(?::uuid[])`, [
          `{${rows.map((r) => r.id).join(',')}}`,
        ]);
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
