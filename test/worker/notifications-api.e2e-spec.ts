import { Notification, User } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';

describe('GET /notifications, POST /notifications/{id}/read, read-all, /me/notification-preferences', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startApp()));
  afterAll(() => t?.close());

  async function notify(user: User, titles: string[]) {
    const em = t.orm.em.fork();
    const list = titles.map((title, i) => {
      const n = new Notification({ user: em.getReference(User, user.id), kind: 'comment', title, link: `/x/${i}` });
      n.createdAt = new Date(Date.UTC(2026, 10, 1, 12, 0, i));
      return n;
    });
    await em.persistAndFlush(list);
    return list;
  }

  it('lists one’s own notifications newest first, with the unread count, page by page', async () => {
    const [me, other] = await Promise.all([t.given.user(), t.given.user()]);
    await notify(me, ['first', 'second', 'third']);
    await notify(other, ['not mine']);
    const api = t.api.as((await t.given.signIn(me)).token);
    const page1 = await api.get('/notifications?limit=2').expect(200);
    expect(page1.body.items.map((n: { title: string }) => n.title)).toEqual(['third', 'second']);
    expect(page1.body.unreadCount).toBe(3);
    expect(page1.body.items[0]).toMatchObject({
      kind: 'comment',
      link: '/x/2',
      readAt: null,
      createdAt: '2026-11-01T12:00:02.000Z',
    });
    const page2 = await api.get(`/notifications?limit=2&cursor=${page1.body.nextCursor}`).expect(200);
    expect(page2.body.items.map((n: { title: string }) => n.title)).toEqual(['first']);
    expect(page2.body.nextCursor).toBeNull();
    const bad = await api.get('/notifications?cursor=not-a-cursor-at-all').expect(400);
    expect(bad.body.details[0].path).toBe('cursor');
    await api.get('/notifications?limit=0').expect(400);
  });

  it('marks one’s own notification read; someone else’s is 404; read-all reads the rest', async () => {
    const [me, other] = await Promise.all([t.given.user(), t.given.user()]);
    const [mine] = await notify(me, ['a', 'b']);
    const [theirs] = await notify(other, ['c']);
    const api = t.api.as((await t.given.signIn(me)).token);
    const read = await api.post(`/notifications/${mine.id}/read`).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    await api.post(`/notifications/${mine.id}/read`).expect(200);
    await api.post(`/notifications/${theirs.id}/read`).expect(404);
    await api.post('/notifications/not-a-uuid/read').expect(400);
    expect((await api.get('/notifications').expect(200)).body.unreadCount).toBe(1);
    expect((await api.post('/notifications/read-all').expect(200)).body).toEqual({ updated: 1 });
    expect((await api.get('/notifications').expect(200)).body.unreadCount).toBe(0);
    const otherApi = t.api.as((await t.given.signIn(other)).token);
    expect((await otherApi.get('/notifications').expect(200)).body.unreadCount).toBe(1);
    await t.api.get('/notifications').expect(401);
  });

  it('keeps the e-mail preference per user: immediate by default, daily or off when chosen', async () => {
    const me = await t.given.user();
    const api = t.api.as((await t.given.signIn(me)).token);
    expect((await api.get('/me/notification-preferences').expect(200)).body).toEqual({ email: 'immediate' });
    expect((await api.put('/me/notification-preferences', { email: 'daily' }).expect(200)).body).toEqual({
      email: 'daily',
    });
    expect((await api.get('/me/notification-preferences').expect(200)).body).toEqual({ email: 'daily' });
    const bad = await api.put('/me/notification-preferences', { email: 'hourly' }).expect(400);
    expect(bad.body.details[0].path).toBe('email');
    await api.put('/me/notification-preferences', { email: 'off', extra: 1 }).expect(400);
    expect((await api.get('/me/notification-preferences').expect(200)).body).toEqual({ email: 'daily' });
  });
});
