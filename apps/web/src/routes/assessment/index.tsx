/**
 * The self-assessment wizard: `/programmes/:id/assessments/:assessmentId?step=<section|context|scores>`.
 * One step per benchmark section, then context factors, then scores and gaps. Answers save as they
 * change; the scores follow (the assessment is read again shortly after each save).
 */
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { loadBenchmark } from '../../benchmark-cache';
import { usePageTitle } from '../../components/page-title';
import { Badge, ErrorNotice, Loading } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatPercent, t } from '../../i18n';
import { useLiveReload } from '../../realtime';
import { Link, useNavigate, type PageProps } from '../../router';
import { SectionStep } from './questions';
import { ContextStep, ScoresStep } from './scores';
import '../../work.css';
import '../../assessment.css';

export default function AssessmentPage({ params, query }: PageProps) {
  const programmeId = params.id;
  const id = params.assessmentId;
  const assessment = useResource((signal) => api.get('/api/v1/assessments/{id}', { path: { id }, signal }), [id]);
  const code = assessment.data?.benchmarkCode;
  const benchmark = useResource(() => (code ? loadBenchmark(code) : Promise.resolve(undefined)), [code]);
  const pairs = useResource(
    (signal) => api.get('/api/v1/programmes/{id}/pairs', { path: { id: programmeId }, signal }),
    [programmeId],
  );
  const navigate = useNavigate();
  const { busy: submitting, error: submitError, submit: onSubmitting } = useSubmit();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  // The mentor's calibration, the city's answers, a submit elsewhere: shown as they happen.
  useLiveReload(`assessment:${id}`, assessment.reload);
  const refresh = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(assessment.reload, 400);
  };

  const a = assessment.data;
  const b = benchmark.data;
  usePageTitle(a ? t('assessment.title', { city: a.organisation.name }) : undefined);
  const step = query.step;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: false }), [step]);
  // On a phone the steps scroll sideways: keep the current one in view.
  const ready = Boolean(assessment.data && benchmark.data);
  useEffect(() => {
    const link = document.querySelector('.steps [aria-current="step"]');
    const list = link?.closest('ol');
    if (link && list) list.scrollLeft += link.getBoundingClientRect().left - list.getBoundingClientRect().left - 16;
  }, [step, ready]);

  if (assessment.error !== undefined) return <ErrorNotice error={assessment.error} onRetry={assessment.reload} />;
  if (benchmark.error !== undefined) return <ErrorNotice error={benchmark.error} onRetry={benchmark.reload} />;
  if (!a || !b) return <Loading />;

  const sections = [...b.sections].sort((x, y) => x.order - y.order);
  const steps = [...sections.map((s) => s.code), 'context', 'scores'];
  const current = step && steps.includes(step) ? step : sections[0].code;
  const index = steps.indexOf(current);
  const section = sections.find((s) => s.code === current);
  const scores = new Map(a.sections.map((s) => [s.sectionCode, s]));
  const pair = pairs.data?.find(
    (p) =>
      p.menteeOrganisation.id === a.organisation.id && p.benchmarkCode === a.benchmarkCode && p.status === 'active',
  );
  const base = `/programmes/${programmeId}/assessments/${id}`;
  const go = (to: string) => navigate(`${base}?step=${encodeURIComponent(to)}`);
  const stepTitle = section
    ? `${section.order}. ${section.title}`
    : current === 'context'
      ? t('benchmark.contextFactors')
      : t('assessment.scoresTitle');

  const submit = onSubmitting(async () => {
    if (!window.confirm(t('assessment.confirmSubmit'))) return;
    await api.post('/api/v1/assessments/{id}/submit', { path: { id } });
    assessment.reload();
  });

  return (
    <article aria-labelledby="assessment-title">
      <p class="breadcrumb">
        <Link href={pair ? `/programmes/${programmeId}/pairs/${pair.id}` : `/programmes/${programmeId}`}>
          {pair ? t('assessment.backToPair') : t('plan.backToProgramme')}
        </Link>
      </p>
      <header class="page-header">
        <h1 id="assessment-title">{t('assessment.title', { city: a.organisation.name })}</h1>
        <p>
          <span lang="en">{b.title}</span> · {t(a.phase === 'baseline' ? 'assessment.baseline' : 'assessment.followUp')}{' '}
          <Badge tone={a.status === 'submitted' ? 'good' : 'neutral'}>
            {t(a.status === 'submitted' ? 'assessment.submitted' : 'assessment.draft')}
          </Badge>
        </p>
        <p class="muted" data-testid="assessment-summary">
          {t('assessment.overall', { score: formatPercent(a.overall) })} ·{' '}
          {t('assessment.answered', { answered: a.answered, questions: a.questions })}
        </p>
        <div class="meter">
          <progress max={a.questions} value={a.answered} aria-label={t('assessment.progressLabel')} />
        </div>
      </header>

      <nav class="steps" aria-label={t('assessment.steps')}>
        <ol>
          {sections.map((s) => {
            const score = scores.get(s.code);
            return (
              <li key={s.code}>
                <Link href={`${base}?step=${s.code}`} aria-current={current === s.code ? 'step' : undefined}>
                  <span class="steps__number">{s.order}</span>{' '}
                  <span class="steps__name" lang="en">
                    {s.title}
                  </span>
                  <span class="steps__score">{formatPercent(score?.score)}</span>
                </Link>
              </li>
            );
          })}
          <li>
            <Link href={`${base}?step=context`} aria-current={current === 'context' ? 'step' : undefined}>
              <span class="steps__name">{t('benchmark.contextFactors')}</span>
            </Link>
          </li>
          <li>
            <Link href={`${base}?step=scores`} aria-current={current === 'scores' ? 'step' : undefined}>
              <span class="steps__name">{t('assessment.scoresTitle')}</span>
            </Link>
          </li>
        </ol>
      </nav>

      <h2 class="step-title" ref={heading} tabIndex={-1}>
        <span class="muted">{t('assessment.stepOf', { step: index + 1, steps: steps.length })}</span>{' '}
        <span lang={section ? 'en' : undefined}>{stepTitle}</span>
      </h2>

      {section && <SectionStep assessment={a} section={section} onSaved={refresh} />}
      {current === 'context' && <ContextStep assessment={a} benchmark={b} />}
      {current === 'scores' && <ScoresStep assessment={a} benchmark={b} pair={pair} />}

      <div class="actions step-actions">
        {index > 0 && (
          <button type="button" class="button button--secondary" onClick={() => go(steps[index - 1])}>
            {t('assessment.previous')}
          </button>
        )}
        {index < steps.length - 1 && (
          <button type="button" class="button" onClick={() => go(steps[index + 1])}>
            {t('assessment.next')}
          </button>
        )}
        {current === 'scores' && a.canAnswer && a.status === 'draft' && (
          <button type="button" class="button" disabled={submitting} onClick={submit}>
            {t('assessment.submit')}
          </button>
        )}
      </div>
      {submitError !== null && <ErrorNotice error={submitError} />}
    </article>
  );
}
