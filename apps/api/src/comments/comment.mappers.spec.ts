import type { CommentRow } from './comment.queries';
import { toThreads } from './comment.mappers';

let clock = Date.parse('2027-01-01T10:00:00Z');
const row = (
  id: string,
  parentId: string | null = null,
  threadId = parentId ? 'a' : id,
  extra: Partial<CommentRow> = {},
): CommentRow => ({
  id,
  planId: 'plan',
  threadId,
  parentId,
  targetType: 'plan',
  targetId: 'plan',
  authorId: 'u',
  authorName: 'Anna',
  authorFormer: false,
  organisationName: 'Helsinki',
  body: `body ${id}`,
  deleted: false,
  mentions: [],
  createdAt: new Date((clock += 1000)),
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
  ...extra,
});

describe('toThreads', () => {
  it('puts each reply, nested or not, under its thread in order, and keeps the roots in order', () => {
    const rows = [row('a'), row('b'), row('a1', 'a'), row('a1x', 'a1', 'a'), row('b1', 'b', 'b'), row('a2', 'a')];
    const threads = toThreads(rows, { userId: 'u', side: 'mentee' });
    expect(threads.map((t) => t.id)).toEqual(['a', 'b']);
    expect(threads[0].replies.map((r) => [r.id, r.parentId])).toEqual([
      ['a1', 'a'],
      ['a1x', 'a1'],
      ['a2', 'a'],
    ]);
    expect(threads[1].replies.map((r) => r.id)).toEqual(['b1']);
  });

  it('shows a tombstone without body or mentions, and a resolution with who and when', () => {
    const at = new Date('2027-02-01T08:00:00Z');
    const [thread] = toThreads(
      [
        row('a', null, 'a', {
          deleted: true,
          body: null,
          mentions: ['x'],
          resolvedAt: at,
          resolvedById: 'm',
          resolvedByName: 'Mika',
        }),
      ],
      { userId: 'u', side: 'mentee' },
    );
    expect(thread).toMatchObject({
      deleted: true,
      body: null,
      mentions: [],
      resolved: { at: '2027-02-01T08:00:00.000Z', by: { id: 'm', name: 'Mika' } },
    });
  });

  it('says what the viewer may do with each comment, by the comment rules', () => {
    const rows = [
      row('a', null, 'a', { authorId: 'mentor-user' }),
      row('a1', 'a', 'a', { authorId: 'mentee-user' }),
      row('b', null, 'b', { authorId: 'mentee-user', deleted: true, body: null }),
    ];
    const [a, b] = toThreads(rows, { userId: 'mentee-user', side: 'mentee' });
    // The mentor's thread: the mentee replies, but neither edits, deletes nor resolves it.
    expect(a.can).toEqual({
      reply: true,
      edit: false,
      delete: false,
      resolve: false,
      applySuggestion: false,
      dismissSuggestion: false,
    });
    // Their own reply: edit and delete; a reply is never where a thread is resolved.
    expect(a.replies[0].can).toEqual({
      reply: true,
      edit: true,
      delete: true,
      resolve: false,
      applySuggestion: false,
      dismissSuggestion: false,
    });
    // Their own deleted thread: resolvable, not editable or deletable again.
    expect(b.can).toEqual({
      reply: true,
      edit: false,
      delete: false,
      resolve: true,
      applySuggestion: false,
      dismissSuggestion: false,
    });

    const [asMentor] = toThreads(rows, { userId: 'someone', side: 'mentor' });
    expect(asMentor.can).toEqual({
      reply: true,
      edit: false,
      delete: false,
      resolve: true,
      applySuggestion: false,
      dismissSuggestion: false,
    });
    const [asAdmin] = toThreads(rows, { userId: 'admin', side: 'admin' });
    expect(asAdmin.can).toEqual({
      reply: false,
      edit: false,
      delete: false,
      resolve: false,
      applySuggestion: false,
      dismissSuggestion: false,
    });
    const [asCoordinator] = toThreads(rows, { userId: 'c', side: 'coordinator' });
    expect(asCoordinator.can).toEqual({
      reply: true,
      edit: false,
      delete: true,
      resolve: false,
      applySuggestion: false,
      dismissSuggestion: false,
    });
  });

  it('says where an anchored thread was written and whether the plan moved on, for its replies too', () => {
    const anchored = {
      anchorRevision: 2,
      anchorField: 'activities' as const,
      anchorItem: 0,
      anchorText: 'Train advisers',
    };
    const [moved, gone] = toThreads(
      [
        row('a', null, 'a', { ...anchored, anchorCurrent: ['Map the steps', 'Train advisers'] }),
        row('a1', 'a', 'a', { ...anchored, anchorCurrent: ['Map the steps', 'Train advisers'] }),
        row('b', null, 'b', { ...anchored, anchorCurrent: ['Train 20 advisers'] }),
      ],
      { userId: 'u', side: 'mentee' },
    );
    const where = { revision: 2, field: 'activities', item: 0, milestoneId: null, text: 'Train advisers' };
    expect(moved.anchor).toEqual({ ...where, outdated: false, currentItem: 1 });
    expect(moved.replies[0].anchor).toEqual(moved.anchor);
    expect(gone.anchor).toEqual({ ...where, outdated: true, currentItem: null });
  });

  it('shows a pending suggestion word by word, and who may apply it by the plan rule', () => {
    const suggesting = row('a', null, 'a', {
      authorId: 'mentor-user',
      anchorRevision: 1,
      anchorField: 'budget',
      anchorText: 'EUR 12000',
      anchorCurrent: 'EUR 12000',
      suggestion: 'EUR 15000',
      suggestionState: 'pending',
    });
    const [asMentee] = toThreads([suggesting], { userId: 'mentee-user', side: 'mentee', editsPlan: true });
    expect(asMentee.suggestion).toEqual({
      text: 'EUR 15000',
      state: 'pending',
      words: [
        { op: 'same', text: 'EUR ' },
        { op: 'removed', text: '12000' },
        { op: 'added', text: '15000' },
      ],
      decidedBy: null,
      decidedAt: null,
      appliedVersion: null,
    });
    expect(asMentee.can).toMatchObject({ applySuggestion: true, dismissSuggestion: true });
    const [asMentor] = toThreads([suggesting], { userId: 'mentor-user', side: 'mentor', editsPlan: false });
    expect(asMentor.can).toMatchObject({ applySuggestion: false, dismissSuggestion: false });
    const [submitted] = toThreads([suggesting], { userId: 'mentee-user', side: 'mentee', editsPlan: false });
    expect(submitted.can).toMatchObject({ applySuggestion: false, dismissSuggestion: false });
    const [applied] = toThreads([{ ...suggesting, suggestionState: 'applied' }], {
      userId: 'mentee-user',
      side: 'mentee',
      editsPlan: true,
    });
    expect(applied.can).toMatchObject({ applySuggestion: false, dismissSuggestion: false });
  });
});
