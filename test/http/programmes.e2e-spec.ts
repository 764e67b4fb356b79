import { EventRecord } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';

describe('programmes, organisations and consortium milestones', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['given']['world']>>;
  beforeAll(async () => {
    t = await startApp();
    w = await t.given.world();
  });
  afterAll(() => t.close());

  it('lets a coordinator create a programme for their organisation, and coordinate it', async () => {
    const coordinator = t.api.as(w.people.coordinator.token);
    const created = await coordinator
      .post('/programmes', {
        name: 'Welcoming Cities 2027',
        startDate: '2027-01-01',
        endDate: '2028-06-30',
        coordinatorOrganisationId: w.coordinatorOrganisation.id,
      })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Welcoming Cities 2027',
      myRole: 'coordinator',
      organisations: [{ id: w.coordinatorOrganisation.id }],
    });
    // Their session sees the new programme at once: memberships are read per request.
    const list = await coordinator.get('/programmes').expect(200);
    expect(list.body.map((p: { id: string }) => p.id)).toContain(created.body.id);
    await coordinator.get(`/programmes/${created.body.id}`).expect(200);
  });

  it('refuses a programme that ends before it starts, naming endDate', async () => {
    const res = await t.api
      .as(w.people.admin.token)
      .post('/programmes', {
        name: 'Backwards',
        startDate: '2027-01-01',
        endDate: '2026-01-01',
        coordinatorOrganisationId: w.coordinatorOrganisation.id,
      })
      .expect(400);
    expect(res.body.details).toEqual([{ path: 'endDate', message: expect.any(String) }]);
  });

  it('adds a new city and an existing organisation to the programme, once', async () => {
    const coordinator = t.api.as(w.people.coordinator.token);
    const liege = await coordinator
      .post(`/programmes/${w.programme.id}/organisations`, { name: 'Liège', kind: 'city', country: 'be' })
      .expect(201);
    expect(liege.body).toMatchObject({ name: 'Liège', kind: 'city', country: 'BE' });
    const existing = await t.given.organisation('partner');
    await coordinator.post(`/programmes/${w.programme.id}/organisations`, { organisationId: existing.id }).expect(201);
    await coordinator.post(`/programmes/${w.programme.id}/organisations`, { organisationId: existing.id }).expect(409);
    await coordinator
      .post(`/programmes/${w.programme.id}/organisations`, { name: 'Liège', kind: 'city', country: 'BE' })
      .expect(409);

    const organisations = await t.api
      .as(w.people.cityMember.token)
      .get(`/programmes/${w.programme.id}/organisations`)
      .expect(200);
    expect(organisations.body.map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining(['Liège', existing.name, w.city.name]),
    );
  });

  it('keeps consortium milestones with optimistic locking, and logs an event for each change', async () => {
    const coordinator = t.api.as(w.people.coordinator.token);
    const created = await coordinator
      .post(`/programmes/${w.programme.id}/milestones`, { title: 'Baseline assessments done', dueDate: '2020-03-31' })
      .expect(201);
    expect(created.body).toMatchObject({ status: 'planned', version: 1, late: true });

    const updated = await coordinator
      .patch(`/programmes/${w.programme.id}/milestones/${created.body.id}`, { status: 'done', version: 1 })
      .expect(200);
    expect(updated.body).toMatchObject({ status: 'done', version: 2, late: false });
    const stale = await coordinator
      .patch(`/programmes/${w.programme.id}/milestones/${created.body.id}`, { title: 'Overwritten', version: 1 })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });

    const list = await t.api.as(w.people.expert.token).get(`/programmes/${w.programme.id}/milestones`).expect(200);
    expect(list.body.find((m: { id: string }) => m.id === created.body.id)).toMatchObject({
      title: 'Baseline assessments done',
      version: 2,
    });

    const events = await t.orm.em
      .fork()
      .find(EventRecord, { programmeId: w.programme.id }, { orderBy: { seq: 'asc' } });
    expect(events.map((e) => [e.type, e.room, (e.payload as { version: number }).version])).toEqual([
      ['programme.milestone.updated', `programme:${w.programme.id}`, 1],
      ['programme.milestone.updated', `programme:${w.programme.id}`, 2],
    ]);
  });

  it('reschedules and deletes consortium milestones, keeping the old date and the reason in the activity feed', async () => {
    const coordinator = t.api.as(w.people.coordinator.token);
    const base = `/programmes/${w.programme.id}/milestones`;
    const { body: created } = await coordinator
      .post(base, { title: 'Study visit to Ghent', dueDate: '2027-05-10' })
      .expect(201);
    await coordinator.patch(`${base}/${created.id}`, { dueDate: '2027-06-14', version: 1 }).expect(200);

    const member = t.api.as(w.people.cityMember.token);
    await member.delete(`${base}/${created.id}`, { version: 2, reason: 'Not needed' }).expect(403);
    await t.api.as(w.people.outsider.token).delete(`${base}/${created.id}`, { version: 2, reason: 'x' }).expect(404);
    const stale = await coordinator.delete(`${base}/${created.id}`, { version: 1, reason: 'Merged' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });
    for (const [body, field] of [
      [{ version: 2 }, 'reason'],
      [{ version: 2, reason: '   ' }, 'reason'],
      [{ version: 2, reason: null }, 'reason'],
      [{ version: 2, reason: ['Merged'] }, 'reason'],
      [{ version: 2, reason: {} }, 'reason'],
      [{ version: '2', reason: 'Merged' }, 'version'],
      [{ version: null, reason: 'Merged' }, 'version'],
      [{ reason: 'Merged' }, 'version'],
    ] as const) {
      const res = await coordinator.delete(`${base}/${created.id}`, body).expect(400);
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(field);
    }

    await coordinator
      .delete(`${base}/${created.id}`, { version: 2, reason: ' Merged into the final conference ' })
      .expect(204);
    await coordinator.delete(`${base}/${created.id}`, { version: 2, reason: 'Again' }).expect(404);
    const list = await coordinator.get(base).expect(200);
    expect(list.body.map((m: { id: string }) => m.id)).not.toContain(created.id);

    const events = await t.orm.em
      .fork()
      .find(
        EventRecord,
        { programmeId: w.programme.id, type: { $like: 'programme.milestone.%' } },
        { orderBy: { seq: 'asc' } },
      );
    const mine = events.filter((e) => (e.payload as { milestoneId: string }).milestoneId === created.id);
    expect(mine.map((e) => [e.type, e.payload])).toEqual([
      ['programme.milestone.updated', expect.objectContaining({ dueDate: '2027-05-10', previousDueDate: null })],
      [
        'programme.milestone.updated',
        expect.objectContaining({ dueDate: '2027-06-14', previousDueDate: '2027-05-10' }),
      ],
      [
        'programme.milestone.deleted',
        {
          programmeId: w.programme.id,
          milestoneId: created.id,
          title: 'Study visit to Ghent',
          dueDate: '2027-06-14',
          reason: 'Merged into the final conference',
        },
      ],
    ]);
  });

  it('lets exactly one of a simultaneous update and deletion made on the same version win', async () => {
    const coordinator = t.api.as(w.people.coordinator.token);
    const base = `/programmes/${w.programme.id}/milestones`;
    const { body } = await coordinator.post(base, { title: 'Mid-term review', dueDate: '2027-09-30' }).expect(201);
    const [update, removal] = await Promise.all([
      coordinator.patch(`${base}/${body.id}`, { title: 'Mid-term review (online)', version: 1 }),
      coordinator.delete(`${base}/${body.id}`, { version: 1, reason: 'Cancelled' }),
    ]);
    const list = await coordinator.get(base).expect(200);
    const left = list.body.find((m: { id: string }) => m.id === body.id);
    if (removal.status === 204) {
      expect([404, 409]).toContain(update.status);
      expect(left).toBeUndefined();
    } else {
      expect([update.status, removal.status]).toEqual([200, 409]);
      expect(left).toMatchObject({ title: 'Mid-term review (online)', version: 2 });
    }
  });

  it('lets exactly one of many simultaneous updates with the same version win', async () => {
    const coordinator = t.api.as(w.people.coordinator.token);
    const { body } = await coordinator
      .post(`/programmes/${w.programme.id}/milestones`, { title: 'Final report', dueDate: '2027-12-31' })
      .expect(201);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        coordinator.patch(`/programmes/${w.programme.id}/milestones/${body.id}`, { title: `Title ${i}`, version: 1 }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    const winner = results.find((r) => r.status === 200)!;
    const list = await coordinator.get(`/programmes/${w.programme.id}/milestones`).expect(200);
    expect(list.body.find((m: { id: string }) => m.id === body.id)).toMatchObject({
      title: winner.body.title,
      version: 2,
    });
  });

  it('lists members with their organisation and role', async () => {
    const res = await t.api.as(w.people.expert.token).get(`/programmes/${w.programme.id}/members`).expect(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: w.people.coordinator.user.id, role: 'coordinator' }),
        expect.objectContaining({
          userId: w.people.expert.user.id,
          role: 'expert',
          organisation: expect.objectContaining({ kind: 'partner' }),
        }),
      ]),
    );
    expect(res.body.map((m: { userId: string }) => m.userId)).not.toContain(w.people.outsider.user.id);
  });
});

