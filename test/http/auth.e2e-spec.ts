import { PASSWORD } from '../support/given';
import { startApp, type TestApp } from '../support/app';

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('signs in, then reads /me, its programmes and the whole benchmark', async () => {
    const { programme, city } = await t.given
      .world()
      .then((w) => ({ programme: w.programme, city: w.city, me: w.people.cityMember }));
    const member = await t.given.member(
      programme,
      city,
      'city-member',
      await t.given.user({ email: 'Officer@City.example' }),
    );

    const login = await t.api.post('/auth/login', { email: 'officer@city.example', password: PASSWORD }).expect(200);
    expect(login.body).toMatchObject({
      expiresIn: 900,
      user: { id: member.id, email: 'officer@city.example', isAdmin: false },
    });
    const api = t.api.as(login.body.accessToken);

    const me = await api.get('/me').expect(200);
    expect(me.body.organisations).toEqual([expect.objectContaining({ id: city.id, kind: 'city' })]);
    expect(me.body.programmes).toEqual([
      { programmeId: programme.id, programmeName: programme.name, organisationId: city.id, role: 'city-member' },
    ]);

    const programmes = await api.get('/programmes').expect(200);
    expect(programmes.body.map((p: { id: string }) => p.id)).toEqual([programme.id]);
    expect(programmes.body[0]).toMatchObject({ myRole: 'city-member', startDate: '2026-01-01', endDate: '2027-12-31' });

    const list = await api.get('/benchmarks').expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({ code: 'migrant-entrepreneurs', sectionCount: 9, guideQuestionCount: 40 }),
    ]);
    const benchmark = await api.get('/benchmarks/migrant-entrepreneurs').expect(200);
    expect(benchmark.body.sections).toHaveLength(9);
    expect(benchmark.body.sections.flatMap((s: { guideQuestions: unknown[] }) => s.guideQuestions)).toHaveLength(40);
    expect(benchmark.body.sections.flatMap((s: { examples: unknown[] }) => s.examples)).toHaveLength(21);
    expect(benchmark.body.contextFactors).toHaveLength(10);
    expect(benchmark.body.sections[0]).toMatchObject({
      code: 'strategy',
      order: 1,
      standard: expect.any(String),
      rationale: expect.any(String),
    });
    expect(benchmark.body.sections[0].examples[0]).toMatchObject({
      city: 'Helsinki',
      links: ['https://bit.ly/2J7q1cY'],
      contact: null,
    });
  });

  it('refuses a wrong password and an unknown e-mail alike, with 401', async () => {
    const user = await t.given.user();
    const wrong = await t.api.post('/auth/login', { email: user.email, password: 'not-the-password' }).expect(401);
    const unknown = await t.api.post('/auth/login', { email: 'nobody@example.eu', password: PASSWORD }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS' });
  });

  it('rotates refresh tokens: each works once, and the new access token works', async () => {
    const session = await t.given.signIn(await t.given.user());
    const first = await t.api.post('/auth/refresh', { refreshToken: session.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toEqual(session.refreshToken);
    await t.api.as(first.body.accessToken).get('/me').expect(200);
    const second = await t.api.post('/auth/refresh', { refreshToken: first.body.refreshToken }).expect(200);
    await t.api.as(second.body.accessToken).get('/me').expect(200);
  });

  it('treats reuse of a rotated refresh token as theft and ends the whole session', async () => {
    const session = await t.given.signIn(await t.given.user());
    const rotated = await t.api.post('/auth/refresh', { refreshToken: session.refreshToken }).expect(200);

    const reuse = await t.api.post('/auth/refresh', { refreshToken: session.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('TOKEN_REUSED');
    // The thief's and the owner's latest tokens are dead too.
    await t.api.post('/auth/refresh', { refreshToken: rotated.body.refreshToken }).expect(401);
    await t.api.as(rotated.body.accessToken).get('/me').expect(401);
  });

  it('lets only one of two simultaneous refreshes with one token win', async () => {
    const session = await t.given.signIn(await t.given.user());
    const results = await Promise.all(
      [1, 2].map(() => t.api.post('/auth/refresh', { refreshToken: session.refreshToken })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('logs out: the access token and the refresh token stop working at once', async () => {
    const session = await t.given.signIn(await t.given.user());
    const other = await t.given.signIn(session.user);
    await t.api.as(session.token).post('/auth/logout', {}).expect(204);
    await t.api.as(session.token).get('/me').expect(401);
    await t.api.post('/auth/refresh', { refreshToken: session.refreshToken }).expect(401);
    // Another session of the same person (another device) is untouched.
    await t.api.as(other.token).get('/me').expect(200);
  });

  it('rejects a forged, a malformed and a missing access token with 401', async () => {
    const session = await t.given.signIn(await t.given.user());
    const [header, payload] = session.token.split('.');
    await t.api.as(`${header}.${payload}.forged-signature`).get('/me').expect(401);
    await t.api.as('not-a-jwt').get('/me').expect(401);
    const anonymous = await t.api.get('/me').expect(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED' });
  });

  it('never returns password hashes', async () => {
    const session = await t.given.signIn(await t.given.user());
    const me = await t.api.as(session.token).get('/me').expect(200);
    expect(JSON.stringify(me.body)).not.toMatch(/argon2|passwordHash/);
  });
});
