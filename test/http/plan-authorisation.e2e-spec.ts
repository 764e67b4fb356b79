import { startApp, type TestApp } from '../support/app';
import { PEOPLE, planFixtures, type Mentoring, type Who } from './plan-fixtures';

type Role = Who | 'anonymous';
const ROLES: Role[] = [...PEOPLE, 'anonymous'];
type Fixtures = ReturnType<typeof planFixtures>;

interface Row {
  route: string;
  method: 'get' | 'post' | 'patch' | 'put';
  /** Builds fresh data for one call and gives its path and body. */
  setup: (f: Fixtures, pairId: string) => { path: string; body?: object } | Promise<{ path: string; body?: object }>;
  expect: Record<Role, number>;
}

/** Everyone on the pair reads; the other pair's city and other programmes do not learn it exists. */
const readers: Record<Role, number> = {
  mentor: 200,
  mentee: 200,
  expert: 200,
  coordinator: 200,
  admin: 200,
  otherCity: 404,
  outsider: 404,
  anonymous: 401,
};
/** Only the mentee side writes. */
const mentee = (status: number): Record<Role, number> => ({
  mentee: status,
  mentor: 403,
  expert: 403,
  coordinator: 403,
  admin: 403,
  otherCity: 404,
  outsider: 404,
  anonymous: 401,
});

const MATRIX: Row[] = [
  {
    route: 'POST /pairs/{id}/action-plans',
    method: 'post',
    setup: (_f, pairId) => ({
      path: `/pairs/${pairId}/action-plans`,
      body: { sectionCodes: ['strategy'], title: 'T' },
    }),
    expect: mentee(201),
  },
  {
    route: 'GET /pairs/{id}/action-plans',
    method: 'get',
    setup: (_f, pairId) => ({ path: `/pairs/${pairId}/action-plans` }),
    expect: readers,
  },
  {
    route: 'GET /action-plans/{id}',
    method: 'get',
    setup: async (f) => ({ path: `/action-plans/${(await f.draft()).id}` }),
    expect: readers,
  },
  {
    route: 'PATCH /action-plans/{id}',
    method: 'patch',
    setup: async (f) => ({ path: `/action-plans/${(await f.draft()).id}`, body: { title: 'New', version: 1 } }),
    expect: mentee(200),
  },
  {
    route: 'POST /action-plans/{id}/submit',
    method: 'post',
    setup: async (f) => ({ path: `/action-plans/${(await f.ready()).id}/submit` }),
    expect: mentee(200),
  },
  {
    route: 'POST /action-plans/{id}/withdraw',
    method: 'post',
    setup: async (f) => ({ path: `/action-plans/${(await f.submitted()).id}/withdraw` }),
    expect: mentee(200),
  },
  {
    route: 'POST /action-plans/{id}/reviews',
    method: 'post',
    setup: async (f) => ({
      path: `/action-plans/${(await f.submitted()).id}/reviews`,
      body: { verdict: 'request-changes', summary: 'More detail' },
    }),
    expect: { ...mentee(403), mentor: 201, mentee: 403 },
  },
  {
    route: 'POST /action-plans/{id}/start',
    method: 'post',
    setup: async (f) => ({ path: `/action-plans/${(await f.approved()).id}/start` }),
    expect: mentee(200),
  },
  {
    route: 'POST /action-plans/{id}/complete',
    method: 'post',
    setup: async (f) => ({ path: `/action-plans/${(await f.inProgress()).id}/complete` }),
    expect: mentee(200),
  },
  {
    route: 'POST /action-plans/{id}/archive',
    method: 'post',
    setup: async (f) => ({ path: `/action-plans/${(await f.draft()).id}/archive` }),
    expect: { ...mentee(200), coordinator: 200 },
  },
  {
    route: 'GET /action-plans/{id}/revisions',
    method: 'get',
    setup: async (f) => ({ path: `/action-plans/${(await f.submitted()).id}/revisions` }),
    expect: readers,
  },
  {
    route: 'GET /action-plans/{id}/revisions/{number}',
    method: 'get',
    setup: async (f) => ({ path: `/action-plans/${(await f.submitted()).id}/revisions/1` }),
    expect: readers,
  },
  {
    route: 'GET /action-plans/{id}/diff',
    method: 'get',
    setup: async (f) => ({ path: `/action-plans/${(await f.submitted()).id}/diff` }),
    expect: readers,
  },
  {
    route: 'PUT /action-plans/{id}/diff/viewed',
    method: 'put',
    setup: async (f) => ({
      path: `/action-plans/${(await f.submitted()).id}/diff/viewed`,
      body: { revision: 1, field: 'field:objective', viewed: true },
    }),
    expect: readers,
  },
  {
    route: 'GET /action-plans/{id}/changes-since-approval',
    method: 'get',
    setup: async (f) => ({ path: `/action-plans/${(await f.approved()).id}/changes-since-approval` }),
    expect: readers,
  },
  {
    route: 'POST /action-plans/{id}/milestones',
    method: 'post',
    setup: async (f) => ({
      path: `/action-plans/${(await f.draft()).id}/milestones`,
      body: { title: 'M', dueDate: '2030-01-01' },
    }),
    expect: mentee(201),
  },
  {
    route: 'GET /milestones/{id}',
    method: 'get',
    setup: async (f) => ({ path: `/milestones/${(await f.milestone((await f.draft()).id)).id}` }),
    expect: readers,
  },
  {
    route: 'PATCH /milestones/{id}',
    method: 'patch',
    setup: async (f) => ({
      path: `/milestones/${(await f.milestone((await f.draft()).id)).id}`,
      body: { title: 'Renamed', version: 1 },
    }),
    expect: mentee(200),
  },
  {
    route: 'POST /milestones/{id}/progress',
    method: 'post',
    setup: async (f) => {
      const plan = await f.draft({ objective: 'Small loans for founders' });
      const ms = await f.milestone(plan.id, { owner: 'Business office' });
      await f.step(await f.step(plan, 'mentee', 'submit'), 'mentor', 'reviews', { verdict: 'approve', summary: 'ok' });
      return { path: `/milestones/${ms.id}/progress`, body: { percent: 10, status: 'in-progress' } };
    },
    expect: mentee(201),
  },
  {
    route: 'GET /milestones/{id}/progress',
    method: 'get',
    setup: async (f) => ({ path: `/milestones/${(await f.milestone((await f.draft()).id)).id}/progress` }),
    expect: readers,
  },
];

