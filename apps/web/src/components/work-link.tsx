/**
 * The header's "My work" link to the home page, with the number of things waiting. The count comes
 * from the queue the home page keeps live; elsewhere it is read again on a page change when older
 * than half a minute, and when a notification arrives in the user's own room.
 */
import { useEffect } from 'preact/hooks';
import { t, tn } from '../i18n';
import { useRoom } from '../realtime';
import { Link, useLocation } from '../router';
import { loadWork, useWork } from '../work';
import '../queue.css';

const STALE_MS = 30_000;

export function WorkLink({ userId }: { userId: string }) {
  const { data } = useWork();
  const { path } = useLocation();
  useEffect(() => void loadWork({ maxAgeMs: STALE_MS }), [path, userId]);
  useRoom(`user:${userId}`, (event) => event.type === 'notification.created' && void loadWork());
  const count = data?.count ?? 0;
  return (
    <Link href="/" class="nav-work" data-testid="nav-work">
      {t('nav.work')}
      {count > 0 && (
        <span class="nav-count" data-testid="nav-work-count">
          <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
          <span class="visually-hidden">{` (${tn('work.count', count)})`}</span>
        </span>
      )}
    </Link>
  );
}
