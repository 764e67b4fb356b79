import { createWriteStream } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ReportData } from './report-data';

/** DejaVu Sans covers Latin, Greek and Cyrillic; it is embedded (subset) in the PDF, so «Λευκωσία» and "Liège" print right anywhere. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const MARGIN = 50;
const BASELINE_COLOUR = '#9aa5b1';
const FOLLOW_UP_COLOUR = '#1f6feb';

/**
 * The funder report: cover, per-pair summary, section scores baseline vs follow-up (a bar chart
 * drawn with pdfkit), late milestones, consortium milestones. Resolves when the file is written.
 */
export function writeReportPdf(
  data: ReportData,
  file: string,
  onSection?: (percent: number) => Promise<void> | void,
): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${data.programme.name} — report`, Author: 'CityMentor' },
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

  const width = doc.page.width - 2 * MARGIN;
  const heading = (text: string) => {
    doc
      .moveDown(1)
      .font('bold')
      .fontSize(15)
      .fillColor('black')
      .text(text, MARGIN)
      .moveDown(0.4)
      .font('body')
      .fontSize(10);
  };
  const ensure = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  };

  // Cover
  doc.font('bold').fontSize(24).text(data.programme.name, MARGIN, 200, { width });
  doc.moveDown(0.5).font('body').fontSize(12).text(`Coordinated by ${data.programme.coordinator}`);
  doc.text(`Programme period: ${data.programme.startDate} – ${data.programme.endDate}`);
  doc.text(`Report as of ${data.today}`);
  const late = data.milestones.filter((m) => m.late);
  doc
    .moveDown()
    .text(`${data.pairs.length} mentoring pairs · ${data.milestones.length} milestones · ${late.length} late`);
  doc.addPage();

  // Per-pair summary
  heading('Mentoring pairs');
  for (const p of data.pairs) {
    const ms = data.milestones.filter((m) => m.pairId === p.pairId);
    const plans = new Set(ms.map((m) => m.planTitle));
    ensure(40);
    doc.font('bold').text(`${p.mentorName} → ${p.menteeName}`);
    doc
      .font('body')
      .text(
        `Benchmark ${p.benchmarkCode} · ${p.status} · ${plans.size} plan(s) · ${ms.length} milestones: ${ms.filter((m) => m.status === 'done').length} done, ` +
          `${ms.filter((m) => m.status === 'in-progress').length} in progress, ${ms.filter((m) => m.status === 'blocked').length} blocked, ${ms.filter((m) => m.late).length} late`,
      );
    doc.moveDown(0.4);
  }
  Promise.resolve(onSection?.(50)).catch(() => undefined);

  // Scores: baseline vs follow-up per section, as horizontal bars
  heading('Self-assessment scores: baseline vs follow-up');
  doc
    .rect(MARGIN, doc.y, 10, 8)
    .fill(BASELINE_COLOUR)
    .fillColor('black')
    .text('baseline', MARGIN + 14, doc.y - 1);
  doc
    .rect(MARGIN + 80, doc.y - 11, 10, 8)
    .fill(FOLLOW_UP_COLOUR)
    .fillColor('black')
    .text('follow-up', MARGIN + 94, doc.y - 12);
  doc.moveDown(0.5);
  if (data.scores.length === 0) doc.text('No self-assessments yet.');
  const labelWidth = 190;
  const barMax = width - labelWidth - 40;
  for (const org of data.scores) {
    ensure(40);
    doc.font('bold').text(`${org.organisationName} (${org.benchmarkCode})`, MARGIN).font('body').fontSize(8);
    for (const s of org.sections) {
      ensure(24);
      const y = doc.y;
      doc.fillColor('black').text(s.title, MARGIN, y, { width: labelWidth - 10, height: 20, ellipsis: true });
      const x = MARGIN + labelWidth;
      const bar = (value: number | null, dy: number, colour: string) => {
        const w = value === null ? 0 : (barMax * value) / 100;
        if (w > 0) doc.rect(x, y + dy, w, 7).fill(colour);
        doc.fillColor('black').text(value === null ? '–' : `${value}`, x + w + 4, y + dy - 1, { lineBreak: false });
      };
      bar(s.baseline, 0, BASELINE_COLOUR);
      bar(s.followUp, 9, FOLLOW_UP_COLOUR);
      doc.x = MARGIN;
      doc.y = y + 22;
    }
    doc.fontSize(10).moveDown(0.5);
  }
  Promise.resolve(onSection?.(75)).catch(() => undefined);

  // Late milestones
  heading(`Late milestones (${late.length})`);
  if (late.length === 0) doc.text('None.');
  for (const m of late) {
    ensure(30);
    doc.font('bold').text(`${m.milestoneTitle}`, MARGIN).font('body');
    doc.text(
      `${m.mentorName} → ${m.menteeName} · “${m.planTitle}” · due ${m.dueDate}, ${m.daysLate} days late · ${m.status}${m.owner ? ` · owner ${m.owner}` : ''}`,
    );
    doc.moveDown(0.3);
  }

  // Consortium milestones
  heading('Consortium milestones');
  if (data.consortiumMilestones.length === 0) doc.text('None.');
  for (const c of data.consortiumMilestones) {
    ensure(16);
    doc.text(`${c.dueDate} · ${c.title} · ${c.status}${c.late ? ' · LATE' : ''}`, MARGIN);
  }

  doc.end();
  return done;
}
