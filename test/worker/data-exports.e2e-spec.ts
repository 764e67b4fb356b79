/**
 * "My data" (GDPR art. 15 and 20): a person asks for their data, the worker builds a .zip of one JSON
 * file per kind and a README, and only that person may download it, until it expires and the purge
 * deletes the row and the file. What the archive leaves out is as much the specification as what it holds:
 * no password or token hash, no other person's e-mail, no other person's comment in the person's threads.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { DataExport, Notification, User } from '@citymentor/domain';
import { HousekeepingService } from '../../apps/worker/src/housekeeping/housekeeping.service';
import type { TestApp } from '../support/app';
import { startFilesWorld, until, type FilesWorld } from './worker-harness';

jest.setTimeout(90_000);

const KINDS = [
  'profile.json',
  'memberships.json',
  'assessment-answers.json',
  'action-plans.json',
  'plan-reviews.json',
  'milestones.json',
  'progress-entries.json',
  'comments.json',
  'notifications.json',
  'notification-preferences.json',
  'sessions.json',
  'audit-log.json',
];

const binary = (
  res: { on: (event: string, listener: (d?: Buffer) => void) => void },
  cb: (error: Error | null, body: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', (d) => chunks.push(d!));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('My data: a person exports their own data', () => {
  let world: FilesWorld;
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    world = await startFilesWorld('cm-exports-', { RETENTION_EXPORTS_DAYS: '3' });
    ({ t, dir } = world);
  });
  afterAll(() => world?.close());

  type Mentoring = Awaited<ReturnType<TestApp['given']['mentoring']>>;
  let m: Mentoring;
  /** The mentee writes in the pair through the API (so the log names them), the mentor answers in their thread. */
  async function mentoringWithWork() {
    m = await t.given.mentoring();
    const mentee = t.api.as(m.people.mentee.token);
    const mentor = t.api.as(m.people.mentor.token);
    const ok = async (res: Promise<{ status: number; body: { id: string } }>, status: number) => {
      const r = await res;
      expect(r.status).toBe(status);
      return r.body;
    };
    const plan = await ok(
      mentee.post(`/pairs/${m.pair.id}/action-plans`, {
        sectionCodes: ['access-to-finance'],
        title: 'Microcredit desk',
      }),
      201,
    );
    const milestone = await ok(
      mentee.post(`/action-plans/${plan.id}/milestones`, { title: 'Desk opens', dueDate: '2030-06-30' }),
      201,
    );
    // Progress is logged on a plan under way: skip the review, not the subject of this test.
    await t.orm.em
      .fork()
      .getConnection()
      .execute(`update action_plans set state = 'in-progress' where id = ?`, [plan.id]);
    await ok(
      mentee.post(`/milestones/${milestone.id}/progress`, {
        percent: 30,
        status: 'in-progress',
        note: 'Rooms found',
      }),
      201,
    );
    const comment = await ok(
      mentee.post(`/action-plans/${plan.id}/comments`, {
        body: 'Who runs the desk? First wording',
        target: { type: 'plan', id: plan.id },
      }),
      201,
    );
    await mentee.patch(`/comments/${comment.id}`, { body: 'Who runs the desk? Second wording' }).expect(200);
    await ok(
      mentor.post(`/action-plans/${plan.id}/comments`, {
        body: 'The mentor answers: the business department',
        target: { type: 'plan', id: plan.id },
        parentId: comment.id,
      }),
      201,
    );
    const assessment = await ok(
      mentee.post(`/programmes/${m.programme.id}/assessments`, {
        organisationId: m.menteeCity.id,
        benchmarkCode: 'migrant-entrepreneurs',
        phase: 'baseline',
      }),
      201,
    );
    await mentee
      .put(`/assessments/${assessment.id}/answers/strategy.q1`, { rating: 2, evidence: 'Council decision 12' })
      .expect(200);
    await mentee.put('/me/notification-preferences', { email: 'daily' }).expect(200);
    const em = t.orm.em.fork();
    await em.persistAndFlush(
      new Notification({
        user: em.getReference(User, m.people.mentee.user.id),
        kind: 'comment',
        title: 'A reply on Microcredit desk',
        link: `/plans/${plan.id}`,
      }),
    );
    return { plan, milestone, comment };
  }

  async function built(token: string) {
    const api = t.api.as(token);
    const res = await api.post('/me/exports').expect(202);
    expect(res.body).toMatchObject({ status: 'queued', progress: 0, downloadUrl: null, expiresAt: null });
    let current = res.body as { id: string; status: string };
    await until(
      async () => {
        current = (await api.get(`/me/exports/${res.body.id}`).expect(200)).body;
        return current.status === 'done' || current.status === 'failed';
      },
      60_000,
      'the data export',
    );
    return current as { id: string; status: string; downloadUrl: string; expiresAt: string; sizeBytes: number };
  }

  let archive: Record<string, Uint8Array>;
  let exportId: string;

  it('builds a .zip with a README and every kind of the person’s data, following its progress in their own room', async () => {
    const work = await mentoringWithWork();
    const started = Date.now();
    const done = await built(m.people.mentee.token);
    exportId = done.id;
    expect(done).toMatchObject({
      status: 'done',
      expired: false,
      downloadUrl: `/api/v1/me/exports/${done.id}/download`,
    });
    // Expires RETENTION_EXPORTS_DAYS (3 here) after it was built.
    const days = (new Date(done.expiresAt).getTime() - started) / 86_400_000;
    expect(days).toBeGreaterThan(2.99);
    expect(days).toBeLessThan(3.01);
    const events = await t.orm.em
      .fork()
      .getConnection()
      .execute<{ room: string; status: string }[]>(
        `select room, payload->>'status' as status from events where type = 'export.updated' and payload->>'exportId' = ? order by seq`,
        [done.id],
      );
    expect(new Set(events.map((e) => e.room))).toEqual(new Set([`user:${m.people.mentee.user.id}`]));
    expect(events.map((e) => e.status)).toEqual([...events.slice(0, -1).map(() => 'running'), 'done']);

    const file = await t.api
      .as(m.people.mentee.token)
      .get(`/me/exports/${done.id}/download`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(file.headers['content-type']).toBe('application/zip');
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="citymentor-my-data-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    archive = unzipSync(new Uint8Array(file.body as Buffer));
    expect(Object.keys(archive).sort()).toEqual(['README.txt', ...KINDS].sort());
    const readme = strFromU8(archive['README.txt']);
    for (const kind of KINDS) expect(readme).toContain(kind);

    const json = (name: string) => JSON.parse(strFromU8(archive[name])) as Record<string, unknown> & unknown[];
    expect(json('profile.json')).toMatchObject({ id: m.people.mentee.user.id, email: m.people.mentee.user.email });
    expect(json('memberships.json')).toEqual([
      expect.objectContaining({ role: 'city-member', organisation: m.menteeCity.name }),
    ]);
    expect(json('assessment-answers.json')).toEqual([
      expect.objectContaining({ questionCode: 'strategy.q1', rating: 2, evidence: 'Council decision 12' }),
    ]);
    expect(json('action-plans.json')).toEqual([
      expect.objectContaining({ id: work.plan.id, title: 'Microcredit desk', createdByYou: true }),
    ]);
    expect(json('milestones.json')).toEqual([
      expect.objectContaining({
        id: work.milestone.id,
        title: 'Desk opens',
        // Created by the mentee, and updated when their progress moved its status.
        yourChanges: [
          expect.objectContaining({ type: 'milestone.created' }),
          expect.objectContaining({ type: 'milestone.updated' }),
        ],
      }),
    ]);
    expect(json('progress-entries.json')).toEqual([expect.objectContaining({ percent: 30, note: 'Rooms found' })]);
    expect(json('comments.json')).toEqual([
      expect.objectContaining({
        id: work.comment.id,
        body: 'Who runs the desk? Second wording',
        edits: [expect.objectContaining({ previousBody: 'Who runs the desk? First wording' })],
      }),
    ]);
    expect(json('notifications.json')).toEqual([expect.objectContaining({ title: 'A reply on Microcredit desk' })]);
    expect(json('notification-preferences.json')).toMatchObject({ email: 'daily' });
    expect(json('sessions.json').length).toBeGreaterThan(0);
    expect(Object.keys(json('sessions.json')[0] as object).sort()).toEqual(
      ['createdAt', 'expiresAt', 'revokedAt', 'rotatedAt', 'sessionId'].sort(),
    );
    const audit = json('audit-log.json') as { type: string }[];
    expect(audit.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'plan.updated',
        'milestone.created',
        'progress.logged',
        'comment.created',
        'comment.updated',
        'assessment.updated',
      ]),
    );
    expect(json('plan-reviews.json')).toEqual([]);
  });

  it('holds nothing of anyone else, nor any password or token hash', async () => {
    const text = Object.values(archive)
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    const others = [
      m.people.mentor,
      m.people.coordinator,
      m.people.expert,
      m.people.admin,
      m.people.otherCity,
      m.people.outsider,
    ];
    for (const other of others) {
      expect(text).not.toContain(other.user.email);
      expect(text).not.toContain(other.user.id);
    }
    expect(text).not.toContain('The mentor answers');
    const [user] = await t.orm.em
      .fork()
      .getConnection()
      .execute<{ hash: string }[]>(`select password_hash as hash from users where id = ?`, [m.people.mentee.user.id]);
    expect(user.hash.length).toBeGreaterThan(20);
    expect(text).not.toContain(user.hash);
    expect(text).not.toMatch(/argon2/i);
    expect(text).not.toMatch(/password_?hash|secret_?hash/i);
    const tokens = await t.orm.em
      .fork()
      .getConnection()
      .execute<{ hash: string }[]>(`select secret_hash as hash from refresh_tokens where user_id = ?`, [
        m.people.mentee.user.id,
      ]);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(text).not.toContain(token.hash);
    expect(text).not.toContain(m.people.mentee.refreshToken);
  });

  it('is seen and downloaded by that person only: anyone else, the admin included, gets 404', async () => {
    for (const other of [m.people.mentor, m.people.coordinator, m.people.admin, m.people.outsider]) {
      const as = t.api.as(other.token);
      await as.get(`/me/exports/${exportId}`).expect(404);
      await as.get(`/me/exports/${exportId}/download`).expect(404);
      expect((await as.get('/me/exports').expect(200)).body).toEqual([]);
    }
    await t.api.get(`/me/exports/${exportId}/download`).expect(401);
    const mine = (await t.api.as(m.people.mentee.token).get('/me/exports').expect(200)).body as { id: string }[];
    expect(mine.map((e) => e.id)).toEqual([exportId]);
  });

  it('allows one export at a time (409), and an Idempotency-Key retried gets the same export', async () => {
    const someone = m.people.expert;
    const em = t.orm.em.fork();
    const running = Object.assign(new DataExport(em.getReference(User, someone.user.id)), {
      status: 'running' as const,
    });
    await em.persistAndFlush(running);
    const refused = await t.api.as(someone.token).post('/me/exports').expect(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', details: { exportId: running.id } });
    await em.nativeDelete(DataExport, { id: running.id });

    const key = randomUUID();
    const first = await t.api.as(someone.token).post('/me/exports').set('Idempotency-Key', key).expect(202);
    const again = await t.api.as(someone.token).post('/me/exports').set('Idempotency-Key', key).expect(202);
    expect(again.body.id).toBe(first.body.id);
  });

  it('stops downloading once expired, and the daily purge deletes the row and its file', async () => {
    const em = t.orm.em.fork();
    const row = await em.findOneOrFail(DataExport, exportId);
    const path = join(dir, 'exports', row.fileName!);
    expect(existsSync(path)).toBe(true);
    const housekeeping = world.w.get(HousekeepingService);
    // Not expired yet: the purge leaves it.
    expect((await housekeeping.purgeExpired(new Date())).dataExports).toBe(0);
    await em.nativeUpdate(DataExport, { id: exportId }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await t.api.as(m.people.mentee.token).get(`/me/exports/${exportId}`).expect(200);
    expect(expired.body).toMatchObject({ expired: true, downloadUrl: null });
    await t.api.as(m.people.mentee.token).get(`/me/exports/${exportId}/download`).expect(404);

    // One never built (failed) goes RETENTION_EXPORTS_DAYS (3) after it was asked for; a younger one stays.
    const failed = (daysAgo: number) =>
      Object.assign(new DataExport(em.getReference(User, m.people.mentee.user.id)), {
        status: 'failed' as const,
        createdAt: new Date(Date.now() - daysAgo * 86_400_000),
      });
    const [oldFailed, recentFailed] = [failed(3.1), failed(2.9)];
    await em.persistAndFlush([oldFailed, recentFailed]);

    const purged = await housekeeping.purgeExpired(new Date());
    expect(purged.dataExports).toBe(2);
    const left = await t.orm.em.fork().find(DataExport, { id: { $in: [oldFailed.id, recentFailed.id] } });
    expect(left.map((e) => e.id)).toEqual([recentFailed.id]);
    expect(await t.orm.em.fork().findOne(DataExport, exportId)).toBeNull();
    expect(existsSync(path)).toBe(false);
    await t.api.as(m.people.mentee.token).get(`/me/exports/${exportId}`).expect(404);
  });
});
