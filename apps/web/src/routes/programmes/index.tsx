import { useEffect } from 'preact/hooks';
import { usePageTitle } from '../../components/page-title';
import { ErrorNotice, Loading } from '../../components/status';
import { formatDate, t } from '../../i18n';
import { loadProgrammes, useProgrammes, type ProgrammeSummary } from '../../programmes';
import { Link } from '../../router';
import { roleLabel } from './labels';

function ProgrammeCard({ programme }: { programme: ProgrammeSummary }) {
  return (
    <li class="card">
      <h2 class="card__title">
        <Link href={`/programmes/${programme.id}`}>{programme.name}</Link>
      </h2>
      {programme.description && (
        <p class="card__text" data-user-content>
          {programme.description}
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>{t('programme.period')}</dt>
          <dd>
            {t('programme.dates', { start: formatDate(programme.startDate), end: formatDate(programme.endDate) })}
          </dd>
        </div>
        <div>
          <dt>{t('programme.coordinator')}</dt>
          <dd>{programme.coordinatorOrganisation.name}</dd>
        </div>
        <div>
          <dt>{t('programme.myRole')}</dt>
          <dd>{roleLabel(programme.myRole)}</dd>
        </div>
      </dl>
    </li>
  );
}

export default function ProgrammesPage() {
  usePageTitle(t('programmes.title'));
  const { list, error, loading } = useProgrammes();
  useEffect(() => void loadProgrammes({ force: true }), []); // fresh on every visit; the header shares it

  return (
    <section aria-labelledby="programmes-title">
      <h1 id="programmes-title">{t('programmes.title')}</h1>
      {error !== undefined && <ErrorNotice error={error} onRetry={() => void loadProgrammes({ force: true })} />}
      {!list && loading && <Loading />}
      {list && list.length === 0 && <p>{t('programmes.empty')}</p>}
      {list && list.length > 0 && (
        <ul class="cards">
          {list.map((p) => (
            <ProgrammeCard key={p.id} programme={p} />
          ))}
        </ul>
      )}
    </section>
  );
}
