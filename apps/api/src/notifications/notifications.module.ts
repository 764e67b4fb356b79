import { Module } from '@nestjs/common';
import { NotificationPreferencesController, NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** In-app notifications (the worker writes them from the event log) and the e-mail preference. */
@Module({
  controllers: [NotificationsController, NotificationPreferencesController],
  providers: [NotificationsService],
})
export class NotificationsModule {}
