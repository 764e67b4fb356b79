import { startApp, type TestApp } from '../support/app';
import { TestSocket } from '../support/sockets';
import { IDOR_ROLES, idorCast, type ForeignSet, type IdorCast, type IdorRole } from './support/idor-cast';
import { exampleBody, exampleQuery, leaksIn } from './support/idor-requests';
import { fillPath, operations, type Operation } from './support/openapi-routes';
import { closeConnections, send, type RawResponse } from './support/raw-http';
import { kindOf, SHARED_KINDS, type Kind } from './support/resource-kinds';

const ops = operations();
/** Routes that end the session they are called with: each call gets a session of its own. */
const ENDS_SESSION = /^\/api\/v1\/(auth\/|me\/password$)/;
/** The token in the path is the capability itself (an invitation link): whoever holds it may use it. */
const CAPABILITY: Kind[] = ['invitationToken'];
const NON_ADMIN = IDOR_ROLES.filter((r) => r !== 'admin');

const kinds = (op: Operation) => op.pathParams.map((p) => kindOf(op.path, p));
/** Routes whose ids name something of someone's (not only catalogue codes), and not a capability. */
const ownedRoute = (op: Operation) =>
  kinds(op).some((k) => !(SHARED_KINDS as readonly Kind[]).includes(k)) &&
  !kinds(op).some((k) => CAPABILITY.includes(k));
/** The path parameters filled from `things`, or null when `things` has nothing of a kind the route needs. */
function paramsFrom(op: Operation, things: Partial<Record<Kind, string>>): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const p of op.pathParams) {
    const value = things[kindOf(op.path, p)];
    if (value === undefined) return null;
    params[p] = value;
  }
  return params;
}

/**
 * IDOR: every route of docs/openapi.json × every role, with the ids of another pair, another
 * programme or another user → 404 (not visible), 401 (anonymous), and not one id or text of theirs
 * in any answer; the same roles' own lists and feeds show nothing of them either; and nothing of
 * theirs changed.
 */
