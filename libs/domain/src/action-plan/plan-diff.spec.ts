import { changesSinceApproval, diffPlans, type PlanSnapshot } from './plan-diff';

const base: PlanSnapshot = {
  title: 'One-stop shop',
  objective: 'Open a one-stop shop for migrant entrepreneurs',
  sectionCodes: ['comprehensive-support'],
  gapQuestionCodes: ['comprehensive-support.q1'],
  activities: ['Map services', 'Train staff'],
  indicators: ['100 visitors'],
  stakeholders: ['Chamber of commerce'],
  budget: '€20,000',
  owner: 'Business Tampere',
  milestones: [
    { id: 'm1', title: 'Services mapped', description: '', dueDate: '2027-03-01', owner: 'Anna', status: 'planned' },
    { id: 'm2', title: 'Staff trained', description: '', dueDate: '2027-06-01', owner: 'Anna', status: 'planned' },
  ],
};

describe('diffPlans', () => {
  it('finds nothing between identical revisions', () => {
    expect(diffPlans(base, structuredClone(base))).toEqual({ fields: [], milestones: [] });
  });

  it('lists changed fields with before and after, and milestones added, changed and removed', () => {
    const after = structuredClone(base);
    after.objective = 'Open a one-stop shop with partners';
    after.activities.push('Evaluate');
    after.milestones[0].dueDate = '2027-04-01';
    after.milestones.splice(1, 1);
    after.milestones.push({
      id: 'm3',
      title: 'Opened',
      description: 'Doors open',
      dueDate: '2027-09-01',
      owner: 'Mayor',
      status: 'planned',
    });

    const diff = diffPlans(base, after);
    expect(diff.fields).toEqual([
      {
        field: 'objective',
        before: 'Open a one-stop shop for migrant entrepreneurs',
        after: 'Open a one-stop shop with partners',
      },
      {
        field: 'activities',
        before: ['Map services', 'Train staff'],
        after: ['Map services', 'Train staff', 'Evaluate'],
      },
    ]);
    expect(diff.milestones.map((m) => [m.milestoneId, m.change])).toEqual([
      ['m1', 'changed'],
      ['m3', 'added'],
      ['m2', 'removed'],
    ]);
    expect(diff.milestones[0].fields).toEqual([{ field: 'dueDate', before: '2027-03-01', after: '2027-04-01' }]);
    expect(diff.milestones[1].fields).toContainEqual({ field: 'title', before: null, after: 'Opened' });
  });

  it('compares the gaps a milestone addresses, reading a revision recorded before milestones named gaps as none', () => {
    const after = structuredClone(base);
    after.milestones[0].gapQuestionCodes = ['comprehensive-support.q1'];
    after.milestones[1].gapQuestionCodes = [];
    expect(diffPlans(base, after).milestones).toEqual([
      {
        milestoneId: 'm1',
        title: 'Services mapped',
        change: 'changed',
        fields: [{ field: 'gapQuestionCodes', before: [], after: ['comprehensive-support.q1'] }],
      },
    ]);
  });
});

describe('changesSinceApproval', () => {
  it('shows what the mentee changed after the approval, not the statuses the work moved on', () => {
    const now = structuredClone(base);
    now.milestones[0].status = 'done';
    now.milestones[1].status = 'in-progress';
    expect(changesSinceApproval(base, now)).toEqual({ fields: [], milestones: [] });

    now.milestones.push({
      id: 'm3',
      title: 'Desk opens',
      description: '',
      dueDate: '2027-09-01',
      owner: 'Anna',
      status: 'in-progress',
      gapQuestionCodes: ['comprehensive-support.q1'],
    });
    const diff = changesSinceApproval(base, now);
    expect(diff.milestones).toEqual([
      {
        milestoneId: 'm3',
        title: 'Desk opens',
        change: 'added',
        fields: [
          { field: 'title', before: null, after: 'Desk opens' },
          { field: 'description', before: null, after: '' },
          { field: 'dueDate', before: null, after: '2027-09-01' },
          { field: 'owner', before: null, after: 'Anna' },
          { field: 'gapQuestionCodes', before: null, after: ['comprehensive-support.q1'] },
        ],
      },
    ]);
  });
});
