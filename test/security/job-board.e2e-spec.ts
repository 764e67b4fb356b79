import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { JOB_BOARD_PATH, REPORTS_QUEUE, WORKER_QUEUES } from '@citymentor/contracts';
import { bullConnection } from '@citymentor/runtime';
import type { User } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';
import { PASSWORD } from '../support/given';
import { REDIS_URL } from '../support/test-servers';

const COOKIE = 'citymentor_refresh';
const WEB = { 'X-Requested-With': 'citymentor' };

/** Issue 16: the worker's queues on Bull Board, for the installation admin's browser session only; anyone else gets 404. */
describe('the job board', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  /** Signs in as the web client does: the refresh token in the cookie; returns the cookie and the access token. */
  async function browserSession(user: User) {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set(WEB)
      .send({ email: user.email, password: PASSWORD, tokenDelivery: 'cookie' })
      .expect(200);
    const line = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((h) => h.startsWith(`${COOKIE}=`))!;
    return { cookie: line.split(';')[0].slice(COOKIE.length + 1), accessToken: res.body.accessToken as string };
  }
  const admin = async () => browserSession(await t.given.user({ isAdmin: true }));
  const open = (path: string, cookie?: string) => {
    const req = t.http().get(`${JOB_BOARD_PATH}${path}`);
    return cookie === undefined ? req : req.set('Cookie', `${COOKIE}=${cookie}`);
  };
  const refused = async (path: string, cookie?: string) => {
    const res = await open(path, cookie).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  };

  it('shows the admin the board, under the app’s own CSP', async () => {
    const { cookie } = await admin();
    const page = await open('', cookie).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<title>CityMentor jobs</title>');
    expect(page.text).toContain(`<base href="${JOB_BOARD_PATH}/"`);
    const app = await t.http().get('/api/v1/health');
    expect(page.headers['content-security-policy']).toBe(app.headers['content-security-policy']);
    await open('/queue/reports', cookie).expect(200);
    const script = page.text.match(/src="(static\/js\/main\.[^"]+)"/)![1];
    await open(`/${script}`, cookie).expect(200);
  });

  it('lists the worker’s queues, read-only, with the jobs the worker would see', async () => {
    const queue = new Queue(REPORTS_QUEUE, {
      connection: bullConnection(REDIS_URL),
      prefix: `${process.env.REDIS_PREFIX}:bull`,
    });
    await queue.add('build', { v: 1, kind: 'build-report', reportId: 'r1' }, { jobId: 'report-r1', delay: 60_000 });
    await queue.close();
    const { cookie } = await admin();
    const res = await open('/api/queues', cookie).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const queues = res.body.queues as { name: string; readOnlyMode: boolean; counts: Record<string, number> }[];
    expect(queues.map((q) => q.name).sort()).toEqual([...WORKER_QUEUES].sort());
    expect(queues.every((q) => q.readOnlyMode)).toBe(true);
    expect(queues.find((q) => q.name === REPORTS_QUEUE)!.counts.delayed).toBe(1);
  });

  it('refuses every change, even to the admin: the board only reads', async () => {
    const { cookie } = await admin();
    for (const [method, path] of [
      ['put', '/api/queues/reports/retry/failed'],
      ['put', '/api/queues/reports/clean/completed'],
      ['put', '/api/queues/pause'],
      ['delete', '/api/queues/reports/empty'],
      ['post', '/api/queues/reports/add'],
    ] as const) {
      const res = await t
        .http()
        [method](`${JOB_BOARD_PATH}${path}`)
        .set('Cookie', `${COOKIE}=${cookie}`)
        .set(WEB)
        .send({})
        .expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  it('is a 404, the page and its API alike, without a cookie, with a bad one, and to members and coordinators', async () => {
    const { programme, coordinatorOrganisation, city } = await t.given.world();
    const coordinator = await browserSession(await t.given.member(programme, coordinatorOrganisation, 'coordinator'));
    const member = await browserSession(await t.given.member(programme, city, 'city-member'));
    const { cookie } = await admin();
    const [id] = cookie.split('.');
    for (const path of ['', '/', '/api/queues', '/queue/reports', '/api/redis/stats']) {
      await refused(path);
      await refused(path, '');
      await refused(path, 'not-a-token');
      await refused(path, `${id}.${'A'.repeat(43)}`); // the admin's token id with another secret
      await refused(path, coordinator.cookie);
      await refused(path, member.cookie);
    }
  });

  it('is a 404 once the admin’s session is ended, and to a cookie spent by a refresh', async () => {
    const spent = await admin();
    const refreshed = await t
      .http()
      .post('/api/v1/auth/refresh')
      .set(WEB)
      .set('Cookie', `${COOKIE}=${spent.cookie}`)
      .send({ tokenDelivery: 'cookie' })
      .expect(200);
    const line = ([] as string[]).concat(refreshed.headers['set-cookie']).find((h) => h.startsWith(`${COOKIE}=`))!;
    const current = line.split(';')[0].slice(COOKIE.length + 1);
    await open('', current).expect(200);
    await refused('', spent.cookie);

    await t
      .http()
      .post('/api/v1/auth/logout')
      .set(WEB)
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`)
      .send({})
      .expect(204);
    await refused('', current);
    await refused('/api/queues', current);
  });

  it('is not in the API document', () => {
    const document = JSON.parse(readFileSync(join(__dirname, '../../docs/openapi.json'), 'utf8')) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths).filter((p) => p.includes('/auth/jobs'))).toEqual([]);
  });
});
