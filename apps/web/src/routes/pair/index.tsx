/**
 * A mentoring pair: `/programmes/:id/pairs/:pairId`. Who mentors whom on which benchmark, both cities'
 * self-assessments, the plans and their state (live through the pair's room), and the way in, as the
 * pair's `can` says who may: start the mentee city's self-assessment, draft a plan.
 */
import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { loadBenchmark, sectionTitles } from '../../benchmark-cache';
import { PLAN_STATE_TONE, planStateLabel, sideLabel } from '../../components/labels';
import { usePageTitle } from '../../components/page-title';
import { Badge, ErrorNotice, Loading } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatDate, formatPercent, t, tn } from '../../i18n';
import { useLiveReload } from '../../realtime';
import { Link, useNavigate, useScrollToHash, type PageProps } from '../../router';
import '../../work.css';

type Assessment = Schemas['AssessmentSummaryDto'];
type Pair = Schemas['PairDto'];

function AssessmentLine({ programmeId, a }: { programmeId: string; a: Assessment }) {
  return (
    <li>
      <Link href={`/programmes/${programmeId}/assessments/${a.id}`}>
        {a.organisation.name} · {t(a.phase === 'baseline' ? 'assessment.baseline' : 'assessment.followUp')}
      </Link>{' '}
      <Badge tone={a.status === 'submitted' ? 'good' : 'neutral'}>
        {t(a.status === 'submitted' ? 'assessment.submitted' : 'assessment.draft')}
      </Badge>{' '}
      <span class="muted">
        {t('assessment.overall', { score: formatPercent(a.overall) })} ·{' '}
        {t('assessment.answered', { answered: a.answered, questions: a.questions })}
      </span>
    </li>
  );
}

/** The mentee city's baseline starts, or its follow-up once the baseline is submitted. */
function StartAssessment({ pair, own }: { pair: Pair; own: Assessment[] }) {
  const navigate = useNavigate();
  const { busy, error, submit } = useSubmit();
  const baseline = own.find((a) => a.phase === 'baseline');
  const followUp = own.find((a) => a.phase === 'follow-up');
  const phase = !baseline ? 'baseline' : baseline.status === 'submitted' && !followUp ? 'follow-up' : null;
  if (!phase) return null;
  const start = async () => {
    const created = await api.post('/api/v1/programmes/{id}/assessments', {
      path: { id: pair.programmeId },
      body: {
        organisationId: pair.menteeOrganisation.id,
        benchmarkCode: pair.benchmarkCode,
        phase,
        ...(phase === 'follow-up' ? { copyFromBaseline: true } : {}),
      },
    });
    navigate(`/programmes/${pair.programmeId}/assessments/${created.id}`);
  };
  return (
    <>
      {error !== null && <ErrorNotice error={error} />}
      <button type="button" class="button" disabled={busy} onClick={submit(start)}>
        {phase === 'baseline' ? t('pair.startBaseline') : t('pair.startFollowUp')}
      </button>
    </>
  );
}

