import type { EntityManager } from '@mikro-orm/postgresql';
import { strToU8, zipSync } from 'fflate';
import { ASSESSMENT_PHASES, PLAN_STATES, WORK_STATUSES, type AssessmentPhase } from '@citymentor/contracts';
import { loadReportData } from './report-data';
import { openMilestones, openPlans, openProgress } from './open-data.queries';
import { reportBenchmarks } from './reports.queries';

/**
 * The open-data package of a programme: a Frictionless Tabular Data Package (datapackage.json and one CSV
 * per resource, each with its Table Schema) for a coordinator to publish. Organisations only: no person's
 * name or e-mail, no milestone owner (often a person), no progress narrative or comment (they may name
 * people). Values are machine-readable: codes for states, statuses and phases (listed in each field's
 * `enum`), dates as YYYY-MM-DD, scores as numbers; every value as stored, nothing rewritten.
 * docs/funder-report.md describes every resource and field.
 */

type Value = string | number | null;

interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date';
  description: string;
  format?: 'uuid' | 'default';
  constraints?: { required?: boolean; enum?: readonly string[]; minimum?: number; maximum?: number };
}

interface Table<Row> {
  name: string;
  title: string;
  description: string;
  fields: (Field & { value: (row: Row) => Value })[];
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  rows: Row[];
}

const required = { required: true };

export interface OpenData {
  programme: { id: string; name: string; startDate: string; endDate: string; coordinator: string };
  sections: { benchmark: string; code: string; title: string; order: number }[];
  scores: { organisation: string; benchmark: string; section: string; phase: AssessmentPhase; score: number }[];
  plans: Awaited<ReturnType<typeof openPlans>>;
  milestones: Awaited<ReturnType<typeof openMilestones>>;
  progress: Awaited<ReturnType<typeof openProgress>>;
}

/** Everything the package holds, read with the funder report's queries (scores: submitted assessments only). */
export async function loadOpenData(em: EntityManager, programmeId: string, today: string): Promise<OpenData> {
  const report = await loadReportData(em, programmeId, today);
  const benchmarks = await reportBenchmarks(em, programmeId);
  return {
    programme: report.programme,
    sections: benchmarks.flatMap((b) =>
      b.sections.map((s, i) => ({ benchmark: b.code, code: s.code, title: s.title, order: i + 1 })),
    ),
    scores: report.scores.flatMap((o) =>
      o.sections.flatMap((s) => {
        const scored: { phase: AssessmentPhase; score: number | null }[] = [
          { phase: 'baseline', score: s.baseline },
          { phase: 'follow-up', score: s.followUp },
        ];
        return scored.flatMap(({ phase, score }) =>
          score === null
            ? []
            : [{ organisation: o.organisationName, benchmark: o.benchmarkCode, section: s.code, phase, score }],
        );
      }),
    ),
    plans: await openPlans(em, programmeId),
    milestones: await openMilestones(em, programmeId, today),
    progress: await openProgress(em, programmeId),
  };
}

