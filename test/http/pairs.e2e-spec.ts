import { randomUUID } from 'node:crypto';
import type { Rating } from '@citymentor/contracts';
import type { ApiClient } from '../support/api-client';
import { startApp, type TestApp } from '../support/app';

type Mentoring = Awaited<ReturnType<TestApp['given']['mentoring']>>;
type Role = 'mentor' | 'mentee' | 'expert' | 'coordinator' | 'otherCity' | 'outsider' | 'admin' | 'anonymous';
const ROLES: Role[] = ['mentor', 'mentee', 'expert', 'coordinator', 'otherCity', 'outsider', 'admin', 'anonymous'];
const BENCHMARK = 'migrant-entrepreneurs';

/** Starts a city's baseline and rates `<section>.q1…` in order; returns the assessment id. */
async function baseline(
  client: ApiClient,
  programmeId: string,
  organisationId: string,
  ratings: Record<string, Rating[]>,
  submit = true,
) {
  const { body } = await client
    .post(`/programmes/${programmeId}/assessments`, { organisationId, benchmarkCode: BENCHMARK, phase: 'baseline' })
    .expect(201);
  for (const [section, values] of Object.entries(ratings)) {
    for (const [i, rating] of values.entries())
      await client.put(`/assessments/${body.id}/answers/${section}.q${i + 1}`, { rating }).expect(200);
  }
  if (submit) await client.post(`/assessments/${body.id}/submit`).expect(200);
  return body.id as string;
}

