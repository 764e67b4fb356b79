import { api, type Schemas } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { usePageTitle } from '../../components/page-title';
import { ExampleLinks } from '../../components/example-links';
import { ErrorNotice, Loading } from '../../components/status';
import { formatDate, t } from '../../i18n';
import { Link, type PageProps } from '../../router';
import '../../work.css';
import '../../assessment.css';

type Section = Schemas['BenchmarkSectionDto'];

function SectionView({ section }: { section: Section }) {
  const id = `section-${section.code}`;
  return (
    <section class="panel benchmark-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <span class="section-number">{section.order}.</span> {section.title}
      </h2>
      <h3>{t('benchmark.standard')}</h3>
      <p class="standard">{section.standard}</p>
      <h3>{t('benchmark.rationale')}</h3>
      <p>{section.rationale}</p>
      <h3>{t('benchmark.guideQuestions')}</h3>
      <ol class="questions">
        {section.guideQuestions.map((q) => (
          <li key={q.code}>{q.text}</li>
        ))}
      </ol>
      <h3>{t('benchmark.examples')}</h3>
      {section.examples.length === 0 ? (
        <p>{t('benchmark.examples.empty')}</p>
      ) : (
        <ul class="examples">
          {section.examples.map((example, index) => (
            <li key={`${example.city}-${index}`} class="example">
              <h4 class="example__city">{example.city}</h4>
              <p>{example.text}</p>
              <ExampleLinks links={example.links} />
              {example.contact && <p class="muted">{t('benchmark.contact', { contact: example.contact })}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function BenchmarkPage({ params }: PageProps) {
  const code = params.code;
  const benchmark = useResource((signal) => api.get('/api/v1/benchmarks/{code}', { path: { code }, signal }), [code]);
  const b = benchmark.data;
  usePageTitle(b?.title);

  if (benchmark.error !== undefined) return <ErrorNotice error={benchmark.error} onRetry={benchmark.reload} />;
  if (!b) return <Loading />;
  const sections = [...b.sections].sort((x, y) => x.order - y.order);

  return (
    <article aria-labelledby="benchmark-title">
      <p class="breadcrumb">
        <Link href="/benchmarks">{t('benchmark.all')}</Link>
      </p>
      <header class="page-header">
        <h1 id="benchmark-title">{b.title}</h1>
        <p class="standard standard--main">
          <strong class="standard__label">{t('benchmark.standard')}</strong> {b.standard}
        </p>
        {b.introduction && <p class="lead">{b.introduction}</p>}
        <p class="muted">{t('benchmark.imported', { date: formatDate(b.importedAt) })}</p>
      </header>

      <nav class="panel toc" aria-labelledby="toc-title">
        <h2 id="toc-title">{t('benchmark.contents')}</h2>
        <ol>
          {sections.map((s) => (
            <li key={s.code}>
              <a href={`#section-${s.code}`}>{s.title}</a>
            </li>
          ))}
          {b.contextFactors.length > 0 && (
            <li class="toc__extra">
              <a href="#context-factors">{t('benchmark.contextFactors')}</a>
            </li>
          )}
        </ol>
      </nav>

      {sections.map((s) => (
        <SectionView key={s.code} section={s} />
      ))}

      {b.contextFactors.length > 0 && (
        <section class="panel" id="context-factors" aria-labelledby="context-factors-title">
          <h2 id="context-factors-title">{t('benchmark.contextFactors')}</h2>
          <p>{t('benchmark.contextFactors.intro')}</p>
          <dl class="factors">
            {b.contextFactors.map((f) => (
              <div key={f.code}>
                <dt>{f.title}</dt>
                {f.examples.length > 0 && <dd>{f.examples.join(' · ')}</dd>}
              </div>
            ))}
          </dl>
        </section>
      )}
    </article>
  );
}
