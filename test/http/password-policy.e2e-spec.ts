import { PASSWORD } from '../support/given';
import { startApp, type TestApp } from '../support/app';

const tokenOf = (acceptUrl: string) => acceptUrl.split('/invitations/')[1];

/** Wherever a password is set through the API, the policy (zxcvbn score ≥ 3, name and e-mail as user inputs) decides. */
describe('password policy on the routes that set a password', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<TestApp['given']['world']>>;
  beforeAll(async () => {
    t = await startApp();
    w = await t.given.world();
  });
  afterAll(() => t.close());

  const invite = async (email: string) =>
    tokenOf(
      (
        await t.api
          .as(w.people.coordinator.token)
          .post(`/programmes/${w.programme.id}/invitations`, { email, organisationId: w.city.id })
          .expect(201)
      ).body.acceptUrl,
    );

  const expectRefused = (
    res: { body: { code: string; message: string; details: { path: string; message: string }[] } },
    field: string,
    reason: string,
  ) => {
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([{ path: field, message: res.body.message }]);
    expect(res.body.message).toContain(`${field} is too easy to guess`);
    expect(res.body.message).toContain(reason);
    expect(res.body.message).toContain('for example four or more unrelated words'); // what would pass
  };

  it('accepting an invitation as a newcomer: refuses a guessable password, naming `password` and saying why; a strong one joins', async () => {
    const token = await invite('lena.weiss@city.example');
    for (const [password, reason] of [
      ['aaaaaaaaaa', 'Repeated characters like "aaa" are easy to guess.'],
      [' '.repeat(10), 'Repeated characters like "aaa" are easy to guess.'],
      ['password123', 'This is a commonly used password.'],
      ['Lena Weiss 2026', 'There should not be any personal or page related data.'],
    ] as const) {
      expectRefused(
        await t.api.post(`/invitations/${token}/accept`, { name: 'Lena Weiss', password }).expect(400),
        'password',
        reason,
      );
    }
    // Nothing was created: the invitation still waits for a newcomer.
    expect((await t.api.get(`/invitations/${token}`).expect(200)).body.accountExists).toBe(false);
    const accepted = await t.api
      .post(`/invitations/${token}/accept`, { name: 'Lena Weiss', password: 'tulip kettle orbit canyon' })
      .expect(200);
    expect(accepted.body.user).toMatchObject({ email: 'lena.weiss@city.example', name: 'Lena Weiss' });
  });

  it('accepting with an existing account asks for the current password only: the policy does not apply to it', async () => {
    const existing = await t.given.user();
    const token = await invite(existing.email);
    await t.api.post(`/invitations/${token}/accept`, { password: PASSWORD }).expect(200);
  });

  it('POST /me/password: refuses a guessable new password, naming `newPassword`, and changes nothing; a strong one is set', async () => {
    const user = await t.given.user({ name: 'Jonas Berg', email: 'jonas.berg@city.example' });
    const session = await t.given.signIn(user);
    const change = (newPassword: string) =>
      t.api.as(session.token).post('/me/password', { currentPassword: PASSWORD, newPassword });
    expectRefused(
      await change('aaaaaaaaaa').expect(400),
      'newPassword',
      'Repeated characters like "aaa" are easy to guess.',
    );
    expectRefused(
      await change('jonas.berg@city.example').expect(400),
      'newPassword',
      'There should not be any personal or page related data.',
    );
    expectRefused(await change('qwertyuiop').expect(400), 'newPassword', 'This is a frequently used password.');
    await t.api.post('/auth/login', { email: user.email, password: PASSWORD }).expect(200);
    await change('Sunflower-Budget-Ledger').expect(204);
    await t.api.post('/auth/login', { email: user.email, password: 'Sunflower-Budget-Ledger' }).expect(200);
  });
});
