import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { UuidPipe } from '../http/params';
import {
  NotificationDto,
  NotificationPageDto,
  NotificationPreferencesDto,
  NotificationsQueryDto,
  ReadAllDto,
} from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'List your notifications',
    description:
      "Any signed-in user, for their own notifications only. Pages of `limit` (30 by default, at most 100): pass the page's nextCursor as `cursor` for older ones; it is null on the last page.",
  })
  @ApiOkResponse({
    type: NotificationPageDto,
    description: 'Your own notifications, newest first, with the unread count',
  })
  list(@CurrentActor() actor: Actor, @Query() query: NotificationsQueryDto): Promise<NotificationPageDto> {
    return this.notifications.page(actor, query);
  }

  @Post('read-all')
  @ApiOperation({
    summary: 'Mark all notifications read',
    description:
      'Any signed-in user, for their own notifications: marks every unread one read and says how many there were.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: ReadAllDto })
  readAll(@CurrentActor() actor: Actor): Promise<ReadAllDto> {
    return this.notifications.readAll(actor);
  }

  @Post(':id/read')
  @ApiOperation({
    summary: 'Mark a notification read',
    description: 'Any signed-in user, for their own notification; marking it read again is fine.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto, description: 'Marks your notification read; someone else’s is 404' })
  read(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<NotificationDto> {
    return this.notifications.read(actor, id);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Get your notification preferences',
    description:
      'Any signed-in user, for themselves: whether notifications are e-mailed one by one at once, as a daily digest, or not at all (the default when never set).',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  get(@CurrentActor() actor: Actor): Promise<NotificationPreferencesDto> {
    return this.notifications.preferences(actor);
  }

  @Put()
  @ApiOperation({
    summary: 'Set your notification preferences',
    description: 'Any signed-in user, for themselves: replaces the e-mail preference and returns it.',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  set(@CurrentActor() actor: Actor, @Body() dto: NotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.notifications.setPreferences(actor, dto);
  }
}
