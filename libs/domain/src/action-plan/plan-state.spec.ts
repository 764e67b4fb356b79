import { PLAN_ACTIONS, PLAN_STATES, type PlanAction, type PlanState } from '@citymentor/contracts';
import { DomainError } from '../shared/domain-error';
import { acceptsProgress, allowedActions, isEditable, nextState } from './plan-state';

const ALLOWED: [PlanState, PlanAction, PlanState][] = [
  ['draft', 'submit', 'submitted'],
  ['draft', 'archive', 'archived'],
  ['submitted', 'withdraw', 'draft'],
  ['submitted', 'approve', 'approved'],
  ['submitted', 'request-changes', 'changes-requested'],
  ['submitted', 'archive', 'archived'],
  ['changes-requested', 'submit', 'submitted'],
  ['changes-requested', 'archive', 'archived'],
  ['approved', 'start', 'in-progress'],
  ['approved', 'archive', 'archived'],
  ['in-progress', 'complete', 'completed'],
  ['in-progress', 'archive', 'archived'],
  ['completed', 'archive', 'archived'],
];

describe('plan workflow', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
    expect(nextState(from, action)).toBe(to);
  });

  const refused = PLAN_STATES.flatMap((state) =>
    PLAN_ACTIONS.filter((action) => !ALLOWED.some(([s, a]) => s === state && a === action)).map(
      (action) => [state, action] as const,
    ),
  );

  it.each(refused)('refuses %s --%s--> with the allowed actions named', (state, action) => {
    let error: unknown;
    try {
      nextState(state, action);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      details: { state, action, allowed: allowedActions(state) },
    });
  });

  it('covers every state × action exactly once between the two tables', () => {
    expect(ALLOWED.length + refused.length).toBe(PLAN_STATES.length * PLAN_ACTIONS.length);
  });

  it('lets the mentee edit only while drafting or answering a review', () => {
    expect(PLAN_STATES.filter(isEditable)).toEqual(['draft', 'changes-requested']);
    expect(PLAN_STATES.filter(acceptsProgress)).toEqual(['approved', 'in-progress']);
  });

  it('returns a withdrawn submission to a draft, or to "changes requested" when an earlier revision was reviewed', () => {
    expect(nextState('submitted', 'withdraw')).toBe('draft');
    expect(nextState('submitted', 'withdraw', { reviewedBefore: true })).toBe('changes-requested');
  });

  it('withdraws only a submission that waits for review', () => {
    for (const state of PLAN_STATES.filter((s) => s !== 'submitted')) {
      expect(() => nextState(state, 'withdraw', { reviewedBefore: true })).toThrow(
        expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }),
      );
    }
  });
});
