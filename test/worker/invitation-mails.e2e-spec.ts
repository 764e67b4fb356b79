import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvitationDeliveryService } from '../../apps/worker/src/mail/invitation-delivery.service';
import { startApp, type TestApp } from '../support/app';
import { startWorkerContext, TestSmtp, until, type WorkerContext } from './worker-harness';

const tokenOf = (acceptUrl: string) => acceptUrl.split('/invitations/')[1];

describe('invitation e-mails (worker + api on one database, a real SMTP server)', () => {
  let t: TestApp;
  let w: WorkerContext;
  let second: WorkerContext;
  let smtp: TestSmtp;
  let world: Awaited<ReturnType<TestApp['given']['world']>>;

  beforeAll(async () => {
    t = await startApp();
    smtp = await TestSmtp.start();
    w = await startWorkerContext(t.databaseUrl, { SMTP_URL: smtp.url, PUBLIC_URL: 'http://citymentor.test' });
    second = await startWorkerContext(t.databaseUrl, { SMTP_URL: smtp.url, PUBLIC_URL: 'http://citymentor.test' });
    world = await t.given.world();
  });
  afterAll(async () => {
    await second?.close();
    await w?.close();
    await t?.close();
    await smtp?.close();
  });

  const coordinator = () => t.api.as(world.people.coordinator.token);
  const invite = async (email: string, organisationId = world.city.id) =>
    (await coordinator().post(`/programmes/${world.programme.id}/invitations`, { email, organisationId }).expect(201))
      .body as { id: string; acceptUrl: string; expiresAt: string };
  const send = () => w.get(InvitationDeliveryService).sendPending();
  const listed = async (id: string) =>
    (await coordinator().get(`/programmes/${world.programme.id}/invitations`).expect(200)).body.find(
      (i: { id: string }) => i.id === id,
    );

  it('mails the invitee once: programme, who invites, organisation, role in words, the link and its expiry', async () => {
    const invited = await invite('first.mail@example.eu', world.expertOrganisation.id);
    // Two workers at once, then a third pass: one mail.
    const counts = await Promise.all([send(), second.get(InvitationDeliveryService).sendPending()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await send()).toBe(0);
    const mails = smtp.to('first.mail@example.eu');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.subject).toBe(
      `${world.people.coordinator.user.name} invites you to ${world.programme.name} on CityMentor`,
    );
    expect(mail.text).toContain(invited.acceptUrl);
    expect(mail.text).toContain(world.programme.name);
    expect(mail.text).toContain(world.expertOrganisation.name);
    expect(mail.text).toContain('as expert.');
    expect(mail.text).not.toContain('city-member');
    const expiry = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(invited.expiresAt),
    );
    expect(mail.text).toContain(`until ${expiry}`);
    expect(mail.html).toContain(`href="${invited.acceptUrl}"`);
    expect(mail.messageId).toBe(`<invitation-${invited.id}-1@citymentor>`);
    // The plain token is gone from the database once mailed.
    const [row] = await t.orm.em
      .fork()
      .getConnection()
      .execute<{ mail_token: string | null }[]>(`select mail_token from invitations where id = ?`, [invited.id]);
    expect(row.mail_token).toBeNull();
    expect((await listed(invited.id)).emailedAt).toEqual(expect.any(String));
    // The city role in words too.
    await invite('city.words@example.eu');
    await send();
    expect(smtp.to('city.words@example.eu')[0].text).toContain('as member of the city team.');
  });

  it('mails a resend with the new link; the old link is dead', async () => {
    const invited = await invite('resend.mail@example.eu');
    await send();
    const resent = await coordinator()
      .post(`/programmes/${world.programme.id}/invitations/${invited.id}/resend`)
      .expect(200);
    expect(resent.body.emailedAt).toBeNull();
    expect(await send()).toBe(1);
    expect(await send()).toBe(0);
    const mails = smtp.to('resend.mail@example.eu');
    expect(mails).toHaveLength(2);
    expect(mails[1].text).toContain(resent.body.acceptUrl);
    expect(mails[1].text).not.toContain(invited.acceptUrl);
    expect(mails[1].messageId).toBe(`<invitation-${invited.id}-2@citymentor>`);
    await t.api.get(`/invitations/${tokenOf(invited.acceptUrl)}`).expect(404);
    await t.api.get(`/invitations/${tokenOf(resent.body.acceptUrl)}`).expect(200);
  });

  it('sends nothing for an invitation revoked before its mail went out, and the link is dead', async () => {
    const invited = await invite('revoked.mail@example.eu');
    await coordinator().post(`/programmes/${world.programme.id}/invitations/${invited.id}/revoke`).expect(200);
    expect(await send()).toBe(0);
    expect(smtp.to('revoked.mail@example.eu')).toHaveLength(0);
    await t.api.get(`/invitations/${tokenOf(invited.acceptUrl)}`).expect(404);
  });

  it('keeps the invitation waiting while the SMTP server refuses, and sends it once later', async () => {
    const invited = await invite('refused.mail@example.eu');
    smtp.beforeAccept = () => {
      throw Object.assign(new Error('mailbox busy'), { responseCode: 451 });
    };
    try {
      await expect(send()).rejects.toThrow();
    } finally {
      smtp.beforeAccept = undefined;
    }
    expect((await listed(invited.id)).emailedAt).toBeNull();
    expect(await send()).toBe(1);
    expect(smtp.to('refused.mail@example.eu')).toHaveLength(1);
  });

  it('is woken by the invitation itself when the feed runs', async () => {
    const feedWorker = await startWorkerContext(t.databaseUrl, {
      SMTP_URL: smtp.url,
      NOTIFICATION_FEED: 'true',
      NOTIFICATION_POLL_MS: '60000',
    });
    try {
      await new Promise((r) => setTimeout(r, 300)); // the LISTEN connection is up
      await invite('woken.mail@example.eu');
      await until(() => smtp.to('woken.mail@example.eu').length === 1, 10_000, 'the invitation e-mail');
    } finally {
      await feedWorker.close();
    }
  });

  it('writes the mail to the outbox when no SMTP server is configured', async () => {
    const outbox = await mkdtemp(join(tmpdir(), 'outbox-'));
    const noSmtp = await startWorkerContext(t.databaseUrl, { OUTBOX_DIR: outbox });
    try {
      const invited = await invite('outbox.mail@example.eu');
      expect(await noSmtp.get(InvitationDeliveryService).sendPending()).toBe(1);
      const [file] = await readdir(outbox);
      const eml = await readFile(join(outbox, file), 'utf8');
      expect(eml).toContain('To: outbox.mail@example.eu');
      expect(eml.replace(/=\r?\n/g, '')).toContain(tokenOf(invited.acceptUrl));
    } finally {
      await noSmtp.close();
    }
  });
});
