import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataExport, User } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';

type Role = 'admin' | 'coordinator' | 'expert' | 'cityMember' | 'outsider' | 'anonymous';
const ROLES: Role[] = ['admin', 'coordinator', 'expert', 'cityMember', 'outsider', 'anonymous'];

interface Row {
  route: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  expect: Record<Role, number>;
}
interface Ids {
  programme: string;
  coordinatorOrganisation: string;
  city: string;
  milestone: () => Promise<string>;
  /** A new pending invitation of the programme (resend and revoke change it). */
  invitation: () => Promise<string>;
  /** The city member's own data export, still being built. */
  cityMemberExport: string;
}

const benchmarkFile = JSON.parse(
  readFileSync(join(__dirname, '../../libs/benchmarks/data/integrating-cities-migrant-entrepreneurs.json'), 'utf8'),
);
const unique = () => randomUUID().slice(0, 8);

const everyone = (status: number): Record<Role, number> => ({
  admin: status,
  coordinator: status,
  expert: status,
  cityMember: status,
  outsider: status,
  anonymous: 401,
});
const readers = { admin: 200, coordinator: 200, expert: 200, cityMember: 200, outsider: 404, anonymous: 401 };
const managers = (status: number) => ({
  admin: status,
  coordinator: status,
  expert: 403,
  cityMember: 403,
  outsider: 404,
  anonymous: 401,
});

/** Every route of the foundation × every role: the status each gets. A non-member never learns a programme exists. */
const MATRIX: Row[] = [
  { route: 'GET /me', method: 'get', path: () => '/me', expect: everyone(200) },
  { route: 'GET /benchmarks', method: 'get', path: () => '/benchmarks', expect: everyone(200) },
  {
    route: 'GET /benchmarks/{code}',
    method: 'get',
    path: () => '/benchmarks/migrant-entrepreneurs',
    expect: everyone(200),
  },
  {
    route: 'POST /benchmarks',
    method: 'post',
    path: () => '/benchmarks',
    body: () => ({ ...benchmarkFile, code: `imported-${unique()}` }),
    expect: { ...everyone(403), admin: 201 },
  },
  { route: 'GET /organisations', method: 'get', path: () => '/organisations', expect: everyone(200) },
  {
    route: 'POST /organisations',
    method: 'post',
    path: () => '/organisations',
    body: () => ({ name: `Town ${unique()}`, kind: 'city', country: 'FR' }),
    expect: { ...everyone(403), admin: 201 },
  },
  { route: 'GET /programmes', method: 'get', path: () => '/programmes', expect: everyone(200) },
  {
    route: 'POST /programmes',
    method: 'post',
    path: () => '/programmes',
    body: (ids) => ({
      name: `P ${unique()}`,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      coordinatorOrganisationId: ids.coordinatorOrganisation,
    }),
    expect: { admin: 201, coordinator: 201, expert: 403, cityMember: 403, outsider: 403, anonymous: 401 },
  },
  { route: 'GET /programmes/{id}', method: 'get', path: (ids) => `/programmes/${ids.programme}`, expect: readers },
  {
    route: 'GET /programmes/{id}/organisations',
    method: 'get',
    path: (ids) => `/programmes/${ids.programme}/organisations`,
    expect: readers,
  },
  {
    route: 'POST /programmes/{id}/organisations',
    method: 'post',
    path: (ids) => `/programmes/${ids.programme}/organisations`,
    body: () => ({ name: `City ${unique()}`, kind: 'city', country: 'PT' }),
    expect: managers(201),
  },
  {
    route: 'GET /programmes/{id}/members',
    method: 'get',
    path: (ids) => `/programmes/${ids.programme}/members`,
    expect: readers,
  },
  {
    route: 'GET /programmes/{id}/milestones',
    method: 'get',
    path: (ids) => `/programmes/${ids.programme}/milestones`,
    expect: readers,
  },
  {
    route: 'POST /programmes/{id}/milestones',
    method: 'post',
    path: (ids) => `/programmes/${ids.programme}/milestones`,
    body: () => ({ title: 'Mentoring visit', dueDate: '2027-05-01' }),
    expect: managers(201),
  },
  {
    route: 'PATCH /programmes/{id}/milestones/{milestoneId}',
    method: 'patch',
    path: () => 'replaced below',
    body: () => ({ status: 'done', version: 1 }),
    expect: managers(200),
  },
  {
    route: 'GET /programmes/{id}/invitations',
    method: 'get',
    path: (ids) => `/programmes/${ids.programme}/invitations`,
    expect: managers(200),
  },
  {
    route: 'POST /programmes/{id}/invitations',
    method: 'post',
    path: (ids) => `/programmes/${ids.programme}/invitations`,
    body: (ids) => ({ email: `invitee-${unique()}@example.eu`, organisationId: ids.city }),
    expect: managers(201),
  },
  {
    route: 'POST /programmes/{id}/invitations/{invitationId}/resend',
    method: 'post',
    path: () => 'replaced below',
    expect: managers(200),
  },
  {
    route: 'POST /programmes/{id}/invitations/{invitationId}/revoke',
    method: 'post',
    path: () => 'replaced below',
    expect: managers(200),
  },
  // Deleting your own account needs your password: a wrong one deletes nothing (403 WRONG_PASSWORD).
  {
    route: 'DELETE /me',
    method: 'delete',
    path: () => '/me',
    body: () => ({ password: 'not-the-password' }),
    expect: everyone(403),
  },
  // Erasing someone else's account is the admin's, on request; anyone else never learns the route exists.
  {
    route: 'DELETE /admin/users/{id}',
    method: 'delete',
    path: () => `/admin/users/${randomUUID()}`,
    expect: { admin: 404, coordinator: 404, expert: 404, cityMember: 404, outsider: 404, anonymous: 401 },
  },
  // The audit log is the installation admin's: anyone else never learns it exists.
  {
    route: 'GET /admin/audit',
    method: 'get',
    path: () => '/admin/audit',
    expect: { admin: 200, coordinator: 404, expert: 404, cityMember: 404, outsider: 404, anonymous: 401 },
  },
  // A person's data export is theirs alone: anyone else, the admin included, gets 404.
  { route: 'GET /me/exports', method: 'get', path: () => '/me/exports', expect: everyone(200) },
  {
    route: 'POST /me/exports',
    method: 'post',
    path: () => '/me/exports',
    // The city member's export is still running: one at a time.
    expect: { ...everyone(202), cityMember: 409 },
  },
  {
    route: 'GET /me/exports/{id}',
    method: 'get',
    path: (ids) => `/me/exports/${ids.cityMemberExport}`,
    expect: { ...everyone(404), cityMember: 200 },
  },
  {
    route: 'GET /me/exports/{id}/download',
    method: 'get',
    path: (ids) => `/me/exports/${ids.cityMemberExport}/download`,
    // The owner hears it is not built yet; no one else learns it exists.
    expect: { ...everyone(404), cityMember: 409 },
  },
  // The programme's end, last: the admin closes it (the coordinator then finds it closed), reopens it, and no one
  // deletes an open one.
  {
    route: 'POST /programmes/{id}/close',
    method: 'post',
    path: (ids) => `/programmes/${ids.programme}/close`,
    expect: { ...managers(200), coordinator: 409 },
  },
  {
    route: 'GET /programmes/{id}/deletion-preview',
    method: 'get',
    path: (ids) => `/programmes/${ids.programme}/deletion-preview`,
    expect: managers(200),
  },
  {
    route: 'POST /programmes/{id}/reopen',
    method: 'post',
    path: (ids) => `/programmes/${ids.programme}/reopen`,
    expect: { ...managers(200), coordinator: 409 },
  },
  {
    route: 'DELETE /programmes/{id}',
    method: 'delete',
    path: (ids) => `/programmes/${ids.programme}`,
    body: () => ({ confirm: 'Not deleted while open' }),
    expect: managers(409),
  },
];

