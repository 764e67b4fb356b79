import type { EntityManager } from '@mikro-orm/postgresql';
import type { BenchmarkDocument } from '@citymentor/benchmarks';
import type { PlanState, Rating, ReviewVerdict, WorkStatus } from '@citymentor/contracts';
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
import type { DemoCalendar } from './demo-consortium';
import { DemoHistory } from './demo-history';

/**
 * What happened in each demo pair, in days from the seeding (negative: ago). Helsinki → Tampere is
 * busy; Vienna has not reviewed Nicosia's plan nor answered its reply (stalled: a plan and a thread
 * wait for the mentor); nothing has happened between Rotterdam and Lisbon for weeks since the mentor
 * asked for changes (stalled: no activity); Dublin approved Brighton & Hove's plan a few days ago.
 */
interface Story {
  submitted: number;
  question: number;
  answer: number;
  review?: { day: number; verdict: ReviewVerdict; summary: string };
  resolved?: number;
  /** Days added to the milestone schedule below: a plan that is not under way yet plans later. */
  shift: number;
}

/** The demo pairs on the migrant-entrepreneurs benchmark: mentor → mentee, the section the plan works on, and its story. */
export const DEMO_PAIRS: { mentor: string; mentee: string; section: string; state: PlanState; story: Story }[] = [
  {
    mentor: 'Helsinki',
    mentee: 'Tampere',
    section: 'comprehensive-support',
    state: 'in-progress',
    story: {
      submitted: -150,
      question: -148,
      answer: -146,
      review: { day: -140, verdict: 'approve', summary: 'A solid plan; go ahead.' },
      resolved: -140,
      shift: 0,
    },
  },
  {
    mentor: 'Vienna',
    mentee: 'Nicosia',
    section: 'access-to-finance',
    state: 'submitted',
    story: { submitted: -12, question: -11, answer: -10, shift: 120 },
  },
  {
    mentor: 'Rotterdam',
    mentee: 'Lisbon',
    section: 'networking',
    state: 'changes-requested',
    story: {
      submitted: -50,
      question: -45,
      answer: -38,
      review: {
        day: -40,
        verdict: 'request-changes',
        summary: 'Please add indicators you can measure and a realistic budget.',
      },
      shift: 120,
    },
  },
  {
    mentor: 'Dublin',
    mentee: 'Brighton & Hove',
    section: 'strategy',
    state: 'approved',
    story: {
      submitted: -30,
      question: -28,
      answer: -5,
      review: { day: -3, verdict: 'approve', summary: 'A solid plan; go ahead.' },
      shift: 86,
    },
  },
];

/** When the pairs were formed and the baselines submitted (about seven months ago, after the programme's start). */
const PAIRED = -200;
const BASELINE_SUBMITTED = -215;

/** Deterministic ratings: a mentor is strong in its pair's section, a mentee weak; everyone else in between. */
function rating(city: string, questionCode: string, strongIn: string[], weakIn: string[]): Rating {
  const section = questionCode.split('.')[0];
  if (strongIn.includes(section)) return 2;
  if (weakIn.includes(section)) return questionCode.endsWith('1') ? 1 : 0;
  let h = 0;
  for (const c of city + questionCode) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 7 === 0 ? null : ((h % 3) as 0 | 1 | 2);
}

/** The plan's milestones as the busy pair lives them: two done, two late (by weeks and days), one due soon, one ahead. */
const MILESTONES: { title: string; due: number; status: WorkStatus; percent: number; logged?: number }[] = [
  { title: 'Map the local support services for entrepreneurs', due: -90, status: 'done', percent: 100, logged: -92 },
  { title: 'Partnership agreement with the chamber of commerce', due: -45, status: 'done', percent: 100, logged: -47 },
  {
    title: 'Train frontline staff on migrant entrepreneurs’ needs',
    due: -24,
    status: 'blocked',
    percent: 20,
    logged: -20,
  },
  { title: 'Pilot a one-stop advice desk', due: -9, status: 'in-progress', percent: 60, logged: -2 },
  { title: 'Evaluate the pilot with participants', due: 12, status: 'planned', percent: 0 },
  { title: 'Publish the advice desk’s guide in five languages', due: 120, status: 'planned', percent: 0 },
];

