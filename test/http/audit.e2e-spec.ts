import { startApp, type TestApp } from '../support/app';

describe('the audit log', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['given']['world']>>;
  beforeAll(async () => {
    t = await startApp();
    w = await t.given.world();
  });
  afterAll(() => t.close());

  it('records membership removals and export requests, newest first, for the admin alone', async () => {
    const coordinator = t.api.as(w.people.coordinator.token);
    const exportId = (await t.api.as(w.people.cityMember.token).post('/me/exports').expect(202)).body.id;
    await coordinator.delete(`/programmes/${w.programme.id}/members/${w.people.otherCityMember.user.id}`).expect(204);

    const admin = t.api.as(w.people.admin.token);
    const page = (await admin.get('/admin/audit').expect(200)).body;
    expect(page.items.slice(0, 2)).toEqual([
      expect.objectContaining({
        action: 'membership.removed',
        actor: {
          id: w.people.coordinator.user.id,
          name: w.people.coordinator.user.name,
          former: false,
          organisation: w.coordinatorOrganisation.name,
        },
        programmeId: w.programme.id,
        programmeName: w.programme.name,
        details: expect.objectContaining({ userId: w.people.otherCityMember.user.id, role: 'city-member' }),
      }),
      expect.objectContaining({
        action: 'export.requested',
        subjectType: 'data-export',
        subjectId: exportId,
        actor: expect.objectContaining({ id: w.people.cityMember.user.id, organisation: w.city.name }),
      }),
    ]);
    expect(JSON.stringify(page.items)).not.toContain(w.people.cityMember.user.email);

    const filtered = (await admin.get('/admin/audit?action=export.requested').expect(200)).body;
    expect(filtered.items.map((i: { action: string }) => i.action)).toEqual(['export.requested']);
    expect(filtered.hasMore).toBe(false);

    await coordinator.get('/admin/audit').expect(404);
    await t.api.get('/admin/audit').expect(401);
    const bad = await admin.get('/admin/audit?action=everything&page=0').expect(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['action', 'page']);
  });
});
