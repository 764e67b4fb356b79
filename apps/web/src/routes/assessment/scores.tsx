/**
 * The result of a self-assessment: a score per section (chart, with the cities' average), the guide
 * questions not met, and "start a plan from these gaps"; context factors with the city's notes.
 */
import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import type { Benchmark } from '../../benchmark-cache';
import { SaveStateHint, useAutosave } from '../../components/autosave';
import { BarChart } from '../../components/charts';
import { ErrorNotice } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatPercent, formatPoints, t } from '../../i18n';
import { useNavigate } from '../../router';

type Assessment = Schemas['AssessmentDto'];
type Pair = Schemas['PairDto'];

export function ScoresStep({
  assessment,
  benchmark,
  pair,
}: {
  assessment: Assessment;
  benchmark: Benchmark;
  pair: Pair | undefined;
}) {
  const sections = [...benchmark.sections].sort((a, b) => a.order - b.order);
  const scores = new Map(assessment.sections.map((s) => [s.sectionCode, s]));
  const peers = new Map(assessment.peerComparison.map((p) => [p.sectionCode, p]));
  const deltas = new Map((assessment.deltaFromBaseline ?? []).map((d) => [d.sectionCode, d.delta]));
  const questions = new Map(sections.flatMap((s) => s.guideQuestions.map((q) => [q.code, q.text] as const)));
  // The legend promises the cities' average only when there is one to draw.
  const withPeers = assessment.peerComparison.some((p) => p.average !== null);
  const withGaps = sections.filter((s) => (scores.get(s.code)?.gaps.length ?? 0) > 0);

  return (
    <>
      <section class="panel" aria-labelledby="scores-title">
        <h2 id="scores-title">{t('assessment.scoresTitle')}</h2>
        <p>
          {t('assessment.overall', { score: formatPercent(assessment.overall) })} ·{' '}
          {t('assessment.answered', { answered: assessment.answered, questions: assessment.questions })}
        </p>
        <BarChart
          title={t(withPeers ? 'assessment.chartTitle' : 'assessment.chartTitleAlone', {
            city: assessment.organisation.name,
          })}
          series={[{ name: assessment.organisation.name, tone: 'a' }]}
          markerName={withPeers ? t('assessment.peerAverage') : undefined}
          rows={sections.map((s) => ({
            label: `${s.order}. ${s.title}`,
            values: [scores.get(s.code)?.score ?? null],
            marker: withPeers ? (peers.get(s.code)?.average ?? null) : undefined,
          }))}
        />
        {!withPeers && <p class="muted">{t('assessment.noPeers')}</p>}
        {deltas.size > 0 && (
          <ul class="plain-list">
            {sections.map((s) => {
              const d = deltas.get(s.code);
              return d === undefined || d === null ? null : (
                <li key={s.code}>
                  <span lang="en">{s.title}</span>: {t('assessment.delta', { delta: formatPoints(d) })}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section class="panel" aria-labelledby="gaps-title">
        <h2 id="gaps-title">{t('assessment.gapsTitle')}</h2>
        {withGaps.length === 0 ? (
          <p>{t('assessment.noGaps')}</p>
        ) : (
          <>
            <p>{t('assessment.gapsIntro')}</p>
            {withGaps.map((s) => (
              <div key={s.code} class="gap-section">
                <h3>
                  <span lang="en">
                    {s.order}. {s.title}
                  </span>{' '}
                  <span class="muted">· {formatPercent(scores.get(s.code)?.score)}</span>
                </h3>
                <ul class="bullets">
                  {scores.get(s.code)!.gaps.map((code) => (
                    <li key={code} lang="en">
                      {questions.get(code) ?? code}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {pair?.can.createPlan && (
              <PlanFromGaps
                assessment={assessment}
                pair={pair}
                sections={withGaps.map((s) => ({ code: s.code, title: s.title, gaps: scores.get(s.code)!.gaps }))}
              />
            )}
          </>
        )}
      </section>
    </>
  );
}

function PlanFromGaps({
  assessment,
  pair,
  sections: withGaps,
}: {
  assessment: Assessment;
  pair: Pair;
  sections: { code: string; title: string; gaps: string[] }[];
}) {
  // A pair's plans stay inside its focus (none set: every section), as the API requires: offer only those.
  const sections =
    pair.focusSectionCodes.length === 0 ? withGaps : withGaps.filter((s) => pair.focusSectionCodes.includes(s.code));
  const [chosen, setChosen] = useState<string[]>(
    (pair.focusSectionCodes.length === 0 ? sections.slice(0, 1) : sections).map((s) => s.code),
  );
  const first = sections.find((s) => s.code === chosen[0]);
  const [title, setTitle] = useState('');
  const navigate = useNavigate();
  const { busy, error, submit } = useSubmit();
  const suggested = first
    ? t('assessment.planTitle', { section: first.title, city: assessment.organisation.name })
    : '';

  const start = async () => {
    // The plan starts with the gaps shown here for the sections chosen, in the benchmark's order.
    const gapQuestionCodes = sections.filter((s) => chosen.includes(s.code)).flatMap((s) => s.gaps);
    const plan = await api.post('/api/v1/pairs/{id}/action-plans', {
      path: { id: pair.id },
      body: {
        title: (title.trim() || suggested).slice(0, 200),
        sectionCodes: chosen,
        fromAssessmentId: assessment.id,
        gapQuestionCodes,
      },
    });
    navigate(`/programmes/${pair.programmeId}/plans/${plan.id}`);
  };

  if (sections.length === 0) {
    return (
      <div class="plan-from-gaps">
        <h3 id="from-gaps-title">{t('assessment.startPlan')}</h3>
        <p>{t('assessment.noGapInFocus')}</p>
      </div>
    );
  }

  return (
    <form class="form plan-from-gaps" onSubmit={submit(start)} aria-labelledby="from-gaps-title">
      <h3 id="from-gaps-title">{t('assessment.startPlan')}</h3>
      <fieldset class="checks">
        <legend>
          {t(pair.focusSectionCodes.length === 0 ? 'assessment.chooseSections' : 'assessment.chooseFocusSections')}
        </legend>
        {sections.map((s) => (
          <label key={s.code} class="check">
            <input
              type="checkbox"
              checked={chosen.includes(s.code)}
              onChange={(e) =>
                setChosen(e.currentTarget.checked ? [...chosen, s.code] : chosen.filter((c) => c !== s.code))
              }
            />{' '}
            <span lang="en">{s.title}</span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="gap-plan-title">{t('plan.field.title')}</label>
        <input
          id="gap-plan-title"
          maxLength={200}
          placeholder={suggested}
          value={title}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      {error !== null && <ErrorNotice error={error} />}
      <button type="submit" class="button" disabled={busy || chosen.length === 0}>
        {t('assessment.startPlanSubmit')}
      </button>
    </form>
  );
}

export function ContextStep({ assessment, benchmark }: { assessment: Assessment; benchmark: Benchmark }) {
  const notes = new Map(assessment.contextNotes.map((n) => [n.factorCode, n.note]));
  return (
    <section class="panel" aria-labelledby="context-title">
      <h2 id="context-title">{t('benchmark.contextFactors')}</h2>
      <p>{t('assessment.contextIntro')}</p>
      <ul class="plain-list">
        {benchmark.contextFactors.map((f) => (
          <ContextFactor key={f.code} assessment={assessment} factor={f} initial={notes.get(f.code) ?? ''} />
        ))}
      </ul>
    </section>
  );
}

function ContextFactor({
  assessment,
  factor,
  initial,
}: {
  assessment: Assessment;
  factor: Benchmark['contextFactors'][number];
  initial: string;
}) {
  const [error, setError] = useState<unknown>(null);
  const saver = useAutosave(
    async (text: string) => {
      if (!assessment.canAnswer) return false;
      setError(null);
      try {
        await api.put('/api/v1/assessments/{id}/context/{factorCode}', {
          path: { id: assessment.id, factorCode: factor.code },
          body: { note: text.trim() },
        });
        return true;
      } catch (caught) {
        setError(caught);
        return false;
      }
    },
    800,
    `context:${assessment.id}:${factor.code}`,
  );
  const [note, setNote] = useState(saver.restored ?? initial);
  return (
    <li class="context-factor">
      <label for={`factor-${factor.code}`} lang="en">
        {factor.title}
      </label>
      {factor.examples.length > 0 && (
        <p class="hint" id={`factor-hint-${factor.code}`} lang="en">
          {factor.examples.join(' · ')}
        </p>
      )}
      <textarea
        id={`factor-${factor.code}`}
        rows={2}
        readOnly={!assessment.canAnswer}
        aria-describedby={factor.examples.length > 0 ? `factor-hint-${factor.code}` : undefined}
        value={note}
        onInput={(e) => {
          setNote(e.currentTarget.value);
          saver.changed(e.currentTarget.value);
        }}
        onBlur={saver.flush}
      />
      <SaveStateHint state={saver.state} />
      {error !== null && <ErrorNotice error={error} />}
    </li>
  );
}