describe('IDOR matrix: every route × every role × ids that are not theirs', () => {
  let t: TestApp;
  let cast: IdorCast;
  let url: string;
  let awayBefore: unknown;

  beforeAll(async () => {
    t = await startApp();
    url = await t.listen();
    cast = await idorCast(t);
    awayBefore = await awayState();
  }, 120_000);
  afterAll(async () => {
    closeConnections();
    await t?.close();
  });

  /** What the other programme's people see of their things: it must be the same after the matrix ran. */
  async function awayState() {
    const { mentee, coordinator } = cast.away.people;
    const read = async (token: string, path: string) => (await t.api.as(token).get(path).expect(200)).body;
    return {
      plan: await read(mentee.token, `/action-plans/${cast.awayPair.plan}`),
      comments: await read(mentee.token, `/action-plans/${cast.awayPair.plan}/comments`),
      progress: await read(mentee.token, `/milestones/${cast.awayPair.milestone}/progress`),
      assessment: await read(mentee.token, `/assessments/${cast.awayPair.assessment}`),
      programme: await read(coordinator.token, `/programmes/${cast.away.programme.id}`),
      members: await read(coordinator.token, `/programmes/${cast.away.programme.id}/members`),
      milestones: await read(coordinator.token, `/programmes/${cast.away.programme.id}/milestones`),
      invitations: await read(coordinator.token, `/programmes/${cast.away.programme.id}/invitations`),
      pair: await read(coordinator.token, `/pairs/${cast.away.pair.id}`),
      report: await read(coordinator.token, `/reports/${cast.awayProgramme.report}`),
      notifications: await read(mentee.token, '/notifications'),
    };
  }

  /** Sends `op` as `role` with its path filled by `params`; returns the answer and the request's own text. */
  async function call(
    role: IdorRole,
    op: Operation,
    params: Record<string, string>,
  ): Promise<{ res: RawResponse; request: string }> {
    const session = ENDS_SESSION.test(op.path) ? await cast.freshSession(role) : cast.sessionOf(role);
    const body = exampleBody(op, params);
    const query = exampleQuery(op);
    const path = fillPath(op.path, params) + (query ? `?${query}` : '');
    const headers: Record<string, string> = {};
    if (session) headers.authorization = `Bearer ${session.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await send(url, {
      method: op.method.toUpperCase(),
      path,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { res, request: `${path} ${JSON.stringify(body)}` };
  }

  let mismatches: string[] = [];
  let tried = 0;
  beforeEach(() => {
    mismatches = [];
  });
  /** Records what is wrong with one answer: its status, or a foreign id or text in it. */
  function judge(
    where: string,
    res: RawResponse,
    request: string,
    statuses: number[] | ((s: number) => boolean),
    sets: ForeignSet[],
  ) {
    tried++;
    const ok = Array.isArray(statuses) ? statuses.includes(res.status) : statuses(res.status);
    if (!ok) mismatches.push(`${where}: got ${res.status} ${res.text.slice(0, 160)}`);
    for (const leak of leaksIn(res.text, sets, request)) mismatches.push(`${where}: shows ${leak}`);
  }

  it('answers 404 to every role but the admin, and 401 to anonymous, for ids of another pair, programme or user, and shows none of theirs', async () => {
    for (const role of NON_ADMIN) {
      for (const foreign of cast.foreignTo(role)) {
        for (const op of ops) {
          if (!ownedRoute(op)) continue;
          const params = paramsFrom(op, foreign.things);
          if (!params) continue;
          const expected = role === 'anonymous' && !op.public ? 401 : 404;
          const { res, request } = await call(role, op, params);
          judge(`${role} × ${foreign.name} × ${op.name}`, res, request, [expected], cast.foreignTo(role));
        }
      }
    }
    console.log(`IDOR matrix (foreign ids): ${tried} requests, ${mismatches.length} leaks or wrong statuses`);
    expect(mismatches).toEqual([]);
  });

  it('refuses a foreign child under one’s own parent (own programme, another’s member or milestone) and shows none of it', async () => {
    const before = tried;
    for (const role of NON_ADMIN.filter((r) => r !== 'anonymous')) {
      for (const foreign of cast.foreignTo(role)) {
        for (const op of ops.filter((o) => o.pathParams.length > 1)) {
          const [parent, ...children] = op.pathParams;
          const own = cast.homeOf(role)[kindOf(op.path, parent)];
          const params = paramsFrom(op, { ...foreign.things, [kindOf(op.path, parent)]: own });
          if (
            !own ||
            !params ||
            children.every((c) => foreign.things[kindOf(op.path, c)] === cast.homeOf(role)[kindOf(op.path, c)])
          )
            continue;
          const { res, request } = await call(role, op, params);
          judge(
            `${role} × own parent, ${foreign.name} child × ${op.name}`,
            res,
            request,
            [400, 403, 404],
            cast.foreignTo(role),
          );
        }
      }
    }
    console.log(`IDOR matrix (mixed ids): ${tried - before} requests`);
    expect(mismatches).toEqual([]);
  });

  it('shows nothing of another pair, programme or user in one’s own reads: lists, feeds, dashboards, /me', async () => {
    const before = tried;
    for (const role of NON_ADMIN) {
      for (const op of ops.filter((o) => o.method === 'get')) {
        const params = paramsFrom(op, cast.homeOf(role));
        if (!params || (role === 'anonymous' && !op.public)) continue;
        const { res, request } = await call(role, op, params);
        judge(`${role} × own × ${op.name}`, res, request, (s) => s < 500, cast.foreignTo(role));
      }
    }
    console.log(`IDOR matrix (own reads): ${tried - before} requests`);
    expect(mismatches).toEqual([]);
  });

  it('shows nothing foreign in the answers of routes without ids, whoever calls them', async () => {
    const before = tried;
    for (const role of NON_ADMIN) {
      for (const op of ops.filter((o) => !o.pathParams.length && o.method !== 'get')) {
        const { res, request } = await call(role, op, {});
        judge(
          `${role} × ${op.name}`,
          res,
          request,
          (s) => s < 500 && (op.public || role !== 'anonymous' || s === 401),
          cast.foreignTo(role),
        );
      }
    }
    console.log(`IDOR matrix (routes without ids): ${tried - before} requests`);
    expect(mismatches).toEqual([]);
  });

  it('refuses ids of another pair or programme inside a body or a query, and shows none of theirs', async () => {
    const { home, away } = cast;
    const own = cast.homeOf('mentee');
    const other = cast.foreignTo('mentee')[0].things; // another pair of the same programme
    const elsewhere = cast.foreignTo('coordinator')[0].things; // another programme
    const mentee = t.api.as(home.people.mentee.token);
    const coordinator = t.api.as(home.people.coordinator.token);
    const cases: [string, () => Promise<{ status: number; text: string }>][] = [
      [
        'a comment on another pair’s milestone',
        () =>
          mentee.post(`/action-plans/${own.plan}/comments`, {
            body: 'x',
            target: { type: 'milestone', id: other.milestone },
          }),
      ],
      [
        'a comment on another pair’s plan',
        () =>
          mentee.post(`/action-plans/${own.plan}/comments`, { body: 'x', target: { type: 'plan', id: other.plan } }),
      ],
      [
        'a thread anchored on a field of another pair’s milestone',
        () =>
          mentee.post(`/action-plans/${own.plan}/comments`, {
            body: 'x',
            target: { type: 'milestone', id: other.milestone },
            anchor: { revision: 1, field: 'title' },
          }),
      ],
      [
        'a reply to another pair’s comment',
        () => mentee.post(`/action-plans/${own.plan}/comments`, { body: 'x', parentId: other.comment }),
      ],
      [
        'a mention of someone of another programme',
        () =>
          mentee.post(`/action-plans/${own.plan}/comments`, {
            body: `@[X](${away.people.mentee.user.id}) look`,
            target: { type: 'plan', id: own.plan },
          }),
      ],
      [
        'comments filtered by another pair’s milestone',
        () => mentee.get(`/action-plans/${own.plan}/comments?target=milestone&targetId=${other.milestone}`),
      ],
      [
        'a pair with another programme’s city',
        () =>
          coordinator.post(`/programmes/${home.programme.id}/pairs`, {
            benchmarkCode: 'migrant-entrepreneurs',
            mentorOrganisationId: away.city.id,
            menteeOrganisationId: home.city.id,
          }),
      ],
      [
        'an assessment of another programme’s city',
        () =>
          coordinator.post(`/programmes/${home.programme.id}/assessments`, {
            organisationId: away.city.id,
            benchmarkCode: 'migrant-entrepreneurs',
            phase: 'baseline',
          }),
      ],
      [
        'an invitation into another programme’s city',
        () =>
          coordinator.post(`/programmes/${home.programme.id}/invitations`, {
            email: 'probe@example.eu',
            organisationId: away.city.id,
          }),
      ],
      [
        'a programme coordinated by another network',
        () =>
          coordinator.post('/programmes', {
            name: 'Probe',
            startDate: '2030-01-01',
            endDate: '2030-12-31',
            coordinatorOrganisationId: away.coordinatorOrganisation.id,
          }),
      ],
      [
        'a consortium milestone of another programme',
        () =>
          coordinator.patch(`/programmes/${home.programme.id}/milestones/${elsewhere.consortiumMilestone}`, {
            title: 'x',
            version: 1,
          }),
      ],
      [
        'deleting a consortium milestone of another programme',
        () =>
          coordinator.delete(`/programmes/${home.programme.id}/milestones/${elsewhere.consortiumMilestone}`, {
            version: 1,
            reason: 'x',
          }),
      ],
    ];
    for (const [what, request] of cases) {
      const res = await request();
      const where = `${what} (${res.status})`;
      if (res.status < 400 && !what.startsWith('comments filtered')) mismatches.push(`${where}: accepted`);
      for (const leak of leaksIn(res.text, cast.foreignTo('mentee'), '')) mismatches.push(`${where}: shows ${leak}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses every socket room of another pair, programme, assessment or user, to every role', async () => {
    const ROOM_KINDS: Kind[] = ['programme', 'pair', 'plan', 'assessment'];
    const otherUser = `user:${cast.away.people.mentee.user.id}`;
    let rooms = 0;
    for (const role of IDOR_ROLES) {
      const session = cast.sessionOf(role);
      if (!session) {
        await expect(TestSocket.connect(url, undefined)).rejects.toThrow(/unauthorized/);
        continue;
      }
      const socket = await TestSocket.connect(url, session.token);
      try {
        const foreign =
          role === 'admin'
            ? []
            : cast
                .foreignTo(role)
                .flatMap((f) => ROOM_KINDS.filter((k) => f.things[k]).map((k) => `${k}:${f.things[k]}`));
        for (const room of [...foreign, otherUser]) {
          rooms++;
          const ack = await socket.subscribe(room);
          if (ack.ok) mismatches.push(`${role} joined ${room}`);
        }
      } finally {
        socket.close();
      }
    }
    console.log(`IDOR matrix (socket rooms): ${rooms} foreign rooms tried`);
    expect(mismatches).toEqual([]);
  });

  it('left everything of the other programme and user as it was', async () => {
    expect(await awayState()).toEqual(awayBefore);
  });

  it('lets the admin read every programme (by design), but never another user’s notifications', async () => {
    const before = tried;
    const awayThings = cast.foreignTo('coordinator')[0].things;
    for (const op of ops.filter((o) => o.method === 'get' && ownedRoute(o))) {
      const params = paramsFrom(op, awayThings);
      if (!params) continue;
      const { res, request } = await call('admin', op, params);
      judge(`admin × another programme × ${op.name}`, res, request, (s) => s < 500 && s !== 401 && s !== 404, []);
    }
    for (const foreign of cast.foreignTo('admin')) {
      for (const op of ops) {
        const params = ownedRoute(op) ? paramsFrom(op, foreign.things) : null;
        if (!params) continue;
        const { res, request } = await call('admin', op, params);
        judge(`admin × ${foreign.name} × ${op.name}`, res, request, [404], [foreign]);
      }
    }
    console.log(
      `IDOR matrix (admin): ${tried - before} requests; in all ${tried} requests, ${mismatches.length} leaks or wrong statuses`,
    );
    expect(mismatches).toEqual([]);
  });
});
