/**
 * The coordinator's dashboard: `/programmes/:id/dashboard`. Late milestones first, then stalled pairs
 * (`#stalled`, where the coordinator's alerts link to), every pair against every section, plan states,
 * scores baseline vs follow-up, and a timeline of the consortium's and every pair's milestones. It stays current
 * while open (see `useDashboardLive`).
 */
import { useCallback } from 'preact/hooks';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { usePageTitle } from '../../components/page-title';
import { ErrorNotice, Loading } from '../../components/status';
import { formatNumber, t, tn } from '../../i18n';
import { Link, useScrollToHash, type PageProps } from '../../router';
import { ConsortiumMilestones } from './consortium-milestones';
import { useDashboardLive } from './live';
import { LateMilestones, PairSectionGrid, PlanStates, ScoreProgress } from './parts';
import { Reports } from './reports';
import { StalledPairs, stalledPairIds } from './stalled';
import { MilestoneTimeline } from './timeline';
import '../../work.css';
import '../../assessment.css';
import '../../coordination.css';

export default function DashboardPage({ params }: PageProps) {
  const id = params.id;
  const dashboard = useResource(
    (signal) => api.get('/api/v1/programmes/{id}/dashboard', { path: { id }, signal }),
    [id],
  );
  const timeline = useResource((signal) => api.get('/api/v1/programmes/{id}/timeline', { path: { id }, signal }), [id]);
  const programme = useResource((signal) => api.get('/api/v1/programmes/{id}', { path: { id }, signal }), [id]);
  const reload = useCallback(() => {
    dashboard.reload();
    timeline.reload();
  }, [dashboard.reload, timeline.reload]);
  useDashboardLive(id, dashboard.data, reload);
  usePageTitle(programme.data ? `${t('dashboard.title')} · ${programme.data.name}` : t('dashboard.title'));
  useScrollToHash(dashboard.data !== undefined && programme.data !== undefined);

  if (dashboard.error !== undefined) return <ErrorNotice error={dashboard.error} onRetry={dashboard.reload} />;
  const d = dashboard.data;
  const p = programme.data;
  if (!d || !p) return <Loading />;
  const m = d.milestones;
  const stalled = stalledPairIds(d.stalled);

  return (
    <article aria-labelledby="dashboard-title" class="dashboard">
      <p class="breadcrumb">
        <Link href={`/programmes/${id}`}>{t('plan.backToProgramme')}</Link>
      </p>
      <header class="page-header">
        <h1 id="dashboard-title">{t('dashboard.title')}</h1>
        <p class="lead">{p.name}</p>
        <ul class="stats" aria-label={t('dashboard.summary')}>
          <li class="stat">
            <span class="stat__value">{formatNumber(d.pairs.length)}</span>{' '}
            <span class="stat__label">{t('programme.pairs')}</span>
          </li>
          <li class="stat">
            <span class="stat__value">{formatNumber(d.plans.total)}</span>{' '}
            <span class="stat__label">{t('pair.plans')}</span>
          </li>
          <li class="stat">
            <span class="stat__value">{formatNumber(m.done)}</span>{' '}
            <span class="stat__label">{t('dashboard.milestonesDone', { total: m.total })}</span>
          </li>
          <li class={m.late > 0 ? 'stat stat--late' : 'stat'}>
            <span class="stat__value">{formatNumber(m.late)}</span>{' '}
            <span class="stat__label">{tn('dashboard.lateCount', m.late)}</span>
          </li>
          <li class={stalled.size > 0 ? 'stat stat--warn' : 'stat'}>
            <span class="stat__value">{formatNumber(stalled.size)}</span>{' '}
            <span class="stat__label">{tn('stalled.count', stalled.size)}</span>
          </li>
        </ul>
      </header>

      <section class="panel" aria-labelledby="late-title">
        <h2 id="late-title">{t('dashboard.late')}</h2>
        <LateMilestones programmeId={id} list={d.lateMilestones} />
      </section>

      <section class="panel" id="stalled" aria-labelledby="stalled-title">
        <h2 id="stalled-title">{t('stalled.title')}</h2>
        <StalledPairs programmeId={id} list={d.stalled} thresholds={d.stallThresholds} />
        {p.myRole === 'coordinator' && (
          <p class="hint">
            <Link href={`/programmes/${id}/manage#settings`}>{t('stalled.changeThresholds')}</Link>
          </p>
        )}
      </section>

      <section class="panel" aria-labelledby="grid-title">
        <h2 id="grid-title">{t('dashboard.grid')}</h2>
        <PairSectionGrid programmeId={id} pairs={d.pairs} stalled={stalled} />
      </section>

      <div class="columns">
        <section class="panel" aria-labelledby="states-title">
          <h2 id="states-title">{t('dashboard.planStates')}</h2>
          <PlanStates counts={d.plans} />
        </section>
        <section class="panel" aria-labelledby="scores-title">
          <h2 id="scores-title">{t('dashboard.scores')}</h2>
          <ScoreProgress scores={d.scores} />
        </section>
      </div>

      <section class="panel" id="timeline" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timeline.heading')}</h2>
        {timeline.error !== undefined ? (
          <ErrorNotice error={timeline.error} onRetry={timeline.reload} />
        ) : timeline.data ? (
          <MilestoneTimeline programmeId={id} timeline={timeline.data} canManage={p.myRole === 'coordinator'} />
        ) : (
          <Loading />
        )}
        {p.myRole === 'coordinator' && (
          <ConsortiumMilestones programmeId={id} milestones={d.consortiumMilestones} onSaved={reload} />
        )}
      </section>

      {p.myRole === 'coordinator' && <Reports programmeId={id} />}
    </article>
  );
}
