import { anchorNow, wordDiff } from '@citymentor/domain';
import type { CommentEditRow, CommentRow } from './comment.queries';
import { commentPermissions, type CommentViewer } from './comment.policy';
import type {
  CommentAnchorDto,
  CommentDto,
  CommentEditDto,
  CommentSuggestionDto,
  CommentThreadDto,
} from './dto/comment.dto';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** One comment as `viewer` sees it: with what they may do with it (`can`). */
export const toCommentDto = (r: CommentRow, viewer: CommentViewer): CommentDto => ({
  id: r.id,
  planId: r.planId,
  threadId: r.threadId,
  parentId: r.parentId,
  target: { type: r.targetType, id: r.targetId },
  author: { id: r.authorId, name: r.authorName, former: r.authorFormer, organisationName: r.organisationName },
  body: r.deleted ? null : r.body,
  deleted: r.deleted,
  mentions: r.deleted ? [] : r.mentions,
  createdAt: iso(r.createdAt),
  editedAt: r.editedAt ? iso(r.editedAt) : null,
  editCount: r.editCount,
  resolved: r.resolvedAt
    ? { at: iso(r.resolvedAt), by: { id: r.resolvedById ?? '', name: r.resolvedByName ?? '' } }
    : null,
  anchor: toAnchorDto(r),
  suggestion: toSuggestionDto(r),
  can: commentPermissions(viewer, {
    authorId: r.authorId,
    deleted: r.deleted,
    isRoot: r.parentId === null,
    suggestionState: r.suggestionState,
  }),
});

/** Where the comment was written, checked against the field as it is now (`anchorNow`). */
function toAnchorDto(r: CommentRow): CommentAnchorDto | null {
  if (r.anchorRevision === null || r.anchorField === null || r.anchorText === null) return null;
  const anchor = { field: r.anchorField, item: r.anchorItem, text: r.anchorText };
  return {
    revision: r.anchorRevision,
    field: r.anchorField,
    item: r.anchorItem,
    milestoneId: r.targetType === 'milestone' ? r.targetId : null,
    text: r.anchorText,
    ...anchorNow(anchor, r.anchorCurrent),
  };
}

/** The suggested change, word by word from the text it was written on; none on a tombstone. */
function toSuggestionDto(r: CommentRow): CommentSuggestionDto | null {
  if (r.suggestion === null || r.suggestionState === null || r.deleted) return null;
  return {
    text: r.suggestion,
    state: r.suggestionState,
    words: wordDiff(r.anchorText ?? '', r.suggestion),
    decidedBy: r.suggestionDecidedById ? { id: r.suggestionDecidedById, name: r.suggestionDecidedByName ?? '' } : null,
    decidedAt: r.suggestionDecidedAt ? iso(r.suggestionDecidedAt) : null,
    appliedVersion: r.suggestionAppliedVersion,
  };
}

/**
 * Groups rows (oldest first) into threads: each root with every reply of its thread in order.
 * A reply whose root is filtered out or missing cannot happen (replies share their root's target).
 */
export function toThreads(rows: CommentRow[], viewer: CommentViewer): CommentThreadDto[] {
  const threads = new Map<string, CommentThreadDto>();
  for (const row of rows) {
    if (row.parentId === null) threads.set(row.id, { ...toCommentDto(row, viewer), replies: [] });
  }
  for (const row of rows) {
    if (row.parentId !== null) threads.get(row.threadId)?.replies.push(toCommentDto(row, viewer));
  }
  return [...threads.values()];
}

export const toCommentEditDto = (r: CommentEditRow): CommentEditDto => ({ body: r.body, editedAt: iso(r.editedAt) });
