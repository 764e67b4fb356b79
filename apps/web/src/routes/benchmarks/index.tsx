import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { usePageTitle } from '../../components/page-title';
import { ErrorNotice, Loading } from '../../components/status';
import { t, tn } from '../../i18n';
import { Link } from '../../router';

export default function BenchmarksPage() {
  usePageTitle(t('benchmarks.title'));
  const benchmarks = useResource((signal) => api.get('/api/v1/benchmarks', { signal }), []);
  const list = benchmarks.data;

  return (
    <section aria-labelledby="benchmarks-title">
      <h1 id="benchmarks-title">{t('benchmarks.title')}</h1>
      <p class="lead">{t('benchmarks.intro')}</p>
      {benchmarks.error !== undefined && <ErrorNotice error={benchmarks.error} onRetry={benchmarks.reload} />}
      {!list && benchmarks.loading && <Loading />}
      {list && list.length === 0 && <p>{t('benchmarks.empty')}</p>}
      {list && list.length > 0 && (
        <ul class="cards">
          {list.map((b) => (
            <li key={b.code} class="card">
              <h2 class="card__title">
                <Link href={`/benchmarks/${encodeURIComponent(b.code)}`}>{b.title}</Link>
              </h2>
              <p class="card__text">{b.standard}</p>
              <p class="muted">
                {tn('benchmarks.sections', b.sectionCount)} · {tn('benchmarks.questions', b.guideQuestionCount)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
