import type { ReportLocale } from '@citymentor/domain';
import type { MilestoneRow, PlanRow, ProgressRow, ReportData, SectionScores } from './report-data';
import type { ReportText } from './report-text';

/** A text in each report language. */
export type Localised = Record<ReportLocale, string>;

/** What a column holds; the XLSX stores dates as dates and numbers as numbers, the CSV writes dates YYYY-MM-DD. */
export type ColumnType = 'text' | 'date' | 'count' | 'score' | 'points' | 'yes-no' | 'links';

export const COLUMN_TYPES: Record<ColumnType, Localised> = {
  text: { en: 'text', fr: 'texte' },
  date: { en: 'date (YYYY-MM-DD in the CSV)', fr: 'date (AAAA-MM-JJ dans le CSV)' },
  count: { en: 'whole number', fr: 'nombre entier' },
  score: { en: 'number, 0 to 100 (%), empty when not assessed', fr: 'nombre de 0 à 100 (%), vide si non évalué' },
  points: {
    en: 'number of points, −100 to 100, empty unless both scores are there',
    fr: 'nombre de points, de −100 à 100, vide sauf si les deux scores existent',
  },
  'yes-no': { en: 'yes or no', fr: 'oui ou non' },
  links: { en: 'web addresses, one per line', fr: 'adresses web, une par ligne' },
};

export type Cell = string | number | null;

export interface Column<R> {
  header: Localised;
  meaning: Localised;
  type: ColumnType;
  /** Width in characters, for the XLSX. */
  width: number;
  value: (row: R, text: ReportText) => Cell;
}

export interface Table<R> {
  sheet: Localised;
  columns: Column<R>[];
  rows: (data: ReportData) => R[];
}

const col = <R>(
  header: Localised,
  meaning: Localised,
  type: ColumnType,
  width: number,
  value: Column<R>['value'],
): Column<R> => ({ header, meaning, type, width, value });

const pairColumns = <R extends { mentorName: string; menteeName: string }>(): Column<R>[] => [
  col(
    { en: 'Mentor city', fr: 'Ville mentor' },
    { en: 'The city that shares its experience.', fr: 'La ville qui partage son expérience.' },
    'text',
    22,
    (r) => r.mentorName,
  ),
  col(
    { en: 'Mentee city', fr: 'Ville accompagnée' },
    { en: 'The city that carries out the plan.', fr: 'La ville qui met en œuvre le plan.' },
    'text',
    22,
    (r) => r.menteeName,
  ),
];

const benchmarkColumn = <R extends { benchmarkTitle: string }>(): Column<R> =>
  col(
    { en: 'Benchmark', fr: 'Référentiel' },
    {
      en: 'The benchmark the pair works on, by its title.',
      fr: 'Le référentiel sur lequel travaille le binôme, par son titre.',
    },
    'text',
    30,
    (r) => r.benchmarkTitle,
  );

const sectionsColumn = <R extends { sectionTitles: string[] }>(): Column<R> =>
  col(
    { en: 'Sections', fr: 'Sections' },
    {
      en: 'The benchmark sections the plan works on, by their titles, separated by semicolons.',
      fr: 'Les sections du référentiel sur lesquelles porte le plan, par leurs titres, séparées par des points-virgules.',
    },
    'text',
    40,
    (r) => r.sectionTitles.join('; '),
  );

const scoreColumns = <R>(
  scores: (r: R) => { baseline: number | null; followUp: number | null; change: number | null },
  of: Localised,
): Column<R>[] => [
  col(
    { en: 'Baseline score (%)', fr: 'Score initial (%)' },
    {
      en: `The baseline score ${of.en}, from the submitted baseline self-assessment.`,
      fr: `Le score initial ${of.fr}, tiré de l’auto-évaluation initiale soumise.`,
    },
    'score',
    12,
    (r) => scores(r).baseline,
  ),
  col(
    { en: 'Follow-up score (%)', fr: 'Score de suivi (%)' },
    {
      en: `The follow-up score ${of.en}, from the submitted follow-up self-assessment.`,
      fr: `Le score de suivi ${of.fr}, tiré de l’auto-évaluation de suivi soumise.`,
    },
    'score',
    12,
    (r) => scores(r).followUp,
  ),
  col(
    { en: 'Change (points)', fr: 'Évolution (points)' },
    { en: 'Follow-up score minus baseline score.', fr: 'Score de suivi moins score initial.' },
    'points',
    12,
    (r) => scores(r).change,
  ),
];

const PLAN_SCORES_OF: Localised = {
  en: 'of the mentee city on the sections of the plan',
  fr: 'de la ville accompagnée sur les sections du plan',
};

type ScoreRow = Omit<SectionScores, 'sections'> & SectionScores['sections'][number];

