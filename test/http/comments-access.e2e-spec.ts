import { randomUUID } from 'node:crypto';
import { startApp, type TestApp } from '../support/app';
import { GivenPlans } from '../support/given-plans';

type Role = 'mentor' | 'mentee' | 'expert' | 'coordinator' | 'otherCity' | 'outsider' | 'admin' | 'anonymous';
const ROLES: Role[] = ['mentor', 'mentee', 'expert', 'coordinator', 'otherCity', 'outsider', 'admin', 'anonymous'];
type Cast = Awaited<ReturnType<TestApp['given']['mentoring']>>;

interface Fixture {
  planId: string;
  /** A fresh comment for a route that changes it: a thread started by `author`, resolved if asked. */
  comment: (
    author: Exclude<Role, 'anonymous' | 'otherCity' | 'outsider' | 'admin'>,
    resolved?: boolean,
  ) => Promise<string>;
  /** A fresh plan sent back after revision 1 with the mentor's suggestion on its budget; `version` is the plan's. */
  suggestion: () => Promise<string>;
  version: number;
}
interface Row {
  route: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  path: (f: Fixture) => string | Promise<string>;
  body?: (f: Fixture) => unknown;
  expect: Record<Role, number>;
}

const hidden = { otherCity: 404, outsider: 404, anonymous: 401 };
const onPlan = (f: Fixture) => ({ body: 'A question', target: { type: 'plan', id: f.planId } });

/** Every comment route × every role: the status each gets. Another pair's city never learns the plan exists. */
const MATRIX: Row[] = [
  {
    route: 'GET /action-plans/{id}/comments',
    method: 'get',
    path: (f) => `/action-plans/${f.planId}/comments`,
    expect: { mentor: 200, mentee: 200, expert: 200, coordinator: 200, admin: 200, ...hidden },
  },
  {
    route: 'GET /action-plans/{id}/mentionable',
    method: 'get',
    path: (f) => `/action-plans/${f.planId}/mentionable`,
    expect: { mentor: 200, mentee: 200, expert: 200, coordinator: 200, admin: 200, ...hidden },
  },
  {
    route: 'POST /action-plans/{id}/comments',
    method: 'post',
    path: (f) => `/action-plans/${f.planId}/comments`,
    body: onPlan,
    expect: { mentor: 201, mentee: 201, expert: 201, coordinator: 201, admin: 403, ...hidden },
  },
  {
    route: 'PATCH /comments/{id} (the mentor’s)',
    method: 'patch',
    path: async (f) => `/comments/${await f.comment('mentor')}`,
    body: () => ({ body: 'Edited' }),
    expect: { mentor: 200, mentee: 403, expert: 403, coordinator: 403, admin: 403, ...hidden },
  },
  {
    route: 'GET /comments/{id}/history',
    method: 'get',
    path: async (f) => `/comments/${await f.comment('mentor')}/history`,
    expect: { mentor: 200, mentee: 200, expert: 200, coordinator: 200, admin: 200, ...hidden },
  },
  {
    route: 'DELETE /comments/{id} (the mentor’s)',
    method: 'delete',
    path: async (f) => `/comments/${await f.comment('mentor')}`,
    expect: { mentor: 204, mentee: 403, expert: 403, coordinator: 204, admin: 403, ...hidden },
  },
  {
    route: 'POST /comments/{id}/resolve (a thread the mentee started)',
    method: 'post',
    path: async (f) => `/comments/${await f.comment('mentee')}/resolve`,
    expect: { mentor: 200, mentee: 200, expert: 403, coordinator: 403, admin: 403, ...hidden },
  },
  {
    route: 'POST /comments/{id}/reopen (a resolved thread the mentee started)',
    method: 'post',
    path: async (f) => `/comments/${await f.comment('mentee', true)}/reopen`,
    expect: { mentor: 200, mentee: 200, expert: 403, coordinator: 403, admin: 403, ...hidden },
  },
  {
    route: 'POST /comments/{id}/suggestion/apply (the mentor’s suggestion)',
    method: 'post',
    path: async (f) => `/comments/${await f.suggestion()}/suggestion/apply`,
    body: (f) => ({ version: f.version }),
    expect: { mentor: 403, mentee: 200, expert: 403, coordinator: 403, admin: 403, ...hidden },
  },
  {
    route: 'POST /comments/{id}/suggestion/dismiss (the mentor’s suggestion)',
    method: 'post',
    path: async (f) => `/comments/${await f.suggestion()}/suggestion/dismiss`,
    body: () => ({ body: 'Not this time' }),
    expect: { mentor: 403, mentee: 200, expert: 403, coordinator: 403, admin: 403, ...hidden },
  },
];

const huge = 'x'.repeat(10_001);
type BadCase = [name: string, method: 'post' | 'patch' | 'get', path: (i: Ids) => string, body: unknown, field: string];
interface Ids {
  plan: string;
  comment: string;
  otherPlan: string;
  otherPlanMilestone: string;
  otherPlanProgress: string;
  otherPlanComment: string;
}
const create = (i: Ids) => `/action-plans/${i.plan}/comments`;

