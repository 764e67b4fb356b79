import type { Response } from 'supertest';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '@mikro-orm/core';
import { startApp, type TestApp } from '../support/app';
import { statementsDuring } from '../support/count-statements';

type Cast = Awaited<ReturnType<TestApp['given']['mentoring']>>;

/** What a case builds: the request to count, and how many items its answer holds. */
interface Built {
  path: string;
  token: string;
  items: (body: Response['body']) => number;
}

interface Case {
  name: string;
  /** A fresh cast with `n` items behind the one request. */
  build: (n: number) => Promise<Built>;
}

/**
 * Every list and the dashboard answer in a fixed number of SQL statements, whatever the number of
 * items: the same for 50 as for 5 (no statement per item). Each case builds two casts, asks once to
 * warm caches, then counts the statements of each request (test/support/count-statements.ts).
 */
let t: TestApp;

beforeAll(async () => {
  t = await startApp();
});

afterAll(async () => {
  await t?.close();
});

describe('SQL statements per request do not grow with the items', () => {
  const sql = <T = unknown>(query: string, params: unknown[] = []) =>
    t.orm.em.getConnection().execute<T[]>(query, params);
  const cast = () => t.given.mentoring();

  // ------------------------------------------------------------------ bulk data, in SQL

  async function cities(programmeId: string, n: number): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      `insert into organisations (id, name, kind, country, created_at)
       select gen_random_uuid(), 'Counted city ' || gen_random_uuid(), 'city', 'BE', now() from generate_series(1, ?) returning id`,
      [n],
    );
    await sql(
      `insert into programme_participants (id, programme_id, organisation_id, joined_at) select gen_random_uuid(), ?, unnest(?::uuid[]), now()`,
      [programmeId, `{${rows.map((r) => r.id).join(',')}}`],
    );
    return rows.map((r) => r.id);
  }

  async function plan(c: Cast, sectionCodes = ['strategy', 'networking']): Promise<string> {
    const id = randomUUID();
    await sql(
      `insert into action_plans (id, pair_id, title, objective, section_codes, gap_question_codes, activities, indicators, stakeholders, budget, owner, state, version, revision_count, source_assessment_id, created_by, created_at, updated_at)
       values (?, ?, 'Counted plan', '', ?, '[]', '[]', '[]', '[]', '', 'Owner', 'in-progress', 1, 1, null, ?, now(), now())`,
      [id, c.pair.id, JSON.stringify(sectionCodes), c.people.mentee.user.id],
    );
    return id;
  }

  async function milestones(planId: string, n: number): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      `insert into milestones (id, plan_id, title, description, due_date, owner, status, version, created_at, updated_at)
       select gen_random_uuid(), ?, 'Milestone ' || k, '', current_date + (k - 3) * 7, 'Owner', (array['planned','in-progress','done','blocked'])[1 + k % 4], 1, now(), now()
       from generate_series(1, ?) k returning id`,
      [planId, n],
    );
    return rows.map((r) => r.id);
  }

  async function comments(planId: string, authorId: string, n: number): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      `insert into comments (id, plan_id, target_type, target_id, parent_id, thread_id, author_id, body, mentions, created_at)
       select x.id, ?, 'plan', ?, null, x.id, ?, 'Comment ' || k, '[]', now() + k * interval '1 second'
       from generate_series(1, ?) k cross join lateral (select gen_random_uuid() as id, k as kk) x returning id`,
      [planId, planId, authorId, n],
    );
    return rows.map((r) => r.id);
  }

  /** `n` pairs of two new cities each, with a plan on two sections and three milestones (one late), and the mentee's baseline. */
  async function pairsWithWork(c: Cast, n: number) {
    for (let i = 0; i < n; i++) {
      const [mentor, mentee] = await cities(c.programme.id, 2);
      const [{ id: pairId }] = await sql<{ id: string }>(
        `insert into pairs (id, programme_id, benchmark_code, mentor_organisation_id, mentee_organisation_id, focus_section_codes, status, created_at)
         values (gen_random_uuid(), ?, 'migrant-entrepreneurs', ?, ?, '[]', 'active', now()) returning id`,
        [c.programme.id, mentor, mentee],
      );
      const planId = await plan({ ...c, pair: { id: pairId } } as Cast);
      await sql(
        `insert into milestones (id, plan_id, title, description, due_date, owner, status, version, created_at, updated_at)
         values (gen_random_uuid(), ?, 'Late', '', '2020-01-01', 'Owner', 'planned', 1, now(), now()),
                (gen_random_uuid(), ?, 'Done', '', '2099-01-01', 'Owner', 'done', 1, now(), now()),
                (gen_random_uuid(), ?, 'Blocked', '', '2099-02-01', 'Owner', 'blocked', 1, now(), now())`,
        [planId, planId, planId],
      );
      await baseline(c.programme.id, mentee, 1);
    }
  }

  async function milestoneWithProgress(n: number) {
    const c = await cast();
    const [milestoneId] = await milestones(await plan(c), 1);
    await sql(
      `insert into progress_entries (id, milestone_id, percent, status, note, evidence_urls, author_id, created_at)
       select gen_random_uuid(), ?, 50, 'in-progress', 'Note ' || k, '[]', ?, now() + k * interval '1 second' from generate_series(1, ?) k`,
      [milestoneId, c.people.mentee.user.id, n],
    );
    return { milestoneId, token: c.people.mentee.token };
  }

  async function baseline(programmeId: string, organisationId: string, rating: number) {
    await sql(
      `with a as (
         insert into assessments (id, programme_id, organisation_id, benchmark_code, phase, status, created_at, updated_at, submitted_at)
         values (gen_random_uuid(), ?, ?, 'migrant-entrepreneurs', 'baseline', 'submitted', now(), now(), now()) returning id)
       insert into assessment_answers (id, assessment_id, question_code, rating, evidence, links, mentor_rated, updated_at)
       select gen_random_uuid(), a.id, q, ?, '', '[]', false, now() from a, unnest(array['strategy.q1', 'networking.q1']) q`,
      [programmeId, organisationId, rating],
    );
  }

  // ------------------------------------------------------------------ the lists

  const cases: Case[] = [
    {
      name: 'GET /programmes (the programmes one belongs to)',
      build: async (n) => {
        const c = await cast();
        const orgs = await cities(c.programme.id, n);
        await sql(
          `with p as (
             insert into programmes (id, name, description, start_date, end_date, coordinator_organisation_id, created_at)
             select gen_random_uuid(), 'Counted programme ' || gen_random_uuid(), '', '2026-01-01', '2027-12-31', o, now() from unnest(?::uuid[]) o returning id, coordinator_organisation_id)
           insert into memberships (id, user_id, programme_id, organisation_id, role, created_at)
           select gen_random_uuid(), ?, p.id, p.coordinator_organisation_id, 'city-member', now() from p`,
          [`{${orgs.join(',')}}`, c.people.expert.user.id],
        );
        // A fresh sign-in carries the new memberships.
        const { token } = await t.given.signIn(c.people.expert.user);
        return { path: '/programmes', token, items: (b) => b.length - 1 };
      },
    },
    {
      name: 'GET /organisations (those of one’s programmes)',
      build: async (n) => {
        const c = await cast();
        await cities(c.programme.id, n);
        return { path: '/organisations', token: c.people.mentee.token, items: (b) => b.length - 6 };
      },
    },
    {
      name: 'GET /programmes/:id/organisations',
      build: async (n) => {
        const c = await cast();
        await cities(c.programme.id, n);
        return {
          path: `/programmes/${c.programme.id}/organisations`,
          token: c.people.mentee.token,
          items: (b) => b.length - 6,
        };
      },
    },
    {
      name: 'GET /programmes/:id/members',
      build: async (n) => {
        const c = await cast();
        await sql(
          `with u as (
             insert into users (id, email, name, password_hash, is_admin, created_at)
             select gen_random_uuid(), 'counted-' || gen_random_uuid() || '@example.eu', 'Counted member', 'x', false, now() from generate_series(1, ?) returning id)
           insert into memberships (id, user_id, programme_id, organisation_id, role, created_at)
           select gen_random_uuid(), u.id, ?, ?, 'city-member', now() from u`,
          [n, c.programme.id, c.menteeCity.id],
        );
        return {
          path: `/programmes/${c.programme.id}/members`,
          token: c.people.mentee.token,
          items: (b) => b.length - 5,
        };
      },
    },
    {
      name: 'GET /programmes/:id/milestones (consortium milestones)',
      build: async (n) => {
        const c = await cast();
        await sql(
          `insert into consortium_milestones (id, programme_id, title, description, due_date, status, version, created_at, updated_at)
           select gen_random_uuid(), ?, 'Counted milestone ' || k, '', current_date + k, 'planned', 1, now(), now() from generate_series(1, ?) k`,
          [c.programme.id, n],
        );
        return {
          path: `/programmes/${c.programme.id}/milestones`,
          token: c.people.mentee.token,
          items: (b) => b.length,
        };
      },
    },
    {
      name: 'GET /programmes/:id/invitations',
      build: async (n) => {
        const c = await cast();
        await sql(
          `insert into invitations (id, programme_id, organisation_id, email, role, token_hash, invited_by_id, expires_at, created_at, sent_at)
           select gen_random_uuid(), ?, ?, 'invited-' || k || '@example.eu', 'city-member', md5(gen_random_uuid()::text), ?, now() + interval '7 days', now(), now() from generate_series(1, ?) k`,
          [c.programme.id, c.menteeCity.id, c.people.coordinator.user.id, n],
        );
        return {
          path: `/programmes/${c.programme.id}/invitations`,
          token: c.people.coordinator.token,
          items: (b) => b.length,
        };
      },
    },
    {
      name: 'GET /programmes/:id/pairs',
      build: async (n) => {
        const c = await cast();
        const orgs = await cities(c.programme.id, 2 * n);
        await sql(
          `insert into pairs (id, programme_id, benchmark_code, mentor_organisation_id, mentee_organisation_id, focus_section_codes, status, created_at)
           select gen_random_uuid(), ?, 'migrant-entrepreneurs', (?::uuid[])[2 * k - 1], (?::uuid[])[2 * k], '[]', 'active', now() from generate_series(1, ?) k`,
          [c.programme.id, `{${orgs.join(',')}}`, `{${orgs.join(',')}}`, n],
        );
        return {
          path: `/programmes/${c.programme.id}/pairs`,
          token: c.people.coordinator.token,
          items: (b) => b.length - 2,
        };
      },
    },
    {
      name: 'GET /programmes/:id/pair-suggestions',
      build: async (n) => {
        const c = await cast();
        for (const city of await cities(c.programme.id, n)) await baseline(c.programme.id, city, 0);
        return {
          path: `/programmes/${c.programme.id}/pair-suggestions?benchmark=migrant-entrepreneurs`,
          token: c.people.coordinator.token,
          items: (b) => b.mentees.length,
        };
      },
    },
    {
      name: 'GET /programmes/:id/assessments',
      build: async (n) => {
        const c = await cast();
        for (const city of await cities(c.programme.id, n)) await baseline(c.programme.id, city, 1);
        return {
          path: `/programmes/${c.programme.id}/assessments`,
          token: c.people.coordinator.token,
          items: (b) => b.length,
        };
      },
    },
    {
      name: 'GET /programmes/:id/activity',
      build: async (n) => {
        const c = await cast();
        await sql(
          `insert into events (room, type, payload, actor_id, programme_id, at)
           select 'pair:' || ?, 'comment.created', '{}', ?, ?, now() from generate_series(1, ?)`,
          [c.pair.id, c.people.mentee.user.id, c.programme.id, n],
        );
        return {
          path: `/programmes/${c.programme.id}/activity?limit=100`,
          token: c.people.mentee.token,
          items: (b) => b.items.length,
        };
      },
    },
    {
      name: 'GET /programmes/:id/dashboard (pairs, each with a plan, milestones and a baseline)',
      build: async (n) => {
        const c = await cast();
        await pairsWithWork(c, n);
        return {
          path: `/programmes/${c.programme.id}/dashboard`,
          token: c.people.coordinator.token,
          items: (b) => {
            // Each pair's work is in the answer: its late milestone and its mentee's scores.
            expect(b.lateMilestones).toHaveLength(b.pairs.length - 2);
            expect(b.scores).toHaveLength(b.pairs.length - 2);
            return b.pairs.length - 2;
          },
        };
      },
    },
    {
      name: 'GET /programmes/:id/timeline (pairs, each with a plan and milestones)',
      build: async (n) => {
        const c = await cast();
        await pairsWithWork(c, n);
        return {
          path: `/programmes/${c.programme.id}/timeline`,
          token: c.people.coordinator.token,
          items: (b) => {
            const counted = b.pairs.filter((p: { milestones: unknown[] }) => p.milestones.length === 3);
            return counted.length;
          },
        };
      },
    },
    {
      name: 'GET /pairs/:id/action-plans',
      build: async (n) => {
        const c = await cast();
        for (let i = 0; i < n; i++) await plan(c);
        return { path: `/pairs/${c.pair.id}/action-plans`, token: c.people.mentee.token, items: (b) => b.length };
      },
    },
    {
      name: 'GET /action-plans/:id (the plan with its milestones)',
      build: async (n) => {
        const c = await cast();
        const planId = await plan(c);
        const ids = await milestones(planId, n);
        await sql(
          `insert into comments (id, plan_id, target_type, target_id, parent_id, thread_id, author_id, body, mentions, created_at)
           select x.id, ?, 'milestone', m, null, x.id, ?, 'On a milestone', '[]', now() from unnest(?::uuid[]) m cross join lateral (select gen_random_uuid() as id, m as mm) x`,
          [planId, c.people.mentor.user.id, `{${ids.join(',')}}`],
        );
        return {
          path: `/action-plans/${planId}`,
          token: c.people.mentee.token,
          items: (b) => {
            expect(b.milestones.every((m: { commentCount: number }) => m.commentCount === 1)).toBe(true);
            return b.milestones.length;
          },
        };
      },
    },
    {
      name: 'GET /action-plans/:id/comments',
      build: async (n) => {
        const c = await cast();
        const planId = await plan(c);
        await comments(planId, c.people.mentor.user.id, n);
        return { path: `/action-plans/${planId}/comments`, token: c.people.mentee.token, items: (b) => b.length };
      },
    },
    {
      name: 'GET /action-plans/:id/revisions',
      build: async (n) => {
        const c = await cast();
        const planId = await plan(c);
        await sql(
          `insert into plan_revisions (id, plan_id, number, snapshot, submitted_by, created_at)
           select gen_random_uuid(), ?, k, '{"title": "Counted plan", "milestones": []}', ?, now() from generate_series(1, ?) k`,
          [planId, c.people.mentee.user.id, n],
        );
        return { path: `/action-plans/${planId}/revisions`, token: c.people.mentee.token, items: (b) => b.length };
      },
    },
    {
      name: 'GET /milestones/:id (with its progress)',
      build: async (n) => {
        const { milestoneId, token } = await milestoneWithProgress(n);
        return { path: `/milestones/${milestoneId}`, token, items: (b) => b.progress.length };
      },
    },
    {
      name: 'GET /milestones/:id/progress',
      build: async (n) => {
        const { milestoneId, token } = await milestoneWithProgress(n);
        return { path: `/milestones/${milestoneId}/progress`, token, items: (b) => b.length };
      },
    },
    {
      name: 'GET /comments/:id/history',
      build: async (n) => {
        const c = await cast();
        const [commentId] = await comments(await plan(c), c.people.mentor.user.id, 1);
        await sql(
          `insert into comment_edits (id, comment_id, previous_body, edited_at) select gen_random_uuid(), ?, 'Before edit ' || k, now() + k * interval '1 second' from generate_series(1, ?) k`,
          [commentId, n],
        );
        return { path: `/comments/${commentId}/history`, token: c.people.mentee.token, items: (b) => b.length };
      },
    },
    {
      name: 'GET /me/work as the mentee city (plans sent back, each with a late milestone and a thread waiting)',
      build: async (n) => {
        const c = await cast();
        for (let i = 0; i < n; i++) {
          const planId = await plan(c);
          await sql(`update action_plans set state = 'changes-requested' where id = ?`, [planId]);
          await sql(
            `insert into milestones (id, plan_id, title, description, due_date, owner, status, version, created_at, updated_at)
             values (gen_random_uuid(), ?, 'Late', '', '2020-01-01', 'Owner', 'planned', 1, now(), now())`,
            [planId],
          );
          await comments(planId, c.people.mentor.user.id, 1);
        }
        return {
          path: '/me/work',
          token: c.people.mentee.token,
          items: (b) => {
            const count = (kind: string) => b.groups.find((g: { kind: string }) => g.kind === kind)?.items.length ?? 0;
            expect([count('milestone-late'), count('thread-awaiting-reply')]).toEqual([
              count('plan-changes-requested'),
              count('plan-changes-requested'),
            ]);
            return count('plan-changes-requested');
          },
        };
      },
    },
    {
      name: 'GET /me/work as the mentor city (submitted plans, each with a thread waiting)',
      build: async (n) => {
        const c = await cast();
        for (let i = 0; i < n; i++) {
          const planId = await plan(c);
          await sql(`update action_plans set state = 'submitted' where id = ?`, [planId]);
          await comments(planId, c.people.mentee.user.id, 1);
        }
        return {
          path: '/me/work',
          token: c.people.mentor.token,
          items: (b) => {
            const count = (kind: string) => b.groups.find((g: { kind: string }) => g.kind === kind)?.items.length ?? 0;
            expect(count('thread-awaiting-reply')).toBe(count('plan-awaiting-review'));
            return count('plan-awaiting-review');
          },
        };
      },
    },
    {
      name: 'GET /me/work as the coordinator (pairs, each with a plan and a late milestone)',
      build: async (n) => {
        const c = await cast();
        await pairsWithWork(c, n);
        return {
          path: '/me/work',
          token: c.people.coordinator.token,
          items: (b) => {
            expect(b.follow.pairIds).toHaveLength(n + 2);
            return b.groups.find((g: { kind: string }) => g.kind === 'milestone-late').items.length;
          },
        };
      },
    },
    {
      name: 'GET /notifications',
      build: async (n) => {
        const c = await cast();
        await sql(
          `insert into notifications (id, user_id, kind, title, body, link, programme_id, created_at)
           select gen_random_uuid(), ?, 'comment', 'Counted', 'A comment', '/', ?, now() + k * interval '1 second' from generate_series(1, ?) k`,
          [c.people.mentee.user.id, c.programme.id, n],
        );
        return { path: '/notifications?limit=100', token: c.people.mentee.token, items: (b) => b.items.length };
      },
    },
  ];

  async function measure(built: Built) {
    let body: Response['body'];
    const statements = await statementsDuring(t.orm, async () => {
      body = (await t.api.as(built.token).get(built.path).expect(200)).body;
    });
    return { statements, items: built.items(body) };
  }

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const [five, fifty] = [await c.build(5), await c.build(50)];
    await t.api.as(five.token).get(five.path).expect(200); // caches warm (benchmark documents, …)
    const small = await measure(five);
    const large = await measure(fifty);
    expect([small.items, large.items]).toEqual([5, 50]);
    expect(small.statements.length).toBeGreaterThan(0);
    expect(large.statements).toHaveLength(small.statements.length);
  });

  it('GET /benchmarks: as many statements for 50 benchmarks as for 5', async () => {
    const { people } = await cast();
    const add = (n: number) =>
      sql(
        `insert into benchmarks (id, code, title, document, imported_at)
         select gen_random_uuid(), 'counted-' || gen_random_uuid(), 'Counted benchmark', document, now() from benchmarks, generate_series(1, ?) where code = 'migrant-entrepreneurs'`,
        [n],
      );
    const catalogue = (await sql<{ n: number }>(`select count(*)::int as n from benchmarks`))[0].n;
    const list = { path: '/benchmarks', token: people.mentee.token, items: (b: unknown[]) => b.length - catalogue };
    await add(5);
    const small = await measure(list);
    await add(45);
    const large = await measure(list);
    expect([small.items, large.items]).toEqual([5, 50]);
    expect(large.statements).toHaveLength(small.statements.length);
  });
});

