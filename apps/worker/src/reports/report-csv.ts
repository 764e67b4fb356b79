import type { ReportLocale } from '@citymentor/domain';
import type { ReportData } from './report-data';
import { MILESTONES_TABLE } from './report-tables';
import { reportText } from './report-text';

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

/** The CSV's header: the Milestones table's column names in the report's language. */
export const csvHeader = (locale: ReportLocale) => MILESTONES_TABLE.columns.map((c) => c.header[locale]);

/**
 * One row per milestone of every plan a funder reads about (the Milestones table of report-tables.ts, so the
 * column dictionary in docs/funder-report.md describes it), headers, states and yes/no in the report's language,
 * dates `YYYY-MM-DD` so that any spreadsheet reads them as dates. UTF-8 with a BOM, so spreadsheets read
 * accents and Greek right.
 */
export function reportCsv(data: ReportData): string {
  const text = reportText(data.locale);
  const rows = MILESTONES_TABLE.rows(data).map((row) =>
    toCsvLine(MILESTONES_TABLE.columns.map((c) => c.value(row, text))),
  );
  return `\uFEFF${[toCsvLine(csvHeader(data.locale)), ...rows].join('\r\n')}\r\n`;
}