/** A blank plan for chosen sections (the gaps route goes through the assessment's scores). */
function NewPlan({
  pair,
  sections,
  fromAssessmentId,
}: {
  pair: Pair;
  sections: Map<string, string>;
  fromAssessmentId?: string;
}) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<string[]>(pair.focusSectionCodes);
  const { busy, error, submit } = useSubmit();
  if (!open)
    return (
      <button type="button" class="button button--secondary" onClick={() => setOpen(true)}>
        {t('pair.newPlan')}
      </button>
    );
  const create = async () => {
    const plan = await api.post('/api/v1/pairs/{id}/action-plans', {
      path: { id: pair.id },
      body: { title: title.trim(), sectionCodes: chosen, ...(fromAssessmentId ? { fromAssessmentId } : {}) },
    });
    navigate(`/programmes/${pair.programmeId}/plans/${plan.id}`);
  };
  return (
    <form class="form" onSubmit={submit(create)}>
      <div class="field">
        <label for="new-plan-title">{t('plan.field.title')}</label>
        <input
          id="new-plan-title"
          required
          maxLength={200}
          value={title}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      <fieldset class="checks">
        <legend>{t('plan.sections')}</legend>
        {[...sections].map(([code, name]) => (
          <label key={code} class="check">
            <input
              type="checkbox"
              checked={chosen.includes(code)}
              onChange={(e) =>
                setChosen(e.currentTarget.checked ? [...chosen, code] : chosen.filter((c) => c !== code))
              }
            />{' '}
            <span lang="en">{name}</span>
          </label>
        ))}
      </fieldset>
      {error !== null && <ErrorNotice error={error} />}
      <div class="actions">
        <button type="submit" class="button" disabled={busy || chosen.length === 0}>
          {t('pair.createPlan')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export default function PairPage({ params, query }: PageProps) {
  const programmeId = params.id;
  const pairId = params.pairId;
  const pair = useResource((signal) => api.get('/api/v1/pairs/{id}', { path: { id: pairId }, signal }), [pairId]);
  const plans = useResource(
    (signal) => api.get('/api/v1/pairs/{id}/action-plans', { path: { id: pairId }, signal }),
    [pairId],
  );
  const assessments = useResource(
    (signal) => api.get('/api/v1/programmes/{id}/assessments', { path: { id: programmeId }, signal }),
    [programmeId],
  );
  const code = pair.data?.benchmarkCode;
  const benchmark = useResource(() => (code ? loadBenchmark(code) : Promise.resolve(undefined)), [code]);
  const room = `pair:${pairId}`;
  useLiveReload(
    room,
    plans.reload,
    (e) => e.type.startsWith('plan.') || e.type.startsWith('milestone.') || e.type === 'progress.logged',
  );
  // Ended by the coordinator while open: the page shows it at once (and its actions go).
  useLiveReload(room, pair.reload, (e) => e.type === 'pair.ended');
  const p = pair.data;
  usePageTitle(
    p ? t('pair.name', { mentor: p.mentorOrganisation.name, mentee: p.menteeOrganisation.name }) : undefined,
  );

  useScrollToHash(p !== undefined && plans.data !== undefined);

  if (pair.error !== undefined) return <ErrorNotice error={pair.error} onRetry={pair.reload} />;
  if (!p) return <Loading />;
  const titles = sectionTitles(benchmark.data);
  const relevant = (assessments.data ?? []).filter(
    (a) =>
      a.benchmarkCode === p.benchmarkCode &&
      [p.mentorOrganisation.id, p.menteeOrganisation.id].includes(a.organisation.id),
  );
  const own = relevant.filter((a) => a.organisation.id === p.menteeOrganisation.id);
  const latestOwn = [...own].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  // `?section=code` (a dashboard cell with several plans): only the plans on that section.
  const section = query.section;
  const shown = section ? plans.data?.filter((plan) => plan.sectionCodes.includes(section)) : plans.data;

  return (
    <article aria-labelledby="pair-title">
      <p class="breadcrumb">
        <Link href={`/programmes/${programmeId}`}>{t('plan.backToProgramme')}</Link>
      </p>
      <header class="page-header plan-header">
        <div>
          <h1 id="pair-title">
            {t('pair.name', { mentor: p.mentorOrganisation.name, mentee: p.menteeOrganisation.name })}
          </h1>
          <p class="muted">
            <span lang="en">{benchmark.data?.title ?? p.benchmarkCode}</span> ·{' '}
            {t('pair.yourSide', { side: sideLabel(p.mySide) })} · {t('pair.since', { date: formatDate(p.createdAt) })}
            {p.status === 'ended' && (
              <>
                {' '}
                <Badge>{t('pair.ended')}</Badge>
              </>
            )}
          </p>
          {p.focusSectionCodes.length > 0 && (
            <p>
              {t('pair.focus')} <span lang="en">{p.focusSectionCodes.map((c) => titles.get(c) ?? c).join(' · ')}</span>
            </p>
          )}
        </div>
      </header>

      <div class="columns">
        <section class="panel" id="plans" aria-labelledby="plans-title">
          <h2 id="plans-title">{t('pair.plans')}</h2>
          {section && (
            <p data-testid="plans-filter">
              {t('pair.plansOnSection')} <span lang="en">{titles.get(section) ?? section}</span> ·{' '}
              <Link href={`/programmes/${programmeId}/pairs/${pairId}`}>{t('pair.allPlans')}</Link>
            </p>
          )}
          {plans.error !== undefined && <ErrorNotice error={plans.error} onRetry={plans.reload} />}
          {!plans.data && plans.error === undefined && <Loading />}
          {shown && shown.length === 0 && <p>{t('pair.noPlans')}</p>}
          {shown && shown.length > 0 && (
            <ul class="plain-list" data-testid="plans">
              {shown.map((plan) => (
                <li key={plan.id}>
                  <Link href={`/programmes/${programmeId}/plans/${plan.id}`}>
                    <span data-user-content>{plan.title}</span>
                  </Link>{' '}
                  <Badge tone={PLAN_STATE_TONE[plan.state]}>{planStateLabel(plan.state)}</Badge>
                  <br />
                  <span class="muted">
                    {tn('pair.milestones', plan.milestoneCounts.total)}
                    {plan.milestoneCounts.late > 0 && ` · ${tn('pair.late', plan.milestoneCounts.late)}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {p.can.createPlan && <NewPlan pair={p} sections={titles} fromAssessmentId={latestOwn?.id} />}
        </section>

        <section class="panel" aria-labelledby="assessments-title">
          <h2 id="assessments-title">{t('pair.assessments')}</h2>
          {assessments.error !== undefined && <ErrorNotice error={assessments.error} onRetry={assessments.reload} />}
          {relevant.length === 0 && assessments.data && <p>{t('pair.noAssessments')}</p>}
          <ul class="plain-list">
            {relevant.map((a) => (
              <AssessmentLine key={a.id} programmeId={programmeId} a={a} />
            ))}
          </ul>
          {p.can.startAssessment && assessments.data && <StartAssessment pair={p} own={own} />}
        </section>
      </div>
    </article>
  );
}
