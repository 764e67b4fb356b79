import { randomUUID } from 'node:crypto';
import { EventRecord } from '@citymentor/domain';
import { startApp, type TestApp } from '../support/app';
import { statementsDuring } from '../support/count-statements';

type Mentoring = Awaited<ReturnType<TestApp['given']['mentoring']>>;
type Person = Exclude<Role, 'anonymous'>;
type Role = 'mentor' | 'mentee' | 'expert' | 'coordinator' | 'otherCity' | 'outsider' | 'admin' | 'anonymous';
const ROLES: Role[] = ['mentor', 'mentee', 'expert', 'coordinator', 'otherCity', 'outsider', 'admin', 'anonymous'];
const BENCHMARK = 'migrant-entrepreneurs';

describe('self-assessments', () => {
  let t: TestApp;
  let g: Mentoring;
  const as = (who: Person, world = g) => t.api.as(world.people[who].token);
  const start = (who: Person, organisationId: string, phase = 'baseline', world = g, extra = {}) =>
    as(who, world).post(`/programmes/${world.programme.id}/assessments`, {
      organisationId,
      benchmarkCode: BENCHMARK,
      phase,
      ...extra,
    });
  const answer = (who: Person, id: string, question: string, body: object, world = g) =>
    as(who, world).put(`/assessments/${id}/answers/${question}`, body);
  const section = (body: { sections: { sectionCode: string; score: number | null }[] }, code: string) =>
    body.sections.find((s) => s.sectionCode === code);

  beforeAll(async () => {
    t = await startApp();
    g = await t.given.mentoring();
  });
  afterAll(() => t.close());

  describe('a baseline, from the mentee city', () => {
    let id: string;
    beforeAll(async () => {
      const res = await start('mentee', g.menteeCity.id).expect(201);
      expect(res.body).toMatchObject({
        status: 'draft',
        phase: 'baseline',
        overall: null,
        answered: 0,
        questions: 40,
        myRelation: 'own',
        canAnswer: true,
        canCalibrate: false,
        answers: [],
        deltaFromBaseline: null,
      });
      id = res.body.id;
    });

    it('scores each section over the applicable answers and lists the gaps', async () => {
      await answer('mentee', id, 'strategy.q1', {
        rating: 2,
        evidence: 'Adopted by the council in 2017',
        links: ['https://example.eu/strategy'],
      }).expect(200);
      await answer('mentee', id, 'strategy.q2', { rating: 1 }).expect(200);
      await answer('mentee', id, 'strategy.q3', { rating: null, evidence: 'No chamber of commerce here' }).expect(200);
      await answer('mentee', id, 'strategy.q4', { rating: 0 }).expect(200);
      const net = await answer('mentee', id, 'networking.q1', { rating: 0 }).expect(200);
      expect(net.body).toMatchObject({
        questionCode: 'networking.q1',
        rating: 0,
        evidence: '',
        links: [],
        mentorRated: false,
        calibrationDiffers: false,
      });

      const { body } = await as('mentee').get(`/assessments/${id}`).expect(200);
      expect(section(body, 'strategy')).toEqual({
        sectionCode: 'strategy',
        title: expect.stringMatching(/^Strategy/),
        score: 50,
        answered: 4,
        notApplicable: 1,
        questions: 6,
        gaps: ['strategy.q2', 'strategy.q4'],
      });
      expect(section(body, 'networking')).toMatchObject({ score: 0, answered: 1, gaps: ['networking.q1'] });
      expect(section(body, 'access-to-finance')).toMatchObject({ score: null, answered: 0, questions: 5 });
      // 3 points of 8 attainable: the not-applicable question counts for nothing either way.
      expect(body).toMatchObject({
        overall: 37.5,
        answered: 5,
        gaps: ['strategy.q2', 'strategy.q4', 'networking.q1'],
        calibrationFlags: [],
      });
      expect(body.answers.map((a: { questionCode: string }) => a.questionCode)).toEqual([
        'strategy.q1',
        'strategy.q2',
        'strategy.q3',
        'strategy.q4',
        'networking.q1',
      ]);
      expect(body.answers[2]).toMatchObject({ rating: null, evidence: 'No chamber of commerce here' });
    });

    it('keeps evidence and links an update leaves out, and replaces those it sends', async () => {
      await answer('mentee', id, 'strategy.q1', { rating: 1 }).expect(200);
      const kept = await answer('mentee', id, 'strategy.q1', { rating: 2 }).expect(200);
      expect(kept.body).toMatchObject({
        rating: 2,
        evidence: 'Adopted by the council in 2017',
        links: ['https://example.eu/strategy'],
      });
      const replaced = await answer('mentee', id, 'strategy.q1', { rating: 2, links: [] }).expect(200);
      expect(replaced.body.links).toEqual([]);
    });

    it('explains context factors; an empty note removes the explanation', async () => {
      await as('mentee')
        .put(`/assessments/${id}/context/city-resources`, { note: 'Two officers for the whole programme' })
        .expect(200);
      await as('mentee').put(`/assessments/${id}/context/data-availability`, { note: 'Temporary' }).expect(200);
      const removed = await as('mentee')
        .put(`/assessments/${id}/context/data-availability`, { note: '  ' })
        .expect(200);
      expect(removed.body).toMatchObject({ factorCode: 'data-availability', note: '' });
      const { body } = await as('coordinator').get(`/assessments/${id}`).expect(200);
      expect(body.contextNotes).toEqual([
        {
          factorCode: 'city-resources',
          note: 'Two officers for the whole programme',
          updatedAt: expect.stringMatching(/Z$/),
        },
      ]);
    });

    it('refuses a second baseline of the same city and benchmark with 409, pointing at the first', async () => {
      const res = await start('coordinator', g.menteeCity.id).expect(409);
      expect(res.body).toMatchObject({ code: 'ALREADY_EXISTS', details: { assessmentId: id } });
    });

    it('turns the gaps into the start of a plan: unmet questions with their text, and the toolkit’s city examples', async () => {
      const all = await as('mentor').get(`/assessments/${id}/gaps`).expect(200);
      expect(all.body.sections.map((s: { sectionCode: string }) => s.sectionCode)).toEqual(['strategy', 'networking']);
      expect(all.body.sections[0]).toMatchObject({
        title: expect.stringMatching(/^Strategy/),
        standard: expect.any(String),
        score: 50,
      });
      expect(all.body.sections[0].gaps).toEqual([
        { questionCode: 'strategy.q2', text: expect.any(String), rating: 1, evidence: '' },
        { questionCode: 'strategy.q4', text: expect.any(String), rating: 0, evidence: '' },
      ]);
      expect(all.body.sections[0].examples.map((e: { city: string }) => e.city)).toEqual([
        'Helsinki',
        'Dublin',
        'Tampere',
      ]);

      const chosen = await as('mentee')
        .get(`/assessments/${id}/gaps?sections=access-to-finance,networking`)
        .expect(200);
      expect(
        chosen.body.sections.map((s: { sectionCode: string; gaps: unknown[] }) => [s.sectionCode, s.gaps.length]),
      ).toEqual([
        ['networking', 1],
        ['access-to-finance', 0],
      ]);
      expect(chosen.body.sections[1].examples.map((e: { city: string }) => e.city)).toEqual(['Utrecht', 'Helsinki']);
    });

    it('lets the mentor side calibrate: both sides see both ratings and where they differ; the mentee cannot calibrate', async () => {
      const differs = await as('mentor')
        .put(`/assessments/${id}/answers/strategy.q1/calibration`, { rating: 1, note: 'Not yet city-wide' })
        .expect(200);
      expect(differs.body).toMatchObject({
        questionCode: 'strategy.q1',
        rating: 2,
        mentorRated: true,
        mentorRating: 1,
        mentorNote: 'Not yet city-wide',
        calibrationDiffers: true,
      });
      await as('mentor').put(`/assessments/${id}/answers/strategy.q2/calibration`, { rating: 1 }).expect(200);
      await as('mentor').put(`/assessments/${id}/answers/strategy.q3/calibration`, { rating: 0 }).expect(200);
      for (const who of ['mentee', 'mentor', 'coordinator', 'expert'] as const) {
        const { body } = await as(who).get(`/assessments/${id}`).expect(200);
        expect(body.calibrationFlags).toEqual(['strategy.q1', 'strategy.q3']);
        expect(body.answers.find((a: { questionCode: string }) => a.questionCode === 'strategy.q2')).toMatchObject({
          rating: 1,
          mentorRating: 1,
          calibrationDiffers: false,
        });
        // Calibration informs, it does not change the city's own score.
        expect(section(body, 'strategy')?.score).toBe(50);
      }
      expect((await as('mentor').get(`/assessments/${id}`)).body).toMatchObject({
        myRelation: 'mentor',
        canCalibrate: true,
        canAnswer: false,
      });
      await as('mentee').put(`/assessments/${id}/answers/strategy.q1/calibration`, { rating: 2 }).expect(403);
      await as('expert').put(`/assessments/${id}/answers/strategy.q1/calibration`, { rating: 2 }).expect(403);
      await as('otherCity').put(`/assessments/${id}/answers/strategy.q1/calibration`, { rating: 2 }).expect(404);
      const unanswered = await as('mentor')
        .put(`/assessments/${id}/answers/strategy.q6/calibration`, { rating: 2 })
        .expect(409);
      expect(unanswered.body.message).toContain('strategy.q6');
    });

    it('shows the assessment to the city, its mentor, experts and coordinators only', async () => {
      await as('otherCity').get(`/assessments/${id}`).expect(404);
      await as('outsider').get(`/assessments/${id}`).expect(404);
      await as('otherCity').get(`/assessments/${id}/gaps`).expect(404);
      await as('coordinator').get(`/assessments/${randomUUID()}`).expect(404);
      expect((await as('expert').get(`/assessments/${id}`).expect(200)).body).toMatchObject({
        myRelation: 'expert',
        canAnswer: false,
      });
      await answer('expert', id, 'strategy.q5', { rating: 2 }).expect(403);
      await answer('coordinator', id, 'strategy.q5', { rating: 2 }).expect(403);
      await answer('mentor', id, 'strategy.q5', { rating: 2 }).expect(403);
      await answer('otherCity', id, 'strategy.q5', { rating: 2 }).expect(404);
      // Another city cannot start one on the mentee city's behalf.
      await start('otherCity', g.menteeCity.id, 'follow-up').expect(403);
    });

    it('lists to each what they may see, with overall scores', async () => {
      const mentorOwn = await start('mentor', g.mentorCity.id).expect(201);
      const otherOwn = await start('otherCity', g.otherCity.id).expect(201);
      const ids = async (who: Person) =>
        ((await as(who).get(`/programmes/${g.programme.id}/assessments`).expect(200)).body as { id: string }[])
          .map((a) => a.id)
          .sort();
      expect(await ids('mentee')).toEqual([id, mentorOwn.body.id].sort());
      expect(await ids('mentor')).toEqual([id, mentorOwn.body.id].sort());
      expect(await ids('otherCity')).toEqual([otherOwn.body.id]);
      expect(await ids('expert')).toEqual([id, mentorOwn.body.id, otherOwn.body.id].sort());
      const listed = (await as('coordinator').get(`/programmes/${g.programme.id}/assessments`)).body.find(
        (a: { id: string }) => a.id === id,
      );
      expect(listed).toMatchObject({
        overall: 37.5,
        answered: 5,
        questions: 40,
        status: 'draft',
        myRelation: 'coordinator',
        organisation: { id: g.menteeCity.id },
      });
      await as('outsider').get(`/programmes/${g.programme.id}/assessments`).expect(404);
      // The mentee city reads its mentor's assessment, as the other side of the pair, but does not calibrate it.
      expect((await as('mentee').get(`/assessments/${mentorOwn.body.id}`).expect(200)).body.myRelation).toBe('mentee');
      await as('mentor').put(`/assessments/${mentorOwn.body.id}/answers/strategy.q1`, { rating: 2 }).expect(200);
      await as('mentee')
        .put(`/assessments/${mentorOwn.body.id}/answers/strategy.q1/calibration`, { rating: 1 })
        .expect(403);
    });

    it('compares with the other cities by numbers only, never their answers', async () => {
      const other = (await as('coordinator').get(`/programmes/${g.programme.id}/assessments`)).body.find(
        (a: { organisation: { id: string } }) => a.organisation.id === g.otherCity.id,
      );
      await answer('otherCity', other.id, 'strategy.q1', {
        rating: 2,
        evidence: 'SECRET-EVIDENCE of the other city',
        links: ['https://other.example.eu/secret'],
      }).expect(200);
      await answer('otherCity', other.id, 'strategy.q2', { rating: 2 }).expect(200);
      await answer('otherCity', other.id, 'policy-dialogues.q1', { rating: 1 }).expect(200);
      const before = (await as('mentee').get(`/assessments/${id}`)).body;
      expect(before.peerComparison.find((p: { sectionCode: string }) => p.sectionCode === 'strategy')).toMatchObject({
        cities: 0,
      });
      await as('otherCity').post(`/assessments/${other.id}/submit`).expect(200);

      const { body } = await as('mentee').get(`/assessments/${id}`).expect(200);
      expect(body.peerComparison).toHaveLength(9);
      expect(body.peerComparison.find((p: { sectionCode: string }) => p.sectionCode === 'strategy')).toEqual({
        sectionCode: 'strategy',
        average: 100,
        min: 100,
        max: 100,
        cities: 1,
      });
      expect(
        body.peerComparison.find((p: { sectionCode: string }) => p.sectionCode === 'policy-dialogues'),
      ).toMatchObject({ average: 50, cities: 1 });
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/SECRET|other\.example\.eu|policy-dialogues\.q1|"assessmentId"/);
      expect(text).not.toContain(other.id);
      expect(text).not.toContain(g.otherCity.id);
    });

    it('reads the whole assessment in three lean queries besides the actor’s', async () => {
      await as('mentee').get(`/assessments/${id}`).expect(200);
      const statements = await statementsDuring(t.orm, () => as('mentor').get(`/assessments/${id}`).expect(200));
      expect(statements.filter((sql) => !sql.includes('from users u'))).toHaveLength(3);
    });

    it('records assessment.updated in the assessment room and the pair room, with the programme', async () => {
      const logged = await t.orm.em
        .fork()
        .find(EventRecord, { room: { $in: [`assessment:${id}`, `pair:${g.pair.id}`] } }, { orderBy: { seq: 'asc' } });
      const events = logged.filter((e) => (e.payload as { assessmentId?: string }).assessmentId === id);
      expect(events.every((e) => e.type === 'assessment.updated')).toBe(true);
      const rooms = new Set(events.map((e) => e.room));
      expect(rooms).toEqual(new Set([`assessment:${id}`, `pair:${g.pair.id}`]));
      expect(events.every((e) => e.programmeId === g.programme.id && e.actorId !== null)).toBe(true);
      const inRoom = (room: string) =>
        events.filter((e) => e.room === room).map((e) => (e.payload as { questionCode: string | null }).questionCode);
      expect(inRoom(`pair:${g.pair.id}`)).toEqual(inRoom(`assessment:${id}`));
      expect(inRoom(`assessment:${id}`).slice(0, 3)).toEqual([null, 'strategy.q1', 'strategy.q2']);
      expect(events.find((e) => e.actorId === g.people.mentor.user.id)?.payload).toMatchObject({
        questionCode: 'strategy.q1',
        organisationId: g.menteeCity.id,
        phase: 'baseline',
        status: 'draft',
      });
      // The other pair hears about its own city's assessment, not this one.
      const otherPairs = await t.orm.em
        .fork()
        .find(EventRecord, { room: `pair:${g.otherPair.id}`, type: 'assessment.updated' });
      expect(otherPairs.length).toBeGreaterThan(0);
      expect(otherPairs.every((e) => (e.payload as { organisationId: string }).organisationId === g.otherCity.id)).toBe(
        true,
      );
    });
  });

  describe('submission and the follow-up', () => {
    let w: Mentoring;
    let baselineId: string;
    beforeAll(async () => {
      w = await t.given.mentoring();
      baselineId = (await start('mentee', w.menteeCity.id, 'baseline', w).expect(201)).body.id;
      for (const [q, rating] of [
        ['strategy.q1', 1],
        ['strategy.q2', 0],
        ['networking.q1', 2],
      ] as const) {
        await answer('mentee', baselineId, q, { rating, evidence: `about ${q}` }, w).expect(200);
      }
      await as('mentee', w)
        .put(`/assessments/${baselineId}/context/political-situation`, { note: 'Elections in May' })
        .expect(200);
      await as('mentor', w)
        .put(`/assessments/${baselineId}/answers/strategy.q1/calibration`, { rating: 0 })
        .expect(200);
    });

    it('locks a submitted assessment: answers, notes and a second submit get 409; calibration goes on', async () => {
      const submitted = await as('mentee', w).post(`/assessments/${baselineId}/submit`).expect(200);
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        submittedAt: expect.stringMatching(/Z$/),
        canAnswer: false,
      });
      expect((await answer('mentee', baselineId, 'strategy.q3', { rating: 2 }, w).expect(409)).body.code).toBe(
        'CONFLICT',
      );
      await as('mentee', w).put(`/assessments/${baselineId}/context/city-resources`, { note: 'x' }).expect(409);
      await as('mentee', w).post(`/assessments/${baselineId}/submit`).expect(409);
      await as('mentor', w)
        .put(`/assessments/${baselineId}/answers/strategy.q2/calibration`, { rating: 1 })
        .expect(200);
      expect(
        (await as('mentee', w).get(`/assessments/${baselineId}`)).body.answers.map(
          (a: { questionCode: string }) => a.questionCode,
        ),
      ).toEqual(['strategy.q1', 'strategy.q2', 'networking.q1']);
    });

    it('starts a follow-up from the baseline’s answers and notes, without its calibration, and measures progress against it', async () => {
      const created = await start('mentee', w.menteeCity.id, 'follow-up', w, { copyFromBaseline: true }).expect(201);
      const followUpId = created.body.id;
      expect(created.body).toMatchObject({
        phase: 'follow-up',
        status: 'draft',
        baselineAssessmentId: baselineId,
        calibrationFlags: [],
      });
      expect(
        created.body.answers.map(
          (a: { questionCode: string; rating: number; evidence: string; mentorRated: boolean }) => [
            a.questionCode,
            a.rating,
            a.evidence,
            a.mentorRated,
          ],
        ),
      ).toEqual([
        ['strategy.q1', 1, 'about strategy.q1', false],
        ['strategy.q2', 0, 'about strategy.q2', false],
        ['networking.q1', 2, 'about networking.q1', false],
      ]);
      expect(created.body.contextNotes).toEqual([
        expect.objectContaining({ factorCode: 'political-situation', note: 'Elections in May' }),
      ]);
      expect(created.body.deltaFromBaseline.find((d: { sectionCode: string }) => d.sectionCode === 'strategy')).toEqual(
        { sectionCode: 'strategy', delta: 0 },
      );

      await answer('mentee', followUpId, 'strategy.q2', { rating: 2 }, w).expect(200);
      const { body } = await as('coordinator', w).get(`/assessments/${followUpId}`).expect(200);
      // Strategy went from 1 of 4 points (25) to 3 of 4 (75).
      expect(body.deltaFromBaseline.slice(0, 1)).toEqual([{ sectionCode: 'strategy', delta: 50 }]);
      expect(
        body.deltaFromBaseline.find((d: { sectionCode: string }) => d.sectionCode === 'access-to-finance'),
      ).toEqual({ sectionCode: 'access-to-finance', delta: null });
      // The baseline is untouched.
      expect((await as('mentee', w).get(`/assessments/${baselineId}`)).body.answers[1]).toMatchObject({
        questionCode: 'strategy.q2',
        rating: 0,
      });
      await start('mentee', w.menteeCity.id, 'follow-up', w).expect(409);
    });

    it('refuses to copy a baseline that does not exist (409)', async () => {
      const res = await start('otherCity', w.otherCity.id, 'follow-up', w, { copyFromBaseline: true }).expect(409);
      expect(res.body.message).toMatch(/no baseline/);
    });

    it('lets a coordinator start a city’s assessment, but only for a city of the programme', async () => {
      await start('coordinator', w.mentorCity.id, 'baseline', w).expect(201);
      expect((await start('coordinator', w.expertOrganisation.id, 'baseline', w).expect(400)).body.details).toEqual([
        expect.objectContaining({ path: 'organisationId' }),
      ]);
      expect((await start('coordinator', g.menteeCity.id, 'baseline', w).expect(400)).body.details).toEqual([
        expect.objectContaining({ path: 'organisationId' }),
      ]);
    });
  });

  it('saves the same new answer and note from simultaneous requests once, without a conflict', async () => {
    const c = await t.given.mentoring();
    const id = (await start('mentee', c.menteeCity.id, 'baseline', c).expect(201)).body.id;
    const answers = await Promise.all(
      [0, 1, 2, 1, 0, 2].map((rating) => answer('mentee', id, 'networking.q2', { rating }, c)),
    );
    const notes = await Promise.all(
      [1, 2, 3, 4].map((n) => as('mentee', c).put(`/assessments/${id}/context/civil-society`, { note: `note ${n}` })),
    );
    expect([...answers, ...notes].map((r) => r.status)).toEqual(Array(10).fill(200));
    const { body } = await as('mentee', c).get(`/assessments/${id}`).expect(200);
    expect(body.answers.map((a: { questionCode: string }) => a.questionCode)).toEqual(['networking.q2']);
    expect(body.contextNotes).toHaveLength(1);
  });

  describe('authorisation matrix', () => {
    let m: Mentoring;
    let baselineId: string;
    const connection = () => t.orm.em.getConnection();
    beforeAll(async () => {
      m = await t.given.mentoring();
      baselineId = (await start('mentee', m.menteeCity.id, 'baseline', m).expect(201)).body.id;
      await answer('mentee', baselineId, 'strategy.q1', { rating: 1 }, m).expect(200);
    });
    // Each case starts from a draft baseline and no follow-up, whatever the case before it did.
    beforeEach(async () => {
      await connection().execute(`update assessments set status = 'draft', submitted_at = null where id = ?`, [
        baselineId,
      ]);
      await connection().execute(`delete from assessments where organisation_id = ? and phase = 'follow-up'`, [
        m.menteeCity.id,
      ]);
    });

    const readers = {
      mentor: 200,
      mentee: 200,
      expert: 200,
      coordinator: 200,
      otherCity: 404,
      outsider: 404,
      admin: 200,
      anonymous: 401,
    };
    const city = (status: number) => ({
      mentor: 403,
      mentee: status,
      expert: 403,
      coordinator: 403,
      otherCity: 404,
      outsider: 404,
      admin: 403,
      anonymous: 401,
    });
    const rows: {
      route: string;
      method: 'get' | 'post' | 'put';
      path: () => string;
      body?: () => object;
      expect: Record<Role, number>;
    }[] = [
      {
        route: 'POST /programmes/{id}/assessments',
        method: 'post',
        path: () => `/programmes/${m.programme.id}/assessments`,
        body: () => ({ organisationId: m.menteeCity.id, benchmarkCode: BENCHMARK, phase: 'follow-up' }),
        expect: {
          mentor: 403,
          mentee: 201,
          expert: 403,
          coordinator: 201,
          otherCity: 403,
          outsider: 404,
          admin: 201,
          anonymous: 401,
        },
      },
      {
        route: 'GET /programmes/{id}/assessments',
        method: 'get',
        path: () => `/programmes/${m.programme.id}/assessments`,
        expect: { ...readers, otherCity: 200 },
      },
      { route: 'GET /assessments/{id}', method: 'get', path: () => `/assessments/${baselineId}`, expect: readers },
      {
        route: 'GET /assessments/{id}/gaps',
        method: 'get',
        path: () => `/assessments/${baselineId}/gaps?sections=strategy`,
        expect: readers,
      },
      {
        route: 'PUT /assessments/{id}/answers/{questionCode}',
        method: 'put',
        path: () => `/assessments/${baselineId}/answers/strategy.q2`,
        body: () => ({ rating: 1 }),
        expect: city(200),
      },
      {
        route: 'PUT /assessments/{id}/context/{factorCode}',
        method: 'put',
        path: () => `/assessments/${baselineId}/context/city-resources`,
        body: () => ({ note: 'n' }),
        expect: city(200),
      },
      {
        route: 'POST /assessments/{id}/submit',
        method: 'post',
        path: () => `/assessments/${baselineId}/submit`,
        expect: city(200),
      },
      {
        route: 'PUT /assessments/{id}/answers/{questionCode}/calibration',
        method: 'put',
        path: () => `/assessments/${baselineId}/answers/strategy.q1/calibration`,
        body: () => ({ rating: 2 }),
        expect: { ...city(403), mentor: 200 },
      },
    ];
    const cases = rows.flatMap((row) => ROLES.map((role) => [row.route, role, row.expect[role], row] as const));

    it.each(cases)('%s as %s → %i', async (_route, role, status, row) => {
      const client = role === 'anonymous' ? t.api : as(role, m);
      const res = await client.call(row.method, row.path(), row.body?.());
      expect(res.status).toBe(status);
      if (status >= 400)
        expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
    });
  });

  describe('malformed input', () => {
    let m: Mentoring;
    let id: string;
    beforeAll(async () => {
      m = await t.given.mentoring();
      id = (await start('mentee', m.menteeCity.id, 'baseline', m).expect(201)).body.id;
      await answer('mentee', id, 'strategy.q1', { rating: 1, evidence: 'kept' }, m).expect(200);
    });
    const create = (body: object) => ({
      organisationId: m.menteeCity.id,
      benchmarkCode: BENCHMARK,
      phase: 'follow-up',
      ...body,
    });
    const huge = 'x'.repeat(5001);
    type Case = [
      name: string,
      who: Person,
      method: 'get' | 'post' | 'put',
      path: () => string,
      body: (() => unknown) | undefined,
      field: string,
    ];
    const cases: Case[] = [
      [
        'create: organisationId not a UUID',
        'coordinator',
        'post',
        () => `/programmes/${m.programme.id}/assessments`,
        () => create({ organisationId: 'dublin' }),
        'organisationId',
      ],
      [
        'create: no organisationId',
        'coordinator',
        'post',
        () => `/programmes/${m.programme.id}/assessments`,
        () => create({ organisationId: undefined }),
        'organisationId',
      ],
      [
        'create: benchmarkCode not a code',
        'coordinator',
        'post',
        () => `/programmes/${m.programme.id}/assessments`,
        () => create({ benchmarkCode: 'Migrant Entrepreneurs' }),
        'benchmarkCode',
      ],
      [
        'create: unknown benchmark',
        'coordinator',
        'post',
        () => `/programmes/${m.programme.id}/assessments`,
        () => create({ benchmarkCode: 'no-such-benchmark' }),
        'benchmarkCode',
      ],
      [
        'create: unknown phase',
        'coordinator',
        'post',
        () => `/programmes/${m.programme.id}/assessments`,
        () => create({ phase: 'final' }),
        'phase',
      ],
      [
        'create: copyFromBaseline a string',
        'coordinator',
        'post',
        () => `/programmes/${m.programme.id}/assessments`,
        () => create({ copyFromBaseline: 'yes' }),
        'copyFromBaseline',
      ],
      [
        'create: copyFromBaseline into a baseline',
        'coordinator',
        'post',
        () => `/programmes/${m.programme.id}/assessments`,
        () => create({ phase: 'baseline', copyFromBaseline: true }),
        'copyFromBaseline',
      ],
      [
        'create: unknown field',
        'coordinator',
        'post',
        () => `/programmes/${m.programme.id}/assessments`,
        () => create({ status: 'submitted' }),
        'status',
      ],
      ['create: programme id', 'coordinator', 'post', () => '/programmes/nope/assessments', () => create({}), 'id'],
      ['list: programme id', 'coordinator', 'get', () => '/programmes/nope/assessments', undefined, 'id'],
      ['get: id', 'mentee', 'get', () => '/assessments/nope', undefined, 'id'],
      ['gaps: id', 'mentee', 'get', () => '/assessments/nope/gaps', undefined, 'id'],
      [
        'gaps: sections not codes',
        'mentee',
        'get',
        () => `/assessments/${id}/gaps?sections=Strategy%20One`,
        undefined,
        'sections',
      ],
      [
        'gaps: unknown section',
        'mentee',
        'get',
        () => `/assessments/${id}/gaps?sections=strategy,no-such-section`,
        undefined,
        'sections',
      ],
      ['gaps: unknown parameter', 'mentee', 'get', () => `/assessments/${id}/gaps?limit=2`, undefined, 'limit'],
      [
        'answer: rating a string',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/strategy.q1`,
        () => ({ rating: '1' }),
        'rating',
      ],
      [
        'answer: rating 3',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/strategy.q1`,
        () => ({ rating: 3 }),
        'rating',
      ],
      [
        'answer: rating 1.5',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/strategy.q1`,
        () => ({ rating: 1.5 }),
        'rating',
      ],
      [
        'answer: rating true',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/strategy.q1`,
        () => ({ rating: true }),
        'rating',
      ],
      [
        'answer: no rating',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/strategy.q1`,
        () => ({ evidence: 'only evidence' }),
        'rating',
      ],
      [
        'answer: evidence too long',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/strategy.q1`,
        () => ({ rating: 1, evidence: huge }),
        'evidence',
      ],
      [
        'answer: evidence a number',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/strategy.q1`,
        () => ({ rating: 1, evidence: 5 }),
        'evidence',
      ],
      [
        'answer: links not an array',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/strategy.q1`,
        () => ({ rating: 1, links: 'https://example.eu' }),
        'links',
      ],
      [
        'answer: links not http',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/strategy.q1`,
        () => ({ rating: 1, links: ['ftp://example.eu/file'] }),
        'links',
      ],
      [
        'answer: links not URLs',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/strategy.q1`,
        () => ({ rating: 1, links: ['see the report'] }),
        'links',
      ],
      [
        'answer: too many links',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/strategy.q1`,
        () => ({ rating: 1, links: Array.from({ length: 21 }, (_, i) => `https://example.eu/${i}`) }),
        'links',
      ],
      [
        'answer: unknown field',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/strategy.q1`,
        () => ({ rating: 1, mentorRating: 2 }),
        'mentorRating',
      ],
      [
        'answer: questionCode not a code',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/Strategy%20Q1`,
        () => ({ rating: 1 }),
        'questionCode',
      ],
      [
        'answer: question not in the benchmark',
        'mentee',
        'put',
        () => `/assessments/${id}/answers/strategy.q99`,
        () => ({ rating: 1 }),
        'questionCode',
      ],
      ['answer: id', 'mentee', 'put', () => '/assessments/nope/answers/strategy.q1', () => ({ rating: 1 }), 'id'],
      ['context: no note', 'mentee', 'put', () => `/assessments/${id}/context/city-resources`, () => ({}), 'note'],
      [
        'context: note a number',
        'mentee',
        'put',
        () => `/assessments/${id}/context/city-resources`,
        () => ({ note: 5 }),
        'note',
      ],
      [
        'context: note too long',
        'mentee',
        'put',
        () => `/assessments/${id}/context/city-resources`,
        () => ({ note: huge }),
        'note',
      ],
      [
        'context: factorCode not a code',
        'mentee',
        'put',
        () => `/assessments/${id}/context/City_Resources`,
        () => ({ note: 'n' }),
        'factorCode',
      ],
      [
        'context: factor not in the benchmark',
        'mentee',
        'put',
        () => `/assessments/${id}/context/weather`,
        () => ({ note: 'n' }),
        'factorCode',
      ],
      [
        'context: unknown field',
        'mentee',
        'put',
        () => `/assessments/${id}/context/city-resources`,
        () => ({ note: 'n', factor: 'x' }),
        'factor',
      ],
      ['submit: id', 'mentee', 'post', () => '/assessments/123/submit', undefined, 'id'],
      [
        'calibration: rating a string',
        'mentor',
        'put',
        () => `/assessments/${id}/answers/strategy.q1/calibration`,
        () => ({ rating: '2' }),
        'rating',
      ],
      [
        'calibration: no rating',
        'mentor',
        'put',
        () => `/assessments/${id}/answers/strategy.q1/calibration`,
        () => ({ note: 'n' }),
        'rating',
      ],
      [
        'calibration: note too long',
        'mentor',
        'put',
        () => `/assessments/${id}/answers/strategy.q1/calibration`,
        () => ({ rating: 2, note: huge }),
        'note',
      ],
      [
        'calibration: unknown field',
        'mentor',
        'put',
        () => `/assessments/${id}/answers/strategy.q1/calibration`,
        () => ({ rating: 2, evidence: 'e' }),
        'evidence',
      ],
      [
        'calibration: question not in the benchmark',
        'mentor',
        'put',
        () => `/assessments/${id}/answers/networking.q9/calibration`,
        () => ({ rating: 2 }),
        'questionCode',
      ],
    ];

    it.each(cases)('%s → 400 naming the field', async (_name, who, method, path, body, field) => {
      const res = await as(who, m).call(method, path(), body?.());
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
      expect(res.body.message).toContain(field);
    });

    it('wrote nothing for any of them', async () => {
      const { body } = await as('mentee', m).get(`/assessments/${id}`).expect(200);
      expect(body).toMatchObject({
        status: 'draft',
        contextNotes: [],
        answers: [
          expect.objectContaining({ questionCode: 'strategy.q1', rating: 1, evidence: 'kept', mentorRated: false }),
        ],
      });
      expect(body.answers).toHaveLength(1);
      expect((await as('coordinator', m).get(`/programmes/${m.programme.id}/assessments`)).body).toHaveLength(1);
    });
  });
});
