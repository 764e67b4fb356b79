/**
 * What happened in the programme, newest first: `/programmes/:id/activity`. Older pages load on demand;
 * new events arrive through the programme's room and the newest page is read again.
 */
import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { usePageTitle } from '../../components/page-title';
import { ErrorNotice, Loading } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatDate, formatDateTime, formatPercent, t, tParts, type MessageKey } from '../../i18n';
import { useCappedLiveReload } from '../../realtime';
import { Link, type PageProps } from '../../router';
import '../../work.css';
import '../../coordination.css';

type Item = Schemas['ActivityItemDto'];
type Payload = {
  planId?: string;
  pairId?: string;
  title?: string;
  verdict?: string;
  percent?: number;
  milestoneId?: string;
  state?: string;
  mentorName?: string;
  menteeName?: string;
  afterApproval?: boolean;
  dueDate?: string;
  previousDueDate?: string | null;
  reason?: string;
};

const KNOWN: Record<string, MessageKey> = {
  'pair.created': 'activity.pair.created',
  'pair.ended': 'activity.pair.ended',
  'comment.created': 'activity.comment.created',
  'comment.updated': 'activity.comment.updated',
  'comment.deleted': 'activity.comment.deleted',
  'comment.resolved': 'activity.comment.resolved',
  'plan.updated': 'activity.plan.updated',
  'plan.submitted': 'activity.plan.submitted',
  'plan.withdrawn': 'activity.plan.withdrawn',
  'milestone.created': 'activity.milestone.created',
  'milestone.updated': 'activity.milestone.updated',
  'progress.logged': 'activity.progress.logged',
  'assessment.updated': 'activity.assessment.updated',
  'programme.milestone.updated': 'activity.programme.milestone.updated',
  'programme.milestone.deleted': 'activity.programme.milestone.deleted',
  'programme.closed': 'activity.programme.closed',
  'programme.reopened': 'activity.programme.reopened',
};

/** What happened, in the reader's language; names and titles people wrote are marked as theirs. */
function describe(item: Item) {
  const p = item.payload as Payload;
  const written = (text: string | undefined) => <span data-user-content>{text ?? ''}</span>;
  const parts = {
    actor: item.actor ? written(item.actor.name) : t('activity.someone'),
    title: written(p.title),
    mentor: written(p.mentorName),
    mentee: written(p.menteeName),
    // The plan and milestone by their current names (a deleted one: its title as announced, if any).
    plan: written(item.subject.planTitle ?? p.title),
    milestone: written(item.subject.milestoneTitle ?? undefined),
    reason: written(p.reason),
  };
  const key =
    item.type === 'plan.reviewed'
      ? p.verdict === 'approve'
        ? 'activity.plan.approved'
        : 'activity.plan.changesRequested'
      : item.type === 'milestone.created' && p.afterApproval
        ? 'activity.milestone.createdAfterApproval'
        : item.type === 'programme.milestone.updated' && p.previousDueDate
          ? 'activity.programme.milestone.rescheduled'
          : (KNOWN[item.type] ?? 'activity.other');
  const date = (value: string | null | undefined) => (value ? formatDate(value) : '');
  return tParts(key, parts, {
    percent: formatPercent(p.percent ?? 0),
    date: date(p.dueDate),
    previousDate: date(p.previousDueDate),
  });
}

function ItemView({ programmeId, item }: { programmeId: string; item: Item }) {
  const p = item.payload as Payload;
  const link = p.planId
    ? `/programmes/${programmeId}/plans/${p.planId}${p.milestoneId ? `#milestone-${p.milestoneId}` : ''}`
    : item.type.startsWith('pair.') && p.pairId
      ? `/programmes/${programmeId}/pairs/${p.pairId}`
      : null;
  return (
    <li class="activity-item">
      <p class="activity-item__what">{describe(item)}</p>
      <p class="muted activity-item__when">
        <time dateTime={item.at}>{formatDateTime(item.at)}</time>
        {link && (
          <>
            {' · '}
            <Link href={link}>{t('activity.open')}</Link>
          </>
        )}
      </p>
    </li>
  );
}

export default function ActivityPage({ params }: PageProps) {
  const id = params.id;
  const first = useResource(
    (signal) => api.get('/api/v1/programmes/{id}/activity', { path: { id }, query: { limit: 30 }, signal }),
    [id],
  );
  const [older, setOlder] = useState<Item[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const { busy, error, submit } = useSubmit();
  const pairs = useResource((signal) => api.get('/api/v1/programmes/{id}/pairs', { path: { id }, signal }), [id]);
  // Plans, milestones and comments are announced in their pair's room; the consortium's own in the programme's.
  useCappedLiveReload([`programme:${id}`, ...(pairs.data?.map((p) => `pair:${p.id}`) ?? [])], first.reload, 300);
  usePageTitle(t('activity.title'));

  const next = cursor === undefined ? first.data?.nextCursor : cursor;
  const more = async () => {
    if (!next) return;
    const page = await api.get('/api/v1/programmes/{id}/activity', {
      path: { id },
      query: { cursor: next, limit: 30 },
    });
    setOlder((shown) => [...shown, ...page.items]);
    setCursor(page.nextCursor);
  };

  const seen = new Set<string>();
  const items = [...(first.data?.items ?? []), ...older].filter((i) => !seen.has(i.seq) && seen.add(i.seq));

  return (
    <article aria-labelledby="activity-title">
      <p class="breadcrumb">
        <Link href={`/programmes/${id}`}>{t('plan.backToProgramme')}</Link>
      </p>
      <h1 id="activity-title">{t('activity.title')}</h1>
      {first.error !== undefined && <ErrorNotice error={first.error} onRetry={first.reload} />}
      {!first.data && first.error === undefined && <Loading />}
      {first.data && items.length === 0 && <p>{t('activity.empty')}</p>}
      <ol class="activity" data-testid="activity">
        {items.map((item) => (
          <ItemView key={item.seq} programmeId={id} item={item} />
        ))}
      </ol>
      {error !== null && <ErrorNotice error={error} />}
      {next && (
        <button type="button" class="button button--secondary" disabled={busy} onClick={submit(more)}>
          {t('activity.more')}
        </button>
      )}
    </article>
  );
}
