import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { CommentEvent } from '@citymentor/contracts';
import {
  ActionPlan,
  anchorIn,
  assertSuggestionFits,
  anchorOf,
  Comment,
  CommentEdit,
  conflict,
  DomainError,
  newComment,
  notFound,
  staleVersion,
  suggestedFields,
  User,
  type Anchor,
  type NewComment,
} from '@citymentor/domain';
import { EventLog } from '../events/event-log';
import { inPlanRooms } from '../events/rooms';
import { closedAtOf, membershipIn, type Actor } from '../auth/actor';
import type { PlanScopeRow } from '../pairs/pair-scopes';
import { PairScopes, planVersionOf } from '../pairs/pair-scopes';
import { isUuid } from '../http/params';
import { toCommentDto, toCommentEditDto, toThreads } from './comment.mappers';
import { CommentPolicy, type CommentAction, type CommentViewer } from './comment.policy';
import { CommentQueries, type CommentFilter, type CommentRow } from './comment.queries';
import type {
  ApplySuggestionDto,
  CreateCommentDto,
  DismissSuggestionDto,
  UpdateCommentDto,
} from './dto/comment-request.dto';
import type { CommentDto, CommentEditDto, CommentThreadDto, MentionableDto } from './dto/comment.dto';
import { Mentions } from './mentions';
import { assertPairActive, assertPlanAllows, planStillAllows } from '../action-plans/plan.policy';
import { planUpdated, staleAware } from '../action-plans/plan-events';

const invalid = (path: string, message: string) => new DomainError('VALIDATION_FAILED', message, [{ path, message }]);

