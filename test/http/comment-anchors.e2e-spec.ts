import { startApp, type TestApp } from '../support/app';
import type { ApiClient } from '../support/api-client';
import { statementsDuring } from '../support/count-statements';
import { GivenPlans } from '../support/given-plans';

type Cast = Awaited<ReturnType<TestApp['given']['mentoring']>>;
type Person = 'mentor' | 'mentee' | 'expert' | 'coordinator';
interface Thread {
  id: string;
  anchor: Record<string, unknown> | null;
  suggestion: Record<string, unknown> | null;
  resolved: unknown;
  can: Record<string, boolean>;
  replies: { id: string; body: string; anchor: unknown; suggestion: unknown }[];
}

/**
 * Review threads anchored on a field of the plan or a milestone at a revision: validated against that
 * revision, marked outdated against the plan as it is now, and suggested changes the mentee applies or dismisses.
 */
describe('anchored review threads and suggested changes', () => {
  let t: TestApp;
  let plans: GivenPlans;
  let m: Cast;
  const as = (who: Person): ApiClient => t.api.as(m.people[who].token);
  const post = (who: Person, planId: string, body: object) => as(who).post(`/action-plans/${planId}/comments`, body);
  const threads = async (planId: string, who: Person = 'mentee'): Promise<Thread[]> =>
    (await as(who).get(`/action-plans/${planId}/comments`).expect(200)).body;
  const thread = async (planId: string, id: string, who: Person = 'mentee') =>
    (await threads(planId, who)).find((x) => x.id === id)!;
  const planNow = async (planId: string) => (await as('mentee').get(`/action-plans/${planId}`).expect(200)).body;
  const edit = async (planId: string, changes: object) =>
    as('mentee')
      .patch(`/action-plans/${planId}`, { ...changes, version: (await planNow(planId)).version })
      .expect(200);
  const onPlan = (planId: string, anchor: object, extra: object = {}) => ({
    body: 'About this',
    target: { type: 'plan', id: planId },
    anchor,
    ...extra,
  });

  beforeAll(async () => {
    t = await startApp();
    plans = new GivenPlans(t.orm);
    m = await t.given.mentoring();
  });
  afterAll(() => t.close());

  describe('anchors', () => {
    it('keep the text the field had at that revision; replies share the anchor', async () => {
      const { plan, milestones } = await plans.revisedPlan(m.pair);
      const onBudget = (await post('mentor', plan.id, onPlan(plan.id, { revision: 1, field: 'budget' })).expect(201))
        .body;
      expect(onBudget.anchor).toEqual({
        revision: 1,
        field: 'budget',
        item: null,
        milestoneId: null,
        text: 'EUR 12000 from the city',
        outdated: false,
        currentItem: null,
      });
      const onItem = (
        await post('expert', plan.id, onPlan(plan.id, { revision: 1, field: 'activities', item: 1 })).expect(201)
      ).body;
      expect(onItem.anchor).toMatchObject({ field: 'activities', item: 1, text: 'Train advisers', currentItem: 1 });
      const onDue = (
        await post('mentor', plan.id, {
          body: 'Too soon?',
          target: { type: 'milestone', id: milestones[0].id },
          anchor: { revision: 1, field: 'dueDate' },
        }).expect(201)
      ).body;
      expect(onDue.anchor).toMatchObject({ field: 'dueDate', milestoneId: milestones[0].id, text: '2099-06-30' });
      const reply = (await post('mentee', plan.id, { body: 'Agreed', parentId: onBudget.id }).expect(201)).body;
      expect(reply.anchor).toEqual(onBudget.anchor);

      const plain = (await post('mentor', plan.id, { body: 'Overall fine', target: { type: 'plan', id: plan.id } }))
        .body;
      expect(plain.anchor).toBeNull();
      expect(plain.suggestion).toBeNull();
    });

    it('are refused, naming the field, when that revision has no such thing', async () => {
      const { plan, milestones } = await plans.revisedPlan(m.pair);
      const later = await plans.milestone(plan, { title: 'Added after revision 1' });
      const root = (await post('mentor', plan.id, onPlan(plan.id, { revision: 1, field: 'title' })).expect(201)).body;
      const refused: [object, string][] = [
        [onPlan(plan.id, { revision: 2, field: 'title' }), 'anchor.revision'],
        [onPlan(plan.id, { revision: 1, field: 'activities' }), 'anchor.item'],
        [onPlan(plan.id, { revision: 1, field: 'activities', item: 2 }), 'anchor.item'],
        [onPlan(plan.id, { revision: 1, field: 'budget', item: 0 }), 'anchor.item'],
        [onPlan(plan.id, { revision: 1, field: 'status' }), 'anchor.field'],
        [onPlan(plan.id, { revision: 1, field: 'sectionCodes' }), 'anchor.field'],
        [
          { body: 'x', target: { type: 'milestone', id: milestones[0].id }, anchor: { revision: 1, field: 'budget' } },
          'anchor.field',
        ],
        [
          { body: 'x', target: { type: 'milestone', id: later.id }, anchor: { revision: 1, field: 'title' } },
          'target.id',
        ],
        [{ body: 'x', parentId: root.id, anchor: { revision: 1, field: 'title' } }, 'anchor'],
        [{ body: 'x', parentId: root.id, suggestion: 'Better' }, 'suggestion'],
        [onPlan(plan.id, { revision: 0, field: 'title' }), 'anchor.revision'],
        [onPlan(plan.id, { revision: 1.5, field: 'title' }), 'anchor.revision'],
        [onPlan(plan.id, { revision: 1, field: 'activities', item: -1 }), 'anchor.item'],
        [onPlan(plan.id, { revision: 1, field: 'title', at: 3 }), 'anchor.at'],
      ];
      for (const [nullish, field] of [
        [null, 'anchor'],
        [[], 'anchor'],
        ['budget', 'anchor'],
        [{}, 'anchor.revision'],
        [{ revision: '1', field: 'title' }, 'anchor.revision'],
        [{ revision: 1, field: null }, 'anchor.field'],
        [{ revision: 1, field: 'activities', item: '0' }, 'anchor.item'],
        [{ revision: 1, field: 'activities', item: null }, 'anchor.item'],
      ] as [unknown, string][]) {
        refused.push([{ body: 'x', target: { type: 'plan', id: plan.id }, anchor: nullish }, field]);
      }
      for (const bad of [null, [], {}, 12, '', ' \n ']) {
        refused.push([onPlan(plan.id, { revision: 1, field: 'budget' }, { suggestion: bad }), 'suggestion']);
      }
      const answers = [];
      for (const [body, field] of refused) {
        const res = await post('mentor', plan.id, body);
        answers.push([field, res.status, (res.body.details ?? []).map((d: { path: string }) => d.path)]);
      }
      expect(answers).toEqual(refused.map(([, field]) => [field, 400, expect.arrayContaining([field])]));
      expect((await threads(plan.id)).length).toBe(1);
    });
  });

  it('writes every column of a new comment: a plain one with a mention, an anchored suggestion, its reply', async () => {
    const { plan } = await plans.revisedPlan(m.pair);
    const mentor = m.people.mentor.user;
    const plain = (
      await post('mentee', plan.id, {
        body: `Thoughts, @[${mentor.name}](${mentor.id})?`,
        target: { type: 'plan', id: plan.id },
      }).expect(201)
    ).body;
    const root = (
      await post(
        'mentor',
        plan.id,
        onPlan(plan.id, { revision: 1, field: 'activities', item: 1 }, { suggestion: 'Train every adviser' }),
      ).expect(201)
    ).body;
    const reply = (await post('mentee', plan.id, { body: 'Agreed', parentId: root.id }).expect(201)).body;
    const rows = (
      await t.orm.em
        .fork()
        .getConnection()
        .execute<Record<string, unknown>[]>(`select * from comments where plan_id = ? order by created_at, id`, [
          plan.id,
        ])
    ).map((row) => ({ ...row, created_at: new Date(row.created_at as string).toISOString() }));
    const none = {
      edited_at: null,
      deleted_at: null,
      resolved_at: null,
      resolved_by: null,
      suggestion_decided_by: null,
      suggestion_decided_at: null,
      suggestion_applied_version: null,
    };
    const unanchored = { anchor_revision: null, anchor_field: null, anchor_item: null, anchor_text: null };
    const anchored = { anchor_revision: 1, anchor_field: 'activities', anchor_item: 1, anchor_text: 'Train advisers' };
    expect(rows).toEqual([
      {
        ...none,
        ...unanchored,
        id: plain.id,
        plan_id: plan.id,
        target_type: 'plan',
        target_id: plan.id,
        parent_id: null,
        thread_id: plain.id,
        author_id: m.people.mentee.user.id,
        body: plain.body,
        mentions: [mentor.id],
        created_at: plain.createdAt,
        suggestion: null,
        suggestion_state: null,
      },
      {
        ...none,
        ...anchored,
        id: root.id,
        plan_id: plan.id,
        target_type: 'plan',
        target_id: plan.id,
        parent_id: null,
        thread_id: root.id,
        author_id: mentor.id,
        body: 'About this',
        mentions: [],
        created_at: root.createdAt,
        suggestion: 'Train every adviser',
        suggestion_state: 'pending',
      },
      {
        ...none,
        ...anchored,
        id: reply.id,
        plan_id: plan.id,
        target_type: 'plan',
        target_id: plan.id,
        parent_id: root.id,
        thread_id: root.id,
        author_id: m.people.mentee.user.id,
        body: 'Agreed',
        mentions: [],
        created_at: reply.createdAt,
        suggestion: null,
        suggestion_state: null,
      },
    ]);
  });

  describe('outdated', () => {
    it('follows the plan as it is now: a changed field, a deleted milestone, a list item gone or moved', async () => {
      const { plan, milestones } = await plans.revisedPlan(m.pair);
      const anchored = async (body: object) => (await post('mentor', plan.id, body).expect(201)).body.id as string;
      const budget = await anchored(onPlan(plan.id, { revision: 1, field: 'budget' }));
      const owner = await anchored(onPlan(plan.id, { revision: 1, field: 'owner' }));
      const moved = await anchored(onPlan(plan.id, { revision: 1, field: 'activities', item: 1 }));
      const gone = await anchored(onPlan(plan.id, { revision: 1, field: 'activities', item: 0 }));
      const milestone = await anchored({
        body: 'x',
        target: { type: 'milestone', id: milestones[0].id },
        anchor: { revision: 1, field: 'title' },
      });

      await edit(plan.id, { budget: 'EUR 15000', activities: ['Open the desk', 'Train advisers', 'Map every step'] });
      await t.orm.em.fork().getConnection().execute('delete from milestones where id = ?', [milestones[0].id]);

      const now = new Map((await threads(plan.id)).map((x) => [x.id, x.anchor]));
      expect(now.get(budget)).toMatchObject({ outdated: true, text: 'EUR 12000 from the city', currentItem: null });
      expect(now.get(owner)).toMatchObject({ outdated: false });
      expect(now.get(moved)).toMatchObject({ outdated: false, item: 1, currentItem: 1 });
      expect(now.get(gone)).toMatchObject({ outdated: true, text: 'Map the steps', currentItem: null });
      expect(now.get(milestone)).toMatchObject({ outdated: true, text: 'Shop opens' });

      await edit(plan.id, { activities: ['Train advisers'] });
      expect((await thread(plan.id, moved)).anchor).toMatchObject({ outdated: false, item: 1, currentItem: 0 });
    });

    it('costs no statement more per anchored thread', async () => {
      const counted = async (n: number) => {
        const { plan, milestones } = await plans.revisedPlan(m.pair);
        for (let i = 0; i < n; i++) {
          await post('mentor', plan.id, onPlan(plan.id, { revision: 1, field: 'activities', item: i % 2 })).expect(201);
          await post('mentor', plan.id, {
            body: 'x',
            target: { type: 'milestone', id: milestones[0].id },
            anchor: { revision: 1, field: 'owner' },
          }).expect(201);
        }
        await threads(plan.id);
        return (await statementsDuring(t.orm, () => threads(plan.id))).length;
      };
      expect(await counted(6)).toBe(await counted(1));
    });
  });

  describe('suggested changes', () => {
    async function suggesting(extra: object = {}, anchor: object = { revision: 1, field: 'budget' }) {
      const { plan } = await plans.revisedPlan(m.pair);
      const root = (
        await post(
          'mentor',
          plan.id,
          onPlan(plan.id, anchor, { suggestion: 'EUR 15000 from the city', ...extra }),
        ).expect(201)
      ).body;
      return { plan, root };
    }

    it('show word by word what they change, and who may apply them', async () => {
      const { plan, root } = await suggesting();
      expect(root.suggestion).toEqual({
        text: 'EUR 15000 from the city',
        state: 'pending',
        words: [
          { op: 'same', text: 'EUR ' },
          { op: 'removed', text: '12000' },
          { op: 'added', text: '15000' },
          { op: 'same', text: ' from the city' },
        ],
        decidedBy: null,
        decidedAt: null,
        appliedVersion: null,
      });
      expect((await thread(plan.id, root.id, 'mentee')).can).toMatchObject({
        applySuggestion: true,
        dismissSuggestion: true,
      });
      expect((await thread(plan.id, root.id, 'mentor')).can).toMatchObject({
        applySuggestion: false,
        dismissSuggestion: false,
      });
      expect((await planNow(plan.id)).can.suggest).toBe(false);
      expect((await as('mentor').get(`/action-plans/${plan.id}`).expect(200)).body.can.suggest).toBe(true);
    });

    it('come from the mentor side only, on a text field or list item of the plan that can take them', async () => {
      const { plan, milestones } = await plans.revisedPlan(m.pair);
      const budget = { revision: 1, field: 'budget' };
      expect((await post('mentee', plan.id, onPlan(plan.id, budget, { suggestion: 'x' }))).status).toBe(403);
      expect((await post('expert', plan.id, onPlan(plan.id, budget, { suggestion: 'x' }))).status).toBe(403);
      const refused = [
        { body: 'x', target: { type: 'plan', id: plan.id }, suggestion: 'No anchor' },
        {
          body: 'x',
          target: { type: 'milestone', id: milestones[0].id },
          anchor: { revision: 1, field: 'title' },
          suggestion: 'A milestone',
        },
        onPlan(plan.id, { revision: 1, field: 'title' }, { suggestion: 'x'.repeat(201) }),
      ];
      for (const body of refused) {
        const res = await post('mentor', plan.id, body).expect(400);
        expect(res.body.details).toEqual([expect.objectContaining({ path: 'suggestion' })]);
      }
    });

    it('applied by the mentee: the field takes the text, the thread is resolved, one event names both', async () => {
      const { plan, root } = await suggesting();
      const before = await planNow(plan.id);
      expect(
        (await as('mentor').post(`/comments/${root.id}/suggestion/apply`, { version: before.version })).status,
      ).toBe(403);
      const stale = await as('mentee')
        .post(`/comments/${root.id}/suggestion/apply`, { version: before.version + 5 })
        .expect(409);
      expect(stale.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: before.version } });

      const applied = (
        await as('mentee').post(`/comments/${root.id}/suggestion/apply`, { version: before.version }).expect(200)
      ).body;
      const after = await planNow(plan.id);
      expect(after).toMatchObject({ budget: 'EUR 15000 from the city', version: before.version + 1 });
      expect(applied).toMatchObject({
        resolved: { by: { id: m.people.mentee.user.id } },
        suggestion: {
          state: 'applied',
          decidedBy: { id: m.people.mentee.user.id, name: m.people.mentee.user.name },
          appliedVersion: after.version,
        },
        can: { applySuggestion: false, dismissSuggestion: false },
      });
      const events = await t.orm.em
        .fork()
        .getConnection()
        .execute<{ type: string; payload: Record<string, unknown> }[]>(
          `select * from (select seq, type, payload from events where room = ? order by seq desc limit 2) e order by seq`,
          [`plan:${plan.id}`],
        );
      expect(events.map((e) => e.type)).toEqual(['plan.updated', 'comment.resolved']);
      expect(events[1].payload).toMatchObject({
        commentId: root.id,
        resolved: true,
        anchor: { revision: 1, field: 'budget', item: null, milestoneId: null, text: 'EUR 12000 from the city' },
        suggestion: {
          state: 'applied',
          suggestedBy: m.people.mentor.user.id,
          decidedBy: m.people.mentee.user.id,
          appliedVersion: after.version,
        },
      });

      const again = await as('mentee')
        .post(`/comments/${root.id}/suggestion/apply`, { version: after.version })
        .expect(409);
      expect(again.body.code).toBe('CONFLICT');
    });

    it('applied to a list item where it is now', async () => {
      const { plan, root } = await suggesting(
        { suggestion: 'Train 20 advisers' },
        {
          revision: 1,
          field: 'activities',
          item: 1,
        },
      );
      await edit(plan.id, { activities: ['First things', 'Map the steps', 'Train advisers'] });
      await as('mentee')
        .post(`/comments/${root.id}/suggestion/apply`, { version: (await planNow(plan.id)).version })
        .expect(200);
      expect((await planNow(plan.id)).activities).toEqual(['First things', 'Map the steps', 'Train 20 advisers']);
    });

    it('refused when the text changed meanwhile (naming it) or the plan cannot be edited now', async () => {
      const { plan, root } = await suggesting();
      await edit(plan.id, { budget: 'EUR 9000' });
      const changed = await as('mentee')
        .post(`/comments/${root.id}/suggestion/apply`, { version: (await planNow(plan.id)).version })
        .expect(409);
      expect(changed.body).toMatchObject({
        code: 'CONFLICT',
        details: { currentText: 'EUR 9000', anchoredText: 'EUR 12000 from the city' },
      });
      expect((await planNow(plan.id)).budget).toBe('EUR 9000');

      const other = await suggesting();
      await t.orm.em
        .fork()
        .getConnection()
        .execute(`update action_plans set state = 'submitted' where id = ?`, [other.plan.id]);
      const locked = await as('mentee')
        .post(`/comments/${other.root.id}/suggestion/apply`, { version: (await planNow(other.plan.id)).version })
        .expect(409);
      expect(locked.body.code).toBe('TRANSITION_NOT_ALLOWED');
      const notNow = await as('mentee')
        .post(`/comments/${other.root.id}/suggestion/dismiss`, { body: 'Later' })
        .expect(409);
      expect(notNow.body.code).toBe('TRANSITION_NOT_ALLOWED');
      expect((await thread(other.plan.id, other.root.id)).can).toMatchObject({
        applySuggestion: false,
        dismissSuggestion: false,
      });
      expect((await thread(other.plan.id, other.root.id)).replies).toEqual([]);
    });

    it('dismissed by the mentee with a reply: the thread stays open', async () => {
      const { plan, root } = await suggesting();
      const blank = await as('mentee').post(`/comments/${root.id}/suggestion/dismiss`, { body: ' ' }).expect(400);
      expect(blank.body.details).toEqual([expect.objectContaining({ path: 'body' })]);
      expect((await as('mentor').post(`/comments/${root.id}/suggestion/dismiss`, { body: 'No' })).status).toBe(403);
      const dismissed = (
        await as('mentee')
          .post(`/comments/${root.id}/suggestion/dismiss`, { body: 'The council capped it' })
          .expect(200)
      ).body;
      expect(dismissed).toMatchObject({
        resolved: null,
        suggestion: { state: 'dismissed', decidedBy: { id: m.people.mentee.user.id }, appliedVersion: null },
      });
      const [listed] = await threads(plan.id);
      expect(listed.replies).toEqual([
        expect.objectContaining({ body: 'The council capped it', anchor: listed.anchor, suggestion: null }),
      ]);
      expect((await planNow(plan.id)).budget).toBe('EUR 12000 from the city');
      await as('mentee')
        .post(`/comments/${root.id}/suggestion/apply`, { version: (await planNow(plan.id)).version })
        .expect(409);
    });

    it('cannot be applied or dismissed on a comment that suggests nothing', async () => {
      const { plan } = await plans.revisedPlan(m.pair);
      const plain = (await post('mentor', plan.id, onPlan(plan.id, { revision: 1, field: 'budget' })).expect(201)).body;
      await as('mentee').post(`/comments/${plain.id}/suggestion/apply`, { version: 1 }).expect(409);
      await as('mentee').post(`/comments/${plain.id}/suggestion/dismiss`, { body: 'x' }).expect(409);
    });
  });
});
