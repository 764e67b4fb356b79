import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { EMAIL_PREFERENCES, NOTIFICATION_KINDS, type EmailPreference, type NotificationKind } from '@citymentor/domain';
import { Optional } from '../../http/validators';

export const NOTIFICATIONS_PAGE_DEFAULT = 30;
export const NOTIFICATIONS_PAGE_MAX = 100;

export class NotificationsQueryDto {
  @ApiPropertyOptional({
    description: 'Continue after this item: the `nextCursor` of the previous page; left out for the newest page',
    pattern: '^[A-Za-z0-9_-]{10,200}$',
  })
  @Optional()
  @Matches(/^[A-Za-z0-9_-]{10,200}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: NOTIFICATIONS_PAGE_MAX,
    default: NOTIFICATIONS_PAGE_DEFAULT,
    description: 'Notifications per page, newest first',
  })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(NOTIFICATIONS_PAGE_MAX)
  limit?: number;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' }) kind: NotificationKind;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'A path of the web client, e.g. `/programmes/{id}/plans/{id}#comment-{id}`' })
  link: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) programmeId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto], description: 'Newest first' }) items: NotificationDto[];
  @ApiProperty({ type: 'integer', description: 'Unread notifications in all (not only this page)' })
  unreadCount: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next (older) page; null on the last page',
  })
  nextCursor: string | null;
}

export class ReadAllDto {
  @ApiProperty({ type: 'integer', description: 'How many were unread and are now read' }) updated: number;
}

export class NotificationPreferencesDto {
  @ApiProperty({
    enum: EMAIL_PREFERENCES,
    enumName: 'EmailPreference',
    description: 'E-mail each notification at once, one digest a day, or none',
  })
  @IsIn(EMAIL_PREFERENCES, { message: `email must be one of ${EMAIL_PREFERENCES.join(', ')}` })
  email: EmailPreference;
}