describe('members’ e-mail addresses: shown to those who work with them only', () => {
  let t: TestApp;
  let m: Awaited<ReturnType<TestApp['given']['mentoring']>>;

  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
  });
  afterAll(() => t.close());

  /** Whose e-mail `token` sees among the members, by their user id. */
  const emailsSeenBy = async (token: string) => {
    const res = await t.api.as(token).get(`/programmes/${m.programme.id}/members`).expect(200);
    const members = res.body as { userId: string; email: string | null }[];
    expect(members.length).toBeGreaterThanOrEqual(5); // everyone is listed, e-mail or not
    return new Set(members.filter((x) => x.email !== null).map((x) => x.userId));
  };

  it('shows the coordinator and the admin everyone’s, a city its own and its pair’s, an expert only their own', async () => {
    const { coordinator, admin, mentee, mentor, otherCity, expert } = m.people;
    const everyone = [coordinator, expert, mentee, mentor, otherCity].map((p) => p.user.id);
    expect([...(await emailsSeenBy(coordinator.token))]).toEqual(expect.arrayContaining(everyone));
    expect([...(await emailsSeenBy(admin.token))]).toEqual(expect.arrayContaining(everyone));

    const seenByMentee = await emailsSeenBy(mentee.token);
    expect(seenByMentee.has(mentor.user.id)).toBe(true); // paired
    expect(seenByMentee.has(mentee.user.id)).toBe(true); // own
    for (const other of [otherCity, coordinator, expert]) expect(seenByMentee.has(other.user.id)).toBe(false);

    expect([...(await emailsSeenBy(otherCity.token))]).not.toContain(mentee.user.id);
    expect([...(await emailsSeenBy(expert.token))]).toEqual([expert.user.id]);
  });

  it('stops showing a city’s e-mails to its former mentor once the pair ends', async () => {
    const { coordinator, mentee, mentor } = m.people;
    expect((await emailsSeenBy(mentor.token)).has(mentee.user.id)).toBe(true);
    await t.api.as(coordinator.token).post(`/pairs/${m.pair.id}/end`).expect(200);
    expect((await emailsSeenBy(mentor.token)).has(mentee.user.id)).toBe(false);
  });
});
