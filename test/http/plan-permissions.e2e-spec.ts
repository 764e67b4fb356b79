import type { PlanState } from '@citymentor/contracts';
import { startApp, type TestApp } from '../support/app';
import { GivenPlans } from '../support/given-plans';
import { planFixtures, type Mentoring, type Who } from './plan-fixtures';

/**
 * What a response says the reader may do (`can` on the plan and on each comment) is what the server
 * then lets them do: every flag, for every side of the pair and every state of the plan, is tried —
 * a true flag must be accepted, a false one refused (403 or 409). So a client that offers exactly the
 * flags never offers an action the server refuses, and never hides one it would take.
 */
type Flag =
  | 'edit'
  | 'submit'
  | 'withdraw'
  | 'review'
  | 'start'
  | 'complete'
  | 'archive'
  | 'comment'
  | 'suggest'
  | 'addMilestone'
  | 'editMilestone'
  | 'changeMilestoneStatus'
  | 'logProgress';
const FLAGS: Flag[] = [
  'edit',
  'submit',
  'withdraw',
  'review',
  'start',
  'complete',
  'archive',
  'comment',
  'suggest',
  'addMilestone',
  'editMilestone',
  'changeMilestoneStatus',
  'logProgress',
];
const STATES: PlanState[] = [
  'draft',
  'submitted',
  'changes-requested',
  'approved',
  'in-progress',
  'completed',
  'archived',
];
const SIDES: Who[] = ['mentee', 'mentor', 'expert', 'coordinator', 'admin'];

interface Built {
  id: string;
  version: number;
  milestoneId: string;
  milestoneVersion: number;
}

