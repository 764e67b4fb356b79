import type { AssessmentPhase, PairStatus, PlanState, WorkStatus } from '@citymentor/contracts';
import type { ReportLocale } from '@citymentor/domain';

/** A message with a form per plural category the language uses (`one` and `other` for English and French). */
type Plural = { one: string; other: string };

const en = {
  report: 'Report for the funder',
  coordinatedBy: 'Coordinated by {name}',
  period: 'Programme period: {from} – {to}',
  asOf: 'Situation on {date}',
  keyFigures: 'Key figures',
  pairsHeading: 'Mentoring pairs',
  plansByState: 'Plans by state',
  scoresHeading: 'Self-assessment scores: baseline and follow-up',
  scoresNote:
    'Scores are the share of the highest rating, in %, from submitted self-assessments only; the change is in points.',
  noScores: 'No submitted self-assessments yet.',
  lateHeading: 'Late milestones, most late first ({count})',
  progressHeading: 'Progress reported',
  consortiumHeading: 'Consortium milestones',
  none: 'None.',
  page: 'Page {page} of {pages}',
  yes: 'yes',
  no: 'no',
  arrow: '{mentor} → {mentee}',
  pairLine: '{benchmark} · {status}',
  stateCount: '{state}: {count}',
  baseline: 'baseline',
  followUp: 'follow-up',
  change: 'change',
  notAssessed: 'not assessed',
  // The PDF's table headers
  colMentor: 'Mentor city',
  colMentee: 'Mentee city',
  colBenchmark: 'Benchmark',
  colPlans: 'Plans',
  colFigures: 'Plans and milestones',
  colSection: 'Section',
  colMilestone: 'Milestone',
  colPairPlan: 'Pair and plan',
  colDue: 'Due date',
  colStatus: 'Status',
  colReported: 'Reported',
  colNarrative: 'Narrative and evidence',
  // The XLSX's own sheets
  summarySheet: 'Summary',
  columnsSheet: 'Columns',
  item: 'Item',
  value: 'Value',
  sheet: 'Sheet',
  column: 'Column',
  meaning: 'Meaning',
  type: 'Type',
  programme: 'Programme',
  coordinator: 'Coordinator',
  periodStart: 'Programme start',
  periodEnd: 'Programme end',
  reportDate: 'Situation on',
  pairCount: 'Mentoring pairs',
  planCount: 'Plans (drafts left out)',
  plansInState: 'Plans: {state}',
  milestoneCount: 'Milestones',
  milestonesDone: 'Milestones done',
  milestonesInProgress: 'Milestones in progress',
  milestonesLate: 'Milestones late',
  consortiumCount: 'Consortium milestones',
  citiesAssessedCount: 'Cities with a submitted self-assessment',
  // Key figures (pluralised)
  pairs: { one: '{count} mentoring pair', other: '{count} mentoring pairs' },
  plans: { one: '{count} plan', other: '{count} plans' },
  milestones: { one: '{count} milestone', other: '{count} milestones' },
  done: { one: '{count} done', other: '{count} done' },
  inProgress: { one: '{count} in progress', other: '{count} in progress' },
  late: { one: '{count} late', other: '{count} late' },
  daysLate: { one: '{count} day late', other: '{count} days late' },
  citiesAssessed: {
    one: '{count} city with a submitted self-assessment',
    other: '{count} cities with a submitted self-assessment',
  },
  planState: {
    draft: 'Draft',
    submitted: 'Submitted for review',
    'changes-requested': 'Changes requested',
    approved: 'Approved',
    'in-progress': 'In progress',
    completed: 'Completed',
    archived: 'Archived',
  } satisfies Record<PlanState, string>,
  workStatus: {
    planned: 'Planned',
    'in-progress': 'In progress',
    done: 'Done',
    blocked: 'Blocked',
  } satisfies Record<WorkStatus, string>,
  pairStatus: { active: 'Active', ended: 'Ended' } satisfies Record<PairStatus, string>,
  phase: { baseline: 'Baseline', 'follow-up': 'Follow-up' } satisfies Record<AssessmentPhase, string>,
};

type Messages = typeof en;

