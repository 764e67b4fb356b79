import { DomainError } from '../shared/domain-error';
import { assertGapsOfPlan, uncoveredGaps } from './milestone.entity';

describe('milestones and the gaps of their plan', () => {
  const planGaps = ['access-to-finance.q1', 'access-to-finance.q2', 'access-to-finance.q4'];

  it('lets a milestone name any of its plan’s gaps, or none', () => {
    expect(() => assertGapsOfPlan([], planGaps)).not.toThrow();
    expect(() => assertGapsOfPlan(['access-to-finance.q4', 'access-to-finance.q1'], planGaps)).not.toThrow();
  });

  it('refuses a gap the plan does not close, naming gapQuestionCodes and the stray question', () => {
    let error: unknown;
    try {
      assertGapsOfPlan(['access-to-finance.q1', 'access-to-finance.q3'], planGaps);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'gapQuestionCodes', message: expect.stringContaining('access-to-finance.q3') }],
    });
    expect((error as DomainError).message).not.toContain('access-to-finance.q1');
  });

  it('marks the gaps no milestone addresses, in the plan’s order', () => {
    expect(uncoveredGaps(planGaps, [])).toEqual(planGaps);
    expect(uncoveredGaps(planGaps, [{ gapQuestionCodes: ['access-to-finance.q2'] }, { gapQuestionCodes: [] }])).toEqual(
      ['access-to-finance.q1', 'access-to-finance.q4'],
    );
    expect(
      uncoveredGaps(planGaps, [
        { gapQuestionCodes: ['access-to-finance.q4', 'access-to-finance.q1'] },
        { gapQuestionCodes: ['access-to-finance.q2'] },
      ]),
    ).toEqual([]);
  });
});
