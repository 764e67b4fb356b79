import { request } from 'node:http';
import { startApp, type TestApp } from '../support/app';
import { TestSocket } from '../support/sockets';
import { MAX_JSON_DEPTH } from '../../apps/api/src/http/json-body';

const BODY_LIMIT = 64 * 1024;

/** A GET with one header of `bytes` bytes, on a raw connection (supertest would refuse to send it). */
function withHugeHeader(url: string, bytes: number): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const r = request(
      { host: hostname, port, path: '/api/v1/me', headers: { 'x-padding': 'a'.repeat(bytes) } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    r.on('error', reject);
    r.end();
  });
}

/**
 * Limits and the inputs that once reached the database or a library and came back as 500s: each
 * is refused up front with a 4xx in the contract's error shape.
 */
describe('request limits and hostile input', () => {
  let t: TestApp;
  let url: string;
  let token: string;
  let mentoring: Awaited<ReturnType<TestApp['given']['mentoring']>>;

  beforeAll(async () => {
    t = await startApp({ BODY_LIMIT_BYTES: String(BODY_LIMIT) });
    url = await t.listen();
    mentoring = await t.given.mentoring();
    token = mentoring.people.coordinator.token;
  });
  afterAll(() => t.close());

  const post = (path: string, body: string, type = 'application/json') =>
    t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).set('Content-Type', type).send(body);

  it('refuses a body over BODY_LIMIT_BYTES with 413, whatever its type, and parses one just under it', async () => {
    const over = JSON.stringify({ name: 'x'.repeat(BODY_LIMIT) });
    for (const type of ['application/json', 'text/plain']) {
      const res = await post('/programmes', over, type);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    }
    const under = await post(
      `/programmes/${mentoring.programme.id}/milestones`,
      JSON.stringify({ title: 'T', dueDate: '2030-01-01', description: 'x'.repeat(BODY_LIMIT - 200) }),
    );
    expect(under.status).not.toBe(413);
  });

  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels with 400 (it used to overflow the stack: 500)`, async () => {
    for (const body of [
      '['.repeat(10_000) + ']'.repeat(10_000),
      '{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1),
    ]) {
      const res = await post('/programmes', body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('levels deep'),
      });
    }
    const deepEnough = await post(
      '/programmes',
      '{"name":' + '['.repeat(MAX_JSON_DEPTH - 1) + ']'.repeat(MAX_JSON_DEPTH - 1) + '}',
    );
    expect(deepEnough.body.message).not.toContain('levels deep');
  });

  it.each([
    [
      'a NUL in a programme name (Postgres refused it: 500)',
      '/programmes',
      {
        name: 'a\u0000b',
        startDate: '2030-01-01',
        endDate: '2030-12-31',
        coordinatorOrganisationId: '00000000-0000-4000-8000-000000000000',
      },
      'name',
    ],
    [
      'a NUL in a nested field',
      '/programmes',
      { name: 'P', startDate: '2030-01-01', endDate: '2030-12-31', extra: { deep: ['ok', 'x\u0000'] } },
      'extra.deep.1',
    ],
    [
      'half a surrogate pair in an e-mail (the validator threw: 500)',
      '/programmes/{id}/invitations',
      { email: 'x\ud800y@example.eu', organisationId: '00000000-0000-4000-8000-000000000000' },
      'email',
    ],
    ['a NUL in a field name', '/programmes', { 'na\u0000me': 'P' }, 'na\u0000me'],
  ])('refuses %s with 400 naming the field', async (_what, path, body, field) => {
    const res = await post(path.replace('{id}', mentoring.programme.id), JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: field, message: expect.any(String) }],
    });
  });

  it('refuses half a surrogate pair at sign-in, where anyone may send it', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":"x\\ud800@example.eu","password":"p"}');
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'email' })]);
  });

  it('refuses prototype pollution and any media type but JSON', async () => {
    const polluted = await post('/programmes', '{"__proto__":{"isAdmin":true}}');
    expect(polluted.status).toBe(400);
    const form = await post('/programmes', 'name=P&startDate=2030-01-01', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers headers over the size limit with 431 in the error shape', async () => {
    const res = await withHugeHeader(url, 20_000);
    expect(res.status).toBe(431);
    expect(JSON.parse(res.body)).toMatchObject({
      statusCode: 431,
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.any(String),
    });
  });

  it('refuses a socket replay from a sequence number beyond what Postgres can hold (it failed the subscribe with an exception)', async () => {
    const socket = await TestSocket.connect(url, token);
    try {
      const exceptions: unknown[] = [];
      socket.socket.on('exception', (e: unknown) => exceptions.push(e));
      for (const sinceSeq of ['9223372036854775808', '9999999999999999999']) {
        expect(await socket.subscribe(`programme:${mentoring.programme.id}`, sinceSeq)).toEqual({
          ok: false,
          error: expect.stringContaining('sinceSeq'),
        });
      }
      expect(await socket.subscribe(`programme:${mentoring.programme.id}`, '9223372036854775807')).toMatchObject({
        ok: true,
      });
      expect(exceptions).toEqual([]);
    } finally {
      socket.close();
    }
  });
});
