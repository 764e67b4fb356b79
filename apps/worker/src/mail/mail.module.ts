import { Module } from '@nestjs/common';
import { EmailDeliveryService } from './email-delivery.service';
import { InvitationDeliveryService } from './invitation-delivery.service';
import { Mailer } from './mailer';

/** Outgoing mail: the transport (SMTP or the outbox folder), the delivery of notifications and of invitations. */
@Module({
  providers: [Mailer, EmailDeliveryService, InvitationDeliveryService],
  exports: [Mailer, EmailDeliveryService, InvitationDeliveryService],
})
export class MailModule {}