/**
 * Peer-review comments on a plan, a milestone or a progress entry. Every use case first finds the
 * pair the comment belongs to and asks the comment policy: the pair's part (404 when not visible, 403
 * when not allowed), then the comment rules (comment.policy.ts), which every answer also states as `can`;
 * every change is flushed together with its `comment.*` event in the plan's and the pair's rooms.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly scopes: PairScopes,
    private readonly policy: CommentPolicy,
    private readonly queries: CommentQueries,
    private readonly mentions: Mentions,
    private readonly events: EventLog,
  ) {}

  async list(actor: Actor, planId: string, filter: CommentFilter): Promise<CommentThreadDto[]> {
    const scope = await this.scopes.forPlanRead(actor, planId);
    if (!scope) throw notFound('Action plan');
    const viewer = this.policy.viewer(actor, 'read', scope, 'Action plan');
    return toThreads(await this.queries.forPlan(scope.programmeId, planId, filter), viewer);
  }

  /**
   * The comment list's version for the actor (its ETag, `@ETagFrom`), asked of the policy as `list` is: the
   * plan room's newest event (every comment change appends one), the members (authors' organisations), the
   * pair and plan, the reader (their side and id decide `can`) and whether the programme is closed. Null for an id `list` refuses as malformed.
   */
  async version(actor: Actor, planId: string): Promise<string | null> {
    if (!isUuid(planId)) return null;
    const scope = await this.scopes.forPlanVersion(planId, actor);
    if (!scope) throw notFound('Action plan');
    const viewer = this.policy.viewer(actor, 'read', scope, 'Action plan');
    return `${planVersionOf(scope)}|${viewer.side}|${closedAtOf(actor, scope.programmeId) ?? 'open'}`;
  }

  /** Whom a comment on the plan may mention (`Mentions` accepts exactly these): whoever may read its comments asks. */
  async mentionable(actor: Actor, planId: string): Promise<MentionableDto[]> {
    const { scope } = await this.planScope(actor, 'read', planId);
    return this.queries.readersOf(scope);
  }

  async create(actor: Actor, planId: string, dto: CreateCommentDto): Promise<CommentDto> {
    const { scope, viewer } = await this.planScope(actor, 'create', planId);
    const parent = dto.parentId ? await this.parentIn(planId, dto.parentId) : undefined;
    if (
      parent &&
      dto.target &&
      (dto.target.type !== parent.targetType || dto.target.id.toLowerCase() !== parent.targetId)
    ) {
      throw invalid('target', 'target must be the parent comment’s target (a reply inherits it); leave it out');
    }
    if (parent && dto.anchor) throw invalid('anchor', 'a reply shares its thread’s anchor; leave anchor out');
    if (parent && dto.suggestion !== undefined) {
      throw invalid('suggestion', 'only a thread’s first comment suggests a change; leave suggestion out');
    }
    if (!parent && !(await this.queries.targetInPlan(planId, dto.target!.type, dto.target!.id.toLowerCase()))) {
      throw invalid(
        'target.id',
        `target.id must be this plan, one of its milestones or a progress entry of one of them (as target.type says)`,
      );
    }
    const target = { type: dto.target?.type ?? 'plan', id: dto.target?.id.toLowerCase() ?? planId };
    const anchor = parent || !dto.anchor ? null : await this.anchorOf(planId, target, dto.anchor);
    if (dto.suggestion !== undefined) {
      this.policy.assertSuggests(viewer);
      assertSuggestionFits(target.type, anchor, dto.suggestion);
    }
    // Inserted as a row, not flushed as an entity: the hot write (decision 0011); `newComment` holds its rules.
    const comment = newComment({
      planId,
      authorId: actor.userId,
      body: dto.body,
      target,
      parent,
      mentions: await this.mentions.of(dto.body, scope),
      anchor,
      suggestion: dto.suggestion,
    });
    await this.events.writeWith(
      this.em,
      () => this.queries.insert(comment),
      () => inPlanRooms('comment.created', newCommentEvent(scope, comment), actor.userId),
    );
    // An anchored comment is read back: whether it is outdated already depends on the plan as it is now.
    if (anchorOf(comment)) return this.view(scope, comment.id, viewer);
    return toCommentDto(
      newCommentRow(comment, actor, membershipIn(actor, scope.programmeId)?.organisationName ?? null),
      viewer,
    );
  }

  /**
   * Applies a thread's suggested change to the plan, made against the plan's `version`: whoever may edit the
   * plan (403 otherwise), while the plan is editable (409), the version current (409 STALE_VERSION) and the
   * anchored text still there (409 CONFLICT with details.currentText). The plan's edit, the thread resolved
   * with the version it produced, and their events commit together.
   */
  async applySuggestion(actor: Actor, id: string, dto: ApplySuggestionDto): Promise<CommentDto> {
    const { scope, comment, viewer } = await this.load(actor, 'decide-suggestion', id);
    assertPairActive(scope);
    const anchor = this.pendingSuggestion(comment);
    const plan = await this.em.findOneOrFail(ActionPlan, scope.planId);
    if (dto.version !== plan.version) throw staleVersion(plan.version);
    assertPlanAllows('edit-plan', plan.state);
    plan.edit(dto.version, suggestedFields(plan, anchor, comment.suggestion!));
    comment.applySuggestion(actor.userId, dto.version + 1, new Date());
    await staleAware(
      () =>
        this.events.flushWith(
          this.em,
          () => [
            ...planUpdated(scope, plan, actor.userId),
            ...inPlanRooms('comment.resolved', commentEvent(scope, comment), actor.userId),
          ],
          planStillAllows(this.em, 'edit-plan', scope.planId),
        ),
      () => this.queries.planVersion(scope.planId),
    );
    return this.view(scope, comment.id, viewer);
  }

  /** Turns a suggestion down with a reply (`dto.body`), by whoever may apply it, when they may; the thread stays open. */
  async dismissSuggestion(actor: Actor, id: string, dto: DismissSuggestionDto): Promise<CommentDto> {
    const { scope, comment, viewer } = await this.load(actor, 'decide-suggestion', id);
    assertPairActive(scope);
    this.pendingSuggestion(comment);
    // Decided while the plan can take the change, as applying is: the same rule (can.dismissSuggestion) says so.
    assertPlanAllows('edit-plan', scope.planState);
    const reply = new Comment({
      plan: this.em.getReference(ActionPlan, scope.planId),
      author: this.em.getReference(User, actor.userId),
      body: dto.body,
      target: { type: comment.targetType, id: comment.targetId },
      parent: comment,
      mentions: await this.mentions.of(dto.body, scope),
    });
    comment.dismissSuggestion(actor.userId, new Date());
    this.em.persist(reply);
    await this.events.flushWith(
      this.em,
      () => [
        ...inPlanRooms('comment.created', commentEvent(scope, reply), actor.userId),
        ...inPlanRooms('comment.updated', commentEvent(scope, comment), actor.userId),
      ],
      planStillAllows(this.em, 'edit-plan', scope.planId),
    );
    return this.view(scope, comment.id, viewer);
  }

  /** The anchor of a thread's first comment with a suggestion still waiting; 409 otherwise. */
  private pendingSuggestion(comment: Comment): Anchor {
    const anchor = comment.anchor;
    if (!comment.isRoot || comment.suggestionState === null || !anchor)
      throw conflict('This comment suggests no change');
    if (comment.suggestionState !== 'pending') {
      throw conflict(`This suggestion has already been ${comment.suggestionState}`, { state: comment.suggestionState });
    }
    return anchor;
  }

  /** The anchor of a new thread, checked against the revision it names (400 naming what does not fit). */
  private async anchorOf(
    planId: string,
    target: { type: Comment['targetType']; id: string },
    request: NonNullable<CreateCommentDto['anchor']>,
  ): Promise<Anchor> {
    return anchorIn(await this.queries.snapshotAt(planId, request.revision), target, request);
  }

  async edit(actor: Actor, id: string, dto: UpdateCommentDto): Promise<CommentDto> {
    const { scope, comment, viewer } = await this.load(actor, 'edit', id);
    this.policy.assert(viewer, 'edit', { authorId: comment.author.id });
    // Saving the same text again changes nothing and announces nothing.
    if (dto.body === comment.body && !comment.isDeleted) return this.view(scope, comment.id, viewer);
    const previous = comment.edit(dto.body, await this.mentions.of(dto.body, scope), new Date());
    this.em.persist(new CommentEdit(comment, previous));
    await this.events.flushWith(this.em, () =>
      inPlanRooms('comment.updated', commentEvent(scope, comment), actor.userId),
    );
    return this.view(scope, comment.id, viewer);
  }

  async history(actor: Actor, id: string): Promise<CommentEditDto[]> {
    await this.commentScope(actor, 'read', id);
    return (await this.queries.history(id)).map(toCommentEditDto);
  }

  /** Deletes (who may: `COMMENT_RULES.delete`); replies keep their place under the tombstone. */
  async delete(actor: Actor, id: string): Promise<void> {
    const { scope, comment, viewer } = await this.load(actor, 'delete', id);
    this.policy.assert(viewer, 'delete', { authorId: comment.author.id });
    comment.delete(new Date());
    await this.events.flushWith(this.em, () =>
      inPlanRooms('comment.deleted', commentEvent(scope, comment), actor.userId),
    );
  }

  async resolve(actor: Actor, id: string): Promise<CommentDto> {
    return this.setResolved(actor, id, true);
  }

  async reopen(actor: Actor, id: string): Promise<CommentDto> {
    return this.setResolved(actor, id, false);
  }

  /** Resolves or reopens a thread on its first comment (who may: `COMMENT_RULES.resolve`, judged on the thread's author). */
  private async setResolved(actor: Actor, id: string, resolved: boolean): Promise<CommentDto> {
    const { scope, comment, viewer } = await this.load(actor, 'resolve', id);
    const root = comment.isRoot ? comment : await this.em.findOne(Comment, comment.threadId);
    this.policy.assert(viewer, 'resolve', { authorId: root?.author.id ?? '' });
    if (resolved) comment.resolve(actor.userId, new Date());
    else comment.reopen();
    await this.events.flushWith(this.em, () =>
      inPlanRooms('comment.resolved', commentEvent(scope, comment), actor.userId),
    );
    return this.view(scope, comment.id, viewer);
  }

  private async planScope(actor: Actor, action: CommentAction, planId: string) {
    const scope = await this.scopes.forPlan(planId);
    if (!scope) throw notFound('Action plan');
    return { scope, viewer: this.policy.viewer(actor, action, scope, 'Action plan') };
  }

  private async commentScope(actor: Actor, action: CommentAction, id: string) {
    const scope = await this.scopes.forComment(id);
    if (!scope) throw notFound('Comment');
    return { scope, viewer: this.policy.viewer(actor, action, scope, 'Comment') };
  }

  /** Asks the policy about the pair, then loads the comment for a change (the caller asks the policy about it). */
  private async load(actor: Actor, action: CommentAction, id: string) {
    const { scope, viewer } = await this.commentScope(actor, action, id);
    const comment = await this.em.findOneOrFail(Comment, id);
    return { scope, comment, viewer };
  }

  private async parentIn(planId: string, parentId: string): Promise<Comment> {
    const parent = await this.em.findOne(Comment, { id: parentId.toLowerCase(), plan: planId });
    if (!parent) throw invalid('parentId', 'parentId must be a comment of this plan');
    return parent;
  }

  private async view(scope: PlanScopeRow, id: string, viewer: CommentViewer): Promise<CommentDto> {
    const row = await this.queries.one(scope.programmeId, id);
    if (!row) throw notFound('Comment');
    return toCommentDto(row, viewer);
  }
}