/**
 * The hot lean reads (apps/api/src/database/request-context.ts) run without a MikroORM request
 * context — forking one costs more than the read — and everything else with one.
 */
describe('the request context', () => {
  let c: Cast;

  beforeAll(async () => {
    c = await t.given.mentoring();
  });

  async function contextsDuring(work: () => Promise<unknown>): Promise<number> {
    const create = jest.spyOn(RequestContext, 'create');
    try {
      await work();
      return create.mock.calls.length;
    } finally {
      create.mockRestore();
    }
  }

  it('is not created for the lean reads', async () => {
    const planId = randomUUID();
    await t.orm.em.getConnection().execute(
      `insert into action_plans (id, pair_id, title, objective, section_codes, gap_question_codes, activities, indicators, stakeholders, budget, owner, state, version, revision_count, source_assessment_id, created_by, created_at, updated_at)
       values (?, ?, 'Plan', '', '["strategy"]', '[]', '[]', '[]', '[]', '', 'Owner', 'draft', 1, 0, null, ?, now(), now())`,
      [planId, c.pair.id, c.people.mentee.user.id],
    );
    const api = t.api.as(c.people.mentee.token);
    const coordinator = t.api.as(c.people.coordinator.token);
    expect(
      await contextsDuring(async () => {
        await api.get(`/action-plans/${planId}`).expect(200);
        await api.get(`/action-plans/${planId}/comments`).expect(200);
        await api.get(`/pairs/${c.pair.id}/action-plans`).expect(200);
        await api.get(`/programmes/${c.programme.id}/activity`).expect(200);
        await coordinator.get(`/programmes/${c.programme.id}/dashboard`).expect(200);
        await coordinator.get(`/programmes/${c.programme.id}/timeline`).expect(200);
        await api.get('/me/work').expect(200);
      }),
    ).toBe(0);
  });

  it('is created for everything else', async () => {
    const api = t.api.as(c.people.mentee.token);
    expect(await contextsDuring(() => api.get(`/programmes/${c.programme.id}`).expect(200))).toBe(1);
    expect(await contextsDuring(() => api.get(`/programmes/${c.programme.id}/members`).expect(200))).toBe(1);
  });
});