export const SCORES_TABLE: Table<ScoreRow> = {
  sheet: { en: 'Scores', fr: 'Scores' },
  rows: (data) => data.scores.flatMap(({ sections, ...city }) => sections.map((s) => ({ ...city, ...s }))),
  columns: [
    col(
      { en: 'City', fr: 'Ville' },
      { en: 'The city that assessed itself.', fr: 'La ville qui s’est auto-évaluée.' },
      'text',
      22,
      (r) => r.organisationName,
    ),
    benchmarkColumn(),
    col(
      { en: 'Section', fr: 'Section' },
      { en: 'The benchmark section, by its title.', fr: 'La section du référentiel, par son titre.' },
      'text',
      50,
      (r) => r.title,
    ),
    ...scoreColumns<ScoreRow>((r) => r, { en: 'of the city on this section', fr: 'de la ville sur cette section' }),
  ],
};

const planColumn = <R extends { planTitle: string }>(): Column<R> =>
  col(
    { en: 'Plan', fr: 'Plan' },
    { en: 'The title of the action plan.', fr: 'Le titre du plan d’action.' },
    'text',
    30,
    (r) => r.planTitle,
  );

export const PLANS_TABLE: Table<PlanRow> = {
  sheet: { en: 'Plans', fr: 'Plans' },
  rows: (data) => data.plans,
  columns: [
    ...pairColumns<PlanRow>(),
    benchmarkColumn(),
    col(
      { en: 'Plan', fr: 'Plan' },
      { en: 'The title of the action plan.', fr: 'Le titre du plan d’action.' },
      'text',
      30,
      (r) => r.title,
    ),
    col(
      { en: 'Plan state', fr: 'État du plan' },
      {
        en: 'Where the plan stands: submitted for review, changes requested, approved, in progress or completed (drafts are not reported).',
        fr: 'Où en est le plan : soumis pour relecture, modifications demandées, approuvé, en cours ou terminé (les brouillons ne figurent pas au rapport).',
      },
      'text',
      20,
      (r, t) => t.planState(r.state),
    ),
    sectionsColumn(),
    col(
      { en: 'Milestones', fr: 'Jalons' },
      { en: 'How many milestones the plan has.', fr: 'Le nombre de jalons du plan.' },
      'count',
      10,
      (r) => r.counts.milestones,
    ),
    col(
      { en: 'Done', fr: 'Terminés' },
      { en: 'How many of them are done.', fr: 'Combien sont terminés.' },
      'count',
      10,
      (r) => r.counts.done,
    ),
    col(
      { en: 'In progress', fr: 'En cours' },
      { en: 'How many of them are in progress.', fr: 'Combien sont en cours.' },
      'count',
      10,
      (r) => r.counts.inProgress,
    ),
    col(
      { en: 'Late', fr: 'En retard' },
      {
        en: 'How many of them are past their due date and not done.',
        fr: 'Combien ont dépassé leur échéance sans être terminés.',
      },
      'count',
      10,
      (r) => r.counts.late,
    ),
    ...scoreColumns<PlanRow>((r) => r.scores, PLAN_SCORES_OF),
  ],
};

/** One row per milestone: the CSV, and the XLSX's Milestones sheet. */
export const MILESTONES_TABLE: Table<MilestoneRow> = {
  sheet: { en: 'Milestones', fr: 'Jalons' },
  rows: (data) => data.milestones,
  columns: [
    ...pairColumns<MilestoneRow>(),
    benchmarkColumn(),
    sectionsColumn(),
    planColumn(),
    col(
      { en: 'Plan state', fr: 'État du plan' },
      {
        en: 'Where the plan stands (drafts are not reported).',
        fr: 'Où en est le plan (les brouillons ne figurent pas au rapport).',
      },
      'text',
      20,
      (r, t) => t.planState(r.planState),
    ),
    col(
      { en: 'Milestone', fr: 'Jalon' },
      { en: 'The title of the milestone.', fr: 'Le titre du jalon.' },
      'text',
      30,
      (r) => r.milestoneTitle,
    ),
    col(
      { en: 'Owner', fr: 'Responsable' },
      { en: 'Who carries the milestone.', fr: 'Qui porte le jalon.' },
      'text',
      20,
      (r) => r.owner,
    ),
    col(
      { en: 'Due date', fr: 'Échéance' },
      { en: 'When the milestone is due.', fr: 'La date prévue du jalon.' },
      'date',
      12,
      (r) => r.dueDate,
    ),
    col(
      { en: 'Status', fr: 'Statut' },
      { en: 'Planned, in progress, done or blocked.', fr: 'Prévu, en cours, terminé ou bloqué.' },
      'text',
      12,
      (r, t) => t.workStatus(r.status),
    ),
    col(
      { en: 'Late', fr: 'En retard' },
      {
        en: 'Whether the due date has passed and the milestone is not done.',
        fr: 'Si l’échéance est passée sans que le jalon soit terminé.',
      },
      'yes-no',
      10,
      (r, t) => t.yesNo(r.late),
    ),
    col(
      { en: 'Days late', fr: 'Jours de retard' },
      {
        en: 'How many days past the due date, for a late milestone; empty otherwise.',
        fr: 'Le nombre de jours depuis l’échéance, pour un jalon en retard ; vide sinon.',
      },
      'count',
      10,
      (r) => (r.late ? r.daysLate : null),
    ),
    col(
      { en: 'Latest progress (%)', fr: 'Dernier avancement (%)' },
      {
        en: 'The share done in the latest progress report; empty when none was made.',
        fr: 'La part réalisée selon le dernier point d’avancement ; vide s’il n’y en a pas.',
      },
      'score',
      12,
      (r) => r.progressPercent,
    ),
    col(
      { en: 'Latest progress note', fr: 'Dernière note d’avancement' },
      { en: 'What the latest progress report says.', fr: 'Ce que dit le dernier point d’avancement.' },
      'text',
      40,
      (r) => r.progressNote,
    ),
    col(
      { en: 'Latest progress date', fr: 'Date du dernier avancement' },
      { en: 'When the latest progress was reported.', fr: 'La date du dernier point d’avancement.' },
      'date',
      12,
      (r) => r.progressAt,
    ),
    ...scoreColumns<MilestoneRow>((r) => r.planScores, PLAN_SCORES_OF),
  ],
};

