import ExcelJS from 'exceljs';
import type { ReportLocale } from '@citymentor/domain';
import type { ReportData } from './report-data';
import { COLUMN_TYPES, TABLES, type Cell, type ColumnType } from './report-tables';
import { reportText, type ReportText } from './report-text';

/** How a date cell shows: 15 Jan 2026 in English, 15/01/2026 in French. */
const DATE_FORMATS: Record<ReportLocale, string> = { en: 'd mmm yyyy', fr: 'dd/mm/yyyy' };
const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = { count: '0', score: '0.0', points: '+0.0;-0.0;0' };

/** A `YYYY-MM-DD` day as the spreadsheet's date of that day (midnight UTC, which Excel stores as the day itself). */
const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

const cellValue = (value: Cell, type: ColumnType): ExcelJS.CellValue => {
  if (value === null || value === '') return null;
  if (type === 'date' && typeof value === 'string') return asDate(value);
  return value;
};

/** A sheet with a bold, frozen header row (and a filter on it, so a funder can sort and filter at once). */
function sheet(workbook: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[]) {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'top', wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

function summaryRows(data: ReportData, text: ReportText): [string, ExcelJS.CellValue][] {
  const ms = data.milestones;
  return [
    [text.t('programme'), data.programme.name],
    [text.t('coordinator'), data.programme.coordinator],
    [text.t('periodStart'), asDate(data.programme.startDate)],
    [text.t('periodEnd'), asDate(data.programme.endDate)],
    [text.t('reportDate'), asDate(data.today)],
    [text.t('pairCount'), data.pairs.length],
    [text.t('planCount'), data.plans.length],
    ...data.planStates.map((s): [string, number] => [
      text.t('plansInState', { state: text.planState(s.state) }),
      s.count,
    ]),
    [text.t('milestoneCount'), ms.length],
    [text.t('milestonesDone'), ms.filter((m) => m.status === 'done').length],
    [text.t('milestonesInProgress'), ms.filter((m) => m.status === 'in-progress').length],
    [text.t('milestonesLate'), data.lateMilestones.length],
    [text.t('citiesAssessedCount'), new Set(data.scores.map((s) => s.organisationName)).size],
    [text.t('consortiumCount'), data.consortiumMilestones.length],
  ];
}

/**
 * The funder report as a workbook: Summary, then a sheet per table of report-tables.ts (Scores, Plans,
 * Milestones, Progress, Consortium milestones), then Columns, the dictionary. Names, headers and words in the
 * report's language; dates are dates and numbers numbers. Text is stored as text: a title starting with `=` is
 * never a formula in a workbook (exceljs writes formulas only when asked to).
 */
export async function writeReportXlsx(data: ReportData, file: string): Promise<void> {
  const { locale } = data;
  const text = reportText(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CityMentor';
  workbook.title = `${data.programme.name} — ${text.t('report')}`;

  const summary = sheet(workbook, text.t('summarySheet'), [
    { header: text.t('item'), width: 42 },
    { header: text.t('value'), width: 50 },
  ]);
  for (const row of summaryRows(data, text)) summary.addRow(row);
  summary.getColumn(2).alignment = { horizontal: 'left' };
  for (const row of [4, 5, 6]) summary.getCell(row, 2).numFmt = DATE_FORMATS[locale];

  for (const table of TABLES) {
    const ws = sheet(
      workbook,
      table.sheet[locale],
      table.columns.map((c) => ({ header: c.header[locale], width: c.width })),
    );
    table.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      if (c.type === 'date') column.numFmt = DATE_FORMATS[locale];
      else if (NUMBER_FORMATS[c.type]) column.numFmt = NUMBER_FORMATS[c.type]!;
      if (c.type === 'text' || c.type === 'links') column.alignment = { vertical: 'top', wrapText: true };
    });
    for (const row of table.rows(data)) ws.addRow(table.columns.map((c) => cellValue(c.value(row, text), c.type)));
  }

  const columns = sheet(workbook, text.t('columnsSheet'), [
    { header: text.t('sheet'), width: 24 },
    { header: text.t('column'), width: 28 },
    { header: text.t('meaning'), width: 80 },
    { header: text.t('type'), width: 40 },
  ]);
  columns.getColumn(3).alignment = { vertical: 'top', wrapText: true };
  for (const table of TABLES)
    for (const c of table.columns)
      columns.addRow([table.sheet[locale], c.header[locale], c.meaning[locale], COLUMN_TYPES[c.type][locale]]);

  await workbook.xlsx.writeFile(file);
}