/** Pairs, baseline assessments, plans in several states, milestones (some late), progress, review threads, and their history. */
export function seedDemoMentoring(
  em: EntityManager,
  calendar: DemoCalendar,
  programme: Programme,
  organisations: Map<string, Organisation>,
  benchmark: BenchmarkDocument,
  memberOf: (city: string) => User,
): DemoHistory {
  const history = new DemoHistory(programme.id);
  const pairs = DEMO_PAIRS.map((p) => ({
    ...p,
    entity: new Pair(programme, benchmark.code, organisations.get(p.mentor)!, organisations.get(p.mentee)!, [
      p.section,
    ]),
  }));
  for (const p of pairs) {
    p.entity.createdAt = calendar.moment(PAIRED);
    history.pairFormed(p.entity, memberOf(programme.coordinatorOrganisation.name));
  }
  em.persist(pairs.map((p) => p.entity));

  for (const organisation of [...organisations.values()].filter((o) => o.kind === 'city')) {
    const strongIn = pairs.filter((p) => p.mentor === organisation.name).map((p) => p.section);
    const weakIn = pairs.filter((p) => p.mentee === organisation.name).map((p) => p.section);
    const assessment = new Assessment(programme, organisation, benchmark.code, 'baseline');
    assessment.status = 'submitted';
    assessment.createdAt = calendar.moment(BASELINE_SUBMITTED - 14);
    assessment.submittedAt = calendar.moment(BASELINE_SUBMITTED);
    em.persist(assessment);
    for (const question of benchmark.sections.flatMap((s) => s.guideQuestions)) {
      const answer = new AssessmentAnswer(
        assessment,
        question.code,
        rating(organisation.name, question.code, strongIn, weakIn),
      );
      answer.evidence = answer.rating === 2 ? 'In place: see the city’s strategy documents.' : '';
      em.persist(answer);
    }
  }

  for (const p of pairs) {
    const { story } = p;
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
        activities: [
          'Learn from the mentor city’s practice on a study visit',
          'Set up the service with local partners',
          'Monitor uptake and adjust',
        ],
        indicators: ['Number of migrant entrepreneurs advised', 'Share of them still trading after a year'],
        stakeholders: ['Chamber of commerce', 'Migrant business associations', 'Local banks'],
        budget: '€45,000 over 18 months',
        owner: `${p.mentee} economic development office`,
      },
      mentee.id,
    );
    plan.createdAt = calendar.moment(story.submitted - 5);
    em.persist(plan);
    const underway = p.state === 'in-progress';
    const milestones = MILESTONES.map((m) => {
      const milestone = new Milestone(plan, {
        title: m.title,
        dueDate: calendar.date(m.due + story.shift),
        status: underway ? m.status : 'planned',
        owner: 'Project lead',
      });
      milestone.createdAt = plan.createdAt;
      return milestone;
    });
    em.persist(milestones);
    const scope = { pairId: p.entity.id, planId: plan.id };

    plan.revisionCount = 1;
    const revision = new PlanRevision(plan, 1, plan.snapshot(milestones), mentee.id);
    revision.createdAt = calendar.moment(story.submitted);
    em.persist(revision);
    history.plan(scope, 'plan.submitted', revision.createdAt, mentee, plan, { state: 'submitted', revision: 1 });

    const question = new Comment({
      plan,
      author: mentor,
      body: 'How will you reach entrepreneurs who do not come to the city’s offices?',
      target: { type: 'plan', id: plan.id },
    });
    const answer = new Comment({
      plan,
      author: mentee,
      body: 'Through the migrant business associations: they will host the advice desk once a week.',
      target: { type: 'plan', id: plan.id },
      parent: question,
    });
    question.createdAt = calendar.moment(story.question);
    answer.createdAt = calendar.moment(story.answer);
    em.persist([question, answer]);
    history.comment(scope, 'comment.created', question);
    history.comment(scope, 'comment.created', answer);

    if (story.review) {
      const { day, verdict, summary } = story.review;
      const review = new PlanReview(plan, 1, verdict, summary, mentor);
      review.createdAt = calendar.moment(day);
      em.persist(review);
      history.plan(scope, 'plan.reviewed', review.createdAt, mentor, plan, {
        state: verdict === 'approve' ? 'approved' : 'changes-requested',
        revision: 1,
        verdict,
        summary,
      });
    }
    if (story.resolved !== undefined) {
      question.resolve(mentor.id, calendar.moment(story.resolved));
      history.comment(scope, 'comment.resolved', question, mentor, calendar.moment(story.resolved));
    }
    if (underway) {
      history.plan(scope, 'plan.updated', calendar.moment(-95), mentee, plan, { state: 'in-progress' });
      MILESTONES.forEach((m, i) => {
        if (m.logged === undefined) return;
        const entry = new ProgressEntry(milestones[i], mentee, {
          percent: m.percent,
          status: m.status,
          note: `${m.title}: ${m.percent}% done.`,
        });
        entry.createdAt = calendar.moment(m.logged);
        em.persist(entry);
        history.progress(scope, entry, mentee);
      });
    }
    plan.state = p.state;
    plan.updatedAt = calendar.moment(Math.max(story.submitted, story.review?.day ?? story.submitted));
  }
  return history;
}
