import { randomUUID } from 'node:crypto';
import { startApp, type TestApp } from '../support/app';

type Case = [
  name: string,
  method: 'post' | 'patch' | 'delete',
  path: (ids: Ids) => string,
  body: unknown,
  field: string,
];
interface Ids {
  programme: string;
  milestone: string;
}

const huge = 'x'.repeat(100_000);

/** Malformed bodies on every writing route: a 400 that names the field, never a 5xx, nothing written. */
const CASES: Case[] = [
  ['login: e-mail of the wrong type', 'post', () => '/auth/login', { email: 42, password: 'x' }, 'email'],
  ['login: missing password', 'post', () => '/auth/login', { email: 'a@example.eu' }, 'password'],
  ['login: unknown field', 'post', () => '/auth/login', { email: 'a@example.eu', password: 'x', admin: true }, 'admin'],
  ['login: huge password', 'post', () => '/auth/login', { email: 'a@example.eu', password: huge }, 'password'],
  ['refresh: not a token', 'post', () => '/auth/refresh', { refreshToken: 'abc' }, 'refreshToken'],
  ['refresh: an array', 'post', () => '/auth/refresh', { refreshToken: ['a'] }, 'refreshToken'],
  [
    'programme: missing name',
    'post',
    () => '/programmes',
    { startDate: '2027-01-01', endDate: '2027-02-01', coordinatorOrganisationId: randomUUID() },
    'name',
  ],
  [
    'programme: impossible date',
    'post',
    () => '/programmes',
    { name: 'P', startDate: '2027-02-30', endDate: '2027-03-01', coordinatorOrganisationId: randomUUID() },
    'startDate',
  ],
  [
    'programme: date with a time',
    'post',
    () => '/programmes',
    { name: 'P', startDate: '2027-01-01', endDate: '2027-03-01T10:00:00Z', coordinatorOrganisationId: randomUUID() },
    'endDate',
  ],
  [
    'programme: bad UUID',
    'post',
    () => '/programmes',
    { name: 'P', startDate: '2027-01-01', endDate: '2027-03-01', coordinatorOrganisationId: 'nope' },
    'coordinatorOrganisationId',
  ],
  [
    'programme: huge name',
    'post',
    () => '/programmes',
    { name: huge, startDate: '2027-01-01', endDate: '2027-03-01', coordinatorOrganisationId: randomUUID() },
    'name',
  ],
  [
    'programme: unknown field',
    'post',
    () => '/programmes',
    { name: 'P', startDate: '2027-01-01', endDate: '2027-03-01', coordinatorOrganisationId: randomUUID(), budget: 1 },
    'budget',
  ],
  [
    'organisation: bad kind',
    'post',
    (i) => `/programmes/${i.programme}/organisations`,
    { name: 'X', kind: 'village', country: 'FR' },
    'kind',
  ],
  [
    'organisation: bad country',
    'post',
    (i) => `/programmes/${i.programme}/organisations`,
    { name: 'X', kind: 'city', country: 'France' },
    'country',
  ],
  [
    'organisation: bad id',
    'post',
    (i) => `/programmes/${i.programme}/organisations`,
    { organisationId: 12 },
    'organisationId',
  ],
  ['milestone: missing due date', 'post', (i) => `/programmes/${i.programme}/milestones`, { title: 'T' }, 'dueDate'],
  [
    'milestone: bad status',
    'post',
    (i) => `/programmes/${i.programme}/milestones`,
    { title: 'T', dueDate: '2027-01-01', status: 'finished' },
    'status',
  ],
  [
    'milestone: title a number',
    'post',
    (i) => `/programmes/${i.programme}/milestones`,
    { title: 5, dueDate: '2027-01-01' },
    'title',
  ],
  [
    'milestone update: no version',
    'patch',
    (i) => `/programmes/${i.programme}/milestones/${i.milestone}`,
    { title: 'T' },
    'version',
  ],
  [
    'milestone update: version a string',
    'patch',
    (i) => `/programmes/${i.programme}/milestones/${i.milestone}`,
    { title: 'T', version: '1' },
    'version',
  ],
  [
    'milestone update: empty title',
    'patch',
    (i) => `/programmes/${i.programme}/milestones/${i.milestone}`,
    { title: '', version: 1 },
    'title',
  ],
  [
    'invitation: bad e-mail',
    'post',
    (i) => `/programmes/${i.programme}/invitations`,
    { email: 'not-an-email', organisationId: randomUUID() },
    'email',
  ],
  [
    'invitation: bad role',
    'post',
    (i) => `/programmes/${i.programme}/invitations`,
    { email: 'a@example.eu', organisationId: randomUUID(), role: 'king' },
    'role',
  ],
  ['organisation (admin): missing kind', 'post', () => '/organisations', { name: 'X', country: 'FR' }, 'kind'],
  ['delete programme: no confirmation', 'delete', (ids) => `/programmes/${ids.programme}`, {}, 'confirm'],
  [
    'delete programme: confirm of the wrong type',
    'delete',
    (ids) => `/programmes/${ids.programme}`,
    { confirm: 1 },
    'confirm',
  ],
  ['delete programme: empty confirm', 'delete', (ids) => `/programmes/${ids.programme}`, { confirm: '' }, 'confirm'],
  [
    'delete programme: unknown field',
    'delete',
    (ids) => `/programmes/${ids.programme}`,
    { confirm: 'P', force: true },
    'force',
  ],
];

describe('bad input', () => {
  let t: TestApp;
  let ids: Ids;
  let token: string;

  beforeAll(async () => {
    t = await startApp();
    const w = await t.given.world();
    token = w.people.admin.token;
    const milestone = await t.api
      .as(token)
      .post(`/programmes/${w.programme.id}/milestones`, { title: 'M', dueDate: '2027-01-01' })
      .expect(201);
    ids = { programme: w.programme.id, milestone: milestone.body.id };
  });
  afterAll(() => t.close());

  it.each(CASES)('%s → 400 naming the field', async (_name, method, path, body, field) => {
    const res = await t.api.as(token).call(method, path(ids), body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
    expect(res.body.message).toContain(field);
  });

  it('names bad path parameters', async () => {
    const res = await t.api.as(token).get('/programmes/not-a-uuid').expect(400);
    expect(res.body.details).toEqual([{ path: 'id', message: 'id must be a UUID' }]);
    await t.api.as(token).get('/benchmarks/Not%20A%20Code').expect(400);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@example.eu",');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
  });

  it('answers a body that is not an object with 400', async () => {
    for (const body of ['[]', '"text"', '42', 'null']) {
      const res = await t
        .http()
        .post('/api/v1/programmes')
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await t.api.as(token).post('/programmes', { name: 'x'.repeat(2_000_000) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses a body that is not a JSON object with 400, and an unknown media type with 415', async () => {
    const text = await t
      .http()
      .post('/api/v1/programmes')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/plain')
      .send('hello');
    expect(text.status).toBe(400);
    const xml = await t
      .http()
      .post('/api/v1/programmes')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/xml')
      .send('<p/>');
    expect(xml.status).toBe(415);
    expect(xml.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('wrote nothing for any of the refused requests', async () => {
    const programmes = await t.api.as(token).get('/programmes').expect(200);
    expect(programmes.body.map((p: { name: string }) => p.name)).not.toContain('P');
    const organisations = await t.api.as(token).get('/organisations').expect(200);
    expect(organisations.body.map((o: { name: string }) => o.name)).not.toContain('X');
  });

  it('answers unknown routes with the same error shape', async () => {
    const res = await t.api.as(token).get('/no-such-thing').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND' });
  });
});
