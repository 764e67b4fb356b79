import { randomUUID } from 'node:crypto';
import type { AnchorField, CommentTargetType, SuggestionState } from '@citymentor/contracts';
import type { Anchor } from './comment-anchor';

/** What a reply takes from the comment it answers (a `Comment` is one). */
export interface CommentParent {
  id: string;
  threadId: string;
  targetType: CommentTargetType;
  targetId: string;
  anchorRevision: number | null;
  anchorField: AnchorField | null;
  anchorItem: number | null;
  anchorText: string | null;
}

export interface NewCommentArgs {
  planId: string;
  authorId: string;
  body: string;
  target: { type: CommentTargetType; id: string };
  parent?: CommentParent;
  mentions?: string[];
  anchor?: Anchor | null;
  suggestion?: string | null;
}

/** A new comment's columns, nothing edited, deleted, resolved or decided yet. */
export interface NewComment {
  id: string;
  planId: string;
  authorId: string;
  targetType: CommentTargetType;
  targetId: string;
  parentId: string | null;
  threadId: string;
  body: string;
  mentions: string[];
  createdAt: Date;
  anchorRevision: number | null;
  anchorField: AnchorField | null;
  anchorItem: number | null;
  anchorText: string | null;
  suggestion: string | null;
  suggestionState: SuggestionState | null;
}

/**
 * The rules of a new comment, for the `Comment` entity's constructor and for the write that inserts its row
 * without one (the hot POST …/comments): a reply lives on its parent's target, thread and anchor and suggests
 * nothing; a thread's first comment starts its own thread, anchored and suggesting (pending) as asked.
 */
export function newComment(args: NewCommentArgs, id: string = randomUUID(), createdAt: Date = new Date()): NewComment {
  const common = { id, planId: args.planId, authorId: args.authorId, body: args.body, createdAt };
  const mentions = args.mentions ?? [];
  const parent = args.parent;
  if (parent) {
    return {
      ...common,
      mentions,
      parentId: parent.id,
      threadId: parent.threadId,
      targetType: parent.targetType,
      targetId: parent.targetId,
      anchorRevision: parent.anchorRevision,
      anchorField: parent.anchorField,
      anchorItem: parent.anchorItem,
      anchorText: parent.anchorText,
      suggestion: null,
      suggestionState: null,
    };
  }
  const anchor = args.anchor ?? null;
  const suggests = args.suggestion != null;
  return {
    ...common,
    mentions,
    parentId: null,
    threadId: id,
    targetType: args.target.type,
    targetId: args.target.id,
    anchorRevision: anchor?.revision ?? null,
    anchorField: anchor?.field ?? null,
    anchorItem: anchor?.item ?? null,
    anchorText: anchor?.text ?? null,
    suggestion: suggests ? args.suggestion! : null,
    suggestionState: suggests ? 'pending' : null,
  };
}

/** The anchor its columns store, or null. */
export function anchorOf(
  c: Pick<CommentParent, 'anchorRevision' | 'anchorField' | 'anchorItem' | 'anchorText'>,
): Anchor | null {
  if (c.anchorRevision === null || c.anchorField === null || c.anchorText === null) return null;
  return { revision: c.anchorRevision, field: c.anchorField, item: c.anchorItem, text: c.anchorText };
}
