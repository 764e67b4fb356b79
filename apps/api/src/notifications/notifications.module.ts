import { Module } from '@nestjs/common';
import { NotificationPreferencesController, NotificationsController } from './notifications.controller';
import { NotificationQueries } from './notifications.queries';
import { NotificationsService } from './notifications.service';

/** In-app notifications (the worker writes them from the event log) and the e-mail preference. */
@Module({
  controllers: [NotificationsController, NotificationPreferencesController],
  providers: [NotificationsService, NotificationQueries],
})
export class NotificationsModule {}
