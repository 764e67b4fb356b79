/**
 * Stalled pairs on the coordinator's dashboard: pairs where nothing happened for a while, a submitted
 * plan that waits for its review, a comment thread that waits for the other side's answer. Each says
 * why, since when and who is expected to act, and links to the plan or thread (or the pair).
 */
import type { Schemas } from '../../api/client';
import { Badge } from '../../components/status';
import { formatDate, t, tn } from '../../i18n';
import { Link } from '../../router';
import { useShowAll } from './parts';

type Signal = Schemas['StallSignalDto'];
type Thresholds = Schemas['StallThresholdsDto'];

const SHOWN = 6;

function awaitingText(s: Signal): string {
  if (s.awaiting === 'both') return t('stalled.awaitingBoth');
  return t('stalled.awaiting', { city: s.awaiting === 'mentor' ? s.mentorName : s.menteeName });
}

function Reason({ programmeId, signal: s }: { programmeId: string; signal: Signal }) {
  const date = formatDate(s.since);
  if (s.kind === 'no-activity' || !s.planId) return <>{t('stalled.noActivity', { date })}</>;
  const plan = `/programmes/${programmeId}/plans/${s.planId}`;
  const [why, href] =
    s.kind === 'plan-not-reviewed'
      ? [t('stalled.planNotReviewed', { date }), plan]
      : [t('stalled.threadUnanswered', { date }), s.threadId ? `${plan}#comment-${s.threadId}` : plan];
  return (
    <>
      {why}{' '}
      <Link href={href}>
        <span data-user-content>{s.planTitle}</span>
      </Link>
    </>
  );
}

export function StalledPairs({
  programmeId,
  list,
  thresholds,
}: {
  programmeId: string;
  list: Signal[];
  thresholds: Thresholds;
}) {
  const [shown, toggle] = useShowAll(list, SHOWN);
  const intro = t('stalled.intro', {
    stalledAfterDays: thresholds.stalledAfterDays,
    respondWithinDays: thresholds.respondWithinDays,
  });
  if (list.length === 0) {
    return (
      <>
        <p>{t('stalled.none')}</p>
        <p class="hint">{intro}</p>
      </>
    );
  }
  return (
    <>
      <p class="hint">{intro}</p>
      <ul class="plain-list stalled" data-testid="stalled-pairs">
        {shown.map((s) => (
          <li key={`${s.kind}:${s.pairId}:${s.planId ?? ''}:${s.threadId ?? ''}`} class="stalled__item">
            <p class="stalled__head">
              <Link href={`/programmes/${programmeId}/pairs/${s.pairId}`}>
                {t('pair.name', { mentor: s.mentorName, mentee: s.menteeName })}
              </Link>{' '}
              <Badge tone={s.kind === 'no-activity' ? 'late' : 'warn'}>{tn('dashboard.days', s.days)}</Badge>
            </p>
            <p class="stalled__reason">
              <Reason programmeId={programmeId} signal={s} />
            </p>
            <p class="muted">{awaitingText(s)}</p>
          </li>
        ))}
      </ul>
      {toggle}
    </>
  );
}

/** The pairs that have at least one stall signal. */
export function stalledPairIds(list: Signal[]): Set<string> {
  return new Set(list.map((s) => s.pairId));
}
