import { ApiProperty } from '@nestjs/swagger';
import { COMMENT_TARGETS, type CommentTargetType } from '@citymentor/contracts';

export class CommentTargetRefDto {
  @ApiProperty({ enum: COMMENT_TARGETS, enumName: 'CommentTarget' }) type: CommentTargetType;
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class CommentAuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The organisation the author belongs to in this programme (null once they left it)',
  })
  organisationName: string | null;
}

/** Someone a comment on the plan may @mention: a member of the programme who can read the pair. */
export class MentionableDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The organisation they belong to in this programme' }) organisationName: string;
}

export class UserRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class CommentResolutionDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: UserRefDto }) by: UserRefDto;
}

/** What you may do with a comment, by the same rules the server enforces (the pair policy and the comment rules). */
export class CommentPermissionsDto {
  @ApiProperty({ description: 'Answer in its thread' }) reply: boolean;
  @ApiProperty({ description: 'Edit it (its author, while it is not deleted)' }) edit: boolean;
  @ApiProperty({ description: 'Delete it (its author or a coordinator, while it is not deleted)' }) delete: boolean;
  @ApiProperty({
    description: "Resolve or reopen its thread (a thread's first comment only: whoever started it, or the mentor side)",
  })
  resolve: boolean;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'uuid', description: 'The id of the thread’s first comment' }) threadId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: CommentTargetRefDto }) target: CommentTargetRefDto;
  @ApiProperty({ type: CommentAuthorDto }) author: CommentAuthorDto;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null once deleted (a tombstone that keeps its replies in place)',
  })
  body: string | null;
  @ApiProperty() deleted: boolean;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Ids of the members @mentioned in the body' })
  mentions: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
  @ApiProperty({ type: 'integer', description: 'How many times it was edited (see GET /comments/{id}/history)' })
  editCount: number;
  @ApiProperty({ type: CommentResolutionDto, nullable: true, description: 'Set on a resolved thread’s first comment' })
  resolved: CommentResolutionDto | null;
  @ApiProperty({ type: CommentPermissionsDto, description: 'What you may do with it now' }) can: CommentPermissionsDto;
}

export class CommentThreadDto extends CommentDto {
  @ApiProperty({
    type: [CommentDto],
    description: 'Every reply of the thread, oldest first (nested replies carry their parentId)',
  })
  replies: CommentDto[];
}

export class CommentEditDto {
  @ApiProperty({ description: 'The body before this edit' }) body: string;
  @ApiProperty({ format: 'date-time' }) editedAt: string;
}
