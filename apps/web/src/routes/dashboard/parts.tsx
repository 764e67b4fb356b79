/**
 * The pieces of the coordinator's dashboard: late milestones, the pair × section grid, plan states,
 * baseline vs follow-up scores (the timeline is timeline.tsx).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Schemas } from '../../api/client';
import { BarChart } from '../../components/charts';
import { PLAN_STATE_TONE, planStateLabel, workStatusLabel, type PlanState } from '../../components/labels';
import { Badge } from '../../components/status';
import { formatDate, formatNumber, formatPoints, t, tn } from '../../i18n';
import { Link } from '../../router';

export type Dashboard = Schemas['DashboardDto'];
type Counts = Schemas['MilestoneCountsDto'];
type PlanCounts = Schemas['PlanCountsDto'];

const PLAN_KEYS: [keyof PlanCounts, PlanState][] = [
  ['draft', 'draft'],
  ['submitted', 'submitted'],
  ['changesRequested', 'changes-requested'],
  ['approved', 'approved'],
  ['inProgress', 'in-progress'],
  ['completed', 'completed'],
  ['archived', 'archived'],
];

/**
 * Plans by state as a bar chart in HTML: each row says the state and the count in words, the bar (its
 * length out of the largest count) only repeats them, so nothing is told by colour or length alone.
 */
export function PlanStates({ counts }: { counts: PlanCounts }) {
  if (counts.total === 0) return <p>{t('dashboard.noPlans')}</p>;
  const most = Math.max(...PLAN_KEYS.map(([key]) => counts[key]));
  return (
    <ul class="state-chart" aria-label={t('dashboard.planStates')} data-testid="plan-states">
      {PLAN_KEYS.map(([key, state]) => (
        <li key={key} class="state-chart__row">
          <span class="state-chart__label">{planStateLabel(state)}</span>
          <span class="state-chart__track" aria-hidden="true">
            <span
              class={`state-chart__bar state-chart__bar--${PLAN_STATE_TONE[state]}`}
              style={{ width: `${(counts[key] / most) * 100}%` }}
            />
          </span>
          <strong class="state-chart__value">{formatNumber(counts[key])}</strong>
        </li>
      ))}
    </ul>
  );
}

const LATE_SHOWN = 8;

/** The first `limit` of a long list, and the button that shows all of it (or fewer again). */
export function useShowAll<T>(list: T[], limit: number): [T[], ComponentChildren] {
  const [all, setAll] = useState(false);
  const toggle = list.length > limit && (
    <button type="button" class="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
      {all ? t('dashboard.showFewer') : t('dashboard.showAll', { count: list.length })}
    </button>
  );
  return [all ? list : list.slice(0, limit), toggle];
}

