import { type Pair } from '../mentoring/pair.entity';
import { DomainError } from '../shared/domain-error';
import { ActionPlan } from './action-plan.entity';
import { assertReadyToSubmit, missingForSubmit } from './plan-readiness';

const dated = (owner: string) => ({ dueDate: '2030-06-30', owner });

describe('what a plan needs before it is submitted', () => {
  it.each([
    ['nothing written', { objective: '', milestones: [] }, ['objective', 'milestone']],
    ['an objective of blanks only', { objective: '  \n ', milestones: [dated('Business office')] }, ['objective']],
    ['an objective, no milestone', { objective: 'Open a desk', milestones: [] }, ['milestone']],
    [
      'milestones none of which has an owner',
      { objective: 'Open a desk', milestones: [dated(''), dated('  ')] },
      ['milestone-owner'],
    ],
    [
      'an owned milestone without a due date',
      { objective: 'Open a desk', milestones: [{ dueDate: null, owner: 'Business office' }] },
      ['milestone-owner'],
    ],
    [
      'an objective and one owned, dated milestone among others',
      { objective: 'Open a desk', milestones: [dated(''), dated('Business office')] },
      [],
    ],
  ])('%s: missing %j', (_name, plan, missing) => {
    expect(missingForSubmit(plan)).toEqual(missing);
  });

  it('refuses with 422 PLAN_INCOMPLETE naming the missing parts in words and as a list', () => {
    let error: unknown;
    try {
      assertReadyToSubmit({ objective: '', milestones: [] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'PLAN_INCOMPLETE',
      message:
        'This plan cannot be submitted yet: it needs an objective and at least one milestone with a due date and an owner',
      details: { missing: ['objective', 'milestone'] },
    });
  });
});

describe('ActionPlan: submitting and withdrawing', () => {
  const plan = (objective = 'Open a desk') =>
    new ActionPlan({} as Pair, { title: 'Desk', sectionCodes: ['strategy'], objective }, 'user');

  it('submits a complete plan and counts a revision', () => {
    const p = plan();
    p.submit([dated('Business office')]);
    expect(p).toMatchObject({ state: 'submitted', revisionCount: 1 });
  });

  it('leaves an incomplete plan as it was', () => {
    const p = plan('');
    expect(() => p.submit([dated('Business office')])).toThrow(
      expect.objectContaining({ code: 'PLAN_INCOMPLETE', details: { missing: ['objective'] } }),
    );
    expect(p).toMatchObject({ state: 'draft', revisionCount: 0 });
  });

  it('says a submitted plan cannot be submitted again before saying what it lacks', () => {
    const p = plan();
    p.submit([dated('Business office')]);
    expect(() => p.submit([])).toThrow(expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }));
  });

  it('withdraws a submission back to a draft, keeping the revision count', () => {
    const p = plan();
    p.submit([dated('Business office')]);
    p.withdraw(false);
    expect(p).toMatchObject({ state: 'draft', revisionCount: 1 });
  });

  it('withdraws a resubmission back to "changes requested" when the mentor had reviewed before', () => {
    const p = plan();
    p.submit([dated('Business office')]);
    p.apply('request-changes');
    p.submit([dated('Business office')]);
    p.withdraw(true);
    expect(p).toMatchObject({ state: 'changes-requested', revisionCount: 2 });
  });
});