/** Malformed input on every comment route: 400 naming the field, never a 5xx, nothing written. */
const BAD: BadCase[] = [
  ['body a number', 'post', create, { body: 42, target: { type: 'plan', id: randomUUID() } }, 'body'],
  ['no body', 'post', create, { target: { type: 'plan', id: randomUUID() } }, 'body'],
  ['empty body', 'post', create, { body: '', target: { type: 'plan', id: randomUUID() } }, 'body'],
  ['blank body', 'post', create, { body: ' \n\t ', target: { type: 'plan', id: randomUUID() } }, 'body'],
  ['huge body', 'post', create, { body: huge, target: { type: 'plan', id: randomUUID() } }, 'body'],
  ['unknown field', 'post', create, { body: 'x', target: { type: 'plan', id: randomUUID() }, pinned: true }, 'pinned'],
  ['no target on a new thread', 'post', create, { body: 'x' }, 'target'],
  ['target a string', 'post', create, { body: 'x', target: 'plan' }, 'target'],
  [
    'target of an unknown type',
    'post',
    create,
    { body: 'x', target: { type: 'budget', id: randomUUID() } },
    'target.type',
  ],
  ['target id not a UUID', 'post', create, { body: 'x', target: { type: 'plan', id: 'plan-1' } }, 'target.id'],
  [
    'target with an unknown field',
    'post',
    create,
    { body: 'x', target: { type: 'plan', id: randomUUID(), x: 1 } },
    'target.x',
  ],
  ['parentId not a UUID', 'post', create, { body: 'x', parentId: 7 }, 'parentId'],
  [
    'target: another plan',
    'post',
    create,
    (i: Ids) => ({ body: 'x', target: { type: 'plan', id: i.otherPlan } }),
    'target.id',
  ],
  [
    'target: a milestone of another plan',
    'post',
    create,
    (i: Ids) => ({ body: 'x', target: { type: 'milestone', id: i.otherPlanMilestone } }),
    'target.id',
  ],
  [
    'target: progress on another plan',
    'post',
    create,
    (i: Ids) => ({ body: 'x', target: { type: 'progress', id: i.otherPlanProgress } }),
    'target.id',
  ],
  [
    'target: the plan called a milestone',
    'post',
    create,
    (i: Ids) => ({ body: 'x', target: { type: 'milestone', id: i.plan } }),
    'target.id',
  ],
  [
    'parent: a comment of another plan',
    'post',
    create,
    (i: Ids) => ({ body: 'x', parentId: i.otherPlanComment }),
    'parentId',
  ],
  ['parent: unknown', 'post', create, () => ({ body: 'x', parentId: randomUUID() }), 'parentId'],
  [
    'reply with another target',
    'post',
    create,
    (i: Ids) => ({ body: 'x', parentId: i.comment, target: { type: 'milestone', id: i.otherPlanMilestone } }),
    'target',
  ],
  ['edit: body a number', 'patch', (i) => `/comments/${i.comment}`, { body: 1 }, 'body'],
  ['edit: huge body', 'patch', (i) => `/comments/${i.comment}`, { body: huge }, 'body'],
  ['edit: unknown field', 'patch', (i) => `/comments/${i.comment}`, { body: 'x', mentions: [] }, 'mentions'],
  ['list: unknown target', 'get', (i) => `/action-plans/${i.plan}/comments?target=budget`, undefined, 'target'],
  ['list: targetId not a UUID', 'get', (i) => `/action-plans/${i.plan}/comments?targetId=abc`, undefined, 'targetId'],
  ['list: unknown parameter', 'get', (i) => `/action-plans/${i.plan}/comments?sort=desc`, undefined, 'sort'],
  ['list: bad plan id', 'get', () => `/action-plans/not-a-uuid/comments`, undefined, 'id'],
  ['edit: bad comment id', 'patch', () => `/comments/12345`, { body: 'x' }, 'id'],
  ['resolve: bad comment id', 'post', () => `/comments/${'z'.repeat(36)}/resolve`, undefined, 'id'],
  ...[null, [], {}, 'budget'].map((anchor): BadCase => [
    `anchor ${JSON.stringify(anchor)}`,
    'post',
    create,
    (i: Ids) => ({ body: 'x', target: { type: 'plan', id: i.plan }, anchor }),
    anchor && typeof anchor === 'object' && !Array.isArray(anchor) ? 'anchor.revision' : 'anchor',
  ]),
  [
    'anchor field unknown',
    'post',
    create,
    (i: Ids) => ({ body: 'x', target: { type: 'plan', id: i.plan }, anchor: { revision: 1, field: 'x' } }),
    'anchor.field',
  ],
  [
    'anchor item a string',
    'post',
    create,
    (i: Ids) => ({
      body: 'x',
      target: { type: 'plan', id: i.plan },
      anchor: { revision: 1, field: 'activities', item: '0' },
    }),
    'anchor.item',
  ],
  [
    'anchor on a plan without revisions',
    'post',
    create,
    (i: Ids) => ({ body: 'x', target: { type: 'plan', id: i.plan }, anchor: { revision: 1, field: 'title' } }),
    'anchor.revision',
  ],
  ...[null, [], {}, 7].map((suggestion): BadCase => [
    `suggestion ${JSON.stringify(suggestion)}`,
    'post',
    create,
    (i: Ids) => ({ body: 'x', target: { type: 'plan', id: i.plan }, suggestion }),
    'suggestion',
  ]),
  ...[null, [], {}, '3', 0].map((version): BadCase => [
    `apply: version ${JSON.stringify(version)}`,
    'post',
    (i) => `/comments/${i.comment}/suggestion/apply`,
    { version },
    'version',
  ]),
  ['apply: no version', 'post', (i) => `/comments/${i.comment}/suggestion/apply`, {}, 'version'],
  ['apply: unknown field', 'post', (i) => `/comments/${i.comment}/suggestion/apply`, { version: 1, text: 'x' }, 'text'],
  ...[null, [], {}, 5, ''].map((body): BadCase => [
    `dismiss: body ${JSON.stringify(body)}`,
    'post',
    (i) => `/comments/${i.comment}/suggestion/dismiss`,
    { body },
    'body',
  ]),
  ['dismiss: bad comment id', 'post', () => `/comments/nope/suggestion/dismiss`, { body: 'x' }, 'id'],
];

