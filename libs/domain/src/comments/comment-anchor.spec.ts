import type { PlanSnapshot } from '../action-plan/plan-diff';
import type { DomainError } from '../shared/domain-error';
import { anchorIn, anchorNow, assertSuggestionFits, suggestedFields } from './comment-anchor';

const snapshot: PlanSnapshot = {
  title: 'Open a one-stop shop',
  objective: 'Fewer steps',
  sectionCodes: ['strategy'],
  gapQuestionCodes: [],
  activities: ['Map the steps', 'Train advisers'],
  indicators: [],
  stakeholders: ['Chamber'],
  budget: 'EUR 12000',
  owner: 'Anna',
  milestones: [
    { id: 'm1', title: 'Shop open', description: 'Doors open', dueDate: '2027-03-01', owner: 'Bo', status: 'planned' },
  ],
};
const plan = { type: 'plan' as const, id: 'p' };

const pathOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    const err = e as DomainError;
    return `${err.code} ${(err.details as { path: string }[] | undefined)?.[0]?.path ?? ''}`.trim();
  }
  return 'OK';
};

describe('anchorIn', () => {
  it('keeps the text a scalar field, a list item or a milestone field had at that revision', () => {
    expect(anchorIn(snapshot, plan, { revision: 2, field: 'budget' })).toEqual({
      revision: 2,
      field: 'budget',
      item: null,
      text: 'EUR 12000',
    });
    expect(anchorIn(snapshot, plan, { revision: 2, field: 'activities', item: 1 }).text).toBe('Train advisers');
    expect(anchorIn(snapshot, { type: 'milestone', id: 'm1' }, { revision: 2, field: 'dueDate' }).text).toBe(
      '2027-03-01',
    );
  });

  it('names what does not fit that revision', () => {
    expect(pathOf(() => anchorIn(null, plan, { revision: 9, field: 'title' }))).toBe(
      'VALIDATION_FAILED anchor.revision',
    );
    expect(pathOf(() => anchorIn(snapshot, plan, { revision: 1, field: 'activities' }))).toBe(
      'VALIDATION_FAILED anchor.item',
    );
    expect(pathOf(() => anchorIn(snapshot, plan, { revision: 1, field: 'activities', item: 2 }))).toBe(
      'VALIDATION_FAILED anchor.item',
    );
    expect(pathOf(() => anchorIn(snapshot, plan, { revision: 1, field: 'title', item: 0 }))).toBe(
      'VALIDATION_FAILED anchor.item',
    );
    expect(pathOf(() => anchorIn(snapshot, plan, { revision: 1, field: 'status' }))).toBe(
      'VALIDATION_FAILED anchor.field',
    );
    expect(pathOf(() => anchorIn(snapshot, { type: 'milestone', id: 'm1' }, { revision: 1, field: 'budget' }))).toBe(
      'VALIDATION_FAILED anchor.field',
    );
    expect(pathOf(() => anchorIn(snapshot, { type: 'milestone', id: 'm2' }, { revision: 1, field: 'title' }))).toBe(
      'VALIDATION_FAILED target.id',
    );
    expect(pathOf(() => anchorIn(snapshot, { type: 'progress', id: 'e' }, { revision: 1, field: 'title' }))).toBe(
      'VALIDATION_FAILED anchor',
    );
  });
});

describe('anchorNow', () => {
  const item = { field: 'activities' as const, item: 1, text: 'Train advisers' };
  it('marks a changed field or a deleted milestone outdated, an unchanged one not', () => {
    const budget = { field: 'budget' as const, item: null, text: 'EUR 12000' };
    expect(anchorNow(budget, 'EUR 12000')).toEqual({ outdated: false, currentItem: null });
    expect(anchorNow(budget, 'EUR 15000')).toEqual({ outdated: true, currentItem: null });
    expect(anchorNow({ field: 'title', item: null, text: 'Shop open' }, null)).toEqual({
      outdated: true,
      currentItem: null,
    });
  });
  it('follows a list item by its text: moved is not outdated, gone is', () => {
    expect(anchorNow(item, ['Map the steps', 'Train advisers'])).toEqual({ outdated: false, currentItem: 1 });
    expect(anchorNow(item, ['New first', 'Map the steps', 'Train advisers'])).toEqual({
      outdated: false,
      currentItem: 2,
    });
    expect(anchorNow(item, ['Map the steps', 'Train 20 advisers'])).toEqual({ outdated: true, currentItem: null });
  });
});

describe('suggestions', () => {
  const now = { ...snapshot };
  it('fit a text field or a list item of the plan, within the field’s length', () => {
    const budget = anchorIn(snapshot, plan, { revision: 1, field: 'budget' });
    expect(pathOf(() => assertSuggestionFits('plan', budget, 'EUR 15000'))).toBe('OK');
    expect(pathOf(() => assertSuggestionFits('plan', null, 'x'))).toBe('VALIDATION_FAILED suggestion');
    const due = anchorIn(snapshot, { type: 'milestone', id: 'm1' }, { revision: 1, field: 'dueDate' });
    expect(pathOf(() => assertSuggestionFits('milestone', due, 'x'))).toBe('VALIDATION_FAILED suggestion');
    const title = anchorIn(snapshot, plan, { revision: 1, field: 'title' });
    expect(pathOf(() => assertSuggestionFits('plan', title, 'x'.repeat(201)))).toBe('VALIDATION_FAILED suggestion');
  });
  it('replace the anchored text, or are refused naming the text found now', () => {
    const budget = anchorIn(snapshot, plan, { revision: 1, field: 'budget' });
    expect(suggestedFields(now, budget, 'EUR 15000')).toEqual({ budget: 'EUR 15000' });
    const moved = { ...now, activities: ['First', 'Map the steps', 'Train advisers'] };
    const item = anchorIn(snapshot, plan, { revision: 1, field: 'activities', item: 1 });
    expect(suggestedFields(moved, item, 'Train 20 advisers')).toEqual({
      activities: ['First', 'Map the steps', 'Train 20 advisers'],
    });
    try {
      suggestedFields({ ...now, budget: 'EUR 9000' }, budget, 'EUR 15000');
      throw new Error('accepted');
    } catch (e) {
      expect((e as DomainError).code).toBe('CONFLICT');
      expect((e as DomainError).details).toMatchObject({ currentText: 'EUR 9000', anchoredText: 'EUR 12000' });
    }
  });
});