function tables(d: OpenData): Table<never>[] {
  const sections: Table<OpenData['sections'][number]> = {
    name: 'sections',
    title: 'Benchmark sections',
    description: 'The sections of the benchmarks the programme uses, in their order.',
    fields: [
      {
        name: 'benchmark',
        type: 'string',
        description: 'Benchmark code',
        constraints: required,
        value: (r) => r.benchmark,
      },
      { name: 'section', type: 'string', description: 'Section code', constraints: required, value: (r) => r.code },
      { name: 'title', type: 'string', description: 'Section title (English)', value: (r) => r.title },
      { name: 'order', type: 'integer', description: 'Position in the benchmark, from 1', value: (r) => r.order },
    ],
    primaryKey: ['benchmark', 'section'],
    rows: d.sections,
  };
  const scores: Table<OpenData['scores'][number]> = {
    name: 'scores',
    title: 'Self-assessment scores by section and phase',
    description:
      'Each organisation’s score on each section, from its submitted self-assessments only (drafts are no result); a section with nothing applicable answered has no row.',
    fields: [
      {
        name: 'organisation',
        type: 'string',
        description: 'Organisation (city) name',
        constraints: required,
        value: (r) => r.organisation,
      },
      {
        name: 'benchmark',
        type: 'string',
        description: 'Benchmark code',
        constraints: required,
        value: (r) => r.benchmark,
      },
      { name: 'section', type: 'string', description: 'Section code', constraints: required, value: (r) => r.section },
      {
        name: 'phase',
        type: 'string',
        description: 'baseline or follow-up',
        constraints: { required: true, enum: ASSESSMENT_PHASES },
        value: (r) => r.phase,
      },
      {
        name: 'score',
        type: 'number',
        description: 'Percent of the highest rating over the section’s applicable questions (0–100)',
        constraints: { required: true, minimum: 0, maximum: 100 },
        value: (r) => r.score,
      },
    ],
    primaryKey: ['organisation', 'benchmark', 'section', 'phase'],
    foreignKeys: [
      { fields: ['benchmark', 'section'], reference: { resource: 'sections', fields: ['benchmark', 'section'] } },
    ],
    rows: d.scores,
  };
  const plans: Table<OpenData['plans'][number]> = {
    name: 'plans',
    title: 'Action plans',
    description: 'The plans of every mentoring pair past draft (archived plans left out).',
    fields: [
      {
        name: 'plan_id',
        type: 'string',
        format: 'uuid',
        description: 'Plan identifier',
        constraints: required,
        value: (r) => r.planId,
      },
      {
        name: 'pair_id',
        type: 'string',
        format: 'uuid',
        description: 'Mentoring pair identifier',
        constraints: required,
        value: (r) => r.pairId,
      },
      {
        name: 'mentor_organisation',
        type: 'string',
        description: 'The mentor city',
        value: (r) => r.mentorOrganisation,
      },
      {
        name: 'mentee_organisation',
        type: 'string',
        description: 'The mentee city',
        value: (r) => r.menteeOrganisation,
      },
      { name: 'benchmark', type: 'string', description: 'Benchmark code', value: (r) => r.benchmarkCode },
      {
        name: 'sections',
        type: 'string',
        description: 'The section codes the plan works on, separated by semicolons (see sections)',
        value: (r) => r.sectionCodes.join(';'),
      },
      { name: 'title', type: 'string', description: 'Plan title', value: (r) => r.title },
      {
        name: 'state',
        type: 'string',
        description: 'Workflow state',
        constraints: { required: true, enum: PLAN_STATES },
        value: (r) => r.state,
      },
      { name: 'created', type: 'date', description: 'Day the plan was created (UTC)', value: (r) => r.created },
      { name: 'updated', type: 'date', description: 'Day the plan last changed (UTC)', value: (r) => r.updated },
    ],
    primaryKey: ['plan_id'],
    rows: d.plans,
  };
  const milestones: Table<OpenData['milestones'][number]> = {
    name: 'milestones',
    title: 'Milestones',
    description: 'The milestones of those plans.',
    fields: [
      {
        name: 'milestone_id',
        type: 'string',
        format: 'uuid',
        description: 'Milestone identifier',
        constraints: required,
        value: (r) => r.milestoneId,
      },
      {
        name: 'plan_id',
        type: 'string',
        format: 'uuid',
        description: 'Its plan (see plans)',
        constraints: required,
        value: (r) => r.planId,
      },
      { name: 'title', type: 'string', description: 'Milestone title', value: (r) => r.title },
      { name: 'due_date', type: 'date', description: 'Due date', value: (r) => r.dueDate },
      {
        name: 'status',
        type: 'string',
        description: 'Work status',
        constraints: { required: true, enum: WORK_STATUSES },
        value: (r) => r.status,
      },
      {
        name: 'done_date',
        type: 'date',
        description: 'Day it was reported done (UTC); empty unless done',
        value: (r) => r.doneDate,
      },
      {
        name: 'days_late',
        type: 'integer',
        description: 'Days past the due date: until done, or until the package was made while not done; 0 when on time',
        constraints: { required: true, minimum: 0 },
        value: (r) => r.daysLate,
      },
    ],
    primaryKey: ['milestone_id'],
    foreignKeys: [{ fields: ['plan_id'], reference: { resource: 'plans', fields: ['plan_id'] } }],
    rows: d.milestones,
  };
  const progress: Table<OpenData['progress'][number]> = {
    name: 'progress',
    title: 'Progress reporting per plan',
    description:
      'How many progress entries were logged on each plan’s milestones, and the last one’s day (the entries’ narratives are left out).',
    fields: [
      {
        name: 'plan_id',
        type: 'string',
        format: 'uuid',
        description: 'The plan (see plans)',
        constraints: required,
        value: (r) => r.planId,
      },
      {
        name: 'entries',
        type: 'integer',
        description: 'Progress entries logged',
        constraints: { required: true, minimum: 0 },
        value: (r) => r.entries,
      },
      {
        name: 'last_entry',
        type: 'date',
        description: 'Day of the last entry (UTC); empty when none',
        value: (r) => r.lastEntry,
      },
    ],
    primaryKey: ['plan_id'],
    foreignKeys: [{ fields: ['plan_id'], reference: { resource: 'plans', fields: ['plan_id'] } }],
    rows: d.progress,
  };
  return [sections, scores, plans, milestones, progress] as unknown as Table<never>[];
}

