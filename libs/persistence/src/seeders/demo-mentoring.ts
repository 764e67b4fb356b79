import type { EntityManager } from '@mikro-orm/postgresql';
import type { BenchmarkDocument } from '@citymentor/benchmarks';
import type { PlanState, Rating, WorkStatus } from '@citymentor/contracts';
import {
  ActionPlan,
  Assessment,
  AssessmentAnswer,
  Comment,
  Milestone,
  PlanReview,
  PlanRevision,
  ProgressEntry,
  type Organisation,
  Pair,
  type Programme,
  type User,
} from '@citymentor/domain';

/** The demo pairs on the migrant-entrepreneurs benchmark: mentor → mentee, and the section the plan works on. */
export const DEMO_PAIRS = [
  { mentor: 'Helsinki', mentee: 'Tampere', section: 'comprehensive-support', state: 'in-progress' as PlanState },
  { mentor: 'Vienna', mentee: 'Nicosia', section: 'access-to-finance', state: 'submitted' as PlanState },
  { mentor: 'Rotterdam', mentee: 'Lisbon', section: 'networking', state: 'changes-requested' as PlanState },
  { mentor: 'Dublin', mentee: 'Brighton & Hove', section: 'strategy', state: 'approved' as PlanState },
];

/** Deterministic ratings: a mentor is strong in its pair's section, a mentee weak; everyone else in between. */
function rating(city: string, questionCode: string, strongIn: string[], weakIn: string[]): Rating {
  const section = questionCode.split('.')[0];
  if (strongIn.includes(section)) return 2;
  if (weakIn.includes(section)) return questionCode.endsWith('1') ? 1 : 0;
  let h = 0;
  for (const c of city + questionCode) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 7 === 0 ? null : ((h % 3) as 0 | 1 | 2);
}

const MILESTONES: { title: string; dueDate: string; status: WorkStatus; percent: number }[] = [
  { title: 'Map the local support services for entrepreneurs', dueDate: '2017-11-30', status: 'done', percent: 100 },
  { title: 'Partnership agreement with the chamber of commerce', dueDate: '2018-03-31', status: 'done', percent: 100 },
  { title: 'Pilot a one-stop advice desk', dueDate: '2018-06-30', status: 'in-progress', percent: 60 },
  { title: 'Train frontline staff on migrant entrepreneurs’ needs', dueDate: '2018-09-30', status: 'blocked', percent: 20 },
  { title: 'Evaluate the pilot with participants', dueDate: '2018-12-15', status: 'planned', percent: 0 },
];

/** Pairs, baseline assessments, plans in several states, milestones (some late), progress and a review thread. */
export function seedDemoMentoring(
  em: EntityManager,
  programme: Programme,
  organisations: Map<string, Organisation>,
  benchmark: BenchmarkDocument,
  memberOf: (city: string) => User,
) {
  const pairs = DEMO_PAIRS.map((p) => ({ ...p, entity: new Pair(programme, benchmark.code, organisations.get(p.mentor)!, organisations.get(p.mentee)!, [p.section]) }));
  em.persist(pairs.map((p) => p.entity));

  for (const organisation of [...organisations.values()].filter((o) => o.kind === 'city')) {
    const strongIn = pairs.filter((p) => p.mentor === organisation.name).map((p) => p.section);
    const weakIn = pairs.filter((p) => p.mentee === organisation.name).map((p) => p.section);
    const assessment = new Assessment(programme, organisation, benchmark.code, 'baseline');
    assessment.status = 'submitted';
    assessment.submittedAt = new Date('2017-06-15T10:00:00Z');
    em.persist(assessment);
    for (const question of benchmark.sections.flatMap((s) => s.guideQuestions)) {
      const answer = new AssessmentAnswer(assessment, question.code, rating(organisation.name, question.code, strongIn, weakIn));
      answer.evidence = answer.rating === 2 ? 'In place: see the city’s strategy documents.' : '';
      em.persist(answer);
    }
  }

  for (const p of pairs) {
    const mentee = memberOf(p.mentee);
    const mentor = memberOf(p.mentor);
    const section = benchmark.sections.find((s) => s.code === p.section)!;
    const plan = new ActionPlan(
      p.entity,
      {
        title: `${section.title}: ${p.mentee}’s plan`,
        sectionCodes: [section.code],
        objective: `Reach the toolkit standard: ${section.standard}`,
        gapQuestionCodes: section.guideQuestions.slice(0, 2).map((q) => q.code),
        activities: ['Learn from the mentor city’s practice on a study visit', 'Set up the service with local partners', 'Monitor uptake and adjust'],
        indicators: ['Number of migrant entrepreneurs advised', 'Share of them still trading after a year'],
        stakeholders: ['Chamber of commerce', 'Migrant business associations', 'Local banks'],
        budget: '€45,000 over 18 months',
        owner: `${p.mentee} economic development office`,
      },
      mentee.id,
    );
    em.persist(plan);
    const milestones = MILESTONES.map((m) => new Milestone(plan, { title: m.title, dueDate: m.dueDate, status: p.state === 'in-progress' ? m.status : 'planned', owner: 'Project lead' }));
    em.persist(milestones);
    if (p.state !== 'draft') {
      plan.revisionCount = 1;
      em.persist(new PlanRevision(plan, 1, plan.snapshot(milestones), mentee.id));
    }
    plan.state = p.state;
    if (['approved', 'in-progress', 'changes-requested'].includes(p.state)) {
      const verdict = p.state === 'changes-requested' ? 'request-changes' : 'approve';
      em.persist(new PlanReview(plan, 1, verdict, verdict === 'approve' ? 'A solid plan; go ahead.' : 'Please add indicators you can measure and a realistic budget.', mentor));
    }
    if (p.state === 'in-progress') {
      MILESTONES.forEach((m, i) => {
        if (m.percent > 0) em.persist(new ProgressEntry(milestones[i], mentee, { percent: m.percent, status: m.status, note: `${m.title}: ${m.percent}% done.` }));
      });
    }
    const question = new Comment({ plan, author: mentor, body: 'How will you reach entrepreneurs who do not come to the city’s offices?', target: { type: 'plan', id: plan.id } });
    const answer = new Comment({ plan, author: mentee, body: 'Through the migrant business associations: they will host the advice desk once a week.', target: { type: 'plan', id: plan.id }, parent: question });
    em.persist([question, answer]);
    if (p.state === 'in-progress') question.resolve(mentor.id, new Date('2018-01-10T09:00:00Z'));
  }
  return pairs.map((p) => p.entity);
}
