import type { ComponentChildren } from 'preact';
import { api, type Schemas } from '../../api/client';
import { useResource, type Resource } from '../../api/use-resource';
import { usePageTitle } from '../../components/page-title';
import { Badge, ErrorNotice, Loading } from '../../components/status';
import { formatCountry, formatDate, t, tn } from '../../i18n';
import type { PageProps } from '../../router';
import { kindLabel, roleLabel, statusLabel, type MilestoneStatus } from './labels';
import { Link } from '../../router';
import { sideLabel } from '../../components/labels';
import { useLiveReload } from '../../realtime';
import '../../work.css';
import '../../coordination.css';

type Milestone = Schemas['ConsortiumMilestoneDto'];
type Pair = Schemas['PairDto'];

function Pairs({ programmeId, list }: { programmeId: string; list: Pair[] }) {
  if (list.length === 0) return <p>{t('programme.pairs.empty')}</p>;
  const sorted = [...list].sort(
    (a, b) =>
      Number(b.mySide === 'mentee' || b.mySide === 'mentor') - Number(a.mySide === 'mentee' || a.mySide === 'mentor'),
  );
  return (
    <ul class="cards" data-testid="pairs">
      {sorted.map((p) => (
        <li key={p.id} class="card">
          <h3 class="card__title">
            <Link href={`/programmes/${programmeId}/pairs/${p.id}`}>
              {t('pair.name', { mentor: p.mentorOrganisation.name, mentee: p.menteeOrganisation.name })}
            </Link>
          </h3>
          <p class="card__text muted">
            {t('pair.yourSide', { side: sideLabel(p.mySide) })}
            {p.status === 'ended' && ` · ${t('pair.ended')}`}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** One part of the page with its own loading and error state, so a failing list does not hide the others. */
function Part<T>({
  id,
  title,
  resource,
  children,
}: {
  id: string;
  title: string;
  resource: Resource<T>;
  children: (data: T) => ComponentChildren;
}) {
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {resource.error !== undefined ? (
        <ErrorNotice error={resource.error} onRetry={resource.reload} />
      ) : resource.data === undefined ? (
        <Loading />
      ) : (
        children(resource.data)
      )}
    </section>
  );
}

const STATUS_TONE: Record<MilestoneStatus, 'neutral' | 'good' | 'warn'> = {
  planned: 'neutral',
  'in-progress': 'neutral',
  done: 'good',
  blocked: 'warn',
};

function MilestoneItem({ milestone }: { milestone: Milestone }) {
  return (
    <li class={milestone.late ? 'milestone milestone--late' : 'milestone'}>
      <div class="milestone__head">
        <h3 class="milestone__title" data-user-content>
          {milestone.title}
        </h3>
        <div class="milestone__badges">
          <Badge tone={STATUS_TONE[milestone.status]}>
            <span class="visually-hidden">{t('programme.statusPrefix')} </span>
            {statusLabel(milestone.status)}
          </Badge>
          {milestone.late && <Badge tone="late">{t('programme.late')}</Badge>}
        </div>
      </div>
      <p class="milestone__due">
        <time dateTime={milestone.dueDate}>{t('programme.due', { date: formatDate(milestone.dueDate) })}</time>
      </p>
      {milestone.description && (
        <p class="milestone__text" data-user-content>
          {milestone.description}
        </p>
      )}
    </li>
  );
}

function Milestones({ list }: { list: Milestone[] }) {
  if (list.length === 0) return <p>{t('programme.milestones.empty')}</p>;
  const sorted = [...list].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const late = list.filter((m) => m.late).length;
  return (
    <>
      {late > 0 && <p class="summary summary--late">{tn('programme.milestones.late', late)}</p>}
      <ol class="milestones">
        {sorted.map((m) => (
          <MilestoneItem key={m.id} milestone={m} />
        ))}
      </ol>
    </>
  );
}

export default function ProgrammePage({ params }: PageProps) {
  const id = params.id;
  const programme = useResource((signal) => api.get('/api/v1/programmes/{id}', { path: { id }, signal }), [id]);
  const members = useResource((signal) => api.get('/api/v1/programmes/{id}/members', { path: { id }, signal }), [id]);
  const milestones = useResource(
    (signal) => api.get('/api/v1/programmes/{id}/milestones', { path: { id }, signal }),
    [id],
  );
  const pairs = useResource((signal) => api.get('/api/v1/programmes/{id}/pairs', { path: { id }, signal }), [id]);
  useLiveReload(`programme:${id}`, milestones.reload, (e) => e.type === 'programme.milestone.updated');
  const p = programme.data;
  usePageTitle(p?.name);

  if (programme.error !== undefined) return <ErrorNotice error={programme.error} onRetry={programme.reload} />;
  if (!p) return <Loading />;

  return (
    <article aria-labelledby="programme-title">
      <header class="page-header">
        <h1 id="programme-title" data-user-content>
          {p.name}
        </h1>
        {p.description && (
          <p class="lead" data-user-content>
            {p.description}
          </p>
        )}
        <dl class="facts facts--row">
          <div>
            <dt>{t('programme.period')}</dt>
            <dd>{t('programme.dates', { start: formatDate(p.startDate), end: formatDate(p.endDate) })}</dd>
          </div>
          <div>
            <dt>{t('programme.coordinator')}</dt>
            <dd>{p.coordinatorOrganisation.name}</dd>
          </div>
          <div>
            <dt>{t('programme.myRole')}</dt>
            <dd>{roleLabel(p.myRole)}</dd>
          </div>
        </dl>
        <nav class="subnav" aria-label={t('programme.sections')}>
          <ul>
            {p.myRole === 'coordinator' && (
              <>
                <li>
                  <Link href={`/programmes/${id}/dashboard`}>{t('dashboard.title')}</Link>
                </li>
                <li>
                  <Link href={`/programmes/${id}/manage`}>{t('manage.title')}</Link>
                </li>
              </>
            )}
            <li>
              <Link href={`/programmes/${id}/activity`}>{t('activity.title')}</Link>
            </li>
          </ul>
        </nav>
      </header>

      <Part id="pairs-title" title={t('programme.pairs')} resource={pairs}>
        {(list) => <Pairs programmeId={id} list={list} />}
      </Part>

      <Part id="milestones-title" title={t('programme.milestones')} resource={milestones}>
        {(list) => <Milestones list={list} />}
      </Part>

      <div class="columns">
        <section class="panel" aria-labelledby="organisations-title">
          <h2 id="organisations-title">{t('programme.organisations')}</h2>
          {p.organisations.length === 0 ? (
            <p>{t('programme.organisations.empty')}</p>
          ) : (
            <ul class="plain-list">
              {[...p.organisations]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((o) => (
                  <li key={o.id}>
                    <strong>{o.name}</strong>
                    <span class="muted">
                      {' '}
                      · {formatCountry(o.country)} · {kindLabel(o.kind)}
                    </span>
                  </li>
                ))}
            </ul>
          )}
        </section>

        <Part id="members-title" title={t('programme.members')} resource={members}>
          {(list) =>
            list.length === 0 ? (
              <p>{t('programme.members.empty')}</p>
            ) : (
              <ul class="plain-list">
                {list.map((m) => (
                  <li key={m.userId}>
                    <strong data-user-content>{m.name}</strong> <span class="muted">· {roleLabel(m.role)}</span>
                    <br />
                    <span class="muted">
                      {m.organisation.name}
                      {/* Shown to those who work with them only (coordinators, their city, its pair): else null. */}
                      {m.email !== null && (
                        <>
                          {' · '}
                          <a href={`mailto:${m.email}`} data-user-content>
                            {m.email}
                          </a>
                        </>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </Part>
      </div>
    </article>
  );
}
