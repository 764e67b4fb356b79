import type { CommentTargetType, Rating } from '@citymentor/contracts';
import { ActionPlan, Assessment, AssessmentAnswer, Comment, Organisation, Programme, User } from '@citymentor/domain';
import type { TestApp } from '../support/app';

export type Who = 'mentor' | 'mentee' | 'expert' | 'coordinator' | 'otherCity' | 'outsider' | 'admin';
export const PEOPLE: Who[] = ['mentor', 'mentee', 'expert', 'coordinator', 'otherCity', 'outsider', 'admin'];

export type Mentoring = Awaited<ReturnType<TestApp['given']['mentoring']>>;

interface Plan {
  id: string;
  version: number;
  state: string;
}

/** Plans in every state of the workflow, built through the API as the people of a mentoring pair would. */
export function planFixtures(t: TestApp, m: Mentoring) {
  const as = (who: Who) => t.api.as(m.people[who].token);
  const mentee = () => as('mentee');
  const mentor = () => as('mentor');

  async function draft(body: Record<string, unknown> = {}): Promise<Plan> {
    const res = await mentee().post(`/pairs/${m.pair.id}/action-plans`, {
      sectionCodes: ['access-to-finance'],
      title: 'Microcredit for migrant founders',
      ...body,
    });
    if (res.status !== 201) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function milestone(planId: string, body: Record<string, unknown> = {}) {
    const res = await mentee().post(`/action-plans/${planId}/milestones`, {
      title: 'Desk opens',
      dueDate: '2030-06-30',
      ...body,
    });
    if (res.status !== 201) throw new Error(`milestone: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; status: string; late: boolean };
  }

  async function step(plan: Plan, who: Who, path: string, body: Record<string, unknown> = {}): Promise<Plan> {
    const res = await as(who).post(`/action-plans/${plan.id}/${path}`, body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A draft the mentee may submit: an objective and a milestone with a due date and an owner. */
  async function ready(body: Record<string, unknown> = {}): Promise<Plan> {
    const plan = await draft({ objective: 'Small loans for founders the banks turn away', ...body });
    await milestone(plan.id, { owner: 'Business office' });
    return plan;
  }

  const submitted = async (body?: Record<string, unknown>) => step(await ready(body), 'mentee', 'submit');
  const changesRequested = async () =>
    step(await submitted(), 'mentor', 'reviews', { verdict: 'request-changes', summary: 'Say who funds it' });
  const approved = async () =>
    step(await submitted(), 'mentor', 'reviews', { verdict: 'approve', summary: 'Go ahead' });
  const inProgress = async () => step(await approved(), 'mentee', 'start');
  const completed = async () => step(await inProgress(), 'mentee', 'complete');
  const archived = async () => step(await draft(), 'mentee', 'archive');

  /** An assessment of the mentee city on the pair's benchmark, written straight into the tables (its API is built elsewhere). */
  async function assessment(
    ratings: Record<string, Rating>,
    {
      organisation = m.menteeCity,
      phase = 'baseline',
    }: { organisation?: { id: string }; phase?: 'baseline' | 'follow-up' } = {},
  ) {
    const em = t.orm.em.fork();
    const a = new Assessment(
      em.getReference(Programme, m.programme.id),
      em.getReference(Organisation, organisation.id),
      'migrant-entrepreneurs',
      phase,
    );
    em.persist(a);
    for (const [code, rating] of Object.entries(ratings)) em.persist(new AssessmentAnswer(a, code, rating));
    await em.flush();
    return a;
  }

  /** A root review comment on the plan (or one of its milestones or entries), written straight into the table (its API is built elsewhere). */
  async function rootComment(
    planId: string,
    author: Who = 'mentor',
    body = 'Who pays for the desk?',
    target: { type: CommentTargetType; id: string } = { type: 'plan', id: planId },
  ) {
    const em = t.orm.em.fork();
    const comment = new Comment({
      plan: em.getReference(ActionPlan, planId),
      author: em.getReference(User, m.people[author].user.id),
      body,
      target,
    });
    await em.persistAndFlush(comment);
    return comment;
  }

  return {
    as,
    mentee,
    mentor,
    draft,
    ready,
    milestone,
    step,
    submitted,
    changesRequested,
    approved,
    inProgress,
    completed,
    archived,
    assessment,
    rootComment,
  };
}

/** Rows of a table, counted straight in the database. */
export async function countRows(t: TestApp, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await t.orm.em
    .fork()
    .getConnection()
    .execute<{ n: number }[]>(`select count(*)::int as n from ${table} where ${where}`, params);
  return row.n;
}