/** What a comment's events tell of it: the entity as it is now, or a comment just written (`newCommentEvent`). */
interface CommentFacts extends Pick<
  Comment,
  | 'id'
  | 'threadId'
  | 'parentId'
  | 'targetType'
  | 'targetId'
  | 'mentions'
  | 'anchor'
  | 'suggestionState'
  | 'suggestionDecidedBy'
  | 'suggestionAppliedVersion'
> {
  authorId: string;
  body: string | null;
  resolved: boolean;
}

function commentEvent(scope: PlanScopeRow, c: Comment): CommentEvent {
  return eventOf(scope, {
    id: c.id,
    threadId: c.threadId,
    parentId: c.parentId,
    targetType: c.targetType,
    targetId: c.targetId,
    authorId: c.author.id,
    body: c.isDeleted ? null : c.body,
    resolved: Boolean(c.resolvedAt),
    mentions: c.mentions,
    anchor: c.anchor,
    suggestionState: c.suggestionState,
    suggestionDecidedBy: c.suggestionDecidedBy,
    suggestionAppliedVersion: c.suggestionAppliedVersion,
  });
}

function newCommentEvent(scope: PlanScopeRow, c: NewComment): CommentEvent {
  return eventOf(scope, {
    ...c,
    resolved: false,
    anchor: anchorOf(c),
    suggestionDecidedBy: null,
    suggestionAppliedVersion: null,
  });
}

