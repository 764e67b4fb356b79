import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { Optional } from '../../http/validators';

export const ACTIVITY_PAGE_DEFAULT = 50;
export const ACTIVITY_PAGE_MAX = 100;

export class ActivityQueryDto {
  @ApiPropertyOptional({
    description: 'Continue below this seq: the `nextCursor` of the previous page; left out for the newest page',
    example: '1042',
    pattern: '^\\d{1,18}$',
  })
  @Optional()
  @Matches(/^\d{1,18}$/, { message: 'cursor must be the nextCursor of a previous page (a whole number)' })
  cursor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: ACTIVITY_PAGE_MAX,
    default: ACTIVITY_PAGE_DEFAULT,
    description: 'Items per page, newest first',
  })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(ACTIVITY_PAGE_MAX)
  limit?: number;
}

export class ActivityActorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

/** What a change was about, by its current name, so an item can say "commented on the plan “Microcredit”". */
export class ActivitySubjectDto {
  @ApiProperty({ type: String, nullable: true, description: 'The plan the change is in, if any' }) planTitle:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The milestone the change is on, if any' }) milestoneTitle:
    string | null;
}

export class ActivityItemDto {
  @ApiProperty({ description: 'Grows per installation (a bigint, as a string)', example: '1042' }) seq: string;
  @ApiProperty({ example: 'comment.created' }) type: string;
  @ApiProperty({
    description:
      'Where it was announced: `programme:{id}`, `pair:{id}` or `assessment:{id}` (each change is listed once)',
    example: 'pair:6f1c2a8e-0b7d-4b8e-9a51-3c0f1f7c2d11',
  })
  room: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The realtime event payload of this type (see libs/contracts events)',
  })
  payload: Record<string, unknown>;
  @ApiProperty({ type: ActivityActorDto, nullable: true, description: 'Who did it; null for the system' })
  actor: ActivityActorDto | null;
  @ApiProperty({ type: ActivitySubjectDto }) subject: ActivitySubjectDto;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class ActivityPageDto {
  @ApiProperty({ type: [ActivityItemDto], description: 'Newest first' }) items: ActivityItemDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next (older) page; null on the last page',
  })
  nextCursor: string | null;
}
