/**
 * How the dashboard stays current without hitting the gateway's cap on rooms per connection (50).
 *
 * Plans, milestones, progress and comments are announced only in their pair's room; the consortium's
 * own milestones in the programme's. Following every `pair:` room does not scale (a programme of 50
 * pairs alone fills the cap), and announcing pair events in the programme's room too would add an
 * event row to every write. So the dashboard follows:
 *
 * - `programme:{id}`, always;
 * - at most `LIVE_PAIRS` pair rooms: the pairs that need attention first (stalled, then with late
 *   milestones, then blocked ones), the rest in the dashboard's order — in a small programme, all of them;
 * - and, only when the programme has more pairs than that, a reload every `REFRESH_MS` while the tab is
 *   visible (and at once when it becomes visible again), so the pairs it does not follow are at most
 *   that stale.
 *
 * The choice of rooms depends on the dashboard's data, not on events, so a reload that changes nothing
 * does not change the rooms.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useLiveReload } from '../../realtime';
import type { Dashboard } from './parts';

export const LIVE_PAIRS = 20;
export const REFRESH_MS = 30_000;
/** Events come in bursts (a plan saved with its milestones): one reload for the burst. */
const DEBOUNCE_MS = 400;

/** The pair rooms to follow: the pairs that need attention first, at most `LIVE_PAIRS`. */
export function followedPairs(dashboard: Dashboard | undefined): string[] {
  if (!dashboard) return [];
  const stalled = new Set(dashboard.stalled.map((s) => s.pairId));
  const rank = (p: Dashboard['pairs'][number]) => (stalled.has(p.id) ? 0 : p.milestones.late > 0 ? 1 : p.milestones.blocked > 0 ? 2 : 3);
  return dashboard.pairs
    .map((pair, index) => ({ pair, index, rank: rank(pair) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, LIVE_PAIRS)
    .map(({ pair }) => pair.id)
    .sort();
}

export function useDashboardLive(programmeId: string, dashboard: Dashboard | undefined, reload: () => void) {
  const pairIds = followedPairs(dashboard);
  useLiveReload([`programme:${programmeId}`, ...pairIds.map((id) => `pair:${id}`)], reload, () => true, DEBOUNCE_MS);
  usePeriodicReload((dashboard?.pairs.length ?? 0) > LIVE_PAIRS, reload);
}

/** While `active`: `reload` every REFRESH_MS when the tab is visible, and when it becomes visible after that long. */
function usePeriodicReload(active: boolean, reload: () => void) {
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    const tick = () => {
      if (document.visibilityState !== 'visible' || Date.now() - last < REFRESH_MS - 1000) return;
      last = Date.now();
      latest.current();
    };
    const timer = setInterval(tick, REFRESH_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [active]);
}
