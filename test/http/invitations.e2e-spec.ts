import { PASSWORD } from '../support/given';
import { startApp, type TestApp } from '../support/app';

const tokenOf = (acceptUrl: string) => acceptUrl.split('/invitations/')[1];

describe('invitations', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['given']['world']>>;
  beforeAll(async () => {
    t = await startApp();
    w = await t.given.world();
  });
  afterAll(() => t.close());

  it('lets a coordinator invite a new person, who sets name and password and is signed in as a member', async () => {
    const coordinator = t.api.as(w.people.coordinator.token);
    const invited = await coordinator
      .post(`/programmes/${w.programme.id}/invitations`, {
        email: 'New.Officer@City.example',
        organisationId: w.city.id,
      })
      .expect(201);
    expect(invited.body).toMatchObject({
      email: 'new.officer@city.example',
      role: 'city-member',
      organisation: { id: w.city.id },
      acceptedAt: null,
    });
    expect(invited.body.acceptUrl).toMatch(/^http:\/\/citymentor\.test\/invitations\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(invited.body.acceptUrl);

    const preview = await t.api.get(`/invitations/${token}`).expect(200);
    expect(preview.body).toMatchObject({
      email: 'new.officer@city.example',
      programmeName: w.programme.name,
      role: 'city-member',
      accountExists: false,
    });

    const accepted = await t.api
      .post(`/invitations/${token}/accept`, { name: 'Nora Officer', password: 'a-long-password' })
      .expect(200);
    expect(accepted.body.user).toMatchObject({ email: 'new.officer@city.example', name: 'Nora Officer' });
    const me = await t.api.as(accepted.body.accessToken).get('/me').expect(200);
    expect(me.body.programmes).toEqual([
      expect.objectContaining({ programmeId: w.programme.id, organisationId: w.city.id, role: 'city-member' }),
    ]);

    // The link works once.
    await t.api.post(`/invitations/${token}/accept`, { name: 'Nora Officer', password: 'a-long-password' }).expect(409);
    await t.api.post('/auth/login', { email: 'new.officer@city.example', password: 'a-long-password' }).expect(200);
    const members = await coordinator.get(`/programmes/${w.programme.id}/members`).expect(200);
    expect(members.body.map((m: { email: string }) => m.email)).toContain('new.officer@city.example');
  });

  it('asks someone who has an account for their current password, and adds the membership', async () => {
    const existing = await t.given.user();
    const invited = await t.api
      .as(w.people.coordinator.token)
      .post(`/programmes/${w.programme.id}/invitations`, {
        email: existing.email,
        organisationId: w.expertOrganisation.id,
      })
      .expect(201);
    expect(invited.body.role).toBe('expert');
    const token = tokenOf(invited.body.acceptUrl);
    expect((await t.api.get(`/invitations/${token}`)).body.accountExists).toBe(true);
    await t.api.post(`/invitations/${token}/accept`, { password: 'somebody-elses-guess' }).expect(401);
    const accepted = await t.api.post(`/invitations/${token}/accept`, { password: PASSWORD }).expect(200);
    expect(accepted.body.user.id).toBe(existing.id);
  });

  it('needs a name from a newcomer, and refuses a short password, naming the field', async () => {
    const invited = await t.api
      .as(w.people.coordinator.token)
      .post(`/programmes/${w.programme.id}/invitations`, { email: 'nameless@example.eu', organisationId: w.city.id })
      .expect(201);
    const token = tokenOf(invited.body.acceptUrl);
    const noName = await t.api.post(`/invitations/${token}/accept`, { password: 'a-long-password' }).expect(400);
    expect(noName.body.details).toEqual([{ path: 'name', message: expect.stringContaining('name') }]);
    const short = await t.api.post(`/invitations/${token}/accept`, { name: 'N', password: 'short' }).expect(400);
    expect(short.body.details[0].path).toBe('password');
  });

  it('refuses unknown tokens, organisations outside the programme, members already in, and non-coordinators', async () => {
    await t.api.get(`/invitations/${'x'.repeat(43)}`).expect(404);
    await t.api.get('/invitations/short').expect(404);
    const coordinator = t.api.as(w.people.coordinator.token);
    const stranger = await t.given.organisation();
    await coordinator
      .post(`/programmes/${w.programme.id}/invitations`, { email: 'a@example.eu', organisationId: stranger.id })
      .expect(404);
    await coordinator
      .post(`/programmes/${w.programme.id}/invitations`, {
        email: w.people.cityMember.user.email,
        organisationId: w.city.id,
      })
      .expect(409);
    await coordinator
      .post(`/programmes/${w.programme.id}/invitations`, {
        email: 'b@example.eu',
        organisationId: w.city.id,
        role: 'coordinator',
      })
      .expect(400);
    await t.api
      .as(w.people.cityMember.token)
      .post(`/programmes/${w.programme.id}/invitations`, { email: 'c@example.eu', organisationId: w.city.id })
      .expect(403);
    await t.api
      .as(w.people.outsider.token)
      .post(`/programmes/${w.programme.id}/invitations`, { email: 'c@example.eu', organisationId: w.city.id })
      .expect(404);
  });
});
