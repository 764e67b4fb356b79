/// <reference types="jest" />
import { bucket, columnsFor, monthsBetween, todayIn, type Mark, type Row } from './timeline-grid';

const mark = (title: string, dueDate: string): Mark => ({
  id: title,
  title,
  dueDate,
  status: 'planned',
  late: false,
  daysLate: 0,
  where: 'Consortium',
});
const row = (...marks: Mark[]): Row => ({ key: 'r', label: 'R', marks });

describe('the timeline grid', () => {
  it('lists every month of the span, across a new year', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('adds a before and an after column only for milestones outside the span', () => {
    expect(columnsFor('2027-01-15', '2027-02-10', [row(mark('a', '2027-01-20'))])).toEqual([
      { kind: 'month', month: '2027-01' },
      { kind: 'month', month: '2027-02' },
    ]);
    const columns = columnsFor('2027-01-15', '2027-02-10', [row(mark('a', '2026-03-01'), mark('b', '2099-01-01'))]);
    expect(columns.map((c) => c.kind)).toEqual(['before', 'month', 'month', 'after']);
  });

  it('stacks a month’s milestones in one cell by due date, outliers at the edges', () => {
    const columns = columnsFor('2027-01-01', '2027-02-28', [row(mark('x', '2026-01-01'), mark('y', '2030-01-01'))]);
    const cells = bucket(columns, [
      mark('late', '2027-01-30'),
      mark('early', '2027-01-02'),
      mark('old', '2026-01-01'),
      mark('far', '2030-01-01'),
    ]);
    expect(cells.map((c) => c.map((m) => m.title))).toEqual([['old'], ['early', 'late'], [], ['far']]);
  });

  it('places today in its month, or before or after the months', () => {
    const columns = columnsFor('2027-01-01', '2027-03-31', []);
    expect(todayIn(columns, '2027-02-14')).toEqual({ at: 'column', index: 1, fraction: 13.5 / 28 });
    expect(todayIn(columns, '2026-12-31')).toEqual({ at: 'before' });
    expect(todayIn(columns, '2027-04-01')).toEqual({ at: 'after' });
  });
});
