import type { Server } from 'node:http';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions } from '@citymentor/persistence';
import { Given } from '../../test/support/given';
import { BUILD_DIR } from '../support/build';
import type { BenchData } from '../support/setup';

/** A signed-in user as both servers need it: the bare one looks the token up instead of verifying it. */
export interface Reader {
  id: string;
  token: string;
  /** The token's `sid` (its refresh-token family), which the actor query checks. */
  sessionId: string;
}

export interface ScalingProgramme {
  pairs: number;
  programmeId: string;
  coordinator: Reader;
}

export interface RestData {
  base: BenchData;
  /** The plan the reads look at (20 milestones, progress, a review, 20 threads × 3 comments); nothing writes to it. */
  readPlanId: string;
  /** A plan under review with 50 anchored review threads × 3 comments, a third outdated; nothing writes to it. */
  anchoredPlanId: string;
  mentee: Reader;
  coordinator: Reader;
  scaling: ScalingProgramme[];
}

/** The `sid` claim of an access token (read, not verified: the bench made the token). */
export function sessionOf(token: string): string {
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { sid: string };
  return claims.sid;
}

const reader = (who: { id: string; token: string }): Reader => ({ ...who, sessionId: sessionOf(who.token) });

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The plan the read benchmarks look at, in the base pair, written with plain SQL: 20 milestones on
 * three sections (some late, some done), two progress entries on each of the first eight, the
 * mentor's review, and 20 review threads (8 on the plan, 12 on milestones) of three comments each,
 * four of them resolved; plus 400 events in the pair's, the plan's and the programme's rooms for
 * the activity feed.
 */
export async function createReadPlan(dbUrl: string, base: BenchData): Promise<string> {
  return withClient(dbUrl, async (db) => {
    await db.query('begin');
    const {
      rows: [{ id: planId }],
    } = await db.query<{ id: string }>(
      `insert into action_plans (id, pair_id, title, objective, section_codes, gap_question_codes, activities, indicators, stakeholders, budget, owner, state, version, revision_count, source_assessment_id, created_by, created_at, updated_at)
       values (gen_random_uuid(), $1, 'A one-stop shop for migrant entrepreneurs', 'One desk where a newcomer who wants to start a business gets every service, in their language.',
         '["strategy","networking","access-to-finance"]', '["strategy.q1","networking.q2"]',
         '["Map the services","Hire a coordinator","Open the desk"]', '["Businesses started","Visitors per month"]', '["Chamber of commerce","Migrant associations"]',
         '€ 120 000 over two years', 'Business department', 'in-progress', 4, 2, null, $2, now() - interval '120 days', now() - interval '10 days')
       returning id`,
      [base.pairId, base.mentee.id],
    );
    await db.query(
      `insert into milestones (id, plan_id, title, description, due_date, owner, status, version, created_at, updated_at)
       select gen_random_uuid(), $1, 'Milestone ' || k || ': ' || (array['map the services','hire a coordinator','train the staff','open the desk','evaluate'])[1 + k % 5],
         'What is done by then, and how we will know.', current_date + (k - 6) * 21, 'Business department',
         (array['done','in-progress','planned','blocked'])[1 + k % 4], 1, now() - interval '100 days' + k * interval '1 hour', now() - interval '5 days'
       from generate_series(1, 20) k`,
      [planId],
    );
    await db.query(
      `insert into progress_entries (id, milestone_id, percent, status, note, evidence_urls, author_id, created_at)
       select gen_random_uuid(), m.id, 25 * e, 'in-progress', 'Progress note ' || e, '["https://example.eu/evidence"]', $2, now() - (10 - e) * interval '1 day'
       from (select id from milestones where plan_id = $1 order by due_date, created_at limit 8) m cross join generate_series(1, 2) e`,
      [planId, base.mentee.id],
    );
    await db.query(
      `insert into plan_reviews (id, plan_id, revision, verdict, summary, overrode_open_threads, reviewer_id, created_at)
       values (gen_random_uuid(), $1, 2, 'approve', 'A clear plan; start with the mapping.', false, $2, now() - interval '20 days')`,
      [planId, base.mentor.id],
    );
    // 20 threads: 8 on the plan, 12 on the first twelve milestones; a root and two replies each.
    await db.query(
      `with targets as (
         select t, case when t <= 8 then 'plan' else 'milestone' end as type,
           case when t <= 8 then $1::uuid else (select id from milestones where plan_id = $1 order by due_date, created_at offset t - 9 limit 1) end as target
         from generate_series(1, 20) t),
       roots as (select t, type, target, gen_random_uuid() as id from targets)
       insert into comments (id, plan_id, target_type, target_id, parent_id, thread_id, author_id, body, mentions, created_at, resolved_at, resolved_by)
       select case when r = 0 then roots.id else gen_random_uuid() end, $1, type, target, case when r = 0 then null else roots.id end, roots.id,
         case when r = 1 then $3::uuid else $2::uuid end,
         'Comment ' || r || ' of thread ' || t || ': could the business department share its indicators for the one-stop shop before the next review?',
         '[]', now() - interval '30 days' + (t * 3 + r) * interval '1 hour',
         case when r = 0 and t % 5 = 0 then now() - interval '1 day' end, case when r = 0 and t % 5 = 0 then $3::uuid end
       from roots cross join generate_series(0, 2) r`,
      [planId, base.mentee.id, base.mentor.id],
    );
    await db.query(
      `insert into events (room, type, payload, actor_id, programme_id, at)
       select case when i % 4 = 0 then 'programme:' || $1 when i % 4 = 1 then 'plan:' || $3 else 'pair:' || $2 end,
         case when i % 4 = 0 then 'programme.updated' else 'comment.created' end,
         jsonb_build_object('programmeId', $1::text, 'pairId', $2::text, 'planId', $3::text, 'body', 'Event ' || i),
         $4, $1::uuid, now() - (400 - i) * interval '1 minute'
       from generate_series(1, 400) i`,
      [base.programmeId, base.pairId, planId, base.mentee.id],
    );
    await db.query('commit');
    return planId;
  });
}

