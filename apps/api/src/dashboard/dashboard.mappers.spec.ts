import { addMilestones, addPlan, noMilestones, noPlans, toConsortiumMilestone, toScores } from './dashboard.mappers';
import type { AssessmentRow } from './dashboard.queries';

const SECTIONS = [
  { code: 'strategy', guideQuestions: [{ code: 'strategy.q1' }, { code: 'strategy.q2' }] },
  { code: 'networking', guideQuestions: [{ code: 'networking.q1' }] },
];
const assessment = (
  organisationId: string,
  phase: AssessmentRow['phase'],
  answers: AssessmentRow['answers'],
): AssessmentRow => ({
  id: `${organisationId}-${phase}`,
  organisationId,
  organisationName: organisationId.toUpperCase(),
  organisationCountry: 'FI',
  benchmarkCode: 'b',
  phase,
  status: 'submitted',
  answers,
});

describe('dashboard tallies', () => {
  it('adds status rows into camelCase counts with late and total', () => {
    const tally = noMilestones();
    addMilestones(tally, { status: 'in-progress', count: 3, late: 2 });
    addMilestones(tally, { status: 'done', count: 1, late: 0 });
    expect(tally).toEqual({ planned: 0, inProgress: 3, done: 1, blocked: 0, late: 2, total: 4 });
    const plans = noPlans();
    addPlan(plans, { state: 'changes-requested' });
    addPlan(plans, { state: 'changes-requested' });
    expect(plans).toMatchObject({ changesRequested: 2, total: 2 });
  });

  it('marks a consortium milestone late when its due date has passed and it is not done', () => {
    const at = toConsortiumMilestone('p', '2027-05-01');
    const m = { id: 'm', title: 'T', description: '', version: 1 };
    expect(at({ ...m, dueDate: '2027-04-30', status: 'planned' }).late).toBe(true);
    expect(at({ ...m, dueDate: '2027-04-30', status: 'done' }).late).toBe(false);
    expect(at({ ...m, dueDate: '2027-05-01', status: 'planned' }).late).toBe(false);
  });
});

describe('toScores', () => {
  it('pairs baseline and follow-up per organisation, with the delta overall and per section', () => {
    const scores = toScores(
      [
        assessment('a', 'follow-up', [
          { questionCode: 'strategy.q1', rating: 2 },
          { questionCode: 'strategy.q2', rating: 2 },
        ]),
        assessment('a', 'baseline', [
          { questionCode: 'strategy.q1', rating: 1 },
          { questionCode: 'strategy.q2', rating: 0 },
          { questionCode: 'networking.q1', rating: 2 },
        ]),
        assessment('b', 'baseline', []),
      ],
      new Map([['b', SECTIONS]]),
    );
    expect(scores).toEqual([
      {
        organisation: { id: 'a', name: 'A', country: 'FI' },
        benchmarkCode: 'b',
        baseline: { assessmentId: 'a-baseline', status: 'submitted', overall: 50 },
        followUp: { assessmentId: 'a-follow-up', status: 'submitted', overall: 100 },
        overallDelta: 50,
        sections: [
          { sectionCode: 'strategy', baseline: 25, followUp: 100, delta: 75 },
          { sectionCode: 'networking', baseline: 100, followUp: null, delta: null },
        ],
      },
      {
        organisation: { id: 'b', name: 'B', country: 'FI' },
        benchmarkCode: 'b',
        baseline: { assessmentId: 'b-baseline', status: 'submitted', overall: null },
        followUp: null,
        overallDelta: null,
        sections: [
          { sectionCode: 'strategy', baseline: null, followUp: null, delta: null },
          { sectionCode: 'networking', baseline: null, followUp: null, delta: null },
        ],
      },
    ]);
  });
});
