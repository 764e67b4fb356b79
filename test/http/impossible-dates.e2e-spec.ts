import { Notification, User } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';

type Mentoring = Awaited<ReturnType<TestApp['given']['mentoring']>>;
type Answer = { status: number; body: { details?: unknown } };

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const IMPOSSIBLE = ['2026-02-30', '0000-01-01', '2023-02-29', '2026-04-31', '2026-13-01'];

/**
 * Dates are real calendar dates wherever they enter (issue 13: an outside fuzzer got 500s from a
 * paging cursor that held 30 February or the year 0000, which Postgres refuses): in a body, a 400
 * naming the field; in a cursor, a 400 naming `cursor`; nothing written either way.
 */
describe('impossible calendar dates', () => {
  let t: TestApp;
  let m: Mentoring;
  let plan: string;
  let milestone: string;

  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    const mentee = t.api.as(m.people.mentee.token);
    plan = (
      await mentee.post(`/pairs/${m.pair.id}/action-plans`, { sectionCodes: ['strategy'], title: 'Plan' }).expect(201)
    ).body.id;
    milestone = (
      await mentee.post(`/action-plans/${plan}/milestones`, { title: 'Step', dueDate: '2030-06-30' }).expect(201)
    ).body.id;
    await t.api
      .as(m.people.coordinator.token)
      .post(`/programmes/${m.programme.id}/milestones`, { title: 'Baselines done', dueDate: '2030-01-31' })
      .expect(201);
  });
  afterAll(() => t.close());

  it.each(IMPOSSIBLE)('%s in a body: 400 naming the field, nothing written', async (date) => {
    const coordinator = t.api.as(m.people.coordinator.token);
    const mentee = t.api.as(m.people.mentee.token);
    const programmeBefore = (await coordinator.get(`/programmes/${m.programme.id}`).expect(200)).body;
    const consortiumBefore = (await coordinator.get(`/programmes/${m.programme.id}/milestones`).expect(200)).body;
    const milestoneBefore = (await mentee.get(`/milestones/${milestone}`).expect(200)).body;
    const [consortium] = consortiumBefore;
    const cases: [Promise<Answer>, string][] = [
      [
        coordinator.post('/programmes', {
          name: 'P',
          startDate: date,
          endDate: '2031-01-01',
          coordinatorOrganisationId: m.coordinatorOrganisation.id,
        }),
        'startDate',
      ],
      [
        coordinator.post('/programmes', {
          name: 'P',
          startDate: '2027-01-01',
          endDate: date,
          coordinatorOrganisationId: m.coordinatorOrganisation.id,
        }),
        'endDate',
      ],
      [coordinator.patch(`/programmes/${m.programme.id}`, { name: 'Renamed', startDate: date }), 'startDate'],
      [coordinator.patch(`/programmes/${m.programme.id}`, { name: 'Renamed', endDate: date }), 'endDate'],
      [coordinator.post(`/programmes/${m.programme.id}/milestones`, { title: 'T', dueDate: date }), 'dueDate'],
      [
        coordinator.patch(`/programmes/${m.programme.id}/milestones/${consortium.id}`, {
          title: 'Renamed',
          dueDate: date,
          version: consortium.version,
        }),
        'dueDate',
      ],
      [mentee.post(`/action-plans/${plan}/milestones`, { title: 'T', dueDate: date }), 'dueDate'],
      [
        mentee.patch(`/milestones/${milestone}`, { title: 'Renamed', dueDate: date, version: milestoneBefore.version }),
        'dueDate',
      ],
    ];
    for (const [request, field] of cases) {
      const res = await request;
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([
        { path: field, message: `${field} must be a real calendar date written YYYY-MM-DD` },
      ]);
    }
    expect((await coordinator.get(`/programmes/${m.programme.id}`).expect(200)).body).toEqual(programmeBefore);
    expect((await coordinator.get(`/programmes/${m.programme.id}/milestones`).expect(200)).body).toEqual(
      consortiumBefore,
    );
    expect((await mentee.get(`/milestones/${milestone}`).expect(200)).body).toEqual(milestoneBefore);
    expect((await coordinator.get('/programmes').expect(200)).body.map((p: { name: string }) => p.name)).not.toContain(
      'P',
    );
  });

  it('takes the real dates at the edges of the calendar: 29 February of a leap year, 0001-01-01', async () => {
    const coordinator = t.api.as(m.people.coordinator.token);
    await coordinator
      .post(`/programmes/${m.programme.id}/milestones`, { title: 'Leap day', dueDate: '2028-02-29' })
      .expect(201);
    await coordinator
      .post(`/programmes/${m.programme.id}/milestones`, { title: 'Long ago', dueDate: '0001-01-01' })
      .expect(201);
  });

  describe('in a notifications cursor', () => {
    let cursor: string;
    let id: string;

    beforeAll(async () => {
      const em = t.orm.em.fork();
      const user = em.getReference(User, m.people.mentee.user.id);
      em.persist(
        [1, 2, 3].map(
          (n) => new Notification({ user, kind: 'comment', title: `Notification ${n}`, body: 'Body', link: '/' }),
        ),
      );
      await em.flush();
      const first = await t.api.as(m.people.mentee.token).get('/notifications?limit=1').expect(200);
      cursor = first.body.nextCursor;
      id = first.body.items[0].id;
    });

    it('follows a real cursor, and one that holds a leap day', async () => {
      const next = await t.api.as(m.people.mentee.token).get(`/notifications?limit=1&cursor=${cursor}`).expect(200);
      expect(next.body.items).toHaveLength(1);
      expect(next.body.items[0].id).not.toBe(id);
      const leapDay = await t.api
        .as(m.people.mentee.token)
        .get(`/notifications?cursor=${b64(`2024-02-29T00:00:00.000000Z|${id}`)}`)
        .expect(200);
      expect(leapDay.body.items).toEqual([]);
    });

    it.each([
      ['30 February', () => b64(`2026-02-30T00:00:00.000000Z|${id}`)],
      ['year 0000', () => b64(`0000-01-01T00:00:00.000000Z|${id}`)],
      [
        'a real cursor with its date made impossible',
        () =>
          b64(
            Buffer.from(cursor, 'base64url')
              .toString()
              .replace(/^\d{4}-\d{2}-\d{2}/, '2026-02-30'),
          ),
      ],
      [
        'a real cursor with its year made 0000',
        () =>
          b64(
            Buffer.from(cursor, 'base64url')
              .toString()
              .replace(/^\d{4}/, '0000'),
          ),
      ],
      ['hour 25', () => b64(`2026-01-01T25:00:00.000000Z|${id}`)],
      ['a date Date.parse reads', () => b64(`1 2 3|${id}`)],
      ['a year past 275760', () => b64(`+275761-01-01T00:00:00.000000Z|${id}`)],
    ])('%s: 400 naming cursor', async (_name, make) => {
      const res = await t.api.as(m.people.mentee.token).get(`/notifications?cursor=${make()}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ path: 'cursor', message: 'cursor must be the nextCursor of a previous page' }],
      });
    });
  });

  it('in an activity cursor: a seq in range pages, one past a bigint is 400', async () => {
    const coordinator = t.api.as(m.people.coordinator.token);
    await coordinator.get(`/programmes/${m.programme.id}/activity?cursor=999999999999999999`).expect(200);
    for (const cursor of ['9999999999999999999', '-1', '1e3', '0x10', '']) {
      const res = await coordinator.get(`/programmes/${m.programme.id}/activity?cursor=${encodeURIComponent(cursor)}`);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ path: 'cursor' })]);
    }
  });
});
