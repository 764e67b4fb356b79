/**
 * The daily purge enforces the installation's retention periods (RETENTION_*_DAYS, docs/privacy.md):
 * sessions ended or expired, invitations never accepted, notifications and reports (row and file) go
 * once they are older than their period; anything younger stays; a second run deletes nothing more.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AuditEntry, IdempotencyRecord, Invitation, Notification, RefreshToken, Report } from '@citymentor/domain';
import { HousekeepingService } from '../../apps/worker/src/housekeeping/housekeeping.service';
import { startApp, type TestApp } from '../support/app';
import { startWorkerContext, type WorkerContext } from './worker-harness';

const DAY = 86_400_000;
const NOW = new Date(); // the sessions of the people signed in by the factories are live now
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describe('housekeeping: retention periods', () => {
  let t: TestApp;
  let w: WorkerContext;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'citymentor-retention-'));
    t = await startApp({ REPORTS_DIR: dir });
    // Notifications are kept 30 days here (180 by default): the setting is what counts.
    w = await startWorkerContext(t.databaseUrl, { REPORTS_DIR: dir, RETENTION_NOTIFICATIONS_DAYS: '30' });
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('deletes what outlived its period, keeps the rest, and deletes nothing more when run again', async () => {
    const m = await t.given.mentoring();
    const em = t.orm.em.fork();
    const user = m.people.mentee.user;
    const coordinator = m.people.coordinator.user;

    const token = (expiresAt: Date, revokedAt?: Date) =>
      Object.assign(new RefreshToken(user, randomUUID(), randomUUID().replace(/-/g, ''), expiresAt), { revokedAt });
    const tokens = {
      expiredLongAgo: token(daysAgo(8)),
      endedLongAgo: token(daysAgo(-20), daysAgo(8)),
      expiredLately: token(daysAgo(6)),
      live: token(daysAgo(-20)),
    };
    const invitation = (expiresAt: Date, acceptedAt?: Date) =>
      Object.assign(
        new Invitation({
          programme: m.programme,
          organisation: m.menteeCity,
          email: `${randomUUID()}@example.org`,
          role: 'city-member',
          tokenHash: randomUUID(),
          invitedBy: coordinator,
          expiresAt,
        }),
        { acceptedAt },
      );
    const invitations = {
      neverAcceptedLongAgo: invitation(daysAgo(31)),
      neverAcceptedLately: invitation(daysAgo(29)),
      acceptedLongAgo: invitation(daysAgo(31), daysAgo(40)),
    };
    const notification = (createdAt: Date) =>
      Object.assign(new Notification({ user, kind: 'comment', title: 'A comment', link: '/' }), { createdAt });
    const notifications = { old: notification(daysAgo(31)), recent: notification(daysAgo(29)) };
    const report = (createdAt: Date) =>
      Object.assign(new Report(m.programme, coordinator, 'csv'), { createdAt, status: 'done' as const });
    const reports = { old: report(daysAgo(91)), recent: report(daysAgo(89)) };
    const key = (expiresAt: Date) => new IdempotencyRecord(user.id, randomUUID(), 'f'.repeat(64), expiresAt);
    const keys = { expired: key(daysAgo(0.01)), live: key(daysAgo(-0.5)) };
    const audit = (at: Date) => Object.assign(new AuditEntry('export.requested', 'data-export', randomUUID()), { at });
    const auditEntries = { old: audit(daysAgo(731)), recent: audit(daysAgo(729)) };
    em.persist([
      ...Object.values(auditEntries),
      ...Object.values(keys),
      ...Object.values(tokens),
      ...Object.values(invitations),
      ...Object.values(notifications),
      ...Object.values(reports),
    ]);
    await em.flush();
    for (const r of Object.values(reports)) writeFileSync(join(dir, `${r.id}.csv`), 'report');

    const housekeeping = w.get(HousekeepingService);
    await expect(housekeeping.purgeExpired(NOW)).resolves.toEqual({
      refreshTokens: 2,
      invitations: 1,
      notifications: 1,
      idempotencyKeys: 1,
      reports: 1,
      dataExports: 0,
      auditEntries: 1,
    });
    await expect(housekeeping.purgeExpired(NOW)).resolves.toEqual({
      refreshTokens: 0,
      invitations: 0,
      notifications: 0,
      idempotencyKeys: 0,
      reports: 0,
      dataExports: 0,
      auditEntries: 0,
    });

    const left = t.orm.em.fork();
    const ids = async <T extends { id: string }>(entity: new (...args: never[]) => T, of: T[]) =>
      (await left.find(entity, { id: { $in: of.map((x) => x.id) } })).map((x) => x.id).sort();
    await expect(ids(AuditEntry, Object.values(auditEntries))).resolves.toEqual([auditEntries.recent.id]);
    await expect(ids(RefreshToken, Object.values(tokens))).resolves.toEqual(
      [tokens.expiredLately.id, tokens.live.id].sort(),
    );
    await expect(ids(Invitation, Object.values(invitations))).resolves.toEqual(
      [invitations.neverAcceptedLately.id, invitations.acceptedLongAgo.id].sort(),
    );
    await expect(ids(Notification, Object.values(notifications))).resolves.toEqual([notifications.recent.id]);
    await expect(ids(Report, Object.values(reports))).resolves.toEqual([reports.recent.id]);
    await expect(ids(IdempotencyRecord, Object.values(keys))).resolves.toEqual([keys.live.id]);
    expect(existsSync(join(dir, `${reports.old.id}.csv`))).toBe(false);
    expect(existsSync(join(dir, `${reports.recent.id}.csv`))).toBe(true);
  });
});
