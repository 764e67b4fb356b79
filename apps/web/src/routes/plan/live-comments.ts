/**
 * A comment announced in the plan's room is shown at once, from the event itself, while the threads are
 * read again; the REST answer replaces it as soon as it arrives. Saves a round trip on the path that
 * people watch most: "the other side's comment appears".
 */
import type { RealtimeEvent } from '@citymentor/contracts';
import type { Mentionable, Thread } from './comments';

export type Arrival = RealtimeEvent<'comment.created'>;

function ids(threads: Thread[]): Set<string> {
  return new Set(threads.flatMap((t) => [t.id, ...t.replies.map((r) => r.id)]));
}

/** The arrivals not yet in `threads`. */
export function stillPending(threads: Thread[], arrivals: Arrival[]): Arrival[] {
  const known = ids(threads);
  return arrivals.filter((a) => !known.has(a.payload.commentId));
}

/**
 * `threads` with the pending arrivals added where they belong (a new thread, or a reply at the end of its thread).
 * Until the REST answer replaces it, an arrival offers a reply (when the reader may comment) and nothing else.
 */
export function withArrivals(
  threads: Thread[],
  arrivals: Arrival[],
  people: Mentionable[],
  canComment: boolean,
): Thread[] {
  const pending = stillPending(threads, arrivals);
  if (pending.length === 0) return threads;
  const byId = new Map(people.map((p) => [p.id, p]));
  let result = threads;
  for (const { payload: c, at } of pending) {
    const author = byId.get(c.authorId);
    const comment = {
      id: c.commentId,
      planId: c.planId,
      threadId: c.threadId,
      parentId: c.parentId,
      target: c.target,
      author: {
        id: c.authorId,
        name: author?.name ?? '…',
        former: false,
        organisationName: author?.organisationName ?? null,
      },
      body: c.body,
      deleted: c.body === null,
      mentions: c.mentions,
      createdAt: at,
      editedAt: null,
      editCount: 0,
      resolved: null,
      // Where it was written comes with the event; whether the plan moved on since, and a suggestion's
      // words, come with the REST answer that replaces it.
      anchor: c.anchor ? { ...c.anchor, outdated: false, currentItem: c.anchor.item } : null,
      suggestion: null,
      can: {
        reply: canComment,
        edit: false,
        delete: false,
        resolve: false,
        applySuggestion: false,
        dismissSuggestion: false,
      },
    };
    if (c.parentId === null) result = [...result, { ...comment, replies: [] }];
    else result = result.map((t) => (t.id === c.threadId ? { ...t, replies: [...t.replies, comment] } : t));
  }
  return result;
}