function eventOf(scope: PlanScopeRow, c: CommentFacts): CommentEvent {
  return {
    programmeId: scope.programmeId,
    pairId: scope.pairId,
    planId: scope.planId,
    commentId: c.id,
    threadId: c.threadId,
    parentId: c.parentId,
    target: { type: c.targetType, id: c.targetId },
    authorId: c.authorId,
    body: c.body,
    resolved: c.resolved,
    mentions: c.mentions,
    // Only a thread with an anchor or a suggestion says so: a plain comment's event is as it always was.
    ...(c.anchor && {
      anchor: {
        revision: c.anchor.revision,
        field: c.anchor.field,
        item: c.anchor.item,
        milestoneId: c.targetType === 'milestone' ? c.targetId : null,
        text: c.anchor.text,
      },
    }),
    ...(c.suggestionState && {
      suggestion: {
        state: c.suggestionState,
        suggestedBy: c.authorId,
        decidedBy: c.suggestionDecidedBy,
        appliedVersion: c.suggestionAppliedVersion,
      },
    }),
  };
}

/** A comment just written, as the lean read would give it (nothing edited or resolved yet): no need to read it back. */
function newCommentRow(c: NewComment, author: Actor, organisationName: string | null): CommentRow {
  return {
    id: c.id,
    planId: c.planId,
    threadId: c.threadId,
    parentId: c.parentId,
    targetType: c.targetType,
    targetId: c.targetId,
    authorId: author.userId,
    authorName: author.name,
    authorFormer: false,
    organisationName,
    body: c.body,
    deleted: false,
    mentions: c.mentions,
    createdAt: c.createdAt,
    editedAt: null,
    editCount: 0,
    resolvedAt: null,
    resolvedById: null,
    resolvedByName: null,
    anchorRevision: null,
    anchorField: null,
    anchorItem: null,
    anchorText: null,
    anchorCurrent: null,
    suggestion: null,
    suggestionState: null,
    suggestionDecidedById: null,
    suggestionDecidedByName: null,
    suggestionDecidedAt: null,
    suggestionAppliedVersion: null,
  };
}
