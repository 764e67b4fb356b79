import { startApp, type TestApp } from '../support/app';
import type { ApiClient } from '../support/api-client';
import { GivenPlans } from '../support/given-plans';

type Cast = Awaited<ReturnType<TestApp['given']['mentoring']>>;
type Person = 'mentor' | 'mentee' | 'expert' | 'coordinator' | 'otherCity' | 'outsider' | 'admin';
interface Item {
  kind: string;
  key: string;
  link: string;
  programme: { id: string; name: string };
  pair: { id: string; mentorName: string; menteeName: string } | null;
  plan: { id: string; title: string } | null;
  milestone: { id: string; title: string; dueDate: string } | null;
  comment: { id: string; threadId: string; authorName: string; excerpt: string } | null;
  assessment: { id: string; organisationName: string; phase: string } | null;
  since: string | null;
  waitingDays: number | null;
  dueInDays: number | null;
  reason: string | null;
}
interface Work {
  today: string;
  count: number;
  groups: { kind: string; items: Item[] }[];
  follow: { programmeIds: string[]; pairIds: string[] };
}

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

/**
 * GET /me/work: what waits on each person, from every role they hold, each item linking to where
 * they act — and nothing of a pair or programme they may not see.
 */
describe('my work (the personal queue)', () => {
  let t: TestApp;
  let plans: GivenPlans;
  let m: Cast;
  const as = (who: Person): ApiClient => t.api.as(m.people[who].token);
  const sql = (query: string, params: unknown[] = []) => t.orm.em.getConnection().execute(query, params);
  const work = async (who: Person): Promise<Work> => (await as(who).get('/me/work').expect(200)).body;
  const kinds = (w: Work) => w.groups.map((g) => g.kind);
  const itemsOf = (w: Work, kind: string) => w.groups.find((g) => g.kind === kind)?.items ?? [];
  const titles = (w: Work, kind: string) =>
    itemsOf(w, kind).map(
      (i) => i.comment?.excerpt ?? i.milestone?.title ?? i.plan?.title ?? i.assessment?.organisationName,
    );
  const mention = (who: Person) => `@[${m.people[who].user.name}](${m.people[who].user.id})`;
  const comment = async (who: Person, planId: string, body: object) =>
    (await as(who).post(`/action-plans/${planId}/comments`, body).expect(201)).body;
  const ago = (
    table: 'comments' | 'plan_revisions' | 'plan_reviews' | 'milestones' | 'pairs' | 'progress_entries',
    id: string,
    days: number,
  ) => sql(`update ${table} set created_at = now() - ? * interval '1 day' where id = ?`, [days, id]);

  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startApp();
    plans = new GivenPlans(t.orm);
    m = await t.given.mentoring();
    const p = m.programme.id;

    // Our pair (mentor city → mentee city).
    const sentBack = await plans.plan(m.pair, { title: 'Sent back', state: 'changes-requested' });
    ids.sentBack = sentBack.id;
    await sql(
      `insert into plan_reviews (id, plan_id, revision, verdict, summary, overrode_open_threads, reviewer_id, created_at)
      values (gen_random_uuid(), ?, 1, 'request-changes', 'More detail', false, ?, now() - interval '3 days')`,
      [sentBack.id, m.people.mentor.user.id],
    );
    const waiting = await plans.plan(m.pair, { title: 'Waiting for review', state: 'submitted' });
    ids.waiting = waiting.id;
    await sql(
      `insert into plan_revisions (id, plan_id, number, snapshot, submitted_by, created_at) values (gen_random_uuid(), ?, 1, '{}', ?, now() - interval '10 days')`,
      [waiting.id, m.people.mentee.user.id],
    );
    const fresh = await plans.plan(m.pair, { title: 'Just submitted', state: 'submitted' });
    await sql(
      `insert into plan_revisions (id, plan_id, number, snapshot, submitted_by, created_at) values (gen_random_uuid(), ?, 1, '{}', ?, now() - interval '1 day')`,
      [fresh.id, m.people.mentee.user.id],
    );

    const running = await plans.plan(m.pair, { title: 'Running', state: 'in-progress' });
    ids.running = running.id;
    const [late, soon, , quiet, lively] = await plans.milestones(running, [
      { title: 'Late one', dueDate: '2020-01-01', status: 'in-progress' },
      { title: 'Due soon', dueDate: inDays(5) },
      { title: 'Done late', dueDate: '2020-02-01', status: 'done' },
      { title: 'Quiet one', dueDate: inDays(90) },
      { title: 'Lively one', dueDate: inDays(90) },
      { title: 'Far away', dueDate: inDays(40) },
    ]);
    Object.assign(ids, { late: late.id, soon: soon.id, quiet: quiet.id });
    await sql(`update milestones set created_at = now() - interval '40 days' where plan_id = ?`, [running.id]);
    const old = await plans.progress(quiet, m.people.mentee.user);
    await ago('progress_entries', old.id, 35);
    await plans.progress(lively, m.people.mentee.user);
    // The approval of the plan counts as the start of its quiet: a recent approval hides 'Far away' (no progress, created 40 days ago).
    await sql(
      `insert into plan_reviews (id, plan_id, revision, verdict, summary, overrode_open_threads, reviewer_id, created_at)
      values (gen_random_uuid(), ?, 1, 'approve', '', false, ?, now() - interval '31 days')`,
      [running.id, m.people.mentor.user.id],
    );
    await sql(
      `update milestones set created_at = now() - interval '10 days' where plan_id = ? and title = 'Far away'`,
      [running.id],
    );
    // An archived plan: nothing of it waits.
    const archived = await plans.plan(m.pair, { title: 'Archived', state: 'archived' });
    await plans.milestone(archived, { title: 'Archived late', dueDate: '2020-01-01' });

    // Threads on the running plan.
    const forMentee = await comment('mentor', running.id, {
      body: 'Who owns the budget?',
      target: { type: 'plan', id: running.id },
    });
    ids.forMentee = forMentee.id;
    const asked = await comment('mentor', running.id, {
      body: 'When does the desk open?',
      target: { type: 'milestone', id: soon.id },
    });
    const answered = await comment('mentee', running.id, {
      body: 'In May, once the staff is hired.',
      parentId: asked.id,
    });
    ids.forMentor = answered.id;
    ids.forMentorThread = asked.id;
    const resolved = await comment('mentor', running.id, {
      body: 'Settled question',
      target: { type: 'plan', id: running.id },
    });
    await as('mentor').post(`/comments/${resolved.id}/resolve`, {}).expect(200);
    const mentions = await comment('mentor', running.id, {
      body: `${mention('expert')} how did Vienna do this?`,
      target: { type: 'plan', id: running.id },
    });
    ids.mentionsExpert = mentions.id;
    const answeredMention = await comment('mentee', running.id, {
      body: `${mention('expert')} any advice on staffing?`,
      target: { type: 'plan', id: running.id },
    });
    await comment('expert', running.id, { body: 'Hire from the associations.', parentId: answeredMention.id });
    // Old enough for the coordinator's stall signal (respondWithinDays 7): the mentor's question to the mentee.
    await ago('comments', forMentee.id, 9);

    // Assessments: the mentee's draft follow-up, its submitted baseline (not calibrated), the mentor city's own draft.
    const baseline = await plans.assessment(
      m.programme,
      m.menteeCity,
      'baseline',
      { 'strategy.q1': 1 },
      { status: 'submitted' },
    );
    ids.baseline = baseline.id;
    ids.followUp = (await plans.assessment(m.programme, m.menteeCity, 'follow-up', { 'strategy.q1': 2 })).id;
    ids.mentorDraft = (await plans.assessment(m.programme, m.mentorCity, 'baseline', { 'strategy.q1': 2 })).id;

    // The other pair (third city → other city): work of the same kinds, which only the coordinator and the expert may see.
    const otherSentBack = await plans.plan(m.otherPair, { title: 'Other sent back', state: 'changes-requested' });
    ids.otherSubmitted = (await plans.plan(m.otherPair, { title: 'Other waiting', state: 'submitted' })).id;
    const otherLate = await plans.milestone(otherSentBack, { title: 'Other late', dueDate: '2021-01-01' });
    ids.otherLate = otherLate.id;
    await comment('otherCity', otherSentBack.id, {
      body: 'Other question',
      target: { type: 'plan', id: otherSentBack.id },
    });
    ids.otherBaseline = (
      await plans.assessment(m.programme, m.otherCity, 'baseline', { 'strategy.q1': 0 }, { status: 'submitted' })
    ).id;
    ids.otherDraft = (await plans.assessment(m.programme, m.otherCity, 'follow-up', { 'strategy.q1': 0 })).id;

    // Consortium milestones: due in 3 days, late, far off, late but done.
    const cm = async (title: string, dueDate: string, status = 'planned') =>
      (await as('coordinator').post(`/programmes/${p}/milestones`, { title, dueDate, status }).expect(201)).body
        .id as string;
    ids.cmSoon = await cm('Mentoring visit', inDays(3));
    ids.cmLate = await cm('Baseline assessments done', '2020-06-01');
    await cm('Final report', inDays(60));
    await cm('Kick-off', '2020-01-01', 'done');

    // The other pair has been quiet for 40 days (no event in its room): a stalled pair.
    await ago('pairs', m.otherPair.id, 40);
    await sql(`delete from events where room = ?`, [`pair:${m.otherPair.id}`]);
  });
  afterAll(() => t.close());

  it('gives the mentee city its plan sent back, the threads waiting for its answer, its milestones and its draft assessment', async () => {
    const w = await work('mentee');
    expect(kinds(w)).toEqual([
      'plan-changes-requested',
      'thread-awaiting-reply',
      'milestone-late',
      'milestone-due-soon',
      'progress-not-logged',
      'assessment-to-finish',
    ]);
    expect(w.count).toBe(8);

    const [sentBack] = itemsOf(w, 'plan-changes-requested');
    expect(sentBack).toEqual({
      kind: 'plan-changes-requested',
      key: `plan-changes-requested:${ids.sentBack}`,
      link: `/programmes/${m.programme.id}/plans/${ids.sentBack}`,
      programme: { id: m.programme.id, name: m.programme.name },
      pair: { id: m.pair.id, mentorName: m.mentorCity.name, menteeName: m.menteeCity.name },
      plan: { id: ids.sentBack, title: 'Sent back' },
      milestone: null,
      comment: null,
      assessment: null,
      since: expect.any(String),
      waitingDays: 3,
      dueInDays: null,
      reason: null,
    });

    // Oldest first; the expert's answer counts as the mentor side's word, so the mentee's mention thread waits on the mentee again.
    expect(titles(w, 'thread-awaiting-reply')).toEqual([
      'Who owns the budget?',
      `@${m.people.expert.user.name} how did Vienna do this?`,
      'Hire from the associations.',
    ]);
    const [thread] = itemsOf(w, 'thread-awaiting-reply');
    expect(thread).toMatchObject({
      link: `/programmes/${m.programme.id}/plans/${ids.running}#comment-${ids.forMentee}`,
      plan: { id: ids.running, title: 'Running' },
      comment: {
        id: ids.forMentee,
        threadId: ids.forMentee,
        authorName: m.people.mentor.user.name,
        excerpt: 'Who owns the budget?',
      },
      waitingDays: 9,
    });

    expect(itemsOf(w, 'milestone-late')).toEqual([
      expect.objectContaining({
        link: `/programmes/${m.programme.id}/plans/${ids.running}#milestone-${ids.late}`,
        milestone: { id: ids.late, title: 'Late one', dueDate: '2020-01-01' },
      }),
    ]);
    expect(itemsOf(w, 'milestone-late')[0].dueInDays).toBeLessThan(-300);
    expect(itemsOf(w, 'milestone-due-soon')).toEqual([
      expect.objectContaining({ milestone: { id: ids.soon, title: 'Due soon', dueDate: inDays(5) }, dueInDays: 5 }),
    ]);
    expect(itemsOf(w, 'progress-not-logged')).toEqual([
      expect.objectContaining({ milestone: expect.objectContaining({ id: ids.quiet }), waitingDays: 31 }),
    ]);
    expect(itemsOf(w, 'assessment-to-finish')).toEqual([
      expect.objectContaining({
        link: `/programmes/${m.programme.id}/assessments/${ids.followUp}`,
        assessment: {
          id: ids.followUp,
          organisationName: m.menteeCity.name,
          benchmarkCode: 'migrant-entrepreneurs',
          phase: 'follow-up',
        },
        pair: null,
      }),
    ]);
  });

  it('gives the mentor city the plans awaiting its review (oldest first, with the wait), its threads and the calibration to do', async () => {
    const w = await work('mentor');
    expect(kinds(w)).toEqual([
      'plan-awaiting-review',
      'thread-awaiting-reply',
      'assessment-to-finish',
      'calibration-to-do',
    ]);
    expect(titles(w, 'plan-awaiting-review')).toEqual(['Waiting for review', 'Just submitted']);
    expect(itemsOf(w, 'plan-awaiting-review').map((i) => i.waitingDays)).toEqual([10, 1]);
    expect(itemsOf(w, 'thread-awaiting-reply')).toEqual([
      expect.objectContaining({
        key: `thread-awaiting-reply:${ids.forMentorThread}`,
        link: `/programmes/${m.programme.id}/plans/${ids.running}#comment-${ids.forMentor}`,
        comment: expect.objectContaining({
          id: ids.forMentor,
          threadId: ids.forMentorThread,
          authorName: m.people.mentee.user.name,
        }),
      }),
    ]);
    expect(itemsOf(w, 'calibration-to-do')).toEqual([
      expect.objectContaining({
        link: `/programmes/${m.programme.id}/assessments/${ids.baseline}`,
        pair: { id: m.pair.id, mentorName: m.mentorCity.name, menteeName: m.menteeCity.name },
        assessment: expect.objectContaining({
          id: ids.baseline,
          organisationName: m.menteeCity.name,
          phase: 'baseline',
        }),
      }),
    ]);
    expect(itemsOf(w, 'assessment-to-finish').map((i) => i.assessment?.id)).toEqual([ids.mentorDraft]);
  });

  it('takes a calibration off the mentor’s queue once the mentor rates an answer', async () => {
    await sql(`update assessment_answers set mentor_rated = true, mentor_rating = 1 where assessment_id = ?`, [
      ids.baseline,
    ]);
    try {
      expect(kinds(await work('mentor'))).not.toContain('calibration-to-do');
    } finally {
      await sql(`update assessment_answers set mentor_rated = false, mentor_rating = null where assessment_id = ?`, [
        ids.baseline,
      ]);
    }
  });

  it('gives the expert the threads that mention them (until they answer) and every plan of the programme awaiting review', async () => {
    const w = await work('expert');
    expect(kinds(w)).toEqual(['plan-awaiting-review', 'mention']);
    expect(titles(w, 'plan-awaiting-review')).toEqual(
      expect.arrayContaining(['Waiting for review', 'Just submitted', 'Other waiting']),
    );
    expect(itemsOf(w, 'mention')).toEqual([
      expect.objectContaining({
        link: `/programmes/${m.programme.id}/plans/${ids.running}#comment-${ids.mentionsExpert}`,
        comment: expect.objectContaining({ id: ids.mentionsExpert, authorName: m.people.mentor.user.name }),
      }),
    ]);
  });

  it('gives the coordinator late milestones, stalled pairs, reviews overdue past the programme’s threshold and consortium milestones due', async () => {
    const w = await work('coordinator');
    expect(kinds(w)).toEqual(['plan-overdue-review', 'milestone-late', 'stalled-pair', 'consortium-milestone-due']);
    // respondWithinDays is 7: the plan waiting 10 days is overdue, the one of yesterday not.
    expect(itemsOf(w, 'plan-overdue-review')).toEqual([
      expect.objectContaining({
        link: `/programmes/${m.programme.id}/plans/${ids.waiting}`,
        plan: { id: ids.waiting, title: 'Waiting for review' },
        waitingDays: 10,
      }),
    ]);
    expect(titles(w, 'milestone-late')).toEqual(['Late one', 'Other late']);
    const stalled = itemsOf(w, 'stalled-pair');
    expect(stalled.map((s) => [s.reason, s.pair?.id, s.link])).toEqual(
      expect.arrayContaining([
        ['no-activity', m.otherPair.id, `/programmes/${m.programme.id}/dashboard#stalled`],
        ['thread-unanswered', m.pair.id, `/programmes/${m.programme.id}/dashboard#stalled`],
      ]),
    );
    expect(itemsOf(w, 'consortium-milestone-due')).toEqual([
      expect.objectContaining({
        link: `/programmes/${m.programme.id}/dashboard#cm-${ids.cmLate}`,
        milestone: expect.objectContaining({ title: 'Baseline assessments done' }),
        pair: null,
      }),
      expect.objectContaining({ link: `/programmes/${m.programme.id}/dashboard#cm-${ids.cmSoon}`, dueInDays: 3 }),
    ]);
  });

  it('tells the client which rooms to follow: the programmes, then the pairs its city works in', async () => {
    expect((await work('mentee')).follow).toEqual({ programmeIds: [m.programme.id], pairIds: [m.pair.id] });
    const coordinator = await work('coordinator');
    expect(coordinator.follow.programmeIds).toEqual([m.programme.id]);
    expect(coordinator.follow.pairIds.sort()).toEqual([m.pair.id, m.otherPair.id].sort());
  });

  it('never shows a city another pair’s work, nor anyone another programme’s', async () => {
    const mine = JSON.stringify(await work('mentee'));
    const theirs = JSON.stringify(await work('otherCity'));
    for (const id of [m.otherPair.id, ids.otherSubmitted, ids.otherLate, ids.otherBaseline, ids.otherDraft])
      expect(mine).not.toContain(id);
    for (const id of [m.pair.id, ids.running, ids.sentBack, ids.waiting, ids.baseline, ids.followUp])
      expect(theirs).not.toContain(id);
    // The other city sees its own work only.
    expect(titles(JSON.parse(theirs), 'plan-changes-requested')).toEqual(['Other sent back']);
    expect(JSON.parse(theirs).follow.pairIds).toEqual([m.otherPair.id]);

    const outsider = await work('outsider');
    expect(outsider).toEqual({
      today: inDays(0),
      count: 0,
      groups: [],
      follow: { programmeIds: [m.elsewhere.id], pairIds: [] },
    });
    expect(JSON.stringify(outsider)).not.toContain(m.programme.id);
    // The admin belongs to no programme: nothing waits on them here.
    expect((await work('admin')).count).toBe(0);
  });

  it('merges the roles one holds across programmes: a mentor city member who coordinates another programme', async () => {
    // The actor (and so the queue) is read per request: the new membership counts at once.
    await t.given.member(m.elsewhere, m.mentorCity, 'coordinator', m.people.mentor.user);
    await sql(
      `insert into consortium_milestones (id, programme_id, title, description, due_date, status, version, created_at, updated_at)
       values (gen_random_uuid(), ?, 'Elsewhere report', '', current_date + 2, 'planned', 1, now(), now())`,
      [m.elsewhere.id],
    );
    try {
      const w = await work('mentor');
      expect(kinds(w)).toEqual([
        'plan-awaiting-review',
        'thread-awaiting-reply',
        'assessment-to-finish',
        'calibration-to-do',
        'consortium-milestone-due',
      ]);
      expect(itemsOf(w, 'consortium-milestone-due')).toEqual([
        expect.objectContaining({
          programme: { id: m.elsewhere.id, name: m.elsewhere.name },
          milestone: expect.objectContaining({ title: 'Elsewhere report' }),
        }),
      ]);
      expect(w.follow.programmeIds.sort()).toEqual([m.programme.id, m.elsewhere.id].sort());
    } finally {
      await sql(`delete from memberships where user_id = ? and programme_id = ?`, [
        m.people.mentor.user.id,
        m.elsewhere.id,
      ]);
    }
  });

  it('needs a signed-in user', async () => {
    await t.api.get('/me/work').expect(401);
  });
});
