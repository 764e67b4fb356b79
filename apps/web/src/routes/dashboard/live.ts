/**
 * How the dashboard stays current. Plans, milestones, progress and comments are announced only in
 * their pair's room; the consortium's own milestones in the programme's. The dashboard follows
 * `programme:{id}` and its pairs' rooms through `useCappedLiveReload` (at most a page's share of the
 * gateway's 50 rooms per connection, the rest kept fresh by a periodic reload), the pairs that need
 * attention first: stalled, then with late milestones, then blocked ones, the rest in the dashboard's order.
 *
 * The order depends on the dashboard's data, not on events, so a reload that changes nothing does
 * not change the rooms.
 */
import { useCappedLiveReload } from '../../realtime';
import type { Dashboard } from './parts';
import { stalledPairIds } from './stalled';

/** Events come in bursts (a plan saved with its milestones): one reload for the burst. */
const DEBOUNCE_MS = 400;

/** The pairs in the order they are worth following: those that need attention first. */
function pairsByAttention(dashboard: Dashboard | undefined): string[] {
  if (!dashboard) return [];
  const stalled = stalledPairIds(dashboard.stalled);
  const rank = (p: Dashboard['pairs'][number]) =>
    stalled.has(p.id) ? 0 : p.milestones.late > 0 ? 1 : p.milestones.blocked > 0 ? 2 : 3;
  return dashboard.pairs
    .map((pair, index) => ({ pair, index, rank: rank(pair) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ pair }) => pair.id);
}

export function useDashboardLive(programmeId: string, dashboard: Dashboard | undefined, reload: () => void) {
  useCappedLiveReload(
    [`programme:${programmeId}`, ...pairsByAttention(dashboard).map((id) => `pair:${id}`)],
    reload,
    DEBOUNCE_MS,
  );
}
