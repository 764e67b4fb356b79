import { startApp, type TestApp } from '../support/app';
import type { SignedIn } from '../support/given';
import { fillPath, operations, type Operation } from '../security/support/openapi-routes';
import { kindOf, SHARED_VALUES, type Kind } from '../security/support/resource-kinds';
import {
  bodyFields,
  fittingBody,
  withCurrentVersion,
  writerOf,
  type CastIds,
  type Writer,
} from '../security/support/write-routes';

type Mentoring = Awaited<ReturnType<TestApp['given']['mentoring']>>;
type Answer = {
  status: number;
  body: { details?: { path: string; message: string }[] | Record<string, unknown>; [key: string]: unknown };
};

/** Every field of every route's body, as `route field` with whether docs/openapi.json says null is accepted. */
const FIELDS = operations()
  .filter((op) => op.body)
  .flatMap((op) =>
    bodyFields(op).map(([field, schema]) => ({ name: `${op.name} ${field}`, op, field, nullable: !!schema.nullable })),
  );

/** Routes that end the session they are called with: each call signs in afresh. */
const ENDS_SESSION = /^\/api\/v1\/(auth\/logout|me\/password)$/;
/** The sign-in routes' bodies are the session work's (issue 13, refresh tokens): here they only must not fail. */
const SESSION_WORK = /^\/api\/v1\/auth\//;

/**
 * Explicit null in a write body (issue 13: an outside fuzzer got 500s from it): null clears a field
 * where clearing is legal and the OpenAPI document says `nullable`; anywhere else it is a 400 naming
 * the field, before anything is written.
 */
