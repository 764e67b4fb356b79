import { WordPartDto } from '../../action-plans/dto/revision.dto';
import { ApiProperty } from '@nestjs/swagger';
import {
  ANCHOR_FIELDS,
  COMMENT_TARGETS,
  SUGGESTION_STATES,
  type AnchorField,
  type CommentTargetType,
  type SuggestionState,
} from '@citymentor/contracts';

export class CommentTargetRefDto {
  @ApiProperty({ enum: COMMENT_TARGETS, enumName: 'CommentTarget' }) type: CommentTargetType;
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class CommentAuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Empty once the author erased their account (`former`)' }) name: string;
  @ApiProperty({
    description: 'The author erased their account: show "a former member of <organisationName>" instead of a name',
  })
  former: boolean;
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
  @ApiProperty({
    description:
      "Apply its pending suggestion to the plan (a thread's first comment; whoever may edit the plan now: the mentee while it is a draft or sent back)",
  })
  applySuggestion: boolean;
  @ApiProperty({ description: 'Dismiss its pending suggestion with a reply (the same people as applySuggestion)' })
  dismissSuggestion: boolean;
}

/** Where a thread was written, and whether the plan has moved on since. */
export class CommentAnchorDto {
  @ApiProperty({ type: 'integer', description: 'The revision it was written on' }) revision: number;
  @ApiProperty({ enum: ANCHOR_FIELDS, enumName: 'AnchorField' }) field: AnchorField;
  @ApiProperty({ type: 'integer', nullable: true, description: "The item's index in a list field at that revision" })
  item: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The milestone, on a milestone field' })
  milestoneId: string | null;
  @ApiProperty({ description: 'The text it was written on (the field or item at that revision)' }) text: string;
  @ApiProperty({
    description:
      'The plan as it is now no longer has that text there: the field changed, the milestone is gone, or the list no longer holds the item',
  })
  outdated: boolean;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "A list item's index now (it may have moved); null once outdated and on other fields",
  })
  currentItem: number | null;
}

/** A change the thread suggests for its anchored field or item. */
export class CommentSuggestionDto {
  @ApiProperty({ description: 'The suggested text' }) text: string;
  @ApiProperty({ enum: SUGGESTION_STATES, enumName: 'SuggestionState' }) state: SuggestionState;
  @ApiProperty({
    type: [WordPartDto],
    description: 'Word by word, from the anchored text to the suggested one',
  })
  words: WordPartDto[];
  @ApiProperty({ type: UserRefDto, nullable: true, description: 'Who applied or dismissed it' })
  decidedBy: UserRefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: "The plan's version applying it produced" })
  appliedVersion: number | null;
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
  @ApiProperty({
    type: CommentAnchorDto,
    nullable: true,
    description:
      'Where the thread was written (replies share it); null for a thread on the whole plan, milestone or entry',
  })
  anchor: CommentAnchorDto | null;
  @ApiProperty({
    type: CommentSuggestionDto,
    nullable: true,
    description: "The change the thread's first comment suggests; null on replies and plain comments",
  })
  suggestion: CommentSuggestionDto | null;
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