export const PROGRESS_TABLE: Table<ProgressRow> = {
  sheet: { en: 'Progress', fr: 'Avancement' },
  rows: (data) => data.progress,
  columns: [
    ...pairColumns<ProgressRow>(),
    planColumn(),
    col(
      { en: 'Milestone', fr: 'Jalon' },
      { en: 'The milestone the progress is on.', fr: 'Le jalon concerné.' },
      'text',
      30,
      (r) => r.milestoneTitle,
    ),
    col(
      { en: 'Date', fr: 'Date' },
      { en: 'When the progress was reported.', fr: 'La date du point d’avancement.' },
      'date',
      12,
      (r) => r.date,
    ),
    col(
      { en: 'Progress (%)', fr: 'Avancement (%)' },
      { en: 'The share of the milestone done.', fr: 'La part du jalon réalisée.' },
      'score',
      12,
      (r) => r.percent,
    ),
    col(
      { en: 'Status', fr: 'Statut' },
      {
        en: 'Planned, in progress, done or blocked, as reported.',
        fr: 'Prévu, en cours, terminé ou bloqué, tel que déclaré.',
      },
      'text',
      12,
      (r, t) => t.workStatus(r.status),
    ),
    col(
      { en: 'Narrative', fr: 'Récit' },
      { en: 'What the city reported.', fr: 'Ce que la ville a déclaré.' },
      'text',
      50,
      (r) => r.note,
    ),
    col(
      { en: 'Evidence', fr: 'Justificatifs' },
      { en: 'Links to the evidence given.', fr: 'Les liens vers les justificatifs fournis.' },
      'links',
      40,
      (r) => r.evidenceUrls.join('\n'),
    ),
  ],
};

type ConsortiumRow = ReportData['consortiumMilestones'][number];

export const CONSORTIUM_TABLE: Table<ConsortiumRow> = {
  sheet: { en: 'Consortium milestones', fr: 'Jalons du consortium' },
  rows: (data) => data.consortiumMilestones,
  columns: [
    col(
      { en: 'Milestone', fr: 'Jalon' },
      { en: 'The consortium’s milestone.', fr: 'Le jalon du consortium.' },
      'text',
      40,
      (r) => r.title,
    ),
    col(
      { en: 'Due date', fr: 'Échéance' },
      { en: 'When it is due.', fr: 'Sa date prévue.' },
      'date',
      12,
      (r) => r.dueDate,
    ),
    col(
      { en: 'Status', fr: 'Statut' },
      { en: 'Planned, in progress, done or blocked.', fr: 'Prévu, en cours, terminé ou bloqué.' },
      'text',
      12,
      (r, t) => t.workStatus(r.status),
    ),
    col(
      { en: 'Late', fr: 'En retard' },
      { en: 'Whether it is past due and not done.', fr: 'Si l’échéance est passée sans qu’il soit terminé.' },
      'yes-no',
      10,
      (r, t) => t.yesNo(r.late),
    ),
    col(
      { en: 'Days late', fr: 'Jours de retard' },
      { en: 'How many days past the due date, when late.', fr: 'Le nombre de jours de retard, le cas échéant.' },
      'count',
      10,
      (r) => (r.late ? r.daysLate : null),
    ),
  ],
};

/** The tables of the XLSX, in sheet order (after the Summary); the CSV is the Milestones table. */
export const TABLES = [
  SCORES_TABLE,
  PLANS_TABLE,
  MILESTONES_TABLE,
  PROGRESS_TABLE,
  CONSORTIUM_TABLE,
] as Table<unknown>[];