/** RFC 4180, the Table Schema's default CSV dialect: a field quoted when it holds a comma, quote or line break. */
function csvField(value: Value): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(table: Table<never>): string {
  const lines = [table.fields.map((f) => f.name), ...table.rows.map((row) => table.fields.map((f) => f.value(row)))];
  return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A field as its Table Schema says it (without the code that reads its value). */
function schemaField(field: Field): Field {
  const { name, type, description, format, constraints } = field;
  return { name, type, format: format ?? 'default', description, ...(constraints ? { constraints } : {}) };
}

/** A Data Package `name`: lower case letters, digits, `-`, `.`, `_`. */
export function packageName(programmeName: string, programmeId: string): string {
  const slug = programmeName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `citymentor-${slug || programmeId}-results`;
}

/**
 * datapackage.json: no `licenses` (the coordinator chooses the licence before publishing and adds it,
 * e.g. `"licenses": [{ "name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/" }]`).
 */
export function descriptor(d: OpenData, created: Date): object {
  const p = d.programme;
  return {
    profile: 'tabular-data-package',
    name: packageName(p.name, p.id),
    title: `${p.name}: mentoring results`,
    description: `Self-assessment scores, action plans, milestones and progress of the mentoring programme ${p.name} (${p.startDate} to ${p.endDate}), coordinated by ${p.coordinator}. Organisations only: no personal data.`,
    created: created.toISOString(),
    contributors: [{ title: p.coordinator, role: 'publisher' }],
    keywords: ['mentoring', 'cities', 'action plans', 'self-assessment'],
    resources: tables(d).map((t) => ({
      name: t.name,
      path: `${t.name}.csv`,
      profile: 'tabular-data-resource',
      title: t.title,
      description: t.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: t.fields.map(schemaField),
        primaryKey: t.primaryKey,
        ...(t.foreignKeys ? { foreignKeys: t.foreignKeys } : {}),
        missingValues: [''],
      },
    })),
  };
}

/** The zip: datapackage.json at its root, beside the CSV files it names. */
export function openDataZip(d: OpenData, created: Date): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'datapackage.json': strToU8(`${JSON.stringify(descriptor(d, created), null, 2)}\n`),
  };
  for (const t of tables(d)) files[`${t.name}.csv`] = strToU8(csv(t));
  return zipSync(files, { mtime: created });
}
