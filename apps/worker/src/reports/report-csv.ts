import type { ReportData } from './report-data';

/** What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`, tab, CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; lines end in CRLF.
 * Text that a spreadsheet would run as a formula (a plan titled `=HYPERLINK(…)`) is kept as text: it is
 * prefixed with a single quote and quoted, as OWASP advises, so the cell shows `'=HYPERLINK(…)` and every
 * character typed is still there. Only text is neutralised: numbers are ours (never negative here).
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && FORMULA_START.test(value)) return quoted(`'${value}`);
  const s = String(value);
  return /[",\r\n]/.test(s) ? quoted(s) : s;
}

export const toCsvLine = (fields: (string | number | boolean | null | undefined)[]) => fields.map(csvField).join(',');

export const CSV_HEADER = [
  'pair',
  'mentor city',
  'mentee city',
  'benchmark',
  'sections',
  'plan',
  'plan state',
  'milestone',
  'owner',
  'due date',
  'status',
  'late',
  'days late',
  'latest progress %',
  'latest progress note',
  'latest progress date',
];

/** One row per milestone of every live plan of the programme (UTF-8 with a BOM, so spreadsheets read accents and Greek right). */
export function reportCsv(data: ReportData): string {
  const rows = data.milestones.map((m) =>
    toCsvLine([
      `${m.mentorName} → ${m.menteeName}`,
      m.mentorName,
      m.menteeName,
      m.benchmarkCode,
      m.sectionCodes.join('; '),
      m.planTitle,
      m.planState,
      m.milestoneTitle,
      m.owner,
      m.dueDate,
      m.status,
      m.late ? 'yes' : 'no',
      m.late ? m.daysLate : '',
      m.progressPercent,
      m.progressNote,
      m.progressAt,
    ]),
  );
  return `\uFEFF${[toCsvLine(CSV_HEADER), ...rows].join('\r\n')}\r\n`;
}
