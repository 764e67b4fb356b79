import type { ReportData } from './report-data';

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; lines end in CRLF. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
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