describe('what responses say one may do is what the server allows', () => {
  let t: TestApp;
  let m: Mentoring;
  let f: ReturnType<typeof planFixtures>;
  beforeAll(async () => {
    t = await startApp();
    m = await t.given.mentoring();
    f = planFixtures(t, m);
  });
  afterAll(() => t.close());

  /** A complete plan (objective, an owned milestone) in `state`, written straight into the tables (many are needed). */
  async function planIn(state: PlanState): Promise<Built> {
    const plans = new GivenPlans(t.orm);
    const plan = await plans.plan(m.pair, {
      state,
      objective: 'Small loans for founders',
      createdBy: m.people.mentee.user,
    });
    const milestone = await plans.milestone(plan, { owner: 'Business office' });
    return { id: plan.id, version: plan.version, milestoneId: milestone.id, milestoneVersion: milestone.version };
  }

  /** The request each flag stands for. */
  function attempt(who: Who, flag: Flag, p: Built) {
    const as = f.as(who);
    const step = (path: string, body: object = {}) =>
      as.post(`/action-plans/${p.id}/${path}`, { version: p.version, ...body });
    switch (flag) {
      case 'edit':
        return as.patch(`/action-plans/${p.id}`, { objective: 'Rewritten', version: p.version });
      case 'submit':
      case 'withdraw':
      case 'start':
      case 'complete':
      case 'archive':
        return step(flag);
      case 'review':
        return as.post(`/action-plans/${p.id}/reviews`, {
          verdict: 'request-changes',
          summary: 'More detail',
          version: p.version,
        });
      case 'comment':
        return as.post(`/action-plans/${p.id}/comments`, { body: 'A question', target: { type: 'plan', id: p.id } });
      case 'suggest':
        // On a revision of its own (whatever the state: the flag is about who, not about revisions).
        return t.orm.em
          .fork()
          .getConnection()
          .execute(
            `insert into plan_revisions (id, plan_id, number, snapshot, submitted_by, created_at)
             select gen_random_uuid(), id, 99, jsonb_build_object('title', title), created_by, now()
             from action_plans where id = ? on conflict do nothing`,
            [p.id],
          )
          .then(() =>
            as.post(`/action-plans/${p.id}/comments`, {
              body: 'Shorter?',
              target: { type: 'plan', id: p.id },
              anchor: { revision: 99, field: 'title' },
              suggestion: 'Microcredit',
            }),
          );
      case 'addMilestone':
        return as.post(`/action-plans/${p.id}/milestones`, { title: 'One more', dueDate: '2030-01-01' });
      case 'editMilestone':
        return as.patch(`/milestones/${p.milestoneId}`, { title: 'Renamed', version: p.milestoneVersion });
      case 'changeMilestoneStatus':
        return as.patch(`/milestones/${p.milestoneId}`, { status: 'in-progress', version: p.milestoneVersion });
      case 'logProgress':
        return as.post(`/milestones/${p.milestoneId}/progress`, { percent: 10, status: 'in-progress' });
    }
  }

  it.each(STATES)('a %s plan: every side’s flags hold when tried', async (state) => {
    const shared = await planIn(state);
    const refusedWhereSaid: string[] = [];
    const acceptedWhereSaid: string[] = [];
    for (const who of SIDES) {
      const { can } = (await f.as(who).get(`/action-plans/${shared.id}`).expect(200)).body;
      expect(Object.keys(can).sort()).toEqual([...FLAGS].sort());
      for (const flag of FLAGS) {
        // An allowed action changes the plan: try it on a plan of its own in the same state.
        const res = await attempt(who, flag, can[flag] ? await planIn(state) : shared);
        const accepted = res.status >= 200 && res.status < 300;
        if (can[flag] && !accepted) refusedWhereSaid.push(`${who} ${flag}: ${res.status} ${res.body.code}`);
        if (!can[flag] && (accepted || ![403, 409].includes(res.status)))
          acceptedWhereSaid.push(`${who} ${flag}: ${res.status}`);
      }
    }
    expect({ refusedWhereSaid, acceptedWhereSaid }).toEqual({ refusedWhereSaid: [], acceptedWhereSaid: [] });
  });

  it('shows no comment box to the installation admin: can.comment is false and commenting is refused', async () => {
    const plan = await f.draft();
    expect((await f.as('admin').get(`/action-plans/${plan.id}`).expect(200)).body.can.comment).toBe(false);
    await f
      .as('admin')
      .post(`/action-plans/${plan.id}/comments`, { body: 'Hello', target: { type: 'plan', id: plan.id } })
      .expect(403);
  });

  describe('comments', () => {
    /** A thread by `author` with a reply by `replier`, written through the API. */
    async function thread(planId: string, author: Who, replier: Who) {
      const root = (
        await f
          .as(author)
          .post(`/action-plans/${planId}/comments`, {
            body: `Thread by the ${author}`,
            target: { type: 'plan', id: planId },
          })
          .expect(201)
      ).body;
      const reply = (
        await f
          .as(replier)
          .post(`/action-plans/${planId}/comments`, { body: `Reply by the ${replier}`, parentId: root.id })
          .expect(201)
      ).body;
      return { root, reply };
    }

    it('offers resolving the mentor’s thread to the mentor and the mentee’s own thread to the mentee, and the server agrees', async () => {
      const plan = await f.draft();
      const mentors = await thread(plan.id, 'mentor', 'mentee');
      const mentees = await thread(plan.id, 'mentee', 'mentor');
      const seen = async (who: Who) => {
        const threads = (await f.as(who).get(`/action-plans/${plan.id}/comments`).expect(200)).body as {
          id: string;
          can: Record<string, boolean>;
          replies: { can: Record<string, boolean> }[];
        }[];
        return Object.fromEntries(threads.map((x) => [x.id, x]));
      };
      const mentee = await seen('mentee');
      expect(mentee[mentors.root.id].can).toEqual({
        reply: true,
        edit: false,
        delete: false,
        resolve: false,
        applySuggestion: false,
        dismissSuggestion: false,
      });
      expect(mentee[mentors.root.id].replies[0].can).toEqual({
        reply: true,
        edit: true,
        delete: true,
        resolve: false,
        applySuggestion: false,
        dismissSuggestion: false,
      });
      expect(mentee[mentees.root.id].can).toEqual({
        reply: true,
        edit: true,
        delete: true,
        resolve: true,
        applySuggestion: false,
        dismissSuggestion: false,
      });
      const mentor = await seen('mentor');
      expect(mentor[mentors.root.id].can).toMatchObject({ resolve: true, edit: true });
      expect(mentor[mentees.root.id].can).toMatchObject({ resolve: true, edit: false });
      expect((await seen('coordinator'))[mentors.root.id].can).toEqual({
        reply: true,
        edit: false,
        delete: true,
        resolve: false,
        applySuggestion: false,
        dismissSuggestion: false,
      });
      expect((await seen('admin'))[mentors.root.id].can).toEqual({
        reply: false,
        edit: false,
        delete: false,
        resolve: false,
        applySuggestion: false,
        dismissSuggestion: false,
      });

      // The server says the same.
      const refused = await f.mentee().post(`/comments/${mentors.root.id}/resolve`).expect(403);
      expect(refused.body.message).toBe(
        'Only whoever started the thread, or the mentor side, may resolve or reopen it',
      );
      await f.mentee().post(`/comments/${mentees.root.id}/resolve`).expect(200);
      await f.mentor().post(`/comments/${mentors.root.id}/resolve`).expect(200);
      await f.as('coordinator').post(`/comments/${mentors.root.id}/reopen`).expect(403);
      await f.mentee().patch(`/comments/${mentors.root.id}`, { body: 'Not mine' }).expect(403);
      await f
        .as('admin')
        .post(`/action-plans/${plan.id}/comments`, { body: 'Hi', parentId: mentors.root.id })
        .expect(403);
      await f.as('coordinator').delete(`/comments/${mentors.reply.id}`).expect(204);
    });

    it('says what the author may do with a comment just written', async () => {
      const plan = await f.draft();
      const res = await f
        .mentee()
        .post(`/action-plans/${plan.id}/comments`, { body: 'Mine', target: { type: 'plan', id: plan.id } })
        .expect(201);
      expect(res.body.can).toEqual({
        reply: true,
        edit: true,
        delete: true,
        resolve: true,
        applySuggestion: false,
        dismissSuggestion: false,
      });
      const edited = await f.mentee().patch(`/comments/${res.body.id}`, { body: 'Mine, edited' }).expect(200);
      expect(edited.body.can).toEqual({
        reply: true,
        edit: true,
        delete: true,
        resolve: true,
        applySuggestion: false,
        dismissSuggestion: false,
      });
    });
  });
});
