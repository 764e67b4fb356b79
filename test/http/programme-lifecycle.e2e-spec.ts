import { Queue } from 'bullmq';
import { deleteProgrammeFilesJob, HOUSEKEEPING_QUEUE } from '@citymentor/contracts';
import { bullConnection } from '@citymentor/runtime';
import { startApp, type TestApp } from '../support/app';
import { REDIS_URL } from '../support/test-servers';
import { fuzzWorld, type FuzzWorld, type SignedInRole } from '../security/support/fuzz-world';
import { exampleQuery } from '../security/support/idor-requests';
import { fillPath, operations, type Operation } from '../security/support/openapi-routes';
import { kindOf } from '../security/support/resource-kinds';
import { fittingBody, writerOf, type Writer } from '../security/support/write-routes';

/** Write routes that are not a change to one programme or anything in it, and why. */
const NOT_THE_PROGRAMMES: [RegExp, string][] = [
  [/^\/api\/v1\/auth\//, 'signing in and out is about a person, not a programme'],
  [/^\/api\/v1\/me\b/, "a person's own account, preferences and data exports"],
  [/^\/api\/v1\/admin\/users\//, 'erasing an account on request: a right that a closed programme does not suspend'],
  [/^\/api\/v1\/notifications\b/, "a person's own notifications (read marks)"],
  [/^\/api\/v1\/(organisations|benchmarks)$/, 'the installation’s organisations and catalogue'],
  [/^\/api\/v1\/programmes$/, 'creating another programme'],
  [/^\/api\/v1\/programmes\/\{id\}\/reports$/, 'funder reports are generated from a closed programme too'],
  [/^\/api\/v1\/programmes\/\{id\}\/reopen$/, 'the way back to an open programme'],
  [/^\/api\/v1\/programmes\/\{id\}$/, 'deleting: only a closed programme can be (tested below)'],
];

/** Who makes the writes without a body that the readers' table (write-routes.ts) would give to someone else. */
const BODYLESS_WRITERS: Record<string, Writer> = { 'POST /api/v1/pairs/{id}/end': 'coordinator' };

const excluded = (op: Operation) => NOT_THE_PROGRAMMES.some(([pattern]) => pattern.test(op.path));
const writes = operations().filter((op) => op.method !== 'get');

type Db = { execute: <T>(sql: string, params?: unknown[]) => Promise<T[]> };

/** Every id of the programme's rows: rows naming the programme or a row of it, in any table, to a fixpoint. */
async function idsOfProgramme(db: Db, programmeId: string): Promise<Set<string>> {
  const columns = await uuidColumns(db);
  const ids = new Set([programmeId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [table, cols] of columns) {
      if (!cols.includes('id')) continue;
      const refs = cols.filter((c) => c !== 'id');
      if (!refs.length) continue;
      const rows = await db.execute<{ id: string }>(
        `select id::text from "${table}" where ${refs.map((c) => `"${c}"::text in (?)`).join(' or ')}`,
        refs.map(() => [...ids]),
      );
      for (const { id } of rows) {
        if (ids.has(id)) continue;
        ids.add(id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Kept on purpose after a deletion: the audit log records it (ids only, no personal data), purged by retention. */
const KEPT_TABLES = ['audit_entries'];

async function uuidColumns(db: Db): Promise<Map<string, string[]>> {
  const rows = await db.execute<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.data_type = 'uuid'`,
  );
  const map = new Map<string, string[]>();
  for (const r of rows.filter((row) => !KEPT_TABLES.includes(row.table_name)))
    map.set(r.table_name, [...(map.get(r.table_name) ?? []), r.column_name]);
  return map;
}

/** Rows of any table (every uuid column, and every json or text column of events and notifications) naming one of `ids`. */
async function rowsNaming(db: Db, ids: Set<string>): Promise<string[]> {
  const found: string[] = [];
  for (const [table, cols] of await uuidColumns(db)) {
    for (const col of cols) {
      const [{ n }] = await db.execute<{ n: number }>(
        `select count(*)::int as n from "${table}" where "${col}"::text in (?)`,
        [[...ids]],
      );
      if (n) found.push(`${table}.${col}: ${n}`);
    }
  }
  const [{ n }] = await db.execute<{ n: number }>('select count(*)::int as n from events where payload::text ~ ?', [
    [...ids].join('|'),
  ]);
  if (n) found.push(`events.payload: ${n}`);
  return found;
}

describe('closing, reopening and deleting a programme', () => {
  let t: TestApp;
  let world: FuzzWorld;
  let programmeId: string;
  let db: Db;
  beforeAll(async () => {
    t = await startApp({ PROGRAMME_DELETE_AFTER_CLOSED_DAYS: '0' });
    world = await fuzzWorld(t);
    programmeId = world.w.programme.id;
    const em = t.orm.em.fork();
    db = { execute: (sql, params = []) => em.getConnection().execute(sql, params) };
  });
  afterAll(() => t.close());

  const as = (role: SignedInRole) => t.api.as(world.sessions[role].token);

  it('lets only its coordinators (and the admin) close it: 403 for other members, 404 for others', async () => {
    await as('mentee').post(`/programmes/${programmeId}/close`).expect(403);
    await as('outsider').post(`/programmes/${programmeId}/close`).expect(404);
    await as('mentee').post(`/programmes/${programmeId}/reopen`).expect(403);
    await as('outsider').get(`/programmes/${programmeId}/deletion-preview`).expect(404);
    await as('expert').get(`/programmes/${programmeId}/deletion-preview`).expect(403);
    await as('mentee').delete(`/programmes/${programmeId}`, { confirm: 'x' }).expect(403);
    await as('outsider').delete(`/programmes/${programmeId}`, { confirm: 'x' }).expect(404);
  });

  it('refuses to delete an open programme (409)', async () => {
    const name = (await as('coordinator').get(`/programmes/${programmeId}`).expect(200)).body.name as string;
    const res = await as('coordinator').delete(`/programmes/${programmeId}`, { confirm: name }).expect(409);
    expect(res.body.message).toMatch(/close/i);
  });

  it('closes it: read-only, the can flags say so, and closing again is 409', async () => {
    const closed = await as('coordinator').post(`/programmes/${programmeId}/close`).expect(200);
    expect(closed.body).toMatchObject({
      closedAt: expect.any(String),
      can: { manage: false, close: false, reopen: true, delete: true },
    });
    const again = await as('coordinator').post(`/programmes/${programmeId}/close`).expect(409);
    expect(again.body).toMatchObject({ code: 'PROGRAMME_CLOSED' });
    const plan = await as('mentee').get(`/action-plans/${world.things.plan}`).expect(200);
    expect(Object.values(plan.body.can).every((v) => v === false)).toBe(true);
    expect(plan.body.allowedActions).toEqual([]);
    const pair = await as('mentee').get(`/pairs/${world.things.pair}`).expect(200);
    expect(pair.body.can).toMatchObject({ createPlan: false, startAssessment: false });
    const feed = await as('coordinator').get(`/programmes/${programmeId}/activity`).expect(200);
    expect(JSON.stringify(feed.body)).toContain('programme.closed');
  });

  it.each(writes.filter((op) => !excluded(op)).map((op) => [op.name, op] as const))(
    '%s answers 409 PROGRAMME_CLOSED on a closed programme',
    async (_name, op) => {
      const params = Object.fromEntries(op.pathParams.map((p) => [p, world.things[kindOf(op.path, p)]]));
      const query = exampleQuery(op);
      const path = fillPath(op.path, params).replace(/^\/api\/v1/, '') + (query ? `?${query}` : '');
      const writer = BODYLESS_WRITERS[op.name] ?? writerOf(op);
      const client = writer === 'anonymous' ? t.api : as(writer);
      const res = await client.call(op.method, path, fittingBody(op, params, world.ids) ?? {});
      expect({ status: res.status, code: res.body?.code }).toEqual({ status: 409, code: 'PROGRAMME_CLOSED' });
      expect(res.body.message).toMatch(/closed on \d{4}-\d{2}-\d{2}; it is read-only/);
    },
  );

  it('keeps reads and funder reports working on a closed programme', async () => {
    await as('mentee').get(`/action-plans/${world.things.plan}/comments`).expect(200);
    await as('coordinator').get(`/programmes/${programmeId}/dashboard`).expect(200);
    await as('coordinator').post(`/programmes/${programmeId}/reports`, { format: 'csv' }).expect(202);
  });

  it('reopens it: writes work again', async () => {
    const reopened = await as('coordinator').post(`/programmes/${programmeId}/reopen`).expect(200);
    expect(reopened.body).toMatchObject({ closedAt: null, can: { manage: true, close: true, reopen: false } });
    await as('coordinator').post(`/programmes/${programmeId}/reopen`).expect(409);
    await as('mentee')
      .post(`/action-plans/${world.things.plan}/comments`, {
        body: 'Open again',
        target: { type: 'plan', id: world.things.plan },
      })
      .expect(201);
  });

  it('deletes a closed programme with its name confirmed: no row of it left in any table, others untouched', async () => {
    const other = world.w.elsewhere.id;
    const otherIds = await idsOfProgramme(db, other);
    const ids = await idsOfProgramme(db, programmeId);
    expect(ids.size).toBeGreaterThan(20);
    await as('coordinator').post(`/programmes/${programmeId}/close`).expect(200);

    const preview = await as('coordinator').get(`/programmes/${programmeId}/deletion-preview`).expect(200);
    expect(preview.body).toMatchObject({ deletable: true, counts: { pairs: 2, plans: 1, comments: 2 } });
    expect(preview.body.counts.reports).toBeGreaterThanOrEqual(2);

    const wrong = await as('coordinator').delete(`/programmes/${programmeId}`, { confirm: 'not its name' }).expect(400);
    expect(wrong.body.details).toEqual([{ path: 'confirm', message: expect.any(String) }]);
    const reports = await db.execute<{ file: string }>(
      `select id || '.' || format as file from reports where programme_id = ?`,
      [programmeId],
    );
    await as('coordinator')
      .delete(`/programmes/${programmeId}`, { confirm: ` ${preview.body.name} ` })
      .expect(204);

    expect(await rowsNaming(db, ids)).toEqual([]);
    const audit = await db.execute<{ action: string; details: { name: string } }>(
      `select action, details from audit_entries where programme_id = ? order by at`,
      [programmeId],
    );
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['programme.closed', 'programme.deleted']));
    expect(audit.find((a) => a.action === 'programme.deleted')?.details.name).toBe(preview.body.name);
    expect(await idsOfProgramme(db, other)).toEqual(otherIds);
    await as('coordinator').get(`/programmes/${programmeId}`).expect(404);

    // The worker is told which files to remove, once the rows are gone.
    const queue = new Queue(HOUSEKEEPING_QUEUE, {
      connection: bullConnection(REDIS_URL),
      prefix: `${process.env.REDIS_PREFIX}:bull`,
    });
    try {
      const job = await queue.getJob(deleteProgrammeFilesJob(programmeId, []).opts.jobId);
      expect(job?.data).toMatchObject({ kind: 'delete-programme-files', programmeId });
      expect([...job!.data.reportFiles].sort()).toEqual(reports.map((r) => r.file).sort());
    } finally {
      await queue.close();
    }
  });
});