const fr: Messages = {
  report: 'Rapport pour le financeur',
  coordinatedBy: 'Coordonné par {name}',
  period: 'Période du programme : {from} – {to}',
  asOf: 'Situation au {date}',
  keyFigures: 'Chiffres clés',
  pairsHeading: 'Binômes de mentorat',
  plansByState: 'Plans par état',
  scoresHeading: 'Scores d’auto-évaluation : initiale et de suivi',
  scoresNote:
    'Les scores sont la part de la note maximale, en %, des seules auto-évaluations soumises ; l’évolution est en points.',
  noScores: 'Aucune auto-évaluation soumise pour l’instant.',
  lateHeading: 'Jalons en retard, du plus en retard au moins en retard ({count})',
  progressHeading: 'Avancement déclaré',
  consortiumHeading: 'Jalons du consortium',
  none: 'Aucun.',
  page: 'Page {page} sur {pages}',
  yes: 'oui',
  no: 'non',
  arrow: '{mentor} → {mentee}',
  pairLine: '{benchmark} · {status}',
  stateCount: '{state} : {count}',
  baseline: 'initiale',
  followUp: 'suivi',
  change: 'évolution',
  notAssessed: 'non évalué',
  colMentor: 'Ville mentor',
  colMentee: 'Ville accompagnée',
  colBenchmark: 'Référentiel',
  colPlans: 'Plans',
  colFigures: 'Plans et jalons',
  colSection: 'Section',
  colMilestone: 'Jalon',
  colPairPlan: 'Binôme et plan',
  colDue: 'Échéance',
  colStatus: 'Statut',
  colReported: 'Déclaré',
  colNarrative: 'Récit et justificatifs',
  summarySheet: 'Synthèse',
  columnsSheet: 'Colonnes',
  item: 'Élément',
  value: 'Valeur',
  sheet: 'Feuille',
  column: 'Colonne',
  meaning: 'Signification',
  type: 'Type',
  programme: 'Programme',
  coordinator: 'Coordinateur',
  periodStart: 'Début du programme',
  periodEnd: 'Fin du programme',
  reportDate: 'Situation au',
  pairCount: 'Binômes de mentorat',
  planCount: 'Plans (hors brouillons)',
  plansInState: 'Plans : {state}',
  milestoneCount: 'Jalons',
  milestonesDone: 'Jalons terminés',
  milestonesInProgress: 'Jalons en cours',
  milestonesLate: 'Jalons en retard',
  consortiumCount: 'Jalons du consortium',
  citiesAssessedCount: 'Villes avec une auto-évaluation soumise',
  pairs: { one: '{count} binôme de mentorat', other: '{count} binômes de mentorat' },
  plans: { one: '{count} plan', other: '{count} plans' },
  milestones: { one: '{count} jalon', other: '{count} jalons' },
  done: { one: '{count} terminé', other: '{count} terminés' },
  inProgress: { one: '{count} en cours', other: '{count} en cours' },
  late: { one: '{count} en retard', other: '{count} en retard' },
  daysLate: { one: '{count} jour de retard', other: '{count} jours de retard' },
  citiesAssessed: {
    one: '{count} ville avec une auto-évaluation soumise',
    other: '{count} villes avec une auto-évaluation soumise',
  },
  planState: {
    draft: 'Brouillon',
    submitted: 'Soumis pour relecture',
    'changes-requested': 'Modifications demandées',
    approved: 'Approuvé',
    'in-progress': 'En cours',
    completed: 'Terminé',
    archived: 'Archivé',
  },
  workStatus: { planned: 'Prévu', 'in-progress': 'En cours', done: 'Terminé', blocked: 'Bloqué' },
  pairStatus: { active: 'Actif', ended: 'Terminé' },
  phase: { baseline: 'Initiale', 'follow-up': 'Suivi' },
};

const MESSAGES: Record<ReportLocale, Messages> = { en, fr };
/** The Intl tag of each report language (dates as in the UK and France: 15 January 2026, 15 janvier 2026). */
export const INTL_TAGS: Record<ReportLocale, string> = { en: 'en-GB', fr: 'fr-FR' };

type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];
type PluralKey = { [K in keyof Messages]: Messages[K] extends Plural ? K : never }[keyof Messages];

/** The report's words in one language: messages, plurals, states and statuses in words, dates and numbers. */
export interface ReportText {
  locale: ReportLocale;
  t(key: TextKey, params?: Record<string, string | number>): string;
  plural(key: PluralKey, count: number): string;
  planState(state: PlanState): string;
  workStatus(status: WorkStatus): string;
  pairStatus(status: string): string;
  yesNo(value: boolean): string;
  /** `YYYY-MM-DD` as a day in words: 15 January 2026, 15 janvier 2026. */
  date(iso: string): string;
  number(value: number): string;
  /** A share out of 100: 40% in English, 40 % in French. */
  percent(value: number): string;
}

export function reportText(locale: ReportLocale): ReportText {
  const m = MESSAGES[locale];
  const tag = INTL_TAGS[locale];
  const numbers = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const percents = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const dates = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const rules = new Intl.PluralRules(tag);
  const fill = (message: string, params: Record<string, string | number> = {}) =>
    message.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  return {
    locale,
    t: (key, params) => fill(m[key], params),
    plural: (key, count) => fill(m[key][rules.select(count) === 'one' ? 'one' : 'other'], { count }),
    planState: (state) => m.planState[state],
    workStatus: (status) => m.workStatus[status],
    pairStatus: (status) => m.pairStatus[status as PairStatus] ?? status,
    yesNo: (value) => (value ? m.yes : m.no),
    // French writes the first of the month as an ordinal: 1er juin 2026.
    date: (iso) => {
      const day = dates.format(new Date(`${iso}T00:00:00Z`));
      return locale === 'fr' ? day.replace(/^1 /, '1er ') : day;
    },
    number: (value) => numbers.format(value),
    percent: (value) => percents.format(value / 100),
  };
}