describe('mentoring pairs', () => {
  let t: TestApp;
  let g: Mentoring;
  const as = (role: Exclude<Role, 'anonymous'>) => t.api.as(g.people[role].token);

  beforeAll(async () => {
    t = await startApp();
    g = await t.given.mentoring();
  });
  afterAll(() => t.close());

  /** Two more cities of the programme, for pairs of their own. */
  async function twoCities() {
    const [a, b] = await Promise.all([t.given.organisation('city'), t.given.organisation('city')]);
    await t.given.participant(g.programme, a);
    await t.given.participant(g.programme, b);
    return [a, b] as const;
  }

  it('lets a coordinator form a pair; each side sees it from its side, with both cities named', async () => {
    const [helsinki, dublin] = await twoCities();
    const created = await as('coordinator')
      .post(`/programmes/${g.programme.id}/pairs`, {
        benchmarkCode: BENCHMARK,
        mentorOrganisationId: helsinki.id,
        menteeOrganisationId: dublin.id,
        focusSectionCodes: ['strategy', 'networking'],
      })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      programmeId: g.programme.id,
      benchmarkCode: BENCHMARK,
      mentorOrganisation: { id: helsinki.id, name: helsinki.name, country: 'BE' },
      menteeOrganisation: { id: dublin.id, name: dublin.name, country: 'BE' },
      focusSectionCodes: ['strategy', 'networking'],
      status: 'active',
      createdAt: expect.stringMatching(/Z$/),
      endedAt: null,
      mySide: 'coordinator',
      can: { createPlan: false, startAssessment: true },
    });
    expect((await as('mentee').get(`/pairs/${g.pair.id}`).expect(200)).body).toMatchObject({
      mySide: 'mentee',
      menteeOrganisation: { id: g.menteeCity.id },
    });
    expect((await as('mentor').get(`/pairs/${g.pair.id}`).expect(200)).body).toMatchObject({
      mySide: 'mentor',
      mentorOrganisation: { id: g.mentorCity.id, country: 'FI' },
    });
    expect((await as('expert').get(`/pairs/${created.body.id}`).expect(200)).body.mySide).toBe('expert');
  });

  it('refuses a second active pair of the same cities on the same benchmark (409), and allows it again once the first has ended', async () => {
    const [a, b] = await twoCities();
    const body = { benchmarkCode: BENCHMARK, mentorOrganisationId: a.id, menteeOrganisationId: b.id };
    const first = await as('coordinator').post(`/programmes/${g.programme.id}/pairs`, body).expect(201);
    const duplicate = await as('admin').post(`/programmes/${g.programme.id}/pairs`, body).expect(409);
    expect(duplicate.body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    // The other direction is another pair.
    await as('coordinator')
      .post(`/programmes/${g.programme.id}/pairs`, { ...body, mentorOrganisationId: b.id, menteeOrganisationId: a.id })
      .expect(201);

    await as('coordinator').post(`/pairs/${first.body.id}/end`).expect(200);
    await as('coordinator').post(`/programmes/${g.programme.id}/pairs`, body).expect(201);
  });

  it('forms exactly one pair from simultaneous identical requests', async () => {
    const [a, b] = await twoCities();
    const body = { benchmarkCode: BENCHMARK, mentorOrganisationId: a.id, menteeOrganisationId: b.id };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => as('coordinator').post(`/programmes/${g.programme.id}/pairs`, body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it.each([
    [
      'a city paired with itself',
      () => ({ mentorOrganisationId: g.menteeCity.id, menteeOrganisationId: g.menteeCity.id }),
      'menteeOrganisationId',
    ],
    [
      'an expert organisation as mentor',
      () => ({ mentorOrganisationId: g.expertOrganisation.id, menteeOrganisationId: g.menteeCity.id }),
      'mentorOrganisationId',
    ],
    [
      'the coordinating network as mentee',
      () => ({ mentorOrganisationId: g.mentorCity.id, menteeOrganisationId: g.coordinatorOrganisation.id }),
      'menteeOrganisationId',
    ],
    [
      'an unknown organisation',
      () => ({ mentorOrganisationId: randomUUID(), menteeOrganisationId: g.menteeCity.id }),
      'mentorOrganisationId',
    ],
  ])('refuses %s with 400 naming the field', async (_case, ids, field) => {
    const res = await as('coordinator')
      .post(`/programmes/${g.programme.id}/pairs`, { benchmarkCode: BENCHMARK, ...ids() })
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ path: field })]);
  });

  it('refuses a city that is not in the programme', async () => {
    const stranger = await t.given.organisation('city');
    const res = await as('coordinator')
      .post(`/programmes/${g.programme.id}/pairs`, {
        benchmarkCode: BENCHMARK,
        mentorOrganisationId: g.mentorCity.id,
        menteeOrganisationId: stranger.id,
      })
      .expect(400);
    expect(res.body.message).toMatch(/menteeOrganisationId is not an organisation of this programme/);
  });

  it('lists to a city only the pairs it is in — as mentor in one and mentee in another — and every pair to experts and coordinators', async () => {
    const [newcomer] = await twoCities();
    const reverse = await as('coordinator')
      .post(`/programmes/${g.programme.id}/pairs`, {
        benchmarkCode: BENCHMARK,
        mentorOrganisationId: g.menteeCity.id,
        menteeOrganisationId: newcomer.id,
      })
      .expect(201);
    const mine = (await as('mentee').get(`/programmes/${g.programme.id}/pairs`).expect(200)).body as {
      id: string;
      mySide: string;
    }[];
    expect(mine.map((p) => [p.id, p.mySide])).toEqual([
      [g.pair.id, 'mentee'],
      [reverse.body.id, 'mentor'],
    ]);
    const theirs = (await as('otherCity').get(`/programmes/${g.programme.id}/pairs`).expect(200)).body as {
      id: string;
    }[];
    expect(theirs.map((p) => p.id)).toEqual([g.otherPair.id]);
    for (const role of ['expert', 'coordinator', 'admin'] as const) {
      const all = (await as(role).get(`/programmes/${g.programme.id}/pairs`).expect(200)).body as { id: string }[];
      expect(all.map((p) => p.id)).toEqual(expect.arrayContaining([g.pair.id, g.otherPair.id, reverse.body.id]));
    }
  });

  it("says what each side may do on the pair's page (can), and the plan and assessment routes agree", async () => {
    const [mentorCity, menteeCity] = await twoCities();
    const pair = await t.given.pair(g.programme, mentorCity, menteeCity);
    const clients: Record<string, ApiClient> = {
      mentor: t.api.as((await t.given.signIn(await t.given.member(g.programme, mentorCity, 'city-member'))).token),
      mentee: t.api.as((await t.given.signIn(await t.given.member(g.programme, menteeCity, 'city-member'))).token),
      expert: as('expert'),
      coordinator: as('coordinator'),
      admin: as('admin'),
    };
    const expected: Record<string, { createPlan: boolean; startAssessment: boolean }> = {
      mentee: { createPlan: true, startAssessment: true },
      mentor: { createPlan: false, startAssessment: false },
      expert: { createPlan: false, startAssessment: false },
      coordinator: { createPlan: false, startAssessment: true },
      admin: { createPlan: false, startAssessment: true },
    };
    for (const [who, client] of Object.entries(clients)) {
      expect([who, (await client.get(`/pairs/${pair.id}`).expect(200)).body.can]).toEqual([who, expected[who]]);
      const listed = (await client.get(`/programmes/${g.programme.id}/pairs`).expect(200)).body;
      expect([who, listed.find((p: { id: string }) => p.id === pair.id).can]).toEqual([who, expected[who]]);
    }
    for (const [who, client] of Object.entries(clients)) {
      const plan = await client.post(`/pairs/${pair.id}/action-plans`, { title: 'Desk', sectionCodes: ['strategy'] });
      expect([who, plan.status]).toEqual([who, expected[who].createPlan ? 201 : 403]);
      if (!expected[who].startAssessment) {
        const start = await client.post(`/programmes/${g.programme.id}/assessments`, {
          organisationId: menteeCity.id,
          benchmarkCode: BENCHMARK,
          phase: 'baseline',
        });
        expect([who, start.status]).toEqual([who, 403]);
      }
    }

    await as('coordinator').post(`/pairs/${pair.id}/end`).expect(200);
    expect((await clients.mentee.get(`/pairs/${pair.id}`).expect(200)).body.can).toEqual({
      createPlan: false,
      startAssessment: true,
    });
  });

  it('hides a pair from the other cities of the programme and from outsiders (404), like an unknown one', async () => {
    await as('otherCity').get(`/pairs/${g.pair.id}`).expect(404);
    await as('outsider').get(`/pairs/${g.pair.id}`).expect(404);
    await as('coordinator').get(`/pairs/${randomUUID()}`).expect(404);
    await as('coordinator').post(`/pairs/${randomUUID()}/end`).expect(404);
  });

  it('ends a pair once; it stays readable', async () => {
    const pair = await t.given.pair(g.programme, g.mentorCity, g.menteeCity);
    await as('mentor').post(`/pairs/${pair.id}/end`).expect(403);
    const ended = await as('coordinator').post(`/pairs/${pair.id}/end`).expect(200);
    expect(ended.body).toMatchObject({ status: 'ended', endedAt: expect.stringMatching(/Z$/) });
    const again = await as('coordinator').post(`/pairs/${pair.id}/end`).expect(409);
    expect(again.body.code).toBe('CONFLICT');
    expect((await as('mentee').get(`/pairs/${pair.id}`).expect(200)).body.status).toBe('ended');
  });

  it("announces forming and ending in the pair's own room; the activity shows them to the pair's cities and the coordinators, not to other cities", async () => {
    const [helsinki, dublin] = await twoCities();
    const created = await as('coordinator')
      .post(`/programmes/${g.programme.id}/pairs`, {
        benchmarkCode: BENCHMARK,
        mentorOrganisationId: helsinki.id,
        menteeOrganisationId: dublin.id,
      })
      .expect(201);
    const pairId = created.body.id as string;
    await as('coordinator').post(`/pairs/${pairId}/end`).expect(200);

    const events = await t.orm.em
      .fork()
      .execute<{ room: string; type: string; payload: Record<string, unknown>; actor_id: string }[]>(
        `select room, type, payload, actor_id from events where payload->>'pairId' = ? and type like 'pair.%' order by seq`,
        [pairId],
      );
    const pairEvent = {
      programmeId: g.programme.id,
      pairId,
      benchmarkCode: BENCHMARK,
      mentorOrganisationId: helsinki.id,
      mentorName: helsinki.name,
      menteeOrganisationId: dublin.id,
      menteeName: dublin.name,
    };
    expect(events).toEqual([
      {
        room: `pair:${pairId}`,
        type: 'pair.created',
        payload: { ...pairEvent, status: 'active' },
        actor_id: g.people.coordinator.user.id,
      },
      {
        room: `pair:${pairId}`,
        type: 'pair.ended',
        payload: { ...pairEvent, status: 'ended' },
        actor_id: g.people.coordinator.user.id,
      },
    ]);

    const pairTypes = async (client: ApiClient) =>
      (
        (await client.get(`/programmes/${g.programme.id}/activity?limit=100`).expect(200)).body.items as {
          type: string;
          payload: { pairId?: string };
        }[]
      )
        .filter((i) => i.payload.pairId === pairId)
        .map((i) => i.type);
    const dublinMember = await t.given.signIn(await t.given.member(g.programme, dublin, 'city-member'));
    expect(await pairTypes(as('coordinator'))).toEqual(['pair.ended', 'pair.created']);
    expect(await pairTypes(t.api.as(dublinMember.token))).toEqual(['pair.ended', 'pair.created']);
    expect(await pairTypes(as('otherCity'))).toEqual([]);
    expect(await pairTypes(as('mentee'))).toEqual([]);
  });

  describe('suggestions', () => {
    let s: Mentoring;
    let thirdCityId: string;

    beforeAll(async () => {
      s = await t.given.mentoring();
      thirdCityId = s.otherPair.mentorOrganisation.id;
      const third = await t.given.signIn(
        await t.given.member(s.programme, s.otherPair.mentorOrganisation, 'city-member'),
      );
      const all = (v: Rating, n: number) => Array<Rating>(n).fill(v);
      const p = s.programme.id;
      // The mentee lacks strategy (0) and networking (10) and is strong in finance.
      await baseline(t.api.as(s.people.mentee.token), p, s.menteeCity.id, {
        strategy: all(0, 6),
        networking: [0, 1, 0, 0, 0],
        'access-to-finance': all(2, 5),
      });
      // Strong in both of the mentee's gaps.
      await baseline(t.api.as(s.people.mentor.token), p, s.mentorCity.id, {
        strategy: all(2, 6),
        networking: all(2, 5),
        'access-to-finance': all(0, 5),
      });
      // Strong in both too, but a little less in strategy (91.7).
      await baseline(t.api.as(third.token), p, thirdCityId, { strategy: [2, 2, 2, 2, 2, 1], networking: all(2, 5) });
      // Strong in strategy only; still a draft, which counts while it is the city's only baseline.
      await baseline(
        t.api.as(s.people.otherCity.token),
        p,
        s.otherCity.id,
        { strategy: all(2, 6), networking: all(1, 5), 'access-to-finance': all(0, 5) },
        false,
      );
    });

    it("ranks mentors by how many of the mentee's gap sections they are strong in, then by their lead, and says why", async () => {
      const res = await t.api
        .as(s.people.coordinator.token)
        .get(`/programmes/${s.programme.id}/pair-suggestions?benchmark=${BENCHMARK}`)
        .expect(200);
      expect(res.body).toMatchObject({ benchmarkCode: BENCHMARK, strong: 75, gap: 50, citiesWithoutBaseline: [] });
      const forMentee = res.body.mentees.find((m: { mentee: { id: string } }) => m.mentee.id === s.menteeCity.id);
      expect(forMentee.gaps).toEqual([
        { sectionCode: 'networking', title: expect.stringMatching(/^Networking/), score: 10 },
        { sectionCode: 'strategy', title: expect.stringMatching(/^Strategy/), score: 0 },
      ]);
      expect(
        forMentee.candidates.map((c: { mentor: { id: string }; score: number }) => [c.mentor.id, c.score]),
      ).toEqual([
        [s.mentorCity.id, 1.9],
        [thirdCityId, 1.817],
        [s.otherCity.id, 1],
      ]);
      const [best, , last] = forMentee.candidates;
      expect(best).toMatchObject({
        mentor: { name: s.mentorCity.name },
        assessmentStatus: 'submitted',
        activePairId: s.pair.id,
        mentorActivePairs: 1,
      });
      expect(best.covers).toEqual([
        { sectionCode: 'networking', title: expect.stringMatching(/^Networking/), mentorScore: 100, menteeScore: 10 },
        { sectionCode: 'strategy', title: expect.stringMatching(/^Strategy/), mentorScore: 100, menteeScore: 0 },
      ]);
      expect(last).toMatchObject({
        assessmentStatus: 'draft',
        activePairId: null,
        mentorActivePairs: 0,
        covers: [expect.objectContaining({ sectionCode: 'strategy' })],
      });
      // The mentor city's own gap (finance) is covered by the mentee city.
      const forMentor = res.body.mentees.find((m: { mentee: { id: string } }) => m.mentee.id === s.mentorCity.id);
      expect(forMentor.candidates.map((c: { mentor: { id: string } }) => c.mentor.id)).toEqual([s.menteeCity.id]);
    });

    it('takes the strong and gap thresholds from the query', async () => {
      const res = await t.api
        .as(s.people.admin.token)
        .get(`/programmes/${s.programme.id}/pair-suggestions?benchmark=${BENCHMARK}&strong=95&gap=5`)
        .expect(200);
      expect(res.body).toMatchObject({ strong: 95, gap: 5 });
      const forMentee = res.body.mentees.find((m: { mentee: { id: string } }) => m.mentee.id === s.menteeCity.id);
      expect(forMentee.gaps.map((x: { sectionCode: string }) => x.sectionCode)).toEqual(['strategy']);
      // Both cover strategy with the same lead; the tie goes by name ("City …" before "Mentor City …").
      expect(forMentee.candidates.map((c: { mentor: { id: string } }) => c.mentor.id)).toEqual([
        s.otherCity.id,
        s.mentorCity.id,
      ]);
    });

    it('counts the active pairs each mentor city already mentors in the programme, not the ended ones', async () => {
      const counts = async () => {
        const res = await t.api
          .as(s.people.coordinator.token)
          .get(`/programmes/${s.programme.id}/pair-suggestions?benchmark=${BENCHMARK}`)
          .expect(200);
        const forMentee = res.body.mentees.find((m: { mentee: { id: string } }) => m.mentee.id === s.menteeCity.id);
        return Object.fromEntries(
          forMentee.candidates.map((c: { mentor: { id: string }; mentorActivePairs: number }) => [
            c.mentor.id,
            c.mentorActivePairs,
          ]),
        );
      };
      const second = await t.given.pair(s.programme, s.mentorCity, s.otherCity);
      const ended = await t.given.pair(s.programme, s.otherCity, s.otherPair.mentorOrganisation);
      await t.api.as(s.people.coordinator.token).post(`/pairs/${ended.id}/end`).expect(200);
      expect(await counts()).toEqual({ [s.mentorCity.id]: 2, [thirdCityId]: 1, [s.otherCity.id]: 0 });
      await t.api.as(s.people.coordinator.token).post(`/pairs/${second.id}/end`).expect(200);
      expect(await counts()).toEqual({ [s.mentorCity.id]: 1, [thirdCityId]: 1, [s.otherCity.id]: 0 });
    });

    it('names the cities left out for lack of a baseline', async () => {
      const late = await t.given.organisation('city');
      await t.given.participant(s.programme, late);
      const res = await t.api
        .as(s.people.coordinator.token)
        .get(`/programmes/${s.programme.id}/pair-suggestions?benchmark=${BENCHMARK}`)
        .expect(200);
      expect(res.body.citiesWithoutBaseline).toEqual([{ id: late.id, name: late.name, country: 'BE' }]);
    });
  });

  describe('authorisation matrix', () => {
    interface Row {
      route: string;
      method: 'get' | 'post';
      path: () => Promise<string> | string;
      body?: () => Promise<unknown>;
      expect: Record<Role, number>;
    }
    const pairReaders = {
      mentor: 200,
      mentee: 200,
      expert: 200,
      coordinator: 200,
      otherCity: 404,
      outsider: 404,
      admin: 200,
      anonymous: 401,
    };
    const managers = (status: number) => ({
      mentor: 403,
      mentee: 403,
      expert: 403,
      coordinator: status,
      otherCity: 403,
      outsider: 404,
      admin: status,
      anonymous: 401,
    });
    const pairManagers = (status: number) => ({ ...managers(status), otherCity: 404 });
    const rows: Row[] = [
      {
        route: 'POST /programmes/{id}/pairs',
        method: 'post',
        path: () => `/programmes/${g.programme.id}/pairs`,
        body: async () => {
          const [a, b] = await twoCities();
          return { benchmarkCode: BENCHMARK, mentorOrganisationId: a.id, menteeOrganisationId: b.id };
        },
        expect: managers(201),
      },
      {
        route: 'GET /programmes/{id}/pairs',
        method: 'get',
        path: () => `/programmes/${g.programme.id}/pairs`,
        expect: {
          mentor: 200,
          mentee: 200,
          expert: 200,
          coordinator: 200,
          otherCity: 200,
          outsider: 404,
          admin: 200,
          anonymous: 401,
        },
      },
      {
        route: 'GET /programmes/{id}/pair-suggestions',
        method: 'get',
        path: () => `/programmes/${g.programme.id}/pair-suggestions?benchmark=${BENCHMARK}`,
        expect: managers(200),
      },
      { route: 'GET /pairs/{id}', method: 'get', path: () => `/pairs/${g.pair.id}`, expect: pairReaders },
      {
        route: 'POST /pairs/{id}/end',
        method: 'post',
        path: async () => `/pairs/${(await t.given.pair(g.programme, g.mentorCity, g.menteeCity)).id}/end`,
        expect: pairManagers(200),
      },
    ];
    const cases = rows.flatMap((row) => ROLES.map((role) => [row.route, role, row.expect[role], row] as const));

    it.each(cases)('%s as %s → %i', async (_route, role, status, row) => {
      const client = role === 'anonymous' ? t.api : as(role);
      const res = await client.call(row.method, await row.path(), await row.body?.());
      expect(res.status).toBe(status);
      if (status >= 400)
        expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
    });
  });

  describe('malformed input', () => {
    const pairBody = () => ({
      benchmarkCode: BENCHMARK,
      mentorOrganisationId: g.mentorCity.id,
      menteeOrganisationId: g.otherCity.id,
    });
    const cases: [string, 'get' | 'post', () => string, (() => unknown) | undefined, string][] = [
      [
        'pair: no benchmarkCode',
        'post',
        () => `/programmes/${g.programme.id}/pairs`,
        () => ({ ...pairBody(), benchmarkCode: undefined }),
        'benchmarkCode',
      ],
      [
        'pair: benchmarkCode not a code',
        'post',
        () => `/programmes/${g.programme.id}/pairs`,
        () => ({ ...pairBody(), benchmarkCode: 'Not A Code' }),
        'benchmarkCode',
      ],
      [
        'pair: unknown benchmark',
        'post',
        () => `/programmes/${g.programme.id}/pairs`,
        () => ({ ...pairBody(), benchmarkCode: 'no-such-benchmark' }),
        'benchmarkCode',
      ],
      [
        'pair: mentor not a UUID',
        'post',
        () => `/programmes/${g.programme.id}/pairs`,
        () => ({ ...pairBody(), mentorOrganisationId: 'helsinki' }),
        'mentorOrganisationId',
      ],
      [
        'pair: mentee a number',
        'post',
        () => `/programmes/${g.programme.id}/pairs`,
        () => ({ ...pairBody(), menteeOrganisationId: 42 }),
        'menteeOrganisationId',
      ],
      [
        'pair: focus not an array',
        'post',
        () => `/programmes/${g.programme.id}/pairs`,
        () => ({ ...pairBody(), focusSectionCodes: 'strategy' }),
        'focusSectionCodes',
      ],
      [
        'pair: focus of numbers',
        'post',
        () => `/programmes/${g.programme.id}/pairs`,
        () => ({ ...pairBody(), focusSectionCodes: [1] }),
        'focusSectionCodes',
      ],
      [
        'pair: unknown focus section',
        'post',
        () => `/programmes/${g.programme.id}/pairs`,
        () => ({ ...pairBody(), focusSectionCodes: ['strategy', 'no-such-section'] }),
        'focusSectionCodes',
      ],
      [
        'pair: unknown field',
        'post',
        () => `/programmes/${g.programme.id}/pairs`,
        () => ({ ...pairBody(), status: 'ended' }),
        'status',
      ],
      ['pair: programme id', 'post', () => '/programmes/not-a-uuid/pairs', () => pairBody(), 'id'],
      ['pairs: programme id', 'get', () => '/programmes/not-a-uuid/pairs', undefined, 'id'],
      ['pair: id', 'get', () => '/pairs/not-a-uuid', undefined, 'id'],
      ['end: id', 'post', () => '/pairs/12/end', undefined, 'id'],
      [
        'suggestions: no benchmark',
        'get',
        () => `/programmes/${g.programme.id}/pair-suggestions`,
        undefined,
        'benchmark',
      ],
      [
        'suggestions: benchmark not a code',
        'get',
        () => `/programmes/${g.programme.id}/pair-suggestions?benchmark=Not%20A%20Code`,
        undefined,
        'benchmark',
      ],
      [
        'suggestions: two benchmarks',
        'get',
        () => `/programmes/${g.programme.id}/pair-suggestions?benchmark=a&benchmark=b`,
        undefined,
        'benchmark',
      ],
      [
        'suggestions: unknown benchmark',
        'get',
        () => `/programmes/${g.programme.id}/pair-suggestions?benchmark=no-such-benchmark`,
        undefined,
        'benchmark',
      ],
      [
        'suggestions: strong not a number',
        'get',
        () => `/programmes/${g.programme.id}/pair-suggestions?benchmark=${BENCHMARK}&strong=high`,
        undefined,
        'strong',
      ],
      [
        'suggestions: strong over 100',
        'get',
        () => `/programmes/${g.programme.id}/pair-suggestions?benchmark=${BENCHMARK}&strong=150`,
        undefined,
        'strong',
      ],
      [
        'suggestions: gap negative',
        'get',
        () => `/programmes/${g.programme.id}/pair-suggestions?benchmark=${BENCHMARK}&gap=-1`,
        undefined,
        'gap',
      ],
      [
        'suggestions: gap empty',
        'get',
        () => `/programmes/${g.programme.id}/pair-suggestions?benchmark=${BENCHMARK}&gap=`,
        undefined,
        'gap',
      ],
      [
        'suggestions: unknown parameter',
        'get',
        () => `/programmes/${g.programme.id}/pair-suggestions?benchmark=${BENCHMARK}&limit=3`,
        undefined,
        'limit',
      ],
      [
        'suggestions: programme id',
        'get',
        () => `/programmes/nope/pair-suggestions?benchmark=${BENCHMARK}`,
        undefined,
        'id',
      ],
    ];

    it.each(cases)('%s → 400 naming %s', async (_name, method, path, body, field) => {
      const res = await as('coordinator').call(method, path(), body?.());
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
      expect(res.body.message).toContain(field);
    });

    it('formed no pair from any of them', async () => {
      const pairs = (await as('coordinator').get(`/programmes/${g.programme.id}/pairs`).expect(200)).body as {
        mentorOrganisation: { id: string };
        menteeOrganisation: { id: string };
      }[];
      expect(
        pairs.filter((p) => p.mentorOrganisation.id === g.mentorCity.id && p.menteeOrganisation.id === g.otherCity.id),
      ).toEqual([]);
    });
  });
});
