import type { MikroORM } from '@mikro-orm/postgresql';
import type { AssessmentPhase, AssessmentStatus, PlanState, Rating, WorkStatus } from '@citymentor/contracts';
import {
  ActionPlan,
  Assessment,
  AssessmentAnswer,
  Milestone,
  Organisation,
  Pair,
  PlanRevision,
  Programme,
  ProgressEntry,
  User,
} from '@citymentor/domain';

/**
 * Factories for a pair's work — plans, milestones, progress entries — and self-assessments, written
 * straight through the entities (not through the plan or assessment APIs), so a test of comments,
 * activity or the dashboard depends on nothing but the schema.
 */
export class GivenPlans {
  constructor(private readonly orm: MikroORM) {}

  async plan(
    pair: Pick<Pair, 'id'>,
    fields: {
      title?: string;
      objective?: string;
      sectionCodes?: string[];
      state?: PlanState;
      createdBy?: Pick<User, 'id'>;
    } = {},
  ): Promise<ActionPlan> {
    const em = this.orm.em.fork();
    const plan = new ActionPlan(
      em.getReference(Pair, pair.id),
      {
        title: fields.title ?? 'Open a one-stop shop for migrant entrepreneurs',
        sectionCodes: fields.sectionCodes ?? ['comprehensive-support'],
        objective: fields.objective,
      },
      fields.createdBy?.id ?? '00000000-0000-4000-8000-000000000000',
    );
    if (fields.state) plan.state = fields.state;
    await em.persistAndFlush(plan);
    return plan;
  }

  /**
   * A plan sent back after its first revision (so the mentee may edit it): revision 1 records it with its
   * milestones as they are given here, budget and activities included.
   */
  async revisedPlan(
    pair: Pick<Pair, 'id'>,
    fields: { budget?: string; activities?: string[]; milestones?: { title: string; dueDate: string }[] } = {},
  ): Promise<{ plan: ActionPlan; milestones: Milestone[] }> {
    const em = this.orm.em.fork();
    const plan = new ActionPlan(
      em.getReference(Pair, pair.id),
      {
        title: 'Open a one-stop shop for migrant entrepreneurs',
        sectionCodes: ['comprehensive-support'],
        objective: 'Fewer steps for founders',
        budget: fields.budget ?? 'EUR 12000 from the city',
        activities: fields.activities ?? ['Map the steps', 'Train advisers'],
        owner: 'Business department',
      },
      '00000000-0000-4000-8000-000000000000',
    );
    plan.state = 'changes-requested';
    plan.revisionCount = 1;
    const milestones = (fields.milestones ?? [{ title: 'Shop opens', dueDate: '2099-06-30' }]).map(
      (m) => new Milestone(plan, { ...m, owner: 'Anna' }),
    );
    em.persist([plan, ...milestones]);
    em.persist(new PlanRevision(plan, 1, plan.snapshot(milestones), plan.createdBy));
    await em.flush();
    return { plan, milestones };
  }

  async milestone(
    plan: Pick<ActionPlan, 'id'>,
    fields: { title?: string; dueDate?: string; status?: WorkStatus; owner?: string } = {},
  ): Promise<Milestone> {
    const em = this.orm.em.fork();
    const milestone = new Milestone(em.getReference(ActionPlan, plan.id), {
      title: fields.title ?? 'Map the support services',
      dueDate: fields.dueDate ?? '2099-06-30',
      status: fields.status,
      owner: fields.owner ?? 'Business department',
    });
    await em.persistAndFlush(milestone);
    return milestone;
  }

  /** Several milestones of one plan in one flush. */
  async milestones(
    plan: Pick<ActionPlan, 'id'>,
    list: { title?: string; dueDate: string; status?: WorkStatus; owner?: string }[],
  ): Promise<Milestone[]> {
    const em = this.orm.em.fork();
    const milestones = list.map(
      (m, i) =>
        new Milestone(em.getReference(ActionPlan, plan.id), {
          title: m.title ?? `Milestone ${i + 1}`,
          dueDate: m.dueDate,
          status: m.status,
          owner: m.owner ?? 'Owner',
        }),
    );
    await em.persistAndFlush(milestones);
    return milestones;
  }

  async progress(
    milestone: Pick<Milestone, 'id'>,
    author: Pick<User, 'id'>,
    entry: { percent?: number; status?: WorkStatus; note?: string; evidenceUrls?: string[] } = {},
  ): Promise<ProgressEntry> {
    const em = this.orm.em.fork();
    const progress = new ProgressEntry(em.getReference(Milestone, milestone.id), em.getReference(User, author.id), {
      percent: entry.percent ?? 50,
      status: entry.status ?? 'in-progress',
      note: entry.note ?? 'Half way there',
      evidenceUrls: entry.evidenceUrls,
    });
    await em.persistAndFlush(progress);
    return progress;
  }

  /** A self-assessment with its answers (`{ 'strategy.q1': 2, … }`). */
  async assessment(
    programme: Pick<Programme, 'id'>,
    organisation: Pick<Organisation, 'id'>,
    phase: AssessmentPhase,
    ratings: Record<string, Rating>,
    options: { benchmarkCode?: string; status?: AssessmentStatus } = {},
  ): Promise<Assessment> {
    const em = this.orm.em.fork();
    const assessment = new Assessment(
      em.getReference(Programme, programme.id),
      em.getReference(Organisation, organisation.id),
      options.benchmarkCode ?? 'migrant-entrepreneurs',
      phase,
    );
    if (options.status === 'submitted') assessment.submit(new Date());
    const answers = Object.entries(ratings).map(
      ([questionCode, rating]) => new AssessmentAnswer(assessment, questionCode, rating),
    );
    await em.persistAndFlush([assessment, ...answers]);
    return assessment;
  }
}