const CASES = MATRIX.flatMap((row) => ROLES.map((role) => [row.route, role, row.expect[role], row] as const));

describe('authorisation of action plans, milestones and progress', () => {
  let t: TestApp;
  let m: Mentoring;
  let f: Fixtures;
  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    f = planFixtures(t, m);
  });
  afterAll(() => t.close());

  it.each(CASES)('%s as %s → %i', async (_route, role, status, row) => {
    const { path, body } = await row.setup(f, m.pair.id);
    const client = role === 'anonymous' ? t.api : f.as(role);
    const res = await client.call(row.method, path, body);
    expect(res.status).toBe(status);
    if (status === 404) expect(res.body.code).toBe('NOT_FOUND');
    if (status === 403) expect(res.body.code).toBe('FORBIDDEN');
  });

  it("hides the other pair's plans from this pair's cities, and this pair's from the other city", async () => {
    const theirs = await f
      .as('otherCity')
      .post(`/pairs/${m.otherPair.id}/action-plans`, { sectionCodes: ['networking'], title: 'Theirs' })
      .expect(201);
    for (const who of ['mentor', 'mentee'] as const) {
      await f.as(who).get(`/action-plans/${theirs.body.id}`).expect(404);
      await f.as(who).get(`/pairs/${m.otherPair.id}/action-plans`).expect(404);
    }
    await f.as('expert').get(`/action-plans/${theirs.body.id}`).expect(200);
  });

  it('answers unknown ids with 404 and malformed ones with 400', async () => {
    await f.mentee().get('/action-plans/7d1c3f52-9a55-4c57-9a0e-8f44c3f2a1b0').expect(404);
    await f.mentee().get('/milestones/7d1c3f52-9a55-4c57-9a0e-8f44c3f2a1b0').expect(404);
    await f
      .mentee()
      .post('/pairs/7d1c3f52-9a55-4c57-9a0e-8f44c3f2a1b0/action-plans', { sectionCodes: ['strategy'], title: 'T' })
      .expect(404);
    const bad = await f.mentee().get('/action-plans/not-a-uuid').expect(400);
    expect(bad.body.details).toEqual([{ path: 'id', message: 'id must be a UUID' }]);
  });
});
