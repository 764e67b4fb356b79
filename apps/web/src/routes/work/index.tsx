/**
 * "My work", the home page (`/`): what waits on the signed-in person across their programmes and
 * roles, grouped by kind, each item one click from where they act. It stays current through the
 * rooms the queue names (its programmes, then its pairs: `useCappedLiveReload`) and re-reads the
 * queue on their events; the header's "My work" link shows the same count. The programmes follow below.
 */
import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { usePageTitle } from '../../components/page-title';
import { Badge, ErrorNotice, Loading } from '../../components/status';
import { t, tn } from '../../i18n';
import { loadProgrammes, useProgrammes } from '../../programmes';
import { useCappedLiveReload } from '../../realtime';
import { Link } from '../../router';
import { loadWork, useWork, type Work, type WorkItem } from '../../work';
import '../../work.css';

/** Items shown per group before "Show all". */
const SHOWN = 8;
/** Events come in bursts (a plan saved with its milestones): one read for the burst. */
const DEBOUNCE_MS = 300;

const written = (text: string) => <span data-user-content>{text}</span>;

/** What the item is about: the link's text. */
function what(item: WorkItem): ComponentChildren {
  if (item.comment) return written(t('work.quote', { text: item.comment.excerpt }));
  if (item.milestone) return written(item.milestone.title);
  if (item.assessment) return t(`work.assessment.${item.assessment.phase}`, { city: item.assessment.organisationName });
  if (item.kind === 'stalled-pair' && item.pair)
    return t('pair.name', { mentor: item.pair.mentorName, mentee: item.pair.menteeName });
  if (item.plan) return written(item.plan.title);
  return item.programme.name;
}

/** Where it is: programme, pair, plan (when the link's text is something else), who wrote. */
function where(item: WorkItem): ComponentChildren[] {
  const parts: ComponentChildren[] = [written(item.programme.name)];
  if (item.pair && item.kind !== 'stalled-pair')
    parts.push(t('pair.name', { mentor: item.pair.mentorName, mentee: item.pair.menteeName }));
  if (item.kind === 'consortium-milestone-due') parts.push(t('work.consortium'));
  if (item.reason) parts.push(t(`work.reason.${item.reason}`));
  if (item.plan && (item.comment || item.milestone || item.kind === 'stalled-pair'))
    parts.push(written(item.plan.title));
  if (item.comment) parts.push(t('work.by', { name: item.comment.authorName }));
  return parts;
}

/** How long it has waited, or when it is due. */
function timing(item: WorkItem): ComponentChildren {
  if (item.kind === 'progress-not-logged' && item.waitingDays !== null)
    return <Badge tone="warn">{tn('work.quiet', item.waitingDays)}</Badge>;
  if (item.dueInDays !== null) {
    if (item.dueInDays < 0) return <Badge tone="late">{tn('work.late', -item.dueInDays)}</Badge>;
    return <Badge tone="warn">{item.dueInDays === 0 ? t('work.dueToday') : tn('work.dueIn', item.dueInDays)}</Badge>;
  }
  if (item.waitingDays === null) return null;
  const tone = item.kind === 'plan-overdue-review' || item.kind === 'stalled-pair' ? 'late' : 'neutral';
  return (
    <Badge tone={tone}>{item.waitingDays === 0 ? t('work.waitedToday') : tn('work.waited', item.waitingDays)}</Badge>
  );
}

function ItemView({ item }: { item: WorkItem }) {
  const parts = where(item);
  return (
    <li class="queue-item" data-testid="work-item" data-kind={item.kind}>
      <p class="queue-item__what">
        <Link href={item.link}>{what(item)}</Link> {timing(item)}
      </p>
      <p class="muted queue-item__where">
        {parts.map((part, i) => (
          <Fragment key={i}>
            {i > 0 && ' · '}
            {part}
          </Fragment>
        ))}
      </p>
    </li>
  );
}

function Group({ group }: { group: Work['groups'][number] }) {
  const [all, setAll] = useState(false);
  const id = `work-${group.kind}`;
  const shown = all ? group.items : group.items.slice(0, SHOWN);
  return (
    <section class="panel queue-group" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>
        {t(`work.kind.${group.kind}`)} <span class="queue-group__count">({group.items.length})</span>
      </h2>
      <ul class="plain-list">
        {shown.map((item) => (
          <ItemView key={item.key} item={item} />
        ))}
      </ul>
      {group.items.length > SHOWN && (
        <button type="button" class="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('dashboard.showFewer') : t('dashboard.showAll', { count: group.items.length })}
        </button>
      )}
    </section>
  );
}

/** The programmes one belongs to, as links: the list that used to be the home page is one click away. */
function Programmes() {
  const { list } = useProgrammes();
  useEffect(() => void loadProgrammes(), []);
  if (!list || list.length === 0) return null;
  return (
    <section class="queue-programmes" aria-labelledby="work-programmes">
      <h2 id="work-programmes">{t('programmes.title')}</h2>
      <ul class="plain-list">
        {list.map((p) => (
          <li key={p.id}>
            <Link href={`/programmes/${p.id}`}>{written(p.name)}</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/programmes">{t('work.allProgrammes')}</Link>
      </p>
    </section>
  );
}

const roomsOf = (data: Work | undefined): string[] =>
  data
    ? [...data.follow.programmeIds.map((id) => `programme:${id}`), ...data.follow.pairIds.map((id) => `pair:${id}`)]
    : [];

export default function WorkPage() {
  usePageTitle(t('work.title'));
  const { data, error, loading } = useWork();
  useEffect(() => void loadWork(), []);
  useCappedLiveReload(roomsOf(data), () => void loadWork(), DEBOUNCE_MS);

  return (
    <>
      <section aria-labelledby="work-title" class="queue">
        <header class="page-header">
          <h1 id="work-title">{t('work.title')}</h1>
          {data && data.count > 0 && (
            <p class="lead" data-testid="work-summary">
              {tn('work.summary', data.count)} {t('work.lead')}
            </p>
          )}
        </header>
        {error !== undefined && <ErrorNotice error={error} onRetry={() => void loadWork()} />}
        {!data && loading && <Loading />}
        {data && data.count === 0 && (
          <div class="panel queue-empty" data-testid="work-empty">
            <p class="queue-empty__title">{t('work.empty')}</p>
            <p class="muted">{t('work.emptyHint')}</p>
          </div>
        )}
        {data?.groups.map((group) => (
          <Group key={group.kind} group={group} />
        ))}
      </section>
      <Programmes />
    </>
  );
}
