import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, type Actor } from '../auth/actor';
import { ETagFrom } from '../etags/etag';
import { UuidPipe } from '../http/params';
import { CommentsService } from './comments.service';
import {
  ApplySuggestionDto,
  CreateCommentDto,
  DismissSuggestionDto,
  ListCommentsQueryDto,
  UpdateCommentDto,
} from './dto/comment-request.dto';
import { CommentDto, CommentEditDto, CommentThreadDto, MentionableDto } from './dto/comment.dto';

/** Threaded peer-review comments on a plan, its milestones and their progress entries. */
@ApiTags('comments')
@ApiBearerAuth()
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get('action-plans/:id/comments')
  @ApiOperation({
    summary: "List a plan's comments",
    description:
      "The plan's pair: its two cities, the programme's coordinators and experts, and the installation admin; anyone else gets 404. Every thread of the plan, or only those on one kind of target or one target; each comment says what you may do with it (can).",
  })
  @ApiOkResponse({
    type: [CommentThreadDto],
    description: 'Threads, oldest first: each first comment with its replies in order',
  })
  @ETagFrom(CommentsService, (comments, actor, { params }) => comments.version(actor, params.id))
  list(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Query() query: ListCommentsQueryDto,
  ): Promise<CommentThreadDto[]> {
    return this.comments.list(actor, id, query);
  }

  @Get('action-plans/:id/mentionable')
  @ApiOperation({
    summary: 'List who a comment on a plan may mention',
    description:
      "The plan's pair: its two cities, the programme's coordinators and experts, and the installation admin; anyone else gets 404. A mention of anyone not listed here is refused when the comment is saved.",
  })
  @ApiOkResponse({
    type: [MentionableDto],
    description:
      "The programme's members who can read the plan's pair (its two cities, coordinators, experts), by organisation and name",
  })
  mentionable(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<MentionableDto[]> {
    return this.comments.mentionable(actor, id);
  }

  @Post('action-plans/:id/comments')
  @ApiOperation({
    summary: 'Comment on a plan, milestone or progress entry',
    description:
      "The pair's two cities and the programme's coordinators and experts; the admin only reads (403), anyone else gets 404. Starts a thread on the plan, a milestone or a progress entry, or replies with parentId; mentions are read from the body. Send an Idempotency-Key header to retry safely.",
  })
  @ApiCreatedResponse({ type: CommentDto })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentDto> {
    return this.comments.create(actor, id, dto);
  }

  @Patch('comments/:id')
  @ApiOperation({
    summary: 'Edit a comment',
    description:
      'Its author only, while they may still comment on the pair; others who can see it get 403. The previous body goes to the history and the mentions are read again; a deleted comment cannot be edited (409).',
  })
  @ApiOkResponse({ type: CommentDto, description: 'Only the author edits; the previous body is kept in the history' })
  edit(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateCommentDto,
  ): Promise<CommentDto> {
    return this.comments.edit(actor, id, dto);
  }

  @Get('comments/:id/history')
  @ApiOperation({
    summary: "Get a comment's edit history",
    description:
      "The plan's pair: its two cities, the programme's coordinators and experts, and the installation admin; anyone else gets 404.",
  })
  @ApiOkResponse({
    type: [CommentEditDto],
    description: 'The bodies before each edit, oldest first (empty once deleted)',
  })
  history(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<CommentEditDto[]> {
    return this.comments.history(actor, id);
  }

  @Delete('comments/:id')
  @ApiOperation({
    summary: 'Delete a comment',
    description:
      'Its author, or a coordinator of the programme (moderation); others who can see it get 403. Deleting it again is 409.',
  })
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Deleted by its author or a coordinator; a tombstone keeps the replies in place',
  })
  delete(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.comments.delete(actor, id);
  }

  @Post('comments/:id/resolve')
  @ApiOperation({
    summary: 'Resolve a review thread',
    description:
      'Whoever started the thread, or the mentor side of the pair; others who can see it get 403. Approving a plan waits until its open threads are resolved, unless the mentor overrides that; a thread resolved already is 409.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: CommentDto, description: 'On a thread’s first comment only (409 on a reply)' })
  resolve(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<CommentDto> {
    return this.comments.resolve(actor, id);
  }

  @Post('comments/:id/reopen')
  @ApiOperation({
    summary: 'Reopen a review thread',
    description:
      'Whoever started the thread, or the mentor side of the pair; others who can see it get 403. A thread that is open already is 409.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: CommentDto, description: 'On a thread’s first comment only (409 on a reply)' })
  reopen(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<CommentDto> {
    return this.comments.reopen(actor, id);
  }

  @Post('comments/:id/suggestion/apply')
  @ApiOperation({
    summary: "Apply a thread's suggested change",
    description:
      'Whoever may edit the plan (the mentee city); others who can see it get 403, anyone else 404. Replaces the anchored field or list item with the suggested text, made against the plan version you loaded, attributed to the suggester and to you, and resolves the thread. 409: STALE_VERSION (details.currentVersion), TRANSITION_NOT_ALLOWED when the plan cannot be edited now, CONFLICT when the text was changed meanwhile (details.currentText) or the suggestion was already decided.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: CommentDto, description: 'The thread’s first comment: suggestion applied, thread resolved' })
  applySuggestion(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ApplySuggestionDto,
  ): Promise<CommentDto> {
    return this.comments.applySuggestion(actor, id, dto);
  }

  @Post('comments/:id/suggestion/dismiss')
  @ApiOperation({
    summary: "Dismiss a thread's suggested change",
    description:
      'Whoever may apply it (the mentee city); others who can see it get 403, anyone else 404. Posts body as a reply saying why and marks the suggestion dismissed; the thread stays open. 409: TRANSITION_NOT_ALLOWED when the plan cannot be edited now, CONFLICT when the suggestion was already decided.',
  })
  @HttpCode(200)
  @ApiOkResponse({ type: CommentDto, description: 'The thread’s first comment, its suggestion dismissed' })
  dismissSuggestion(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: DismissSuggestionDto,
  ): Promise<CommentDto> {
    return this.comments.dismissSuggestion(actor, id, dto);
  }
}
