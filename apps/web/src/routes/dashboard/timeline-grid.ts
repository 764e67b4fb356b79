/**
 * The timeline's layout, without the DOM: the month columns over the programme's span (with a
 * "before" and an "after" column when milestones fall outside it), each row's milestones bucketed
 * into them, and where today falls.
 */
import type { WorkStatus } from '@citymentor/contracts';

export interface Mark {
  id: string;
  title: string;
  dueDate: string;
  status: WorkStatus;
  late: boolean;
  daysLate: number;
  href?: string;
  /** Who and what it belongs to, in words: "Vienna → Lyon, Labour market". */
  where: string;
}

export interface Row {
  key: string;
  label: string;
  marks: Mark[];
}

/** A month `YYYY-MM`, or the edges: everything before the first month, everything after the last. */
export type Column = { kind: 'month'; month: string } | { kind: 'before' | 'after'; month: string };

export const monthOf = (date: string) => date.slice(0, 7);

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last`, both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last && months.length < 600; m = nextMonth(m)) months.push(m);
  return months;
}

/** The columns: the programme's months, with a "before"/"after" column only when a milestone needs it. */
export function columnsFor(startDate: string, endDate: string, rows: Row[]): Column[] {
  const first = monthOf(startDate);
  const last = monthOf(endDate);
  const dues = rows.flatMap((r) => r.marks.map((m) => monthOf(m.dueDate)));
  const columns: Column[] = monthsBetween(first, last).map((month) => ({ kind: 'month', month }));
  if (dues.some((d) => d < first)) columns.unshift({ kind: 'before', month: first });
  if (dues.some((d) => d > last)) columns.push({ kind: 'after', month: last });
  return columns;
}

/** The index of the column a date falls in. */
export function columnOf(columns: Column[], date: string): number {
  const month = monthOf(date);
  const index = columns.findIndex((c) => c.kind === 'month' && c.month === month);
  if (index >= 0) return index;
  return columns[0]?.kind === 'before' && month < columns[0].month ? 0 : columns.length - 1;
}

/** A row's milestones per column, by due date then title. */
export function bucket(columns: Column[], marks: Mark[]): Mark[][] {
  const cells = columns.map((): Mark[] => []);
  const sorted = [...marks].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
  for (const mark of sorted) cells[columnOf(columns, mark.dueDate)]?.push(mark);
  return cells;
}

/** Where today is: in a month column (and how far through that month, 0–1), or before/after them all. */
export function todayIn(
  columns: Column[],
  today: string,
): { at: 'column'; index: number; fraction: number } | { at: 'before' | 'after' } {
  const month = monthOf(today);
  const index = columns.findIndex((c) => c.kind === 'month' && c.month === month);
  if (index < 0) {
    const firstMonth = columns.find((c) => c.kind === 'month')?.month ?? month;
    return { at: month < firstMonth ? 'before' : 'after' };
  }
  const [y, m, d] = today.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { at: 'column', index, fraction: (d - 0.5) / days };
}
