/**
 * The signed-in person's queue (GET /me/work), shared by the home page, which keeps it live, and the
 * header's "My work" link, which shows its count. Forgotten on sign-out or when someone else signs in.
 */
import { api, type Schemas } from './api/client';
import { onUserChange } from './session';
import { createStore, useStore } from './store';

export type Work = Schemas['WorkDto'];
export type WorkItem = Schemas['WorkItemDto'];
export type WorkKind = WorkItem['kind'];

interface State {
  data?: Work;
  error?: unknown;
  loading: boolean;
  /** When the last answer came (ms), to tell how stale the header's count may be. */
  loadedAt?: number;
}

export const work = createStore<State>({ loading: false });
let inFlight: Promise<void> | null = null;
let again = false;
let generation = 0;

/**
 * Reads the queue again unless an answer younger than `maxAgeMs` is at hand. A read asked for while
 * one is on its way is made once that one is done (its answer may predate the change that asked).
 */
export function loadWork({ maxAgeMs = 0 }: { maxAgeMs?: number } = {}): Promise<void> {
  const state = work.get();
  if (inFlight) {
    if (maxAgeMs === 0) again = true;
    return inFlight;
  }
  if (state.loadedAt !== undefined && Date.now() - state.loadedAt < maxAgeMs) return Promise.resolve();
  const mine = generation;
  work.set({ ...state, loading: true });
  inFlight = api
    .get('/api/v1/me/work')
    .then(
      (data) => {
        if (mine === generation) work.set({ data, loading: false, loadedAt: Date.now() });
      },
      (error: unknown) => {
        if (mine === generation)
          work.set({ data: work.get().data, error, loading: false, loadedAt: work.get().loadedAt });
      },
    )
    .finally(() => {
      inFlight = null;
      if (again && mine === generation) {
        again = false;
        void loadWork();
      }
    });
  return inFlight;
}

export function useWork(): State {
  return useStore(work);
}

onUserChange(() => {
  generation++;
  inFlight = null;
  again = false;
  work.set({ loading: false });
});
