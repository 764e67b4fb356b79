import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HousekeepingService } from '../../apps/worker/src/housekeeping/housekeeping.service';
import { NotificationsService } from '../../apps/worker/src/notifications/notifications.service';
import { startApp, type TestApp } from '../support/app';
import { startWorkerContext, type WorkerContext } from './worker-harness';

/** What the worker does at a programme's end: tells its members, and removes a deleted one's report files. */
describe('a programme closed, reopened and deleted, in the worker', () => {
  let t: TestApp;
  let w: WorkerContext;
  const reportsDir = mkdtempSync(join(tmpdir(), 'citymentor-reports-'));

  beforeAll(async () => {
    t = await startApp();
    w = await startWorkerContext(t.databaseUrl, { REPORTS_DIR: reportsDir });
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
  });

  const kindsOf = async (userId: string) =>
    (
      await t.orm.em
        .fork()
        .getConnection()
        .execute<{ kind: string }[]>('select kind from notifications where user_id = ? order by created_at', [userId])
    ).map((n) => n.kind);

  it('tells every other member that the programme was closed, then reopened', async () => {
    const m = await t.given.mentoring();
    const coordinator = t.api.as(m.people.coordinator.token);
    await coordinator.post(`/programmes/${m.programme.id}/close`).expect(200);
    await coordinator.post(`/programmes/${m.programme.id}/reopen`).expect(200);
    await w.get(NotificationsService).processBatch(500);
    for (const person of [m.people.mentee, m.people.mentor, m.people.expert])
      expect(await kindsOf(person.user.id)).toEqual(['programme-closed', 'programme-reopened']);
    expect(await kindsOf(m.people.coordinator.user.id)).toEqual([]);
    expect(await kindsOf(m.people.outsider.user.id)).toEqual([]);
  });

  it("removes a deleted programme's report files, and nothing outside REPORTS_DIR", async () => {
    writeFileSync(join(reportsDir, 'gone.csv'), 'a,b\n');
    writeFileSync(join(reportsDir, 'kept.csv'), 'a,b\n');
    const removed = await w.get(HousekeepingService).deleteProgrammeFiles(['gone.csv', '../kept.csv', 'missing.pdf']);
    expect(removed).toBe(2);
    expect(existsSync(join(reportsDir, 'gone.csv'))).toBe(false);
    expect(existsSync(join(reportsDir, 'kept.csv'))).toBe(true);
  });
});
