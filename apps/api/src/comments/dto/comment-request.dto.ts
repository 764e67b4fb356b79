import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ANCHOR_FIELDS, COMMENT_TARGETS, type AnchorField, type CommentTargetType } from '@citymentor/contracts';
import { Optional } from '../../http/validators';

export const COMMENT_BODY_MAX = 10_000;

const BODY_DESCRIPTION =
  'Plain text, 1 to 10000 characters. Mention a member of the programme by writing `@[Their Name](their-user-uuid)`; ' +
  'the server reads the mentions from these tokens (there is no separate field), keeps their ids in `mentions`, and refuses ' +
  '(400 naming `mentions`) anyone who cannot read this pair. Editing the body recomputes the mentions.';

export class CommentTargetDto {
  @ApiProperty({ enum: COMMENT_TARGETS, enumName: 'CommentTarget' })
  @IsIn(COMMENT_TARGETS, { message: `type must be one of ${COMMENT_TARGETS.join(', ')}` })
  type: CommentTargetType;

  @ApiProperty({
    format: 'uuid',
    description: 'The plan itself, one of its milestones, or a progress entry of one of them',
  })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class CommentAnchorRequestDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The revision the comment is written on (revision N as the plan page shows it)',
  })
  @IsInt({ message: 'revision must be an integer' })
  @Min(1, { message: 'revision must be at least 1' })
  revision: number;

  @ApiProperty({
    enum: ANCHOR_FIELDS,
    enumName: 'AnchorField',
    description:
      'On the plan: title, objective, budget, owner, or a list (activities, indicators, stakeholders, with item); on a milestone: title, description, dueDate, owner, status',
  })
  @IsIn(ANCHOR_FIELDS, { message: `field must be one of ${ANCHOR_FIELDS.join(', ')}` })
  field: AnchorField;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: "The item's index in a list field at that revision; required on a list, left out otherwise",
  })
  @Optional()
  @IsInt({ message: 'item must be an integer' })
  @Min(0, { message: 'item must be at least 0' })
  @Max(999, { message: 'item must be at most 999' })
  item?: number;
}

export const SUGGESTION_MAX = 10_000;

export class CreateCommentDto {
  @ApiProperty({
    minLength: 1,
    maxLength: COMMENT_BODY_MAX,
    description: BODY_DESCRIPTION,
    example: 'Could @[Anna Virtanen](6f1c2a8e-0b7d-4b8e-9a51-3c0f1f7c2d11) share the Helsinki indicators?',
  })
  @IsString()
  @Length(1, COMMENT_BODY_MAX)
  @Matches(/\S/, { message: 'body must not be blank' })
  body: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Answer this comment: the reply joins its thread and inherits its target; left out (not null) for a new thread',
  })
  @Optional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  @ApiPropertyOptional({
    type: CommentTargetDto,
    description: 'Required for a new thread; a reply may omit it (when given it must be its parent’s target)',
  })
  @ValidateIf((o: CreateCommentDto) => o.parentId === undefined || o.target !== undefined)
  @IsDefined({ message: 'target is required for a new thread' })
  @IsObject({ message: 'target must be an object {type, id}' })
  @ValidateNested()
  @Type(() => CommentTargetDto)
  target?: CommentTargetDto;

  @ApiPropertyOptional({
    type: CommentAnchorRequestDto,
    description:
      'A new thread on the plan or a milestone may be anchored on one of its fields as it was at a revision (400 naming anchor.revision, anchor.field, anchor.item or target.id when that revision has no such thing); a reply shares its thread’s anchor and leaves this out',
  })
  @Optional()
  @IsObject({ message: 'anchor must be an object {revision, field, item?}' })
  @ValidateNested()
  @Type(() => CommentAnchorRequestDto)
  anchor?: CommentAnchorRequestDto;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: SUGGESTION_MAX,
    description:
      "The mentor side's suggested text for the anchored text field or list item of the plan (no longer than the field takes); the mentee applies or dismisses it",
  })
  @Optional()
  @IsString({ message: 'suggestion must be a string' })
  @Length(1, SUGGESTION_MAX, { message: `suggestion must be 1 to ${SUGGESTION_MAX} characters` })
  @Matches(/\S/, { message: 'suggestion must not be blank' })
  suggestion?: string;
}

export class ApplySuggestionDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The plan version you loaded; a stale one gets 409 STALE_VERSION with details.currentVersion',
  })
  @IsInt({ message: 'version must be an integer' })
  @Min(1, { message: 'version must be at least 1' })
  version: number;
}

export class DismissSuggestionDto {
  @ApiProperty({
    minLength: 1,
    maxLength: COMMENT_BODY_MAX,
    description: 'Why not: posted as a reply in the thread. ' + BODY_DESCRIPTION,
  })
  @IsString()
  @Length(1, COMMENT_BODY_MAX)
  @Matches(/\S/, { message: 'body must not be blank' })
  body: string;
}

export class UpdateCommentDto {
  @ApiProperty({ minLength: 1, maxLength: COMMENT_BODY_MAX, description: BODY_DESCRIPTION })
  @IsString()
  @Length(1, COMMENT_BODY_MAX)
  @Matches(/\S/, { message: 'body must not be blank' })
  body: string;
}

export class ListCommentsQueryDto {
  @ApiPropertyOptional({
    enum: COMMENT_TARGETS,
    enumName: 'CommentTarget',
    description: 'Only the threads on this kind of target',
  })
  @Optional()
  @IsIn(COMMENT_TARGETS, { message: `target must be one of ${COMMENT_TARGETS.join(', ')}` })
  target?: CommentTargetType;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the threads on this plan, milestone or progress entry' })
  @Optional()
  @IsUUID('all', { message: 'targetId must be a UUID' })
  targetId?: string;
}
