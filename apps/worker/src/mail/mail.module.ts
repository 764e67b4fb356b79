import { Module } from '@nestjs/common';
import { EmailDeliveryService } from './email-delivery.service';
import { Mailer } from './mailer';

/** Outgoing mail: the transport (SMTP or the outbox folder) and the delivery of notifications by e-mail. */
@Module({ providers: [Mailer, EmailDeliveryService], exports: [Mailer, EmailDeliveryService] })
export class MailModule {}
