/**
 * The coordinator forms the consortium: `/programmes/:id/manage`. Pair suggestions (a mentor's strong
 * sections against a mentee's gaps), pairs created by hand, invitations for people of the
 * programme's organisations, and the programme's settings (`#settings`).
 */
import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { usePageTitle } from '../../components/page-title';
import { ErrorNotice, Loading } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatPercent, t } from '../../i18n';
import { Link, useScrollToHash, type PageProps } from '../../router';
import { Invitations } from './invitations';
import { SuggestedMentor, type CreatePairHandler } from './pair-suggestion';
import { ProgrammeLifecycle } from './lifecycle';
import { ProgrammeSettings } from './settings';
import '../../work.css';
import '../../coordination.css';

type Suggestions = Schemas['PairSuggestionsDto'];
type Organisation = Schemas['OrganisationDto'];

function useCreatePair(programmeId: string, onCreated: () => void) {
  const { running: busy, error, submit } = useSubmit();
  /** A handler creating the pair; `key` says which button is busy meanwhile. */
  const create: CreatePairHandler = (key, body, then) =>
    submit(async () => {
      await api.post('/api/v1/programmes/{id}/pairs', { path: { id: programmeId }, body });
      then?.();
      onCreated();
    }, key);
  return { busy, error, create };
}

function SuggestionList({
  programmeId,
  data,
  onCreated,
}: {
  programmeId: string;
  data: Suggestions;
  onCreated: () => void;
}) {
  const { busy, error, create } = useCreatePair(programmeId, onCreated);
  if (data.mentees.length === 0) return <p>{t('manage.noSuggestions')}</p>;
  return (
    <>
      {error !== null && <ErrorNotice error={error} />}
      <ul class="plain-list suggestions" data-testid="suggestions">
        {data.mentees.map((s) => (
          <li key={s.mentee.id}>
            <h3>{s.mentee.name}</h3>
            <p class="muted">
              {t('manage.gaps')}{' '}
              {s.gaps.length === 0
                ? t('manage.noGaps')
                : s.gaps.map((g) => `${g.title} (${formatPercent(g.score)})`).join(' · ')}
            </p>
            {s.candidates.length === 0 ? (
              <p>{t('manage.noCandidates')}</p>
            ) : (
              <ol class="candidates">
                {s.candidates.slice(0, 3).map((c) => (
                  <SuggestedMentor
                    key={c.mentor.id}
                    programmeId={programmeId}
                    benchmarkCode={data.benchmarkCode}
                    suggestion={s}
                    candidate={c}
                    busy={busy !== null}
                    create={create}
                  />
                ))}
              </ol>
            )}
          </li>
        ))}
      </ul>
      {data.citiesWithoutBaseline.length > 0 && (
        <p class="muted">
          {t('manage.withoutBaseline')} {data.citiesWithoutBaseline.map((c) => c.name).join(', ')}
        </p>
      )}
    </>
  );
}

