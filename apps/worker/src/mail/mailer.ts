import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { workerConfig, type WorkerConfig } from '../config/worker.config';

export interface Mail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** Stable per notification (or digest), so a mail sent again after a crash can be recognised as the same. */
  messageId: string;
}

/**
 * Sends mail through SMTP_URL, or — when none is configured — writes each message as an .eml file
 * to OUTBOX_DIR and logs one line, so a development install shows what it would have sent.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly outbox: string | null;

  constructor(@Inject(workerConfig.KEY) private readonly config: WorkerConfig) {
    const { smtpUrl, outboxDir } = config.mail;
    this.outbox = smtpUrl ? null : resolve(outboxDir);
    this.transport = smtpUrl
      ? createTransport(smtpUrl)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  /** Resolves once the SMTP server accepted the message (or the file is written); throws otherwise. */
  async send(mail: Mail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    });
    if (this.outbox) {
      await mkdir(this.outbox, { recursive: true });
      const file = join(
        this.outbox,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^\w.-]/g, '')}.eml`,
      );
      await writeFile(file, (info as unknown as { message: Buffer }).message);
      this.logger.log(
        { to: mail.to.address, subject: mail.subject, file },
        'no SMTP_URL: wrote the mail to the outbox',
      );
    }
  }

  onModuleDestroy() {
    this.transport.close();
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