/**
 * A plan under review with 50 anchored review threads of three comments each (issue 15's lean read): 10
 * milestones; threads on its objective, budget and owner, on activities and indicators by item, and on
 * milestone titles, dates and statuses; a third of them outdated (the field moved on since revision 1), every
 * fifth with a pending suggested change.
 */
export async function createAnchoredPlan(dbUrl: string, base: BenchData): Promise<string> {
  return withClient(dbUrl, async (db) => {
    await db.query('begin');
    const {
      rows: [{ id: planId }],
    } = await db.query<{ id: string }>(
      `insert into action_plans (id, pair_id, title, objective, section_codes, gap_question_codes, activities, indicators, stakeholders, budget, owner, state, version, revision_count, source_assessment_id, created_by, created_at, updated_at)
       values (gen_random_uuid(), $1, 'Welcome desk for newcomers', 'One desk where newcomers find every municipal service, in their language.',
         '["strategy"]', '["strategy.q1"]',
         '["Map the services","Hire two advisers","Train 15 advisers","Open the desk"]', '["Visitors per month","Satisfaction score"]', '["Migrant associations"]',
         '€ 80 000 over two years', 'Social department', 'changes-requested', 3, 1, null, $2, now() - interval '60 days', now() - interval '2 days')
       returning id`,
      [base.pairId, base.mentee.id],
    );
    await db.query(
      `insert into milestones (id, plan_id, title, description, due_date, owner, status, version, created_at, updated_at)
       select gen_random_uuid(), $1, 'Step ' || k || ' of the welcome desk', 'What is done by then.', current_date + k * 30, 'Social department',
         (array['planned','in-progress','done'])[1 + k % 3], 1, now() - interval '50 days' + k * interval '1 hour', now() - interval '5 days'
       from generate_series(1, 10) k`,
      [planId],
    );
    // Thread t: on the plan (t <= 25: objective, budget, owner, activities[1], indicators[0]) or on milestone
    // (t - 25) % 10 (title, dueDate, status). Every third anchored text is not the field's text now: outdated.
    await db.query(
      `with milestone as (select id, title, due_date, status, row_number() over (order by due_date) - 1 as i from milestones where plan_id = $1),
       threads as (
         select t, gen_random_uuid() as root,
           case when t <= 25 then 'plan' else 'milestone' end as type,
           case when t <= 25 then $1::uuid else (select id from milestone where i = (t - 26) % 10) end as target,
           case when t <= 25 then (array['objective','budget','owner','activities','indicators'])[1 + t % 5]
                else (array['title','dueDate','status'])[1 + t % 3] end as field,
           case when t <= 25 and t % 5 = 3 then 1 when t <= 25 and t % 5 = 4 then 0 end as item
         from generate_series(1, 50) t),
       anchored as (
         select th.*, case when t % 3 = 0 then 'Text as it was at revision 1, since changed'
           when field = 'objective' then 'One desk where newcomers find every municipal service, in their language.'
           when field = 'budget' then '€ 80 000 over two years' when field = 'owner' then 'Social department'
           when field = 'activities' then 'Hire two advisers' when field = 'indicators' then 'Visitors per month'
           when field = 'title' then m.title when field = 'dueDate' then m.due_date::text else m.status end as text
         from threads th left join milestone m on m.id = th.target)
       insert into comments (id, plan_id, target_type, target_id, parent_id, thread_id, author_id, body, mentions, created_at,
         anchor_revision, anchor_field, anchor_item, anchor_text, suggestion, suggestion_state)
       select case when r = 0 then root else gen_random_uuid() end, $1, type, target, case when r = 0 then null else root end, root,
         case when r = 1 then $2::uuid else $3::uuid end,
         'Comment ' || r || ' of thread ' || t || ': is this the wording the council will adopt, and who signs it off?',
         '[]', now() - interval '10 days' + (t * 3 + r) * interval '1 hour',
         1, field, item, text,
         case when r = 0 and t % 5 = 1 and type = 'plan' then text || ' (revised)' end,
         case when r = 0 and t % 5 = 1 and type = 'plan' then 'pending' end
       from anchored cross join generate_series(0, 2) r`,
      [planId, base.mentee.id, base.mentor.id],
    );
    await db.query('commit');
    return planId;
  });
}

