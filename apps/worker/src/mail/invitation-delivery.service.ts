import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { workerConfig, type WorkerConfig } from '../config/worker.config';
import { Mailer } from './mailer';
import { sendEach } from './send-each';
import { claimNextInvitation, markInvitationEmailed } from './invitation-mail.queries';
import { invitationMail } from './invitation-mail';

/**
 * Mails invitations, as notifications are mailed (docs/decisions/0007, 0013): each mail is sent inside the
 * transaction that locked its invitation row, which clears the token and sets `emailed_at`. Two workers never send
 * the same one; an SMTP failure rolls back and leaves it pending for the next pass; a resend made meanwhile waits
 * on the row lock, then puts its new token in place to be mailed in turn.
 */
@Injectable()
export class InvitationDeliveryService {
  constructor(
    private readonly em: EntityManager,
    private readonly mailer: Mailer,
    @Inject(workerConfig.KEY) private readonly config: WorkerConfig,
  ) {}

  /** Mails the waiting invitations one at a time; returns how many went out. */
  sendPending(max = 100): Promise<number> {
    return sendEach(this.em, max, async (tx) => {
      const invitation = await claimNextInvitation(tx);
      if (!invitation) return false;
      await this.mailer.send(invitationMail(invitation, this.config.publicUrl));
      await markInvitationEmailed(tx, invitation.id);
      return true;
    });
  }
}
