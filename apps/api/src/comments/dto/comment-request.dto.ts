import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { COMMENT_TARGETS, type CommentTargetType } from '@citymentor/contracts';
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
