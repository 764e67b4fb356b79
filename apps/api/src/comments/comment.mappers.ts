import type { CommentEditRow, CommentRow } from './comment.queries';
import type { CommentDto, CommentEditDto, CommentThreadDto } from './dto/comment.dto';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export const toCommentDto = (r: CommentRow): CommentDto => ({
  id: r.id,
  planId: r.planId,
  threadId: r.threadId,
  parentId: r.parentId,
  target: { type: r.targetType, id: r.targetId },
  author: { id: r.authorId, name: r.authorName, organisationName: r.organisationName },
  body: r.deleted ? null : r.body,
  deleted: r.deleted,
  mentions: r.deleted ? [] : r.mentions,
  createdAt: iso(r.createdAt),
  editedAt: r.editedAt ? iso(r.editedAt) : null,
  editCount: r.editCount,
  resolved: r.resolvedAt ? { at: iso(r.resolvedAt), by: { id: r.resolvedById ?? '', name: r.resolvedByName ?? '' } } : null,
});

/**
 * Groups rows (oldest first) into threads: each root with every reply of its thread in order.
 * A reply whose root is filtered out or missing cannot happen (replies share their root's target).
 */
export function toThreads(rows: CommentRow[]): CommentThreadDto[] {
  const threads = new Map<string, CommentThreadDto>();
  for (const row of rows) {
    if (row.parentId === null) threads.set(row.id, { ...toCommentDto(row), replies: [] });
  }
  for (const row of rows) {
    if (row.parentId !== null) threads.get(row.threadId)?.replies.push(toCommentDto(row));
  }
  return [...threads.values()];
}

export const toCommentEditDto = (r: CommentEditRow): CommentEditDto => ({ body: r.body, editedAt: iso(r.editedAt) });
