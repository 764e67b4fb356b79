import { createWriteStream } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ReportData } from './report-data';
import { reportText, type ReportText } from './report-text';

/** DejaVu Sans covers Latin, Greek and Cyrillic; it is embedded (subset) in the PDF, so «Λευκωσία» and "Liège" print right anywhere. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const MARGIN = 50;
const BASELINE_COLOUR = '#9aa5b1';
const FOLLOW_UP_COLOUR = '#1f6feb';
const RULE_COLOUR = '#d0d7de';
const HEADER_FILL = '#eef1f4';
const MUTED = '#57606a';

type Doc = PDFKit.PDFDocument;

/** A table column: its header, its share of the page's width, and how its cells align. */
interface TableColumn {
  header: string;
  share: number;
  align?: 'left' | 'right';
}

const CELL_PAD = 3;

/**
 * A table that breaks across pages, its header row repeated on each: header cells bold on a grey band, a thin
 * rule under each row, every cell wrapped to its column.
 */
function table(doc: Doc, columns: TableColumn[], rows: string[][]) {
  const width = doc.page.width - 2 * MARGIN;
  const total = columns.reduce((sum, c) => sum + c.share, 0);
  const widths = columns.map((c) => (width * c.share) / total);
  const bottom = () => doc.page.height - MARGIN - 20;
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(8.5);
    return (
      Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 2 * CELL_PAD }))) +
      2 * CELL_PAD
    );
  };
  const draw = (cells: string[], font: string, y: number, height: number) => {
    let x = MARGIN;
    doc.font(font).fontSize(8.5).fillColor('black');
    cells.forEach((cell, i) => {
      doc.text(cell, x + CELL_PAD, y + CELL_PAD, {
        width: widths[i] - 2 * CELL_PAD,
        align: columns[i].align ?? 'left',
      });
      x += widths[i];
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .lineWidth(0.5)
      .strokeColor(RULE_COLOUR)
      .stroke();
  };
  const header = () => {
    const headers = columns.map((c) => c.header);
    const height = heightOf(headers, 'bold');
    const y = doc.y;
    doc.rect(MARGIN, y, width, height).fill(HEADER_FILL);
    draw(headers, 'bold', y, height);
    doc.y = y + height;
  };
  const headerHeight = heightOf(
    columns.map((c) => c.header),
    'bold',
  );
  if (doc.y + headerHeight + (rows[0] ? heightOf(rows[0], 'body') : 0) > bottom()) doc.addPage();
  header();
  for (const row of rows) {
    const height = heightOf(row, 'body');
    if (doc.y + height > bottom()) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    draw(row, 'body', y, height);
    doc.y = y + height;
  }
  doc.x = MARGIN;
  doc.font('body').fontSize(10).fillColor('black').moveDown(0.6);
}

const score = (text: ReportText, value: number | null) => (value === null ? '–' : text.number(value));
const points = (text: ReportText, value: number | null) =>
  value === null ? '–' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${text.number(Math.abs(value))}`;

/** The cover: programme, coordinator, period and day of the report in words, and the key figures. */
function cover(doc: Doc, data: ReportData, text: ReportText) {
  const width = doc.page.width - 2 * MARGIN;
  const ms = data.milestones;
  doc.font('body').fontSize(12).fillColor(MUTED).text(text.t('report'), MARGIN, 150, { width });
  doc.moveDown(0.3).font('bold').fontSize(26).fillColor('black').text(data.programme.name, { width });
  doc.moveDown(0.6).font('body').fontSize(12);
  doc.text(text.t('coordinatedBy', { name: data.programme.coordinator }));
  doc.text(text.t('period', { from: text.date(data.programme.startDate), to: text.date(data.programme.endDate) }));
  doc.text(text.t('asOf', { date: text.date(data.today) }));
  doc.moveDown(2).font('bold').fontSize(14).text(text.t('keyFigures'));
  const top = doc.y + 6;
  doc
    .moveTo(MARGIN, top - 3)
    .lineTo(MARGIN + width, top - 3)
    .lineWidth(1)
    .strokeColor(FOLLOW_UP_COLOUR)
    .stroke();
  doc.y = top;
  doc.font('body').fontSize(12).fillColor('black');
  const figures = [
    text.plural('pairs', data.pairs.length),
    [
      text.plural('plans', data.plans.length),
      data.planStates.map((s) => text.t('stateCount', { state: text.planState(s.state), count: s.count })).join(' · '),
    ]
      .filter(Boolean)
      .join(' — '),
    [
      text.plural('milestones', ms.length),
      [
        text.plural('done', ms.filter((m) => m.status === 'done').length),
        text.plural('inProgress', ms.filter((m) => m.status === 'in-progress').length),
        text.plural('late', data.lateMilestones.length),
      ].join(' · '),
    ].join(' — '),
    text.plural('citiesAssessed', new Set(data.scores.map((s) => s.organisationName)).size),
  ];
  for (const line of figures) doc.text(line, MARGIN, doc.y, { width }).moveDown(0.3);
}

/** Baseline against follow-up, a pair of horizontal bars per section (vectors). */
function scoreChart(doc: Doc, org: ReportData['scores'][number], text: ReportText) {
  const width = doc.page.width - 2 * MARGIN;
  const labelWidth = 190;
  const barMax = width - labelWidth - 40;
  doc.fontSize(8);
  for (const s of org.sections) {
    if (doc.y + 24 > doc.page.height - MARGIN - 20) doc.addPage();
    const y = doc.y;
    doc.fillColor('black').text(s.title, MARGIN, y, { width: labelWidth - 10, height: 20, ellipsis: true });
    const x = MARGIN + labelWidth;
    const bar = (value: number | null, dy: number, colour: string) => {
      const w = value === null ? 0 : (barMax * value) / 100;
      if (w > 0) doc.rect(x, y + dy, w, 7).fill(colour);
      doc.fillColor('black').text(score(text, value), x + w + 4, y + dy - 1, { lineBreak: false });
    };
    bar(s.baseline, 0, BASELINE_COLOUR);
    bar(s.followUp, 9, FOLLOW_UP_COLOUR);
    doc.x = MARGIN;
    doc.y = y + 22;
  }
  doc.fontSize(10);
}

/**
 * The funder report: a cover with the key figures; the pairs and their plans; section scores baseline against
 * follow-up (bar charts drawn as vectors, and a table with the change); the late milestones, most late first;
 * the progress reported with its evidence; the consortium's milestones. Every page numbered. Words, dates and
 * numbers in the report's language. Resolves when the file is written.
 */
export function writeReportPdf(
  data: ReportData,
  file: string,
  onSection?: (percent: number) => Promise<void> | void,
): Promise<void> {
  const text = reportText(data.locale);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: data.locale,
    info: { Title: `${data.programme.name} — ${text.t('report')}`, Author: 'CityMentor' },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const out = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);

  const heading = (title: string) => {
    if (doc.y + 80 > doc.page.height - MARGIN) doc.addPage();
    doc
      .moveDown(0.8)
      .font('bold')
      .fontSize(15)
      .fillColor('black')
      .text(title, MARGIN)
      .moveDown(0.4)
      .font('body')
      .fontSize(10);
  };
  const none = () => doc.font('body').fontSize(10).text(text.t('none'), MARGIN).moveDown(0.5);
  const progress = (percent: number) => Promise.resolve(onSection?.(percent)).catch(() => undefined);

  cover(doc, data, text);
  doc.addPage();

  // Pairs and their plans
  heading(text.t('pairsHeading'));
  if (data.pairs.length === 0) none();
  else
    table(
      doc,
      [
        { header: text.t('colMentor'), share: 1.9 },
        { header: text.t('colMentee'), share: 1.9 },
        { header: text.t('colBenchmark'), share: 1.6 },
        { header: text.t('colPlans'), share: 1.8 },
        { header: text.t('colFigures'), share: 2.3 },
      ],
      data.pairs.map((p) => {
        const plans = data.plans.filter((x) => x.pairId === p.pairId);
        const ms = data.milestones.filter((m) => m.pairId === p.pairId);
        return [
          // Each name in a cell of its own, so a long pair of names never breaks one of them.
          p.mentorName,
          p.menteeName,
          text.t('pairLine', { benchmark: p.benchmarkTitle, status: text.pairStatus(p.status) }),
          plans.map((x) => `${x.title} (${text.planState(x.state)})`).join('\n') || '–',
          [
            `${text.plural('plans', plans.length)} · ${text.plural('milestones', ms.length)}`,
            `${text.plural('done', ms.filter((m) => m.status === 'done').length)} · ${text.plural('inProgress', ms.filter((m) => m.status === 'in-progress').length)} · ${text.plural('late', ms.filter((m) => m.late).length)}`,
          ].join('\n'),
        ];
      }),
    );
  await0(progress(50));

  // Scores
  heading(text.t('scoresHeading'));
  doc.fontSize(9).fillColor(MUTED).text(text.t('scoresNote'), MARGIN).fillColor('black').moveDown(0.5);
  const legendY = doc.y;
  doc.rect(MARGIN, legendY + 1, 10, 8).fill(BASELINE_COLOUR);
  doc.fillColor('black').text(text.t('baseline'), MARGIN + 14, legendY, { lineBreak: false });
  doc.rect(MARGIN + 100, legendY + 1, 10, 8).fill(FOLLOW_UP_COLOUR);
  doc.fillColor('black').text(text.t('followUp'), MARGIN + 114, legendY, { lineBreak: false });
  doc.x = MARGIN;
  doc.y = legendY + 16;
  doc.fontSize(10);
  if (data.scores.length === 0) doc.text(text.t('noScores'), MARGIN).moveDown(0.5);
  for (const org of data.scores) {
    if (doc.y + 60 > doc.page.height - MARGIN) doc.addPage();
    doc.font('bold').text(`${org.organisationName} — ${org.benchmarkTitle}`, MARGIN).font('body').moveDown(0.3);
    scoreChart(doc, org, text);
    table(
      doc,
      [
        { header: text.t('colSection'), share: 6 },
        { header: text.t('baseline'), share: 1.2, align: 'right' },
        { header: text.t('followUp'), share: 1.2, align: 'right' },
        { header: text.t('change'), share: 1.2, align: 'right' },
      ],
      org.sections.map((s) => [s.title, score(text, s.baseline), score(text, s.followUp), points(text, s.change)]),
    );
  }
  await0(progress(75));

  // Late milestones, most late first
  heading(text.t('lateHeading', { count: data.lateMilestones.length }));
  if (data.lateMilestones.length === 0) none();
  else
    table(
      doc,
      [
        { header: text.t('colMilestone'), share: 3 },
        { header: text.t('colPairPlan'), share: 3 },
        { header: text.t('colDue'), share: 2.2 },
        { header: text.t('colStatus'), share: 1.6 },
      ],
      data.lateMilestones.map((m) => [
        `${m.milestoneTitle}${m.owner ? `\n${m.owner}` : ''}`,
        `${text.t('arrow', { mentor: m.mentorName, mentee: m.menteeName })}\n“${m.planTitle}”`,
        `${text.date(m.dueDate)}\n${text.plural('daysLate', m.daysLate)}`,
        text.workStatus(m.status),
      ]),
    );

  // Progress reported, with its evidence
  heading(text.t('progressHeading'));
  if (data.progress.length === 0) none();
  else
    table(
      doc,
      [
        { header: text.t('colMilestone'), share: 3 },
        { header: text.t('colReported'), share: 1.8 },
        { header: text.t('colNarrative'), share: 5 },
      ],
      data.progress.map((p) => [
        `${p.milestoneTitle}\n${text.t('arrow', { mentor: p.mentorName, mentee: p.menteeName })}`,
        `${text.date(p.date)}\n${text.percent(p.percent)} · ${text.workStatus(p.status)}`,
        [p.note, ...p.evidenceUrls].filter(Boolean).join('\n'),
      ]),
    );

  // Consortium milestones
  heading(text.t('consortiumHeading'));
  if (data.consortiumMilestones.length === 0) none();
  else
    table(
      doc,
      [
        { header: text.t('colMilestone'), share: 5 },
        { header: text.t('colDue'), share: 2 },
        { header: text.t('colStatus'), share: 2.4 },
      ],
      data.consortiumMilestones.map((c) => [
        c.title,
        text.date(c.dueDate),
        c.late ? `${text.workStatus(c.status)} · ${text.plural('daysLate', c.daysLate)}` : text.workStatus(c.status),
      ]),
    );

  // Page numbers, once every page is there
  const pages = doc.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `${data.programme.name} · ${text.t('page', { page: i + 1, pages: pages.count })}`,
        MARGIN,
        doc.page.height - 35,
        { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
      );
  }

  doc.end();
  return done;
}

/** Progress is reported without waiting: a late one never blocks the drawing (see ReportsService.progress). */
const await0 = (promise: Promise<unknown>) => void promise;
