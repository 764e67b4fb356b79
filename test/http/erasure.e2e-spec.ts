import { Invitation, Notification, User } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';
import { PASSWORD } from '../support/given';
import { TestSocket } from '../support/sockets';
import { startWorkerContext, type WorkerContext } from '../worker/worker-harness';
import { NotificationsService } from '../../apps/worker/src/notifications/notifications.service';
import { hashPassword } from '../../apps/api/src/auth/passwords';
import { planFixtures, type Mentoring } from './plan-fixtures';

/** Every text and JSON column of every table, as information_schema lists them. */
async function textColumns(t: TestApp): Promise<{ table: string; column: string }[]> {
  return t.orm.em.getConnection().execute(
    `select table_name as "table", column_name as "column" from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')
      order by table_name, column_name`,
  );
}

/** Where `needle` still occurs: "table.column" for each column holding it in some row. */
async function whereItRemains(t: TestApp, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const { table, column } of await textColumns(t)) {
    const [row] = await t.orm.em
      .getConnection()
      .execute(`select count(*)::int as n from "${table}" where strpos(lower("${column}"::text), lower(?)) > 0`, [
        needle,
      ]);
    if (row.n > 0) found.push(`${table}.${column}`);
  }
  return found;
}

describe('erasing an account (GDPR art. 17)', () => {
  let t: TestApp;
  let w: WorkerContext;
  let m: Mentoring;
  let url: string;
  beforeAll(async () => {
    t = await startApp();
    w = await startWorkerContext(t.databaseUrl);
    m = await t.given.mentoring();
    url = await t.listen();
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
  });

  it('removes every personal field of the person, ends their sockets, and keeps their threads readable', async () => {
    // The person: a name and a password hash of their own (test accounts share one), in the mentee city.
    const own = await t.given.user({ name: 'Valeria Quintana-Obi' });
    await t.orm.em
      .getConnection()
      .execute('update users set password_hash = ? where id = ?', [await hashPassword(PASSWORD), own.id]);
    const victim = await t.given.signIn(await t.given.member(m.programme, m.menteeCity, 'city-member', own));
    const f = planFixtures(t, { ...m, people: { ...m.people, mentee: victim } });
    const { name, email } = victim.user;
    const hash = (
      await t.orm.em
        .getConnection()
        .execute<{ h: string }[]>('select password_hash as h from users where id = ?', [victim.user.id])
    )[0].h;
    const mentorName = m.people.mentor.user.name;

    // What they did: a plan submitted and in progress, progress logged, comments with mentions both ways,
    // preferences, an export, invitations, notifications, sessions, audit entries.
    const plan = await f.inProgress();
    const [{ id: milestoneId }] = await t.orm.em
      .getConnection()
      .execute<{ id: string }[]>('select id from milestones where plan_id = ?', [plan.id]);
    await f
      .mentee()
      .post(`/milestones/${milestoneId}/progress`, { percent: 30, status: 'in-progress', note: 'Desk staffed' })
      .expect(201);
    const root = (
      await f
        .mentee()
        .post(`/action-plans/${plan.id}/comments`, {
          body: `Thanks @[${mentorName}](${m.people.mentor.user.id}), the desk is open`,
          target: { type: 'plan', id: plan.id },
        })
        .expect(201)
    ).body;
    await f
      .mentor()
      .post(`/action-plans/${plan.id}/comments`, {
        body: `Well done @[${name}](${victim.user.id})!`,
        parentId: root.id,
      })
      .expect(201);
    await f.mentee().put('/me/notification-preferences', { email: 'daily' }).expect(200);
    await f.mentee().post('/me/exports').expect(202);
    const em = t.orm.em.fork();
    em.persist(
      new Invitation({
        programme: m.elsewhere,
        organisation: m.menteeCity,
        email,
        role: 'city-member',
        tokenHash: 'a'.repeat(64),
        invitedBy: em.getReference(User, m.people.coordinator.user.id),
        expiresAt: new Date(Date.now() + 86_400_000),
      }),
    );
    em.persist(
      new Notification({
        user: em.getReference(User, m.people.coordinator.user.id),
        kind: 'comment',
        title: `${name} wrote`,
        link: '/',
      }),
    );
    await em.flush();
    await w.get(NotificationsService).processBatch(500);
    for (const needle of [name, email]) expect(await whereItRemains(t, needle)).not.toEqual([]);

    const socket = await TestSocket.connect(url, victim.token);
    const closed = new Promise((r) => socket.socket.on('disconnect', r));

    await f.mentee().delete('/me', { password: 'not-my-password' }).expect(403);
    await f.mentee().delete('/me', { password: PASSWORD }).expect(204);

    await closed;
    expect(socket.errors).toContainEqual(expect.objectContaining({ code: 'SESSION_ENDED' }));
    await f.mentee().get('/me').expect(401);
    await t.api.post('/auth/login', { email, password: PASSWORD }).expect(401);

    for (const needle of [name, email, hash]) expect(await whereItRemains(t, needle)).toEqual([]);

    // The thread still reads, its first comment by a former member of the mentee city.
    const threads = (await f.mentor().get(`/action-plans/${plan.id}/comments`).expect(200)).body;
    const thread = threads.find((c: { id: string }) => c.id === root.id);
    expect(thread.author).toEqual({ id: victim.user.id, name: '', former: true, organisationName: m.menteeCity.name });
    expect(thread.body).toContain(`@[${mentorName}](${m.people.mentor.user.id})`);
    expect(thread.replies[0].body).toBe(`Well done @[a former member of ${m.menteeCity.name}](${victim.user.id})!`);

    // Every other page that names them (the activity feed here) says who they were for, not who they were.
    const feed = (await f.mentor().get(`/programmes/${m.programme.id}/activity`).expect(200)).body;
    const theirs = feed.items.filter((i: { actor: { id: string } | null }) => i.actor?.id === victim.user.id);
    expect(theirs.length).toBeGreaterThan(0);
    for (const item of theirs) expect(item.actor.name).toBe(`a former member of ${m.menteeCity.name}`);

    // Coordinators hear that a member of the city left; the admin's audit log shows the deletion, naming no one.
    await w.get(NotificationsService).processBatch(500);
    const told = (await t.api.as(m.people.coordinator.token).get('/notifications').expect(200)).body.items;
    expect(told).toContainEqual(
      expect.objectContaining({ kind: 'member-left', title: `A member of ${m.menteeCity.name} left` }),
    );
    const audit = (await t.api.as(m.people.admin.token).get('/admin/audit?action=account.deleted').expect(200)).body;
    expect(audit.items[0]).toMatchObject({
      subjectId: victim.user.id,
      actor: { id: victim.user.id, name: null, former: true, organisation: m.menteeCity.name },
      details: { by: 'self', organisations: [m.menteeCity.name] },
    });
    await t.api.as(m.people.admin.token).delete(`/admin/users/${victim.user.id}`).expect(404);
  });

  it('lets the same e-mail address be invited again, as a new account', async () => {
    const person = await t.given.signIn(await t.given.member(m.programme, m.otherCity, 'city-member'));
    await t.api.as(m.people.admin.token).delete(`/admin/users/${person.user.id}`).expect(204);
    await t.api.as(person.token).get('/me').expect(401);

    const invited = await t.api
      .as(m.people.coordinator.token)
      .post(`/programmes/${m.programme.id}/invitations`, { email: person.user.email, organisationId: m.otherCity.id })
      .expect(201);
    expect(
      (await t.api.get(`/invitations/${invited.body.acceptUrl.split('/invitations/')[1]}`)).body.accountExists,
    ).toBe(false);
    const accepted = await t.api
      .post(`/invitations/${invited.body.acceptUrl.split('/invitations/')[1]}/accept`, {
        name: 'Someone New',
        password: 'a-long-new-password',
      })
      .expect(200);
    expect(accepted.body.user.id).not.toBe(person.user.id);
    expect(accepted.body.user.email).toBe(person.user.email);
  });

  it('lets only the admin erase someone else, and refuses malformed bodies', async () => {
    const someone = m.people.otherCity.user.id;
    await t.api.as(m.people.coordinator.token).delete(`/admin/users/${someone}`).expect(404);
    await t.api.as(m.people.admin.token).delete(`/admin/users/${m.people.admin.user.id}`).expect(409);
    await t.api.as(m.people.admin.token).delete('/admin/users/not-a-uuid').expect(400);
    for (const body of [{}, { password: null }, { password: 42 }, { password: 'x', extra: 1 }]) {
      const res = await t.api.as(m.people.otherCity.token).delete('/me', body).expect(400);
      expect(res.body.details.length).toBeGreaterThan(0);
    }
    await t.api.delete('/me', { password: PASSWORD }).expect(401);
  });
});