export function LateMilestones({ programmeId, list }: { programmeId: string; list: Dashboard['lateMilestones'] }) {
  const [sorted, toggle] = useShowAll(
    [...list].sort((a, b) => b.daysLate - a.daysLate || a.dueDate.localeCompare(b.dueDate)),
    LATE_SHOWN,
  );
  if (list.length === 0) return <p>{t('dashboard.noneLate')}</p>;
  return (
    <div class="table-wrap">
      <table class="late-table" data-testid="late-milestones">
        <caption class="visually-hidden">{t('dashboard.late')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('milestone.title')}</th>
            <th scope="col">{t('dashboard.pair')}</th>
            <th scope="col">{t('milestone.dueDate')}</th>
            <th scope="col">{t('dashboard.daysLate')}</th>
            <th scope="col">{t('milestone.status')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((m) => (
            <tr key={m.milestoneId}>
              <th scope="row">
                <Link href={`/programmes/${programmeId}/plans/${m.planId}#milestone-${m.milestoneId}`}>
                  <span data-user-content>{m.title}</span>
                </Link>
                <br />
                <span class="muted" data-user-content>
                  {m.planTitle}
                </span>
              </th>
              <td>{t('pair.name', { mentor: m.mentorName, mentee: m.menteeName })}</td>
              <td>
                <time dateTime={m.dueDate}>{formatDate(m.dueDate)}</time>
              </td>
              <td>
                <Badge tone="late">{tn('dashboard.days', m.daysLate)}</Badge>
              </td>
              <td>{workStatusLabel(m.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {toggle}
    </div>
  );
}

function cellTone(c: Counts): string {
  if (c.total === 0) return 'grid__cell grid__cell--empty';
  if (c.late > 0) return 'grid__cell grid__cell--late';
  if (c.blocked > 0) return 'grid__cell grid__cell--warn';
  if (c.done === c.total) return 'grid__cell grid__cell--done';
  return 'grid__cell';
}

function plansText(p: PlanCounts): string {
  return PLAN_KEYS.filter(([key]) => p[key] > 0)
    .map(([key, state]) => `${formatNumber(p[key])} ${planStateLabel(state).toLowerCase()}`)
    .join(', ');
}

type Section = Dashboard['pairs'][number]['sections'][number];

function milestonesText(c: Counts) {
  if (c.total === 0) return <span class="grid__none">{t('dashboard.noMilestones')}</span>;
  return (
    <>
      {t('dashboard.cell', { done: c.done, total: c.total })}
      {c.late > 0 && <span class="grid__late">{tn('pair.late', c.late)}</span>}
    </>
  );
}

/**
 * A cell opens what it counts: the plan when the pair has one on the section, the pair's plans on the
 * section when it has several; with none it says so and leads nowhere.
 */
function SectionCell({ programmeId, pairId, section }: { programmeId: string; pairId: string; section: Section }) {
  const { plans, milestones } = section;
  if (plans.length === 0) return <span class="grid__none">{t('dashboard.noPlan')}</span>;
  if (plans.length === 1)
    return (
      <Link href={`/programmes/${programmeId}/plans/${plans[0].id}`} class="grid__link">
        {milestonesText(milestones)}
        <span class="visually-hidden">
          {' · '}
          <span data-user-content>{plans[0].title}</span>
        </span>
      </Link>
    );
  const query = new URLSearchParams({ section: section.sectionCode });
  return (
    <Link href={`/programmes/${programmeId}/pairs/${pairId}?${query.toString()}#plans`} class="grid__link">
      {milestonesText(milestones)}
      <span class="grid__plans-count">{tn('dashboard.plansCount', plans.length)}</span>
    </Link>
  );
}

/**
 * Rows: pairs; columns: the benchmark's sections, by name (the code in the tooltip); each cell says milestones done / all, and how many are
 * late, and opens the pair's plan(s) there. A stalled pair's row is marked and links to the stalled-pairs panel that says why.
 */
export function PairSectionGrid({
  programmeId,
  pairs,
  stalled = new Set(),
}: {
  programmeId: string;
  pairs: Dashboard['pairs'];
  stalled?: Set<string>;
}) {
  if (pairs.length === 0) return <p>{t('programme.pairs.empty')}</p>;
  const sections = pairs[0].sections;
  return (
    <div class="table-wrap">
      <table class="grid" data-testid="pair-grid">
        <caption class="visually-hidden">{t('dashboard.gridCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.pair')}</th>
            <th scope="col">{t('pair.plans')}</th>
            {sections.map((s) => (
              <th
                scope="col"
                key={s.sectionCode}
                class="grid__section"
                title={t('dashboard.sectionCode', { code: s.sectionCode })}
              >
                <span lang="en">{s.sectionTitle}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => (
            <tr key={p.id} class={stalled.has(p.id) ? 'grid__row--stalled' : undefined}>
              <th scope="row">
                <Link href={`/programmes/${programmeId}/pairs/${p.id}`}>
                  {t('pair.name', { mentor: p.mentor.name, mentee: p.mentee.name })}
                </Link>
                {stalled.has(p.id) && (
                  <a href="#stalled" class="grid__stalled">
                    <Badge tone="warn">{t('stalled.badge')}</Badge>
                  </a>
                )}
              </th>
              <td class="grid__plans">{plansText(p.plans) || '–'}</td>
              {p.sections.map((s) => (
                <td key={s.sectionCode} class={cellTone(s.milestones)}>
                  <SectionCell programmeId={programmeId} pairId={p.id} section={s} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">{t('dashboard.gridHint')}</p>
    </div>
  );
}

export function ScoreProgress({ scores }: { scores: Dashboard['scores'] }) {
  if (scores.length === 0) return <p>{t('dashboard.noScores')}</p>;
  const rows = [...scores]
    .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name))
    .map((s) => ({ label: s.organisation.name, values: [s.baseline?.overall ?? null, s.followUp?.overall ?? null] }));
  const improved = scores.filter((s) => s.overallDelta !== null);
  return (
    <>
      <BarChart
        title={t('dashboard.scoresChart')}
        series={[
          { name: t('assessment.baseline'), tone: 'a' },
          { name: t('assessment.followUp'), tone: 'b' },
        ]}
        rows={rows}
      />
      {improved.length > 0 && (
        <ul class="plain-list">
          {improved.map((s) => (
            <li key={s.organisation.id}>
              {s.organisation.name}: {t('assessment.delta', { delta: formatPoints(s.overallDelta) })}
              {' · '}
              {s.sections
                .filter((x) => x.delta !== null && x.delta !== 0)
                .map((x) => `${x.sectionCode} ${formatPoints(x.delta)}`)
                .join(', ')}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
