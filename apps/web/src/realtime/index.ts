/**
 * The client's realtime connection (one per tab) and the hooks pages use:
 *
 *   useRoom(`plan:${id}`, (event) => …, reload)   // events of a room; reload once after subscribing
 *   usePresence(room) · useTyping(room) · sendTyping(room, target) · useConnectionState()
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { lowestReadSeq, readsSettled } from '../api/client';
import { refreshAccessToken, session } from '../session';
import { useStore } from '../store';
import {
  loadSocketIo,
  RealtimeConnection,
  type ConnectionState,
  type PresenceUser,
  type RealtimeEvent,
  type RoomView,
  type Typist,
} from './connection';

export { isEvent, type ConnectionState, type PresenceUser, type RealtimeEvent, type Typist } from './connection';

const pageLoadedAt = Date.now();
/** Rooms joined this soon after the page loaded are subscribed from where its first reads stood. */
const FIRST_READS_MS = 30_000;
/** How long the socket waits for the page's first reads before connecting anyway. */
const READS_WAIT_MS = 5_000;

let shown = () => {};
const firstPageShown = new Promise<void>((resolve) => (shown = resolve));

/** The router drew the first page (app.tsx): its reads start now. */
export function pageShown() {
  shown();
}

/** After the first page is drawn and its reads are in: the socket client's download and start-up then delay neither. */
async function afterFirstRender(): Promise<void> {
  await Promise.race([firstPageShown, new Promise((resolve) => setTimeout(resolve, READS_WAIT_MS))]);
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  await readsSettled(READS_WAIT_MS);
  await new Promise<void>((resolve) =>
    'requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, 0),
  );
}

export const realtime = new RealtimeConnection({
  token: () => session.get()?.accessToken ?? null,
  refresh: refreshAccessToken,
  load: () => afterFirstRender().then(loadSocketIo),
  // Each read answers where the event log stood (X-Event-Seq): the first rooms replay from the earliest of
  // them rather than have the page read everything again once subscribed. Later rooms resync as before.
  async readSeq(joinedAt) {
    if (joinedAt - pageLoadedAt > FIRST_READS_MS) return null;
    return (await readsSettled(READS_WAIT_MS)) ? lowestReadSeq() : null;
  },
});

// Another user (or nobody) signed in: cursors and presence belong to the previous one.
let userId = session.get()?.user.id;
session.subscribe((next) => {
  if (next?.user.id === userId) return;
  userId = next?.user.id;
  if (next) realtime.restart();
  else realtime.stop();
});

export function useConnectionState(): ConnectionState {
  return useStore(realtime.state);
}

/**
 * Follows `room` while the component is mounted (null: none). `onEvent` gets each event once, in order;
 * `onResync` is called when the first subscription is confirmed (what happened before it is not replayed).
 */
export function useRoom(room: string | null, onEvent?: (event: RealtimeEvent) => void, onResync?: () => void) {
  const handlers = useRef({ onEvent, onResync });
  handlers.current = { onEvent, onResync };
  useEffect(() => {
    if (!room) return;
    return realtime.join(
      room,
      (event) => handlers.current.onEvent?.(event),
      () => handlers.current.onResync?.(),
    );
  }, [room]);
}

const EMPTY: RoomView = { presence: [], typing: [], refused: null };

function useRoomView(room: string | null): RoomView {
  const [view, setView] = useState<RoomView>(EMPTY);
  useEffect(() => {
    if (!room) return;
    const leave = realtime.join(room); // makes sure the room (and its view) exists while we read it
    const store = realtime.view(room)!;
    setView(store.get());
    const stop = store.subscribe(setView);
    return () => {
      stop();
      leave();
    };
  }, [room]);
  return view;
}

/** Everyone in the room now (you included), by name. */
export function usePresence(room: string | null): PresenceUser[] {
  return useRoomView(room).presence;
}

/** Others typing in the room now (optionally only into `target`). */
export function useTyping(room: string | null, target?: string): Typist[] {
  const me = session.get()?.user.id;
  return useRoomView(room).typing.filter((t) => t.user.id !== me && (target === undefined || t.target === target));
}

/** Whether the server refused the room (or revoked it). */
export function useRoomRefused(room: string | null): string | null {
  return useRoomView(room).refused;
}

export function sendTyping(room: string, target: string | null) {
  realtime.typing(room, target);
}

/**
 * Reloads (debounced) whenever an event of one of `rooms` passes `filter`, and once after each first
 * subscription. The simplest correct way to stay live: the REST read is the truth, events say when to
 * read it again.
 */
export function useLiveReload(
  rooms: string | string[] | null,
  reload: () => void,
  filter: (event: RealtimeEvent) => boolean = () => true,
  delayMs = 60,
) {
  const list = rooms === null ? [] : Array.isArray(rooms) ? rooms : [rooms];
  const latest = useRef({ reload, filter, delayMs });
  latest.current = { reload, filter, delayMs };
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const joined = useRef(new Map<string, () => void>());
  const key = list.join('|');
  useEffect(() => {
    const later = () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => latest.current.reload(), latest.current.delayMs);
    };
    // Join the new rooms before leaving the old ones, so a room kept across a change stays subscribed.
    for (const room of list) {
      if (!joined.current.has(room))
        joined.current.set(
          room,
          realtime.join(room, (event) => latest.current.filter(event) && later(), later),
        );
    }
    for (const [room, leave] of joined.current) {
      if (list.includes(room)) continue;
      leave();
      joined.current.delete(room);
    }
  }, [key]);
  useEffect(
    () => () => {
      for (const leave of joined.current.values()) leave();
      joined.current.clear();
      clearTimeout(timer.current);
    },
    [],
  );
}

/** Rooms a page follows at most (the gateway allows 50 per connection, shared by the page, the header and the user's own room). */
export const MAX_FOLLOWED_ROOMS = 21;
/** How stale a room beyond that may get: such a page reloads this often while its tab is visible. */
export const REFRESH_MS = 30_000;

/**
 * `useLiveReload` for a list of rooms that may be longer than a page should follow: the first
 * MAX_FOLLOWED_ROOMS in the order given (put what matters most first), and while there are more, a
 * reload every REFRESH_MS the tab is visible (and at once when it becomes visible again after that long),
 * so the rooms it does not follow are at most that stale.
 */
export function useCappedLiveReload(rooms: string[], reload: () => void, delayMs?: number) {
  useLiveReload(rooms.slice(0, MAX_FOLLOWED_ROOMS), reload, () => true, delayMs);
  usePeriodicReload(rooms.length > MAX_FOLLOWED_ROOMS, reload);
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
