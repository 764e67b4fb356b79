/**
 * The gaps a plan closes, as the self-assessment it started from left them: each guide question with the
 * city's rating and evidence, the section's standard, the toolkit's city examples beside them, and which
 * milestones address each gap ("not covered yet" when none does). Mentee and mentor see the same.
 */
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import type { Benchmark } from '../../benchmark-cache';
import { ExampleLinks } from '../../components/example-links';
import { Badge } from '../../components/status';
import { t, tn, type MessageKey } from '../../i18n';
import { Link } from '../../router';
import type { Plan } from './plan-details';

/** Guide question texts by code, from the cached benchmark. */
export function questionTexts(benchmark: Benchmark | undefined): Map<string, string> {
  return new Map((benchmark?.sections ?? []).flatMap((s) => s.guideQuestions.map((q) => [q.code, q.text] as const)));
}

const RATING: Record<string, MessageKey> = { '0': 'rating.0', '1': 'rating.1', '2': 'rating.2', null: 'rating.na' };

export function PlanGaps({
  plan,
  benchmark,
  programmeId,
}: {
  plan: Plan;
  benchmark: Benchmark | undefined;
  programmeId: string;
}) {
  const sourceId = plan.sourceAssessmentId;
  // Both sides of the pair may read the assessment; anyone who may not still sees the questions.
  const source = useResource(
    (signal) =>
      sourceId ? api.get('/api/v1/assessments/{id}', { path: { id: sourceId }, signal }) : Promise.resolve(null),
    [sourceId],
  );
  if (plan.gapQuestionCodes.length === 0) return null;

  const answers = new Map((source.data?.answers ?? []).map((a) => [a.questionCode, a]));
  const uncovered = new Set(plan.uncoveredGapQuestionCodes);
  const gaps = new Set(plan.gapQuestionCodes);
  const sections = [...(benchmark?.sections ?? [])]
    .sort((a, b) => a.order - b.order)
    .map((s) => ({ ...s, gaps: s.guideQuestions.filter((q) => gaps.has(q.code)) }))
    .filter((s) => s.gaps.length > 0);
  const addressedBy = (code: string) => plan.milestones.filter((m) => m.gapQuestionCodes.includes(code));

  return (
    <section class="panel plan-gaps" aria-labelledby="plan-gaps-title" data-testid="plan-gaps">
      <h2 id="plan-gaps-title">{t('gaps.title')}</h2>
      <p class="muted">
        {source.data ? (
          <>
            {t('gaps.from', {
              city: source.data.organisation.name,
              phase: t(source.data.phase === 'baseline' ? 'assessment.baseline' : 'assessment.followUp'),
            })}{' '}
            <Link href={`/programmes/${programmeId}/assessments/${source.data.id}?step=scores`}>
              {t('gaps.openAssessment')}
            </Link>
          </>
        ) : (
          t('gaps.intro')
        )}
      </p>
      {uncovered.size > 0 && plan.milestones.length > 0 && (
        <p data-testid="gaps-uncovered-count">{tn('gaps.uncoveredCount', uncovered.size)}</p>
      )}
      {sections.map((s) => (
        <div key={s.code} class="plan-gaps__section">
          <h3 lang="en">
            <span class="section-number">{s.order}.</span> {s.title}
          </h3>
          <p class="standard standard--main">
            <strong class="standard__label">{t('benchmark.standard')}</strong> <span lang="en">{s.standard}</span>
          </p>
          <div class="plan-gaps__grid">
            <ol class="plan-gaps__list">
              {s.gaps.map((q) => {
                const answer = answers.get(q.code);
                const by = addressedBy(q.code);
                return (
                  <li
                    key={q.code}
                    id={`gap-${q.code}`}
                    class={uncovered.has(q.code) ? 'gap gap--uncovered' : 'gap'}
                    data-testid="gap"
                  >
                    <p class="gap__question" lang="en">
                      {q.text}
                    </p>
                    <p class="gap__meta">
                      {answer && (
                        <Badge tone={answer.rating === 0 ? 'late' : 'warn'}>
                          <span class="visually-hidden">{t('gaps.rating')} </span>
                          {t(RATING[String(answer.rating)])}
                        </Badge>
                      )}{' '}
                      {uncovered.has(q.code) ? (
                        <Badge tone="warn">{t('gaps.notCovered')}</Badge>
                      ) : (
                        <span class="muted">
                          {t('gaps.addressedBy')}{' '}
                          {by.map((m, i) => (
                            <span key={m.id}>
                              {i > 0 && ', '}
                              <a href={`#milestone-${m.id}`} data-user-content>
                                “{m.title}”
                              </a>
                            </span>
                          ))}
                        </span>
                      )}
                    </p>
                    {answer &&
                      (answer.evidence.trim() ? (
                        <p class="gap__evidence">
                          <span class="muted">{t('gaps.evidence')}</span>{' '}
                          <span data-user-content>{answer.evidence}</span>
                        </p>
                      ) : (
                        <p class="muted gap__evidence--none">{t('gaps.noEvidence')}</p>
                      ))}
                  </li>
                );
              })}
            </ol>
            <div class="plan-gaps__examples">
              <h4>{t('gaps.examples')}</h4>
              {s.examples.length === 0 ? (
                <p class="muted">{t('benchmark.examples.empty')}</p>
              ) : (
                <ul class="examples">
                  {s.examples.map((example, i) => (
                    <li key={`${example.city}-${i}`} class="example">
                      <p class="example__city" lang="en">
                        <strong>{example.city}</strong>
                      </p>
                      <p lang="en">{example.text}</p>
                      <ExampleLinks links={example.links} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </div>
      ))}
    </section>
  );
}