/**
 * A programme with `pairs` mentoring pairs, in bulk SQL (seconds for 1 000 pairs): two cities per
 * pair; per pair one plan in progress on each of the 9 sections of the migrant-entrepreneurs
 * benchmark with 20 milestones each (one of them late per pair), the mentee's submitted baseline
 * with all 40 answers, an event in the pair's room and three review threads (nine comments, two
 * threads open). Its coordinator signs in
 * through the API.
 */
export async function createScalingProgramme(dbUrl: string, apiUrl: string, pairs: number): Promise<ScalingProgramme> {
  const orm = await MikroORM.init(ormOptions({ databaseUrl: dbUrl, poolSize: 2 }));
  let programmeId: string;
  let coordinator: Reader;
  try {
    const given = new Given(orm, apiUrl as unknown as Server);
    const { programme, coordinatorOrganisation } = await given.programme(`Scaling ${pairs} pairs ${Date.now()}`);
    const signedIn = await given.signIn(await given.member(programme, coordinatorOrganisation, 'coordinator'));
    programmeId = programme.id;
    coordinator = reader({ id: signedIn.user.id, token: signedIn.token });
  } finally {
    await orm.close();
  }
  await withClient(dbUrl, async (db) => {
    const p = [programmeId, pairs, coordinator.id, `${pairs}-${programmeId.slice(0, 8)}`];
    await db.query('begin');
    await db.query(
      `create temp table b_org on commit drop as select gen_random_uuid() as id, g from generate_series(1, 2 * $1::int) g`,
      [pairs],
    );
    await db.query(
      `insert into organisations (id, name, kind, country, created_at) select id, 'Bench ' || $1 || ' city ' || g, 'city', 'BE', now() from b_org`,
      [p[3]],
    );
    await db.query(
      `insert into programme_participants (id, programme_id, organisation_id, joined_at) select gen_random_uuid(), $1, id, now() from b_org`,
      [programmeId],
    );
    await db.query(
      `create temp table b_pair on commit drop as
       select gen_random_uuid() as id, a.id as mentor, b.id as mentee, g.g from generate_series(1, $1::int) g(g) join b_org a on a.g = 2 * g.g - 1 join b_org b on b.g = 2 * g.g`,
      [pairs],
    );
    await db.query(
      `insert into pairs (id, programme_id, benchmark_code, mentor_organisation_id, mentee_organisation_id, focus_section_codes, status, created_at)
       select id, $1, 'migrant-entrepreneurs', mentor, mentee, '[]', 'active', now() - interval '90 days' from b_pair`,
      [programmeId],
    );
    await db.query(
      `create temp table b_plan on commit drop as
       select gen_random_uuid() as id, p.id as pair_id, s.code, s.ord
       from b_pair p cross join (select x.s->>'code' as code, x.ord from benchmarks b, jsonb_array_elements(b.document->'sections') with ordinality as x(s, ord) where b.code = 'migrant-entrepreneurs') s`,
    );
    await db.query(
      `insert into action_plans (id, pair_id, title, objective, section_codes, gap_question_codes, activities, indicators, stakeholders, budget, owner, state, version, revision_count, source_assessment_id, created_by, created_at, updated_at)
       select id, pair_id, 'Plan for ' || code, '', jsonb_build_array(code), '[]', '[]', '[]', '[]', '', 'Owner', 'in-progress', 1, 1, null, $1, now() - interval '60 days', now() - interval '30 days' from b_plan`,
      [coordinator.id],
    );
    await db.query(
      `insert into milestones (id, plan_id, title, description, due_date, owner, status, version, created_at, updated_at)
       select gen_random_uuid(), pl.id, 'Milestone ' || k, '', current_date + (k - 3) * 14, 'Owner',
         case when k <= 2 and not (pl.ord = 1 and k = 2) then 'done' when k <= 2 then 'in-progress' else (array['planned','in-progress','done','blocked'])[1 + k % 4] end,
         1, now(), now()
       from b_plan pl cross join generate_series(1, 20) k`,
    );
    await db.query(
      `insert into assessments (id, programme_id, organisation_id, benchmark_code, phase, status, created_at, updated_at, submitted_at)
       select gen_random_uuid(), $1, mentee, 'migrant-entrepreneurs', 'baseline', 'submitted', now() - interval '80 days', now() - interval '80 days', now() - interval '80 days' from b_pair`,
      [programmeId],
    );
    await db.query(
      `insert into assessment_answers (id, assessment_id, question_code, rating, evidence, links, mentor_rated, updated_at)
       select gen_random_uuid(), a.id, q.code, (q.n % 3)::smallint, '', '[]', false, now()
       from assessments a cross join (
         select gq->>'code' as code, row_number() over () as n
         from benchmarks b, jsonb_array_elements(b.document->'sections') s, jsonb_array_elements(s->'guideQuestions') gq where b.code = 'migrant-entrepreneurs') q
       where a.programme_id = $1`,
      [programmeId],
    );
    await db.query(
      `insert into events (room, type, payload, actor_id, programme_id, at)
       select 'pair:' || id, 'plan.updated', jsonb_build_object('pairId', id), $2, $1, now() - interval '3 days' from b_pair`,
      [programmeId, coordinator.id],
    );
    // Three review threads of three comments on each pair's first plan; the third thread resolved.
    await db.query(
      `with roots as (
         select gen_random_uuid() as id, pl.id as plan_id, t from b_plan pl cross join generate_series(1, 3) t where pl.ord = 1)
       insert into comments (id, plan_id, target_type, target_id, parent_id, thread_id, author_id, body, mentions, created_at, resolved_at, resolved_by)
       select case when r = 0 then roots.id else gen_random_uuid() end, plan_id, 'plan', plan_id, case when r = 0 then null else roots.id end, roots.id, $1,
         'Could you share the indicators?', '[]', now() - interval '10 days' + (t * 3 + r) * interval '1 hour',
         case when r = 0 and t = 3 then now() - interval '1 day' end, case when r = 0 and t = 3 then $1::uuid end
       from roots cross join generate_series(0, 2) r`,
      [coordinator.id],
    );
    await db.query('commit');
  });
  return { pairs, programmeId, coordinator };
}

/** Fresh planner statistics after bulk loading (autovacuum may not have run yet). */
export async function analyze(dbUrl: string) {
  await withClient(dbUrl, (db) => db.query('analyze'));
}

export function restData(
  base: BenchData,
  plans: { readPlanId: string; anchoredPlanId: string },
  scaling: ScalingProgramme[],
): RestData {
  return { base, ...plans, mentee: reader(base.mentee), coordinator: reader(base.coordinator), scaling };
}

/** The bare server's settings: the build whose read classes it runs, the bench's tokens and where POSTs write. */
export function bareServerEnv(data: RestData): Record<string, string> {
  return {
    APP_DIST: BUILD_DIR,
    BARE_TOKENS: JSON.stringify(
      Object.fromEntries(
        [data.mentee, data.coordinator, ...data.scaling.map((s) => s.coordinator)].map((r) => [
          r.token,
          { userId: r.id, sessionId: r.sessionId },
        ]),
      ),
    ),
    BARE_CONTEXT: JSON.stringify({
      programmeId: data.base.programmeId,
      pairId: data.base.pairId,
      planId: data.base.planId,
    }),
  };
}
