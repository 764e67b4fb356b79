import { announce, excerpt } from './notification-writer';

describe('notification texts', () => {
  it('shows mentions by name and shortens long comments', () => {
    expect(excerpt('@[Ana Silva](0b7d4b8e-9a51-4c0f-9f7c-2d116f1c2a8e) can you  check\nthis?')).toBe(
      '@Ana Silva can you check this?',
    );
    expect(excerpt('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('announces each notification in its user’s room', () => {
    expect(announce([{ id: 'n1', userId: 'u1', kind: 'comment', title: 'T', link: '/l' }])).toEqual([
      {
        room: 'user:u1',
        type: 'notification.created',
        payload: { notificationId: 'n1', kind: 'comment', title: 'T', link: '/l' },
        actorId: null,
        programmeId: null,
      },
    ]);
  });
});
