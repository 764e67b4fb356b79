import { startApp, type TestApp } from '../support/app';
import { PASSWORD, type SignedIn } from '../support/given';
import { eventually, TestSocket } from '../support/sockets';

/** Tokens: logout ends a session, a password change ends them all, a reused refresh token ends its session; sockets included. */
describe('sessions end everywhere', () => {
  let t: TestApp;
  let url: string;
  const sockets: TestSocket[] = [];

  const connect = async (token: string) => {
    const s = await TestSocket.connect(url, token);
    sockets.push(s);
    return s;
  };
  /** Resolves when the server has closed the socket; fails after 5 s. */
  const closed = (s: TestSocket) =>
    eventually(() => expect(s.socket.disconnected).toBe(true), 5000, 'the socket to be closed');
  /** A person signed in twice (two devices), with a socket per device. */
  const twoDevices = async () => {
    const user = await t.given.user();
    const laptop = await t.given.signIn(user);
    const phone = await t.given.signIn(user);
    return { user, laptop, phone, laptopSocket: await connect(laptop.token), phoneSocket: await connect(phone.token) };
  };
  const works = (session: SignedIn) => t.api.as(session.token).get('/me');

  beforeAll(async () => {
    t = await startApp();
    url = await t.listen();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  it('logout ends that session: its access token, its refresh token and its sockets; the other device stays signed in', async () => {
    const { laptop, phone, laptopSocket, phoneSocket } = await twoDevices();
    const secondLaptopSocket = await connect(laptop.token);

    await t.api.as(laptop.token).post('/auth/logout', {}).expect(204);

    await Promise.all([closed(laptopSocket), closed(secondLaptopSocket)]);
    expect(laptopSocket.errors).toContainEqual(expect.objectContaining({ code: 'SESSION_ENDED' }));
    await works(laptop).expect(401);
    await t.api.post('/auth/refresh', { refreshToken: laptop.refreshToken }).expect(401);
    await expect(connect(laptop.token)).rejects.toThrow(/session has ended/);

    await works(phone).expect(200);
    expect(phoneSocket.socket.connected).toBe(true);
  });

  it('a password change ends every session of the user, sockets included, and only the new password signs in', async () => {
    const { user, laptop, phone, laptopSocket, phoneSocket } = await twoDevices();
    const bystander = await t.given.signIn(await t.given.user());
    const bystanderSocket = await connect(bystander.token);

    await t.api
      .as(laptop.token)
      .post('/me/password', { currentPassword: PASSWORD, newPassword: 'a-brand-new-passphrase' })
      .expect(204);

    await Promise.all([closed(laptopSocket), closed(phoneSocket)]);
    for (const s of [laptopSocket, phoneSocket])
      expect(s.errors).toContainEqual(expect.objectContaining({ code: 'SESSION_ENDED' }));
    for (const session of [laptop, phone]) {
      await works(session).expect(401);
      await t.api.post('/auth/refresh', { refreshToken: session.refreshToken }).expect(401);
      await expect(connect(session.token)).rejects.toThrow(/session has ended/);
    }
    await t.api.post('/auth/login', { email: user.email, password: PASSWORD }).expect(401);
    const fresh = await t.api
      .post('/auth/login', { email: user.email, password: 'a-brand-new-passphrase' })
      .expect(200);
    await t.api.as(fresh.body.accessToken).get('/me').expect(200);

    await works(bystander).expect(200);
    expect(bystanderSocket.socket.connected).toBe(true);
  });

  it('refuses a wrong current password with 403 WRONG_PASSWORD and changes nothing', async () => {
    const { user, laptop, laptopSocket } = await twoDevices();
    const res = await t.api
      .as(laptop.token)
      .post('/me/password', { currentPassword: 'not-my-password', newPassword: 'a-brand-new-passphrase' })
      .expect(403);
    expect(res.body).toMatchObject({
      statusCode: 403,
      code: 'WRONG_PASSWORD',
      details: [{ path: 'currentPassword', message: expect.any(String) }],
    });
    await works(laptop).expect(200);
    expect(laptopSocket.socket.connected).toBe(true);
    await t.api.post('/auth/login', { email: user.email, password: PASSWORD }).expect(200);
  });

  it('validates the new password and needs a signed-in user', async () => {
    const { laptop } = await twoDevices();
    const cases: [unknown, string][] = [
      [{ currentPassword: PASSWORD, newPassword: 'short' }, 'newPassword'],
      [{ currentPassword: PASSWORD, newPassword: 42 }, 'newPassword'],
      [{ newPassword: 'a-brand-new-passphrase' }, 'currentPassword'],
      [{ currentPassword: PASSWORD, newPassword: 'a-brand-new-passphrase', isAdmin: true }, 'isAdmin'],
    ];
    for (const [body, field] of cases) {
      const res = await t.api.as(laptop.token).post('/me/password', body).expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]));
    }
    await t.api.post('/me/password', { currentPassword: PASSWORD, newPassword: 'a-brand-new-passphrase' }).expect(401);
    await works(laptop).expect(200);
  });

  it('detects a reused refresh token: the whole session ends, its newest tokens and its sockets too', async () => {
    const { laptop, phone, phoneSocket } = await twoDevices();
    const rotated = await t.api.post('/auth/refresh', { refreshToken: laptop.refreshToken }).expect(200);
    const socket = await connect(rotated.body.accessToken);

    const reuse = await t.api.post('/auth/refresh', { refreshToken: laptop.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('TOKEN_REUSED');

    await closed(socket);
    await t.api.as(rotated.body.accessToken).get('/me').expect(401);
    await t.api.post('/auth/refresh', { refreshToken: rotated.body.refreshToken }).expect(401);
    await eventually(() => expect(phoneSocket.socket.connected).toBe(true));
    await works(phone).expect(200);
  });
});
