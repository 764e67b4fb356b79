import { EmailDeliveryService } from '../../apps/worker/src/mail/email-delivery.service';
import { NotificationsService } from '../../apps/worker/src/notifications/notifications.service';
import { planFixtures } from '../http/plan-fixtures';
import { startApp, type TestApp } from '../support/app';
import { startWorkerContext, TestSmtp, type WorkerContext } from './worker-harness';

describe('notifications from the event log (worker + api on one database)', () => {
  let t: TestApp;
  let w: WorkerContext;
  let smtp: TestSmtp;

  beforeAll(async () => {
    t = await startApp();
    smtp = await TestSmtp.start();
    w = await startWorkerContext(t.databaseUrl, { SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await w?.close();
    await t?.close();
    await smtp?.close();
  });

  const feed = async () => {
    // Drains the log as the feed does: batch after batch until one comes back short.
    let total = 0;
    for (;;) {
      const batch = await w.get(NotificationsService).processBatch(50);
      total += batch.notifications;
      if (batch.scanned < 50) return total;
    }
  };
  const sql = <T>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(query, params);
  const notificationsOf = (userId: string) =>
    sql<{ kind: string; title: string; body: string; link: string; sourceEventSeq: string }>(
      `select kind, title, body, link, source_event_seq::text as "sourceEventSeq" from notifications where user_id = ? order by created_at, kind`,
      [userId],
    );
  const kindsBy = async (users: Record<string, { id: string }>) =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(users).map(async ([who, u]) => [who, (await notificationsOf(u.id)).map((n) => n.kind)]),
      ),
    );

  /** A mentoring pair with a second member on each side. */
  async function cast() {
    const m = await t.given.mentoring();
    const mentee2 = await t.given.member(m.programme, m.menteeCity, 'city-member');
    const mentor2 = await t.given.member(m.programme, m.mentorCity, 'city-member');
    return { m, mentee2, mentor2, plans: planFixtures(t, m) };
  }
  const users = (c: Awaited<ReturnType<typeof cast>>) => ({
    mentor: c.m.people.mentor.user,
    mentor2: c.mentor2,
    mentee: c.m.people.mentee.user,
    mentee2: c.mentee2,
    coordinator: c.m.people.coordinator.user,
    expert: c.m.people.expert.user,
    otherCity: c.m.people.otherCity.user,
  });

  it('tells the other side and the thread of a comment, and the mentioned person of a mention, once each', async () => {
    const c = await cast();
    const plan = await c.plans.draft({ title: 'One-stop shop in Liège' });
    await feed();
    const root = await t.api
      .as(c.m.people.mentor.token)
      .post(`/action-plans/${plan.id}/comments`, {
        body: 'Who pays for the desk?',
        target: { type: 'plan', id: plan.id },
      })
      .expect(201);
    await feed();
    expect(await kindsBy(users(c))).toEqual({
      mentor: [],
      mentor2: [],
      mentee: ['comment'],
      mentee2: ['comment'],
      coordinator: [],
      expert: [],
      otherCity: [],
    });

    const [n] = await notificationsOf(c.m.people.mentee.user.id);
    expect(n.title).toBe('Test User commented on “One-stop shop in Liège”');
    expect(n.body).toBe('Who pays for the desk?');
    expect(n.link).toBe(`/programmes/${c.m.programme.id}/plans/${plan.id}#comment-${root.body.id}`);

    // The expert (neither side) answers in the thread and mentions the second mentor.
    await t.api
      .as(c.m.people.expert.token)
      .post(`/action-plans/${plan.id}/comments`, {
        body: `@[Mentor Two](${c.mentor2.id}) can you check the budget?`,
        parentId: root.body.id,
      })
      .expect(201);
    await feed();
    expect(await kindsBy(users(c))).toEqual({
      mentor: ['comment'], // took part in the thread
      mentor2: ['mention'], // mentioned: told once, as a mention
      mentee: ['comment', 'comment'],
      mentee2: ['comment', 'comment'],
      coordinator: [],
      expert: [],
      otherCity: [],
    });
    const [mention] = await notificationsOf(c.mentor2.id);
    expect(mention.body).toBe('@Mentor Two can you check the budget?');
  });

  it('tells the mentor side of a submitted plan and the mentee side of its review', async () => {
    const c = await cast();
    const plan = await c.plans.submitted({ title: 'Microcredit for founders' });
    await feed();
    expect(await kindsBy(users(c))).toMatchObject({
      mentor: ['plan-submitted'],
      mentor2: ['plan-submitted'],
      mentee: [],
      mentee2: [],
      coordinator: [],
    });
    await t.api
      .as(c.m.people.mentor.token)
      .post(`/action-plans/${plan.id}/reviews`, { verdict: 'request-changes', summary: 'Say who funds it' })
      .expect(201);
    await feed();
    expect(await kindsBy(users(c))).toMatchObject({
      mentor: ['plan-submitted'],
      mentor2: ['plan-submitted'],
      mentee: ['plan-reviewed'],
      mentee2: ['plan-reviewed'],
      coordinator: [],
    });
    const [review] = await notificationsOf(c.mentee2.id);
    expect(review.title).toBe(`Revision 1: changes requested on “Microcredit for founders” by ${c.m.mentorCity.name}`);
    expect(review.body).toBe('Say who funds it');
  });

  it('names the revision reviewed in the verdict’s notification and its e-mail', async () => {
    const c = await cast();
    const u = users(c);
    const first = await c.plans.submitted({ title: 'Microcredit for founders' });
    const sent = await c.plans.step(first, 'mentor', 'reviews', {
      verdict: 'request-changes',
      summary: 'Say who funds it',
    });
    const again = await c.plans.step(sent, 'mentee', 'submit', { version: sent.version });
    await c.plans.step(again, 'mentor', 'reviews', { verdict: 'approve', summary: 'Go ahead' });
    await feed();
    await w.get(EmailDeliveryService).sendImmediate();

    const titles = (await notificationsOf(u.mentee2.id))
      .filter((n) => n.kind === 'plan-reviewed')
      .sort((a, b) => Number(a.sourceEventSeq) - Number(b.sourceEventSeq))
      .map((n) => n.title);
    const city = c.m.mentorCity.name;
    expect(titles).toEqual([
      `Revision 1: changes requested on “Microcredit for founders” by ${city}`,
      `Revision 2: “Microcredit for founders” approved by ${city}`,
    ]);
    const subjects = smtp.to(u.mentee2.email).map((m) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining(titles));
    for (const text of [...titles, ...subjects]) expect(text).not.toMatch(/version/i);
  });

  it('names a resubmission by the revision number the plan’s revision list gives, in the notification and the e-mail', async () => {
    const c = await cast();
    const u = users(c);
    const first = await c.plans.submitted({ title: 'Microcredit for founders' });
    const sent = await c.plans.step(first, 'mentor', 'reviews', {
      verdict: 'request-changes',
      summary: 'Say who funds it',
    });
    const again = await c.plans.step(sent, 'mentee', 'submit', { version: sent.version }); // nothing changed
    await feed();
    await w.get(EmailDeliveryService).sendImmediate();

    const { body: revisions } = await c.plans.mentor().get(`/action-plans/${again.id}/revisions`).expect(200);
    const numbers = (revisions as { number: number }[]).map((r) => r.number).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2]);
    const latest = numbers[numbers.length - 1];
    expect((again as unknown as { revisionCount: number }).revisionCount).toBe(latest);

    const submittedBodies = (await notificationsOf(u.mentor2.id))
      .filter((n) => n.kind === 'plan-submitted')
      .sort((a, b) => Number(a.sourceEventSeq) - Number(b.sourceEventSeq)) // written in one batch: same created_at
      .map((n) => n.body);
    expect(submittedBodies).toEqual([
      'Revision 1 of the action plan is waiting for your review.',
      `Revision ${latest} of the action plan is waiting for your review.`,
    ]);
    // The e-mails may arrive in either order: the numbers they name matter, not their order.
    const mails = smtp.to(u.mentor.email).filter((m) => (m.text ?? '').includes('waiting for your review'));
    expect(mails.map((m) => /Revision (\d+) of the action plan/.exec(m.text ?? '')?.[1]).sort()).toEqual([
      '1',
      String(latest),
    ]);
  });

  it('tells the mentor side when the mentee withdraws a submission it was to review', async () => {
    const c = await cast();
    const plan = await c.plans.submitted({ title: 'Microcredit for founders' });
    await t.api
      .as(c.m.people.mentee.token)
      .post(`/action-plans/${plan.id}/withdraw`, { version: plan.version })
      .expect(200);
    await feed();
    expect(await kindsBy(users(c))).toMatchObject({
      mentor: ['plan-submitted', 'plan-withdrawn'],
      mentor2: ['plan-submitted', 'plan-withdrawn'],
      mentee: [],
      mentee2: [],
      coordinator: [],
    });
    const [, withdrawn] = await notificationsOf(c.mentor2.id);
    expect(withdrawn).toMatchObject({
      title: expect.stringMatching(/ withdrew “Microcredit for founders” from review$/),
      body: 'Revision 1 no longer waits for your review: the city is changing the plan and will submit it again.',
      link: `/programmes/${c.m.programme.id}/plans/${plan.id}`,
    });
  });

  it('tells the mentor side, by e-mail as each chose, when a milestone is added to a plan it approved; not while drafting, not for a status', async () => {
    const c = await cast();
    const u = users(c);
    const mentor2 = await t.given.signIn(c.mentor2);
    await t.api.as(mentor2.token).put('/me/notification-preferences', { email: 'off' }).expect(200);
    const submitted = await c.plans.submitted({ title: 'Microcredit for founders' });
    const approved = await c.plans.step(submitted, 'mentor', 'reviews', { verdict: 'approve', summary: 'Go ahead' });
    const draft = await c.plans.draft({ title: 'Still a draft' });
    await feed();
    await w.get(EmailDeliveryService).sendImmediate();
    smtp.mails.length = 0;
    const [reviewed] = (await t.api.as(c.m.people.mentee.token).get(`/action-plans/${approved.id}`).expect(200)).body
      .milestones;

    await c.plans.milestone(draft.id, { title: 'Drafted step' });
    await t.api
      .as(c.m.people.mentee.token)
      .patch(`/milestones/${reviewed.id}`, { status: 'in-progress', version: reviewed.version })
      .expect(200);
    const added = await c.plans.milestone(approved.id, {
      title: 'Second lender signed',
      dueDate: '2030-09-30',
      owner: 'Finance office',
    });
    await feed();

    expect(await kindsBy(users(c))).toMatchObject({
      mentor: ['plan-submitted', 'plan-changed-after-approval'],
      mentor2: ['plan-submitted', 'plan-changed-after-approval'],
      mentee: ['plan-reviewed'],
      mentee2: ['plan-reviewed'],
      coordinator: [],
      expert: [],
    });
    const [, changed] = await notificationsOf(u.mentor.id);
    expect(changed).toEqual({
      kind: 'plan-changed-after-approval',
      title: expect.stringMatching(/ added a milestone to “Microcredit for founders” after your approval$/),
      body: 'New milestone: “Second lender signed”, due 2030-09-30, owner: Finance office. The plan page shows what changed since you approved it.',
      link: `/programmes/${c.m.programme.id}/plans/${approved.id}#milestone-${added.id}`,
      sourceEventSeq: expect.any(String),
    });

    expect(await w.get(EmailDeliveryService).sendImmediate()).toBe(1); // the mentor; the second mentor chose no e-mail
    const [mail] = smtp.to(u.mentor.email);
    expect(mail.subject).toBe(changed.title);
    expect(mail.text).toContain(
      `http://citymentor.test/programmes/${c.m.programme.id}/plans/${approved.id}#milestone-${added.id}`,
    );
    expect(smtp.to(u.mentor2.email)).toHaveLength(0);
  });

  it("tells each city's members of a pair formed for them, from their side, naming its focus sections, with a link to the pair", async () => {
    const m = await t.given.mentoring();
    const [mentorCity, menteeCity] = await Promise.all([t.given.organisation('city'), t.given.organisation('city')]);
    for (const city of [mentorCity, menteeCity]) await t.given.participant(m.programme, city);
    const [mentorMember, menteeMember] = await Promise.all([
      t.given.member(m.programme, mentorCity, 'city-member'),
      t.given.member(m.programme, menteeCity, 'city-member'),
    ]);
    const { body: pair } = await t.api
      .as(m.people.coordinator.token)
      .post(`/programmes/${m.programme.id}/pairs`, {
        benchmarkCode: 'migrant-entrepreneurs',
        mentorOrganisationId: mentorCity.id,
        menteeOrganisationId: menteeCity.id,
        focusSectionCodes: ['networking', 'strategy'],
      })
      .expect(201);
    await feed();
    await feed();

    const [toMentee] = await notificationsOf(menteeMember.id);
    const [toMentor] = await notificationsOf(mentorMember.id);
    const title = `${mentorCity.name} will mentor ${menteeCity.name}`;
    const link = `/programmes/${m.programme.id}/pairs/${pair.id}`;
    expect(toMentee).toMatchObject({
      kind: 'pair-formed',
      title,
      link,
      body: expect.stringMatching(/^Your city is the mentee of this pair\. Start with the baseline self-assessment/),
    });
    expect(toMentor).toMatchObject({
      kind: 'pair-formed',
      title,
      link,
      body: expect.stringMatching(/^Your city is the mentor of this pair\./),
    });
    // By title, in the benchmark's order.
    const focus =
      'Focus sections: “Strategy to enhance a diverse entrepreneurial community”, “Networking and influencing opportunities for migrant entrepreneurs”.';
    expect(toMentee.body).toContain(focus);
    expect(toMentor.body).toContain(focus);
    expect(await notificationsOf(menteeMember.id)).toHaveLength(1); // read twice, told once
    // The coordinator formed it; the programme's other cities do not hear of it.
    for (const other of [m.people.coordinator.user, m.people.mentee.user, m.people.otherCity.user]) {
      expect((await notificationsOf(other.id)).filter((n) => n.kind === 'pair-formed')).toEqual([]);
    }
  });

  it('notifies nobody twice when the same events are read again, and announces each notification in its user’s room', async () => {
    const c = await cast();
    const plan = await c.plans.draft();
    await t.api
      .as(c.m.people.mentee.token)
      .post(`/action-plans/${plan.id}/comments`, { body: 'Draft ready', target: { type: 'plan', id: plan.id } })
      .expect(201);
    await feed();
    const before = await sql<{ n: number }>(`select count(*)::int as n from notifications`);
    // As after a crash between writing and moving the cursor (impossible in one transaction, so forced here).
    await sql(`update worker_cursors set seq = 0 where name = 'notifications'`);
    expect(await feed()).toBe(0);
    expect(await sql<{ n: number }>(`select count(*)::int as n from notifications`)).toEqual(before);

    const mentorId = c.m.people.mentor.user.id;
    const rows = await sql<{ id: string }>(`select id from notifications where user_id = ?`, [mentorId]);
    const events = await sql<{ payload: { notificationId: string; kind: string; link: string } }>(
      `select payload from events where room = ? and type = 'notification.created'`,
      [`user:${mentorId}`],
    );
    expect(events.map((e) => e.payload.notificationId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(events[0].payload).toMatchObject({
      kind: 'comment',
      link: expect.stringContaining(`/plans/${plan.id}#comment-`),
    });
  });

  it('e-mails at once, in a daily digest or not at all, as each recipient chose', async () => {
    const c = await cast();
    const u = users(c);
    await t.api.as(c.m.people.mentee.token).put('/me/notification-preferences', { email: 'daily' }).expect(200);
    const mentee2 = await t.given.signIn(c.mentee2);
    await t.api.as(mentee2.token).put('/me/notification-preferences', { email: 'off' }).expect(200);
    const plan = await c.plans.draft({ title: 'Mentoring desk for Λευκωσία' });
    await feed();
    await w.get(EmailDeliveryService).sendImmediate();
    smtp.mails.length = 0;

    const root = await t.api
      .as(c.m.people.mentor.token)
      .post(`/action-plans/${plan.id}/comments`, { body: 'Who pays?', target: { type: 'plan', id: plan.id } })
      .expect(201);
    await t.api
      .as(c.m.people.mentee.token)
      .post(`/action-plans/${plan.id}/comments`, { body: 'The city does.', parentId: root.body.id })
      .expect(201);
    await feed();
    expect(await w.get(EmailDeliveryService).sendImmediate()).toBe(2); // the mentor and the second mentor, once each
    expect(await w.get(EmailDeliveryService).sendImmediate()).toBe(0);

    expect(smtp.mails.map((m) => m.envelopeTo).sort()).toEqual([[u.mentor.email], [u.mentor2.email]].sort());
    const mail = smtp.to(u.mentor.email)[0];
    const link = `http://citymentor.test/programmes/${c.m.programme.id}/plans/${plan.id}#comment-`;
    expect(mail.subject).toBe('Test User replied on “Mentoring desk for Λευκωσία”');
    expect(mail.text).toContain('The city does.');
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}`);
    expect(mail.messageId).toMatch(/^<notification-[0-9a-f-]{36}@citymentor>$/);

    // The daily digest: one mail for the mentee with what they have not been mailed; nothing for 'off'.
    smtp.mails.length = 0;
    const digest = await w.get(EmailDeliveryService).sendDigests('2026-11-30');
    expect(digest.users).toBeGreaterThanOrEqual(1);
    expect(smtp.to(u.mentee.email)).toHaveLength(1);
    const [d] = smtp.to(u.mentee.email);
    expect(d.subject).toBe('CityMentor: 1 notification (2026-11-30)');
    expect(d.text).toContain('Test User commented on “Mentoring desk for Λευκωσία”');
    expect(d.html).toContain(
      `href="http://citymentor.test/programmes/${c.m.programme.id}/plans/${plan.id}#comment-${root.body.id}"`,
    );
    expect(smtp.to(u.mentee2.email)).toHaveLength(0);
    await w.get(EmailDeliveryService).sendDigests('2026-11-30');
    expect(smtp.to(u.mentee.email)).toHaveLength(1);
  });

  it('keeps a notification pending when the SMTP server refuses it, and sends it later', async () => {
    const c = await cast();
    const plan = await c.plans.draft();
    await feed();
    await w.get(EmailDeliveryService).sendImmediate();
    await t.api
      .as(c.m.people.mentee.token)
      .post(`/action-plans/${plan.id}/comments`, { body: 'Ready for you', target: { type: 'plan', id: plan.id } })
      .expect(201);
    await feed();
    smtp.mails.length = 0;
    smtp.beforeAccept = () => {
      throw Object.assign(new Error('mailbox busy'), { responseCode: 451 });
    };
    await expect(w.get(EmailDeliveryService).sendImmediate()).rejects.toThrow();
    smtp.beforeAccept = undefined;
    expect(await w.get(EmailDeliveryService).sendImmediate()).toBe(2);
    expect(smtp.mails.map((m) => m.envelopeTo[0]).sort()).toEqual(
      [c.m.people.mentor.user.email, c.mentor2.email].sort(),
    );
  });
});
