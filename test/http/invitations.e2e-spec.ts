import { randomUUID } from 'node:crypto';
import { Invitation } from '@citymentor/domain';
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

describe('invitations: resend, revoke, expiry', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['given']['world']>>;
  beforeAll(async () => {
    t = await startApp();
    w = await t.given.world();
  });
  afterAll(() => t.close());

  const invite = async (email: string) =>
    (
      await t.api
        .as(w.people.coordinator.token)
        .post(`/programmes/${w.programme.id}/invitations`, { email, organisationId: w.city.id })
        .expect(201)
    ).body as { id: string; acceptUrl: string };

  it('lists each invitation with its status, when it was sent and e-mailed, and when it expires', async () => {
    const { id } = await invite('listed@example.eu');
    const list = await t.api
      .as(w.people.coordinator.token)
      .get(`/programmes/${w.programme.id}/invitations`)
      .expect(200);
    const listed = list.body.find((i: { id: string }) => i.id === id);
    expect(listed).toMatchObject({
      status: 'pending',
      sentAt: expect.any(String),
      emailedAt: null,
      revokedAt: null,
      acceptedAt: null,
    });
    expect(listed).not.toHaveProperty('acceptUrl');
    expect(JSON.stringify(list.body)).not.toMatch(/mailToken|tokenHash/);
  });

  it('resends with a new link: the old one is dead at once, the new one works', async () => {
    const first = await invite('resent@example.eu');
    const coordinator = t.api.as(w.people.coordinator.token);
    const resent = await coordinator.post(`/programmes/${w.programme.id}/invitations/${first.id}/resend`).expect(200);
    expect(resent.body).toMatchObject({ id: first.id, status: 'pending', emailedAt: null });
    expect(resent.body.acceptUrl).not.toBe(first.acceptUrl);
    await t.api.get(`/invitations/${tokenOf(first.acceptUrl)}`).expect(404);
    await t.api
      .post(`/invitations/${tokenOf(first.acceptUrl)}/accept`, { name: 'R', password: 'a-long-password' })
      .expect(404);
    await t.api.get(`/invitations/${tokenOf(resent.body.acceptUrl)}`).expect(200);
    await t.api
      .post(`/invitations/${tokenOf(resent.body.acceptUrl)}/accept`, { name: 'Resa', password: 'a-long-password' })
      .expect(200);
    // Accepted: neither resent nor revoked any more.
    await coordinator.post(`/programmes/${w.programme.id}/invitations/${first.id}/resend`).expect(409);
    await coordinator.post(`/programmes/${w.programme.id}/invitations/${first.id}/revoke`).expect(409);
  });

  it('revokes: the link answers like an unknown one, revoking again changes nothing, resending is refused', async () => {
    const { id, acceptUrl } = await invite('revoked@example.eu');
    const coordinator = t.api.as(w.people.coordinator.token);
    const revoked = await coordinator.post(`/programmes/${w.programme.id}/invitations/${id}/revoke`).expect(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    const unknown = await t.api.get(`/invitations/${'x'.repeat(43)}`).expect(404);
    const dead = await t.api.get(`/invitations/${tokenOf(acceptUrl)}`).expect(404);
    expect(dead.body).toEqual(unknown.body);
    await t.api
      .post(`/invitations/${tokenOf(acceptUrl)}/accept`, { name: 'R', password: 'a-long-password' })
      .expect(404);
    const again = await coordinator.post(`/programmes/${w.programme.id}/invitations/${id}/revoke`).expect(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    await coordinator.post(`/programmes/${w.programme.id}/invitations/${id}/resend`).expect(409);
  });

  it('refuses an expired link as not found or expired; a resend gives a working one', async () => {
    const { id, acceptUrl } = await invite('aged@example.eu');
    await t.orm.em.fork().nativeUpdate(Invitation, { id }, { expiresAt: new Date(Date.now() - 60_000) });
    const refused = await t.api
      .post(`/invitations/${tokenOf(acceptUrl)}/accept`, { name: 'Aged', password: 'a-long-password' })
      .expect(404);
    expect(refused.body).toMatchObject({ code: 'NOT_FOUND', message: 'Invitation not found or expired' });
    await t.api.get(`/invitations/${tokenOf(acceptUrl)}`).expect(404);
    const coordinator = t.api.as(w.people.coordinator.token);
    const list = await coordinator.get(`/programmes/${w.programme.id}/invitations`).expect(200);
    expect(list.body.find((i: { id: string }) => i.id === id).status).toBe('expired');
    const resent = await coordinator.post(`/programmes/${w.programme.id}/invitations/${id}/resend`).expect(200);
    expect(Date.parse(resent.body.expiresAt)).toBeGreaterThan(Date.now());
    await t.api
      .post(`/invitations/${tokenOf(resent.body.acceptUrl)}/accept`, { name: 'Aged', password: 'a-long-password' })
      .expect(200);
  });

  it('finds the invitation only in its own programme, and refuses malformed ids naming the parameter', async () => {
    const { id } = await invite('elsewhere@example.eu');
    const other = await t.given.world();
    const theirs = t.api.as(other.people.coordinator.token);
    await theirs.post(`/programmes/${other.programme.id}/invitations/${id}/revoke`).expect(404);
    await theirs.post(`/programmes/${other.programme.id}/invitations/${id}/resend`).expect(404);
    const coordinator = t.api.as(w.people.coordinator.token);
    await coordinator.post(`/programmes/${w.programme.id}/invitations/${randomUUID()}/revoke`).expect(404);
    const bad = await coordinator.post(`/programmes/${w.programme.id}/invitations/not-a-uuid/resend`).expect(400);
    expect(bad.body.details[0].path).toBe('invitationId');
    await coordinator.post(`/programmes/${w.programme.id}/invitations/${id}/revoke`).expect(200);
    const list = await coordinator.get(`/programmes/${w.programme.id}/invitations`).expect(200);
    expect(list.body.find((i: { id: string }) => i.id === id).status).toBe('revoked');
  });
});
