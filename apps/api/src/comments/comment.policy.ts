import type { PairSide } from '@citymentor/contracts';
import { forbidden } from '@citymentor/domain';
import { sideMay } from '../pairs/pair.policy';

/** Who looks at or acts on a comment: the user and their side of the comment's pair (from `PairPolicy`). */
export interface CommentViewer {
  userId: string;
  side: PairSide;
}

/** What the rules look at in a comment. */
export interface CommentFacts {
  authorId: string;
  deleted: boolean;
  /** The thread's first comment (threads are resolved there). */
  isRoot: boolean;
}

/** What a viewer may do with one comment, as `CommentDto.can` says it. */
export interface CommentPermissions {
  reply: boolean;
  edit: boolean;
  delete: boolean;
  resolve: boolean;
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
};

const REFUSED = {
  edit: 'Only its author may edit a comment',
  delete: 'Only its author or a coordinator may delete a comment',
  resolve: 'Only whoever started the thread, or the mentor side, may resolve or reopen it',
} as const;

/** 403 in words when the rule refuses the viewer. */
export function assertComment(action: keyof typeof REFUSED, allowed: boolean): void {
  if (!allowed) throw forbidden(REFUSED[action]);
}

/**
 * The rules applied to one comment as it is now: a deleted comment is neither edited nor deleted again,
 * and only a thread's first comment is resolved or reopened (the entity refuses those with 409).
 */
export function commentPermissions(v: CommentViewer, c: CommentFacts): CommentPermissions {
  return {
    reply: COMMENT_RULES.reply(v),
    edit: !c.deleted && COMMENT_RULES.edit(v, c),
    delete: !c.deleted && COMMENT_RULES.delete(v, c),
    resolve: c.isRoot && COMMENT_RULES.resolve(v, c.authorId),
  };
}
