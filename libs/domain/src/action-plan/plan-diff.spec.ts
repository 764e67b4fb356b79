import { changesSinceApproval, DIFF_FIELD_KEY, diffFieldKeys, diffPlans, type PlanSnapshot } from './plan-diff';

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
    expect(diff.fields.map((f) => [f.field, f.kind, f.before, f.after])).toEqual([
      ['objective', 'text', 'Open a one-stop shop for migrant entrepreneurs', 'Open a one-stop shop with partners'],
      ['activities', 'list', ['Map services', 'Train staff'], ['Map services', 'Train staff', 'Evaluate']],
    ]);
    expect(diff.milestones.map((m) => [m.milestoneId, m.change])).toEqual([
      ['m1', 'changed'],
      ['m3', 'added'],
      ['m2', 'removed'],
    ]);
    expect(diff.milestones[0].fields).toEqual([
      { field: 'dueDate', kind: 'value', before: '2027-03-01', after: '2027-04-01', words: [], items: [] },
    ]);
    expect(diff.milestones[1].fields).toContainEqual({
      field: 'title',
      kind: 'text',
      before: null,
      after: 'Opened',
      words: [{ op: 'added', text: 'Opened' }],
      items: [],
    });
  });

  it('gives the words deleted and inserted in a changed text field', () => {
    const after = structuredClone(base);
    after.objective = 'Open a one-stop shop for all entrepreneurs';
    expect(diffPlans(base, after).fields).toEqual([
      {
        field: 'objective',
        kind: 'text',
        before: base.objective,
        after: after.objective,
        words: [
          { op: 'same', text: 'Open a one-stop shop for ' },
          { op: 'removed', text: 'migrant' },
          { op: 'added', text: 'all' },
          { op: 'same', text: ' entrepreneurs' },
        ],
        items: [],
      },
    ]);
  });

  it('diffs list fields item by item: added, removed, changed, moved and the same', () => {
    const before = structuredClone(base);
    before.activities = ['Map services', 'Train 12 advisers', 'Hold a fair', 'Evaluate'];
    before.sectionCodes = ['a', 'b'];
    const after = structuredClone(before);
    after.activities = ['Evaluate', 'Map services', 'Train 15 advisers', 'Publish results'];
    after.sectionCodes = ['b', 'c'];
    const [sections, activities] = diffPlans(before, after).fields;
    expect(activities.field).toBe('activities');
    expect(activities.items.map((i) => [i.change, i.beforeIndex, i.afterIndex])).toEqual([
      ['moved', 3, 0],
      ['same', 0, 1],
      ['changed', 1, 2],
      ['removed', 2, null],
      ['added', null, 3],
    ]);
    expect(activities.items[2].words.filter((w) => w.op !== 'same')).toEqual([
      { op: 'removed', text: '12' },
      { op: 'added', text: '15' },
    ]);
    expect(sections.items.map((i) => [i.change, i.before ?? i.after])).toEqual([
      ['removed', 'a'],
      ['same', 'b'],
      ['added', 'c'],
    ]);
  });

  it('diffs a changed milestone field by field: its words, its gaps item by item, its date as a value', () => {
    const after = structuredClone(base);
    after.milestones[0].title = 'Services mapped and shared';
    after.milestones[0].status = 'done';
    after.milestones[0].gapQuestionCodes = ['comprehensive-support.q1'];
    const [m1] = diffPlans(base, after).milestones;
    expect(m1.fields.map((f) => [f.field, f.kind])).toEqual([
      ['title', 'text'],
      ['status', 'value'],
      ['gapQuestionCodes', 'list'],
    ]);
    expect(m1.fields[0].words).toEqual([
      { op: 'same', text: 'Services mapped' },
      { op: 'added', text: ' and shared' },
    ]);
    expect(m1.fields[1]).toMatchObject({ before: 'planned', after: 'done', words: [], items: [] });
    expect(m1.fields[2].items).toEqual([
      {
        change: 'added',
        before: null,
        after: 'comprehensive-support.q1',
        beforeIndex: null,
        afterIndex: 0,
        words: [{ op: 'added', text: 'comprehensive-support.q1' }],
      },
    ]);
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
        fields: [
          expect.objectContaining({ field: 'gapQuestionCodes', before: [], after: ['comprehensive-support.q1'] }),
        ],
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
          expect.objectContaining({ field: 'title', before: null, after: 'Desk opens' }),
          expect.objectContaining({ field: 'description', before: null, after: '' }),
          expect.objectContaining({ field: 'dueDate', before: null, after: '2027-09-01' }),
          expect.objectContaining({ field: 'owner', before: null, after: 'Anna' }),
          expect.objectContaining({ field: 'gapQuestionCodes', before: null, after: ['comprehensive-support.q1'] }),
        ],
      },
    ]);
  });
});

describe('diff field keys', () => {
  it('names a changed plan field and a changed milestone, and accepts only such names', () => {
    const after = structuredClone(base);
    after.objective = 'Another objective';
    after.milestones[0].owner = 'Bo';
    expect(diffFieldKeys(diffPlans(base, after))).toEqual(['field:objective', 'milestone:m1']);
    expect(DIFF_FIELD_KEY.test('field:objective')).toBe(true);
    expect(DIFF_FIELD_KEY.test('milestone:6f1c2a8e-0b7d-4b8e-9a51-3c0f1f7c2d11')).toBe(true);
    for (const bad of ['field:version', 'field:', 'milestone:m1', 'objective', 'field:objective ', 'x'.repeat(300)])
      expect(DIFF_FIELD_KEY.test(bad)).toBe(false);
  });
});
