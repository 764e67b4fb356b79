import type { ActionPlan } from '../action-plan/action-plan.entity';
import type { User } from '../identity/user.entity';
import { Comment } from './comment.entity';
import { anchorOf, newComment } from './new-comment';

const anchor = { revision: 2, field: 'activities' as const, item: 0, text: 'Map the steps' };
const onPlan = { planId: 'p', authorId: 'mentor', target: { type: 'plan' as const, id: 'p' } };

describe('newComment', () => {
  it('starts a thread of its own on its target, anchored and suggesting (pending) as asked', () => {
    const at = new Date('2027-01-01T10:00:00Z');
    expect(newComment({ ...onPlan, body: 'Why?', anchor, suggestion: 'Map every step' }, 'c1', at)).toEqual({
      id: 'c1',
      planId: 'p',
      authorId: 'mentor',
      targetType: 'plan',
      targetId: 'p',
      parentId: null,
      threadId: 'c1',
      body: 'Why?',
      mentions: [],
      createdAt: at,
      anchorRevision: 2,
      anchorField: 'activities',
      anchorItem: 0,
      anchorText: 'Map the steps',
      suggestion: 'Map every step',
      suggestionState: 'pending',
    });
    const plain = newComment({ ...onPlan, body: 'Fine', mentions: ['mentee'], anchor: null, suggestion: null });
    expect(plain).toMatchObject({ threadId: plain.id, mentions: ['mentee'], anchorField: null, suggestionState: null });
    expect(anchorOf(plain)).toBeNull();
  });

  it('puts a reply on its parent’s thread, target and anchor, suggesting nothing', () => {
    const root = newComment({ ...onPlan, target: { type: 'milestone', id: 'm' }, body: 'Hm', anchor, suggestion: 'x' });
    const reply = newComment({ ...onPlan, authorId: 'mentee', body: 'Yes', parent: root });
    expect(reply).toMatchObject({ parentId: root.id, threadId: root.id, targetType: 'milestone', targetId: 'm' });
    expect(anchorOf(reply)).toEqual(anchor);
    expect(reply).toMatchObject({ suggestion: null, suggestionState: null });
  });

  it('is what the Comment entity is built with', () => {
    const plan = { id: 'p' } as ActionPlan;
    const author = { id: 'mentor' } as User;
    const comment = new Comment({ plan, author, body: 'Why?', target: onPlan.target, anchor, suggestion: 'y' });
    const { planId, authorId, ...columns } = newComment(
      { ...onPlan, body: 'Why?', anchor, suggestion: 'y' },
      comment.id,
      comment.createdAt,
    );
    expect(comment).toMatchObject(columns);
    expect([comment.plan.id, comment.author.id]).toEqual([planId, authorId]);
    expect(comment.anchor).toEqual(anchor);
  });
});
