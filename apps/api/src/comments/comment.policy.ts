import { Injectable } from '@nestjs/common';
import type { PairSide, PlanState, SuggestionState } from '@citymentor/contracts';
import { DomainError, forbidden } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { PairPolicy, sideMay, type PairAction, type PairScope } from '../pairs/pair.policy';
import { planPermissions } from '../action-plans/plan.policy';
import { isOpenFor } from '../programmes/programme.policy';

/** Who looks at or acts on a comment: the user and their side of the comment's pair (from `PairPolicy`). */
export interface CommentViewer {
  userId: string;
  side: PairSide;
  /** Whether they may edit the plan now (`planPermissions(…).edit`, PlanPolicy's rule): who applies or dismisses suggestions. */
  editsPlan?: boolean;
  /** Whether they may suggest new text now (`suggestsChanges`, the plan policy's rule). */
  suggests?: boolean;
  /** The programme is closed: they only read. */
  readOnly?: boolean;
}

/** The pair as the comment rules need it; with the plan's state and the pair's status when a plan is at hand. */
export type CommentScope = PairScope & { planState?: PlanState; pairStatus?: 'active' | 'ended' };

/** What the rules look at in a comment. */
export interface CommentFacts {
  authorId: string;
  deleted: boolean;
  /** The thread's first comment (threads are resolved there). */
  isRoot: boolean;
  /** The state of the change it suggests, if it suggests one. */
  suggestionState?: SuggestionState | null;
}

/** What a viewer may do with one comment, as `CommentDto.can` says it. */
export interface CommentPermissions {
  reply: boolean;
  edit: boolean;
  delete: boolean;
  resolve: boolean;
  applySuggestion: boolean;
  dismissSuggestion: boolean;
}

/**
 * Who may do what with a comment, beyond reading it (the pair policy's 'read'): replying needs the
 * pair policy's 'comment'; its author edits it; its author or the programme's coordinator (moderation)
 * deletes it; whoever started the thread, or the reviewing (mentor) side, resolves or reopens it.
 * `CommentsService` enforces these and the responses say them, so the client offers only what works.
 */
export const COMMENT_RULES = {
  reply: (v: CommentViewer) => sideMay(v.side, 'comment'),
  edit: (v: CommentViewer, c: Pick<CommentFacts, 'authorId'>) => sideMay(v.side, 'comment') && c.authorId === v.userId,
  delete: (v: CommentViewer, c: Pick<CommentFacts, 'authorId'>) => c.authorId === v.userId || v.side === 'coordinator',
  /** `threadAuthorId`: who wrote the thread's first comment. */
  resolve: (v: CommentViewer, threadAuthorId: string) => threadAuthorId === v.userId || v.side === 'mentor',
  /** Suggesting a change (a new anchored thread's `suggestion`): the mentor side, which reviews. */
  suggest: (v: CommentViewer) => v.suggests === true,
  /** Applying or dismissing a suggestion: whoever may edit the plan now (the plan policy's rule). */
  decideSuggestion: (v: CommentViewer) => v.editsPlan === true,
};

/** What is done with comments: reading a plan's (and a comment's history), writing one, changing one. */
export type CommentAction = 'read' | 'create' | 'edit' | 'delete' | 'resolve' | 'decide-suggestion';

/** A change to a comment that exists, decided by `COMMENT_RULES` once the pair policy has let the viewer in. */
export type CommentChange = Extract<CommentAction, 'edit' | 'delete' | 'resolve'>;

/**
 * What the pair policy must allow first: writing and editing need its 'comment' (so the admin, who
 * only reads, cannot); reading, deleting (moderation) and resolving need only 'read'.
 */
const PAIR_ACTION: Record<CommentAction, PairAction> = {
  read: 'read',
  create: 'comment',
  edit: 'comment',
  delete: 'read',
  resolve: 'read',
  'decide-suggestion': 'edit-plan',
};

const REFUSED: Record<CommentChange, string> = {
  edit: 'Only its author may edit a comment',
  delete: 'Only its author or a coordinator may delete a comment',
  resolve: 'Only whoever started the thread, or the mentor side, may resolve or reopen it',
};

/**
 * The rules applied to one comment as it is now: a deleted comment is neither edited nor deleted again,
 * and only a thread's first comment is resolved or reopened (the entity refuses those with 409).
 */
export function commentPermissions(v: CommentViewer, c: CommentFacts): CommentPermissions {
  if (v.readOnly) {
    return {
      reply: false,
      edit: false,
      delete: false,
      resolve: false,
      applySuggestion: false,
      dismissSuggestion: false,
    };
  }
  const pending = c.isRoot && !c.deleted && c.suggestionState === 'pending';
  return {
    reply: COMMENT_RULES.reply(v),
    edit: !c.deleted && COMMENT_RULES.edit(v, c),
    delete: !c.deleted && COMMENT_RULES.delete(v, c),
    resolve: c.isRoot && COMMENT_RULES.resolve(v, c.authorId),
    applySuggestion: pending && COMMENT_RULES.decideSuggestion(v),
    dismissSuggestion: pending && COMMENT_RULES.decideSuggestion(v),
  };
}

/**
 * Who may do what with the comments of a pair's plan, in two steps because the comment is loaded only
 * once the pair lets the actor in: `viewer` asks the pair policy (404 when the pair is not visible, 403
 * when the side may not take part), `assert` applies `COMMENT_RULES` to the comment (403).
 * `CommentsService` asks this, and `commentPermissions` says the same rules as `CommentDto.can`.
 */
@Injectable()
export class CommentPolicy {
  constructor(private readonly pairs: PairPolicy) {}

  /** The actor as the rules see them, once the pair policy allows `action`'s part (`what` names the thing asked for). */
  viewer(actor: Actor, action: CommentAction, pair: CommentScope, what: string): CommentViewer {
    const side = this.pairs.assert(actor, PAIR_ACTION[action], pair, what, action !== 'read');
    const open = isOpenFor(actor, pair.programmeId);
    if (pair.planState === undefined) return { userId: actor.userId, side, readOnly: !open };
    const can = planPermissions(side, pair.planState, pair.pairStatus === 'active', open);
    return { userId: actor.userId, side, editsPlan: can.edit, suggests: can.suggest, readOnly: !open };
  }

  /**
   * Unless the viewer may suggest now (`COMMENT_RULES.suggest`): 403 for a side that never suggests, 409 for the
   * mentor side once the plan's text no longer changes (approved and after, or the pair ended).
   */
  assertSuggests(viewer: CommentViewer): void {
    if (COMMENT_RULES.suggest(viewer)) return;
    if (viewer.side !== 'mentor') throw forbidden('Only the mentor side suggests changes to the plan');
    throw new DomainError(
      'TRANSITION_NOT_ALLOWED',
      'Changes are suggested while the plan is drafted, under review or sent back; this one no longer changes',
    );
  }

  /**
   * 403 in words unless the rule lets the viewer make the change. `comment.authorId` is who wrote the
   * comment — for 'resolve', who wrote the thread's first comment.
   */
  assert(viewer: CommentViewer, change: CommentChange, comment: Pick<CommentFacts, 'authorId'>): void {
    const allowed =
      change === 'resolve' ? COMMENT_RULES.resolve(viewer, comment.authorId) : COMMENT_RULES[change](viewer, comment);
    if (!allowed) throw forbidden(REFUSED[change]);
  }
}