function CreatePair({
  programmeId,
  cities,
  benchmarkCode,
  onCreated,
}: {
  programmeId: string;
  cities: Organisation[];
  benchmarkCode: string;
  onCreated: () => void;
}) {
  const [mentor, setMentor] = useState('');
  const [mentee, setMentee] = useState('');
  const { busy, error, create } = useCreatePair(programmeId, () => {
    setMentor('');
    setMentee('');
    onCreated();
  });
  return (
    <form
      class="form form--grid"
      onSubmit={create('manual', { benchmarkCode, mentorOrganisationId: mentor, menteeOrganisationId: mentee })}
    >
      <div class="field">
        <label for="pair-mentor">{t('manage.mentorCity')}</label>
        <select id="pair-mentor" required value={mentor} onChange={(e) => setMentor(e.currentTarget.value)}>
          <option value="">{t('manage.choose')}</option>
          {cities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="pair-mentee">{t('manage.menteeCity')}</label>
        <select id="pair-mentee" required value={mentee} onChange={(e) => setMentee(e.currentTarget.value)}>
          <option value="">{t('manage.choose')}</option>
          {cities
            .filter((c) => c.id !== mentor)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
      </div>
      {error !== null && <ErrorNotice error={error} />}
      <div class="actions field--wide">
        <button type="submit" class="button" disabled={busy !== null || !mentor || !mentee}>
          {t('manage.createPair')}
        </button>
      </div>
    </form>
  );
}

export default function ManagePage({ params }: PageProps) {
  const id = params.id;
  const programme = useResource((signal) => api.get('/api/v1/programmes/{id}', { path: { id }, signal }), [id]);
  const benchmarks = useResource((signal) => api.get('/api/v1/benchmarks', { signal }), []);
  const [chosen, setChosen] = useState('');
  const code = chosen || benchmarks.data?.[0]?.code || '';
  const suggestions = useResource(
    (signal) =>
      code
        ? api.get('/api/v1/programmes/{id}/pair-suggestions', { path: { id }, query: { benchmark: code }, signal })
        : Promise.resolve(undefined),
    [id, code],
  );
  const pairs = useResource((signal) => api.get('/api/v1/programmes/{id}/pairs', { path: { id }, signal }), [id]);
  usePageTitle(t('manage.title'));
  // A link to the settings (`#settings`, as the dashboard gives) scrolls there when what is above it has loaded.
  const settled = (r: { data?: unknown; error?: unknown }) => r.data !== undefined || r.error !== undefined;
  useScrollToHash(settled(programme) && settled(suggestions) && settled(pairs));
  const created = () => {
    pairs.reload();
    suggestions.reload();
  };

  if (programme.error !== undefined) return <ErrorNotice error={programme.error} onRetry={programme.reload} />;
  const p = programme.data;
  if (!p) return <Loading />;
  const cities = [...p.organisations].filter((o) => o.kind === 'city').sort((a, b) => a.name.localeCompare(b.name));

  return (
    <article aria-labelledby="manage-title">
      <p class="breadcrumb">
        <Link href={`/programmes/${id}`}>{t('plan.backToProgramme')}</Link>
      </p>
      <header class="page-header">
        <h1 id="manage-title">{t('manage.title')}</h1>
        <p class="lead">{p.name}</p>
      </header>

      {p.can.manage && (
        <section class="panel" aria-labelledby="suggestions-title">
          <h2 id="suggestions-title">{t('manage.suggestions')}</h2>
          <p>{t('manage.suggestionsIntro')}</p>
          {benchmarks.data && benchmarks.data.length > 1 && (
            <div class="field field--inline">
              <label for="benchmark-choice">{t('nav.benchmarks')}</label>
              <select id="benchmark-choice" value={code} onChange={(e) => setChosen(e.currentTarget.value)}>
                {benchmarks.data.map((b) => (
                  <option key={b.code} value={b.code}>
                    {b.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          {suggestions.error !== undefined ? (
            <ErrorNotice error={suggestions.error} onRetry={suggestions.reload} />
          ) : !suggestions.data ? (
            <Loading />
          ) : (
            <SuggestionList programmeId={id} data={suggestions.data} onCreated={created} />
          )}
        </section>
      )}

      <div class="columns">
        <section class="panel" aria-labelledby="pairs-title">
          <h2 id="pairs-title">{t('programme.pairs')}</h2>
          {pairs.data && (
            <ul class="plain-list" data-testid="pair-list">
              {pairs.data.map((pair) => (
                <li key={pair.id}>
                  <Link href={`/programmes/${id}/pairs/${pair.id}`}>
                    {t('pair.name', { mentor: pair.mentorOrganisation.name, mentee: pair.menteeOrganisation.name })}
                  </Link>
                  {pair.status === 'ended' && <span class="muted"> · {t('pair.ended')}</span>}
                </li>
              ))}
            </ul>
          )}
          {p.can.manage && <h3>{t('manage.newPair')}</h3>}
          {p.can.manage && code && (
            <CreatePair programmeId={id} cities={cities} benchmarkCode={code} onCreated={created} />
          )}
        </section>
        {p.can.manage && <Invitations programmeId={id} organisations={p.organisations} />}
      </div>

      {p.can.manage && <ProgrammeSettings programme={p} onSaved={programme.reload} />}
      {(p.can.close || p.can.reopen) && <ProgrammeLifecycle programme={p} onChanged={programme.reload} />}
    </article>
  );
}