describe('comments: who may do what, and bad input', () => {
  let t: TestApp;
  let m: Cast;
  let fixture: Fixture;
  let ids: Ids;
  let countComments: () => Promise<number>;

  beforeAll(async () => {
    t = await startApp();
    const plans = new GivenPlans(t.orm);
    m = await t.given.mentoring();
    const plan = await plans.plan(m.pair);
    const other = await plans.plan(m.pair, { title: 'Another plan of the same pair' });
    const otherMilestone = await plans.milestone(other);
    const otherProgress = await plans.progress(otherMilestone, m.people.mentee.user);
    const mentor = t.api.as(m.people.mentor.token);
    const onOther = await mentor
      .post(`/action-plans/${other.id}/comments`, { body: 'Elsewhere', target: { type: 'plan', id: other.id } })
      .expect(201);
    fixture = {
      planId: plan.id,
      comment: async (author, resolved = false) => {
        const res = await t.api
          .as(m.people[author].token)
          .post(`/action-plans/${plan.id}/comments`, onPlan(fixture))
          .expect(201);
        if (resolved) await mentor.post(`/comments/${res.body.id}/resolve`).expect(200);
        return res.body.id;
      },
      version: 1,
      suggestion: async () => {
        const { plan: revised } = await plans.revisedPlan(m.pair);
        fixture.version = revised.version;
        const res = await mentor
          .post(`/action-plans/${revised.id}/comments`, {
            body: 'Say where it comes from',
            target: { type: 'plan', id: revised.id },
            anchor: { revision: 1, field: 'budget' },
            suggestion: 'EUR 12000 from the city’s economic fund',
          })
          .expect(201);
        return res.body.id;
      },
    };
    ids = {
      plan: plan.id,
      comment: await fixture.comment('mentor'),
      otherPlan: (await plans.plan(m.otherPair)).id,
      otherPlanMilestone: otherMilestone.id,
      otherPlanProgress: otherProgress.id,
      otherPlanComment: onOther.body.id,
    };
    const connection = t.orm.em.fork().getConnection();
    countComments = async () =>
      Number((await connection.execute<{ n: string }[]>('select count(*) as n from comments'))[0].n);
  });
  afterAll(() => t.close());

  const cases = MATRIX.flatMap((row) => ROLES.map((role) => [row.route, role, row.expect[role], row] as const));

  it.each(cases)('%s as %s → %i', async (_route, role, status, row) => {
    const token = role === 'anonymous' ? undefined : m.people[role].token;
    const client = token ? t.api.as(token) : t.api;
    const res = await client.call(row.method, await row.path(fixture), row.body?.(fixture));
    expect(res.status).toBe(status);
    if (status >= 400)
      expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
  });

  describe('malformed input', () => {
    let before: number;
    beforeAll(async () => {
      before = await countComments();
    });

    it.each(BAD)('%s → 400 naming the field', async (_name, method, path, body, field) => {
      const payload = typeof body === 'function' ? (body as (i: Ids) => unknown)(ids) : body;
      const res = await t.api.as(m.people.mentor.token).call(method, path(ids), payload);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
      expect(res.body.message).toContain(field.split('.').pop());
    });

    it('wrote no comment for any of them', async () => {
      expect(await countComments()).toBe(before);
    });
  });
});
