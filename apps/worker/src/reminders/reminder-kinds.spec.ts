import { reminderKinds } from './reminders.service';

describe('reminderKinds', () => {
  const N = 7;
  const M = 14;
  const at = (daysLate: number) => reminderKinds({ daysLate, daysBefore: N, escalateAfter: M });

  it('reminds from N days before the due date to the day itself', () => {
    expect(at(-8)).toEqual([]);
    expect(at(-7)).toEqual(['due-soon']);
    expect(at(0)).toEqual(['due-soon']);
  });

  it('calls a milestone overdue the day after, and escalates it once more than M days late', () => {
    expect(at(1)).toEqual(['overdue']);
    expect(at(14)).toEqual(['overdue']);
    expect(at(15)).toEqual(['overdue', 'escalation']);
  });
});