describe('null fields', () => {
  let t: TestApp;
  let m: Mentoring;
  let things: Record<Kind, string>;
  let ids: CastIds;
  const as = (who: Writer) =>
    who === 'anonymous' ? t.api : t.api.as((m.people as Record<string, SignedIn>)[who].token);
  const asFresh = async (who: Writer) =>
    who === 'anonymous'
      ? t.api
      : t.api.as((await t.given.signIn((m.people as Record<string, SignedIn>)[who].user)).token);

  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    const mentee = t.api.as(m.people.mentee.token);
    const coordinator = t.api.as(m.people.coordinator.token);
    const ok = async (res: Promise<Answer>) => {
      const r = await res;
      if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
      return r.body as { id: string; acceptUrl: string };
    };
    const plan = await ok(
      mentee.post(`/pairs/${m.pair.id}/action-plans`, {
        sectionCodes: ['access-to-finance'],
        title: 'Open microcredit',
        objective: 'Objective',
        budget: '10k',
        owner: 'Desk',
      }),
    );
    const milestone = await ok(
      mentee.post(`/action-plans/${plan.id}/milestones`, {
        title: 'Desk opens',
        dueDate: '2030-06-30',
        description: 'Where',
        owner: 'Anna',
      }),
    );
    const comment = await ok(
      mentee.post(`/action-plans/${plan.id}/comments`, {
        body: 'A first thought',
        target: { type: 'plan', id: plan.id },
      }),
    );
    const assessment = await ok(
      mentee.post(`/programmes/${m.programme.id}/assessments`, {
        organisationId: m.city.id,
        benchmarkCode: 'migrant-entrepreneurs',
        phase: 'baseline',
      }),
    );
    await ok(
      mentee.put(`/assessments/${assessment.id}/answers/strategy.q1`, {
        rating: 1,
        evidence: 'Evidence',
        links: ['https://example.org/a'],
      }),
    );
    await ok(coordinator.patch(`/programmes/${m.programme.id}`, { description: 'About the programme' }));
    const consortium = await ok(
      coordinator.post(`/programmes/${m.programme.id}/milestones`, {
        title: 'Baselines done',
        dueDate: '2030-01-31',
        description: 'All cities',
      }),
    );
    const invitation = await ok(
      coordinator.post(`/programmes/${m.programme.id}/invitations`, {
        email: 'null-fields@example.eu',
        organisationId: m.city.id,
      }),
    );
    things = {
      ...SHARED_VALUES,
      programme: m.programme.id,
      consortiumMilestone: consortium.id,
      member: m.people.mentee.user.id,
      invitation: invitation.id,
      invitationToken: invitation.acceptUrl.split('/').pop()!,
      pair: m.pair.id,
      plan: plan.id,
      milestone: milestone.id,
      comment: comment.id,
      assessment: assessment.id,
      report: m.programme.id,
      notification: m.programme.id,
      dataExport: m.programme.id,
      // No one's account: the null-fields run must erase no one.
      user: m.programme.id,
    };
    ids = { coordinatorOrganisation: m.coordinatorOrganisation.id, city: m.city.id, mentorCity: m.mentorCity.id };
  });
  afterAll(() => t.close());

  /** `op` as its writer, on the cast's things, with a fitting body changed by `change`; a moved-on version is sent again. */
  async function send(op: Operation, change: Record<string, unknown>): Promise<Answer> {
    const params = Object.fromEntries(op.pathParams.map((p) => [p, things[kindOf(op.path, p)]]));
    const path = fillPath(op.path, params).replace(/^\/api\/v1/, '');
    const body = { ...fittingBody(op, params, ids), ...change };
    const client = ENDS_SESSION.test(op.path) ? await asFresh(writerOf(op)) : as(writerOf(op));
    const res: Answer = await client.call(op.method, path, body);
    const again = withCurrentVersion(body, res.status, JSON.stringify(res.body));
    return again ? client.call(op.method, path, again) : res;
  }

  describe('every field of every write route, sent as null', () => {
    it.each(FIELDS.filter((f) => !f.nullable).map((f) => [f.name, f] as const))(
      '%s: 400 naming it',
      async (_name, { op, field }) => {
        const res = await send(op, { [field]: null });
        if (SESSION_WORK.test(op.path)) return expect(res.status).toBeLessThan(500);
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual(
          expect.arrayContaining([{ path: field, message: `${field} must not be null` }]),
        );
      },
    );

    // What each clears is shown below; here: none fails, and none is refused for being null.
    it.each(FIELDS.filter((f) => f.nullable).map((f) => [f.name, f] as const))(
      '%s (nullable): accepted',
      async (_name, { op, field }) => {
        const res = await send(op, { [field]: null });
        expect(res.status).toBeLessThan(500);
        expect(Array.isArray(res.body.details) ? res.body.details : []).not.toContainEqual(
          expect.objectContaining({ path: field }),
        );
      },
    );

    it('documents null as accepted on the clearable fields only', () => {
      expect(FIELDS.filter((f) => f.nullable).map((f) => f.name)).toEqual([
        'POST /api/v1/programmes description',
        'PATCH /api/v1/programmes/{id} description',
        'POST /api/v1/programmes/{id}/milestones description',
        'PATCH /api/v1/programmes/{id}/milestones/{milestoneId} description',
        'PUT /api/v1/assessments/{id}/answers/{questionCode} rating',
        'PUT /api/v1/assessments/{id}/answers/{questionCode} evidence',
        'PUT /api/v1/assessments/{id}/answers/{questionCode}/calibration rating',
        'PUT /api/v1/assessments/{id}/answers/{questionCode}/calibration note',
        'POST /api/v1/pairs/{id}/action-plans objective',
        'POST /api/v1/pairs/{id}/action-plans budget',
        'POST /api/v1/pairs/{id}/action-plans owner',
        'PATCH /api/v1/action-plans/{id} objective',
        'PATCH /api/v1/action-plans/{id} budget',
        'PATCH /api/v1/action-plans/{id} owner',
        'POST /api/v1/action-plans/{id}/milestones description',
        'POST /api/v1/action-plans/{id}/milestones owner',
        'PATCH /api/v1/milestones/{id} description',
        'PATCH /api/v1/milestones/{id} owner',
        'POST /api/v1/milestones/{id}/progress note',
      ]);
    });
  });

  describe('what null clears', () => {
    it('a programme’s and a consortium milestone’s description', async () => {
      const coordinator = t.api.as(m.people.coordinator.token);
      const programme = await coordinator.patch(`/programmes/${m.programme.id}`, { description: null }).expect(200);
      expect(programme.body.description).toBe('');
      const [first] = (await coordinator.get(`/programmes/${m.programme.id}/milestones`).expect(200)).body;
      const current = (
        await coordinator
          .patch(`/programmes/${m.programme.id}/milestones/${first.id}`, {
            description: 'Some words',
            version: first.version,
          })
          .expect(200)
      ).body;
      const cleared = await coordinator
        .patch(`/programmes/${m.programme.id}/milestones/${current.id}`, {
          description: null,
          version: current.version,
        })
        .expect(200);
      expect(cleared.body).toMatchObject({
        description: '',
        title: current.title,
        dueDate: current.dueDate,
        version: current.version + 1,
      });
      const created = await coordinator
        .post(`/programmes/${m.programme.id}/milestones`, {
          title: 'Final report',
          dueDate: '2031-01-31',
          description: null,
        })
        .expect(201);
      expect(created.body.description).toBe('');
    });

    it('an answer’s evidence (its links stay) and the mentor’s calibration note', async () => {
      const path = `/assessments/${things.assessment}/answers/strategy.q2`;
      await t.api
        .as(m.people.mentee.token)
        .put(path, { rating: 1, evidence: 'Said so', links: ['https://example.org/b'] })
        .expect(200);
      const answer = await t.api.as(m.people.mentee.token).put(path, { rating: 2, evidence: null }).expect(200);
      expect(answer.body).toMatchObject({ rating: 2, evidence: '', links: ['https://example.org/b'] });
      const mentor = t.api.as(m.people.mentor.token);
      expect(
        (await mentor.put(`${path}/calibration`, { rating: 1, note: 'Partly, we think' }).expect(200)).body.mentorNote,
      ).toBe('Partly, we think');
      expect((await mentor.put(`${path}/calibration`, { rating: 1, note: null }).expect(200)).body).toMatchObject({
        mentorRating: 1,
        mentorNote: null,
      });
    });

    it('a plan’s objective, budget and owner, and a milestone’s description and owner', async () => {
      const mentee = t.api.as(m.people.mentee.token);
      const plan = (await mentee.get(`/action-plans/${things.plan}`).expect(200)).body;
      const edited = await mentee
        .patch(`/action-plans/${things.plan}`, { objective: null, budget: null, owner: null, version: plan.version })
        .expect(200);
      expect(edited.body).toMatchObject({ objective: '', budget: '', owner: '', title: plan.title });
      const milestone = (await mentee.get(`/milestones/${things.milestone}`).expect(200)).body;
      const cleared = await mentee
        .patch(`/milestones/${things.milestone}`, { description: null, owner: null, version: milestone.version })
        .expect(200);
      expect(cleared.body).toMatchObject({
        description: '',
        owner: '',
        title: milestone.title,
        dueDate: milestone.dueDate,
      });
    });

    it('a progress entry’s note (none)', async () => {
      const mentee = t.api.as(m.people.mentee.token);
      const plan = (
        await mentee
          .post(`/pairs/${m.pair.id}/action-plans`, {
            sectionCodes: ['strategy'],
            title: 'Approved plan',
            objective: 'Objective',
          })
          .expect(201)
      ).body;
      const milestone = (
        await mentee
          .post(`/action-plans/${plan.id}/milestones`, { title: 'Step', dueDate: '2030-01-01', owner: 'Anna' })
          .expect(201)
      ).body;
      await mentee.post(`/action-plans/${plan.id}/submit`, {}).expect(200);
      await t.api
        .as(m.people.mentor.token)
        .post(`/action-plans/${plan.id}/reviews`, { verdict: 'approve', summary: 'Good' })
        .expect(201);
      const progress = await mentee
        .post(`/milestones/${milestone.id}/progress`, { percent: 10, status: 'in-progress', note: null })
        .expect(201);
      expect(progress.body).toMatchObject({ percent: 10, note: '', evidenceUrls: [] });
    });
  });

  describe('a null where none is allowed changes nothing', () => {
    it('programme settings: a null threshold refuses the whole change', async () => {
      const coordinator = t.api.as(m.people.coordinator.token);
      const before = (await coordinator.get(`/programmes/${m.programme.id}`).expect(200)).body;
      for (const setting of [
        'reminderDaysBefore',
        'escalateAfterDays',
        'stalledAfterDays',
        'respondWithinDays',
        'name',
        'startDate',
        'endDate',
      ]) {
        const res = await coordinator.patch(`/programmes/${m.programme.id}`, {
          name: 'Renamed',
          description: 'Changed',
          [setting]: null,
        });
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([{ path: setting, message: `${setting} must not be null` }]);
      }
      expect((await coordinator.get(`/programmes/${m.programme.id}`).expect(200)).body).toEqual(before);
    });

    it('consortium milestones: title, due date and status', async () => {
      const coordinator = t.api.as(m.people.coordinator.token);
      const list = `/programmes/${m.programme.id}/milestones`;
      const before = (await coordinator.get(list).expect(200)).body;
      const [current] = before;
      for (const field of ['title', 'dueDate', 'status']) {
        const create = await coordinator.post(list, { title: 'T', dueDate: '2030-01-01', [field]: null });
        expect(create.status).toBe(400);
        expect(create.body.details).toEqual([{ path: field, message: `${field} must not be null` }]);
        const update = await coordinator.patch(`${list}/${current.id}`, {
          description: 'Changed',
          version: current.version,
          [field]: null,
        });
        expect(update.status).toBe(400);
        expect(update.body.details).toEqual([{ path: field, message: `${field} must not be null` }]);
      }
      expect((await coordinator.get(list).expect(200)).body).toEqual(before);
    });

    it('assessment answers: null links, and a calibration without a rating', async () => {
      const path = `/assessments/${things.assessment}/answers/strategy.q1`;
      const before = (await t.api.as(m.people.mentee.token).get(`/assessments/${things.assessment}`).expect(200)).body
        .answers;
      const links = await t.api.as(m.people.mentee.token).put(path, { rating: 0, evidence: 'Changed', links: null });
      expect(links.status).toBe(400);
      expect(links.body.details).toEqual([{ path: 'links', message: 'links must not be null' }]);
      const calibration = await t.api.as(m.people.mentor.token).put(`${path}/calibration`, { note: 'A note' });
      expect(calibration.status).toBe(400);
      expect(
        (await t.api.as(m.people.mentee.token).get(`/assessments/${things.assessment}`).expect(200)).body.answers,
      ).toEqual(before);
    });

    it('an organisation added by a null id, a reply to a null parent, a pair with null focus', async () => {
      const coordinator = t.api.as(m.people.coordinator.token);
      const organisations = (await coordinator.get(`/programmes/${m.programme.id}/organisations`).expect(200)).body;
      const add = await coordinator.post(`/programmes/${m.programme.id}/organisations`, { organisationId: null });
      expect(add.status).toBe(400);
      expect(add.body.details).toEqual([{ path: 'organisationId', message: 'organisationId must not be null' }]);
      expect((await coordinator.get(`/programmes/${m.programme.id}/organisations`).expect(200)).body).toEqual(
        organisations,
      );

      const reply = await t.api
        .as(m.people.mentee.token)
        .post(`/action-plans/${things.plan}/comments`, { body: 'A reply', parentId: null });
      expect(reply.status).toBe(400);
      expect(reply.body.details).toEqual([{ path: 'parentId', message: 'parentId must not be null' }]);

      const pair = await coordinator.post(`/programmes/${m.programme.id}/pairs`, {
        benchmarkCode: 'migrant-entrepreneurs',
        mentorOrganisationId: m.otherCity.id,
        menteeOrganisationId: m.city.id,
        focusSectionCodes: null,
      });
      expect(pair.status).toBe(400);
      expect(pair.body.details).toEqual([{ path: 'focusSectionCodes', message: 'focusSectionCodes must not be null' }]);
    });
  });
});