describe('authorisation matrix', () => {
  let t: TestApp;
  let tokens: Record<Role, string | undefined>;
  let ids: Ids;

  beforeAll(async () => {
    t = await startApp();
    const w = await t.given.world();
    tokens = {
      admin: w.people.admin.token,
      coordinator: w.people.coordinator.token,
      expert: w.people.expert.token,
      cityMember: w.people.cityMember.token,
      outsider: w.people.outsider.token,
      anonymous: undefined,
    };
    const coordinator = t.api.as(w.people.coordinator.token);
    const em = t.orm.em.fork();
    const cityMemberExport = Object.assign(new DataExport(em.getReference(User, w.people.cityMember.user.id)), {
      status: 'running' as const,
    });
    await em.persistAndFlush(cityMemberExport);
    ids = {
      cityMemberExport: cityMemberExport.id,
      programme: w.programme.id,
      coordinatorOrganisation: w.coordinatorOrganisation.id,
      city: w.city.id,
      milestone: async () =>
        (
          await coordinator
            .post(`/programmes/${w.programme.id}/milestones`, { title: 'M', dueDate: '2027-01-01' })
            .expect(201)
        ).body.id,
      invitation: async () =>
        (
          await coordinator
            .post(`/programmes/${w.programme.id}/invitations`, {
              email: `invitee-${unique()}@example.eu`,
              organisationId: w.city.id,
            })
            .expect(201)
        ).body.id,
    };
  });
  afterAll(() => t.close());

  const cases = MATRIX.flatMap((row) => ROLES.map((role) => [row.route, role, row.expect[role], row] as const));

  it.each(cases)('%s as %s → %i', async (_route, role, status, row) => {
    const client = tokens[role] ? t.api.as(tokens[role]) : t.api;
    const path = row.route.startsWith('PATCH /programmes/{id}/milestones')
      ? `/programmes/${ids.programme}/milestones/${await ids.milestone()}`
      : row.route.includes('{invitationId}')
        ? `/programmes/${ids.programme}/invitations/${await ids.invitation()}/${row.route.split('/').pop()}`
        : row.path(ids);
    const res = await client.call(row.method, path, row.body?.(ids));
    expect({ status: res.status, code: res.body.code }).toEqual(expect.objectContaining({ status }));
    if (status >= 400)
      expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
  });

  it('answers 404, not 403, for every programme-scoped route of a programme one does not belong to, or that does not exist', async () => {
    const outsider = t.api.as(tokens.outsider!);
    const coordinator = t.api.as(tokens.coordinator!);
    const milestone = await ids.milestone();
    const invitation = await ids.invitation();
    for (const programme of [ids.programme, randomUUID()]) {
      const client = programme === ids.programme ? outsider : coordinator;
      for (const sub of ['', '/organisations', '/members', '/milestones', '/invitations']) {
        await client.get(`/programmes/${programme}${sub}`).expect(404);
      }
      await client
        .post(`/programmes/${programme}/organisations`, { name: 'X', kind: 'city', country: 'PT' })
        .expect(404);
      await client.post(`/programmes/${programme}/milestones`, { title: 'X', dueDate: '2027-01-01' }).expect(404);
      await client
        .patch(`/programmes/${programme}/milestones/${milestone}`, { status: 'done', version: 1 })
        .expect(404);
      await client
        .post(`/programmes/${programme}/invitations`, { email: 'x@example.eu', organisationId: ids.city })
        .expect(404);
      for (const action of ['resend', 'revoke'])
        await client.post(`/programmes/${programme}/invitations/${invitation}/${action}`).expect(404);
    }
  });
});
