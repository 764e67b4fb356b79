/**
 * The signed-in user's programmes, loaded once and shared by the programme list and the header's
 * programme switcher. Forgotten on sign-out.
 */
import { api, type Schemas } from './api/client';
import { onUserChange } from './session';
import { createStore, useStore } from './store';

export type ProgrammeSummary = Schemas['ProgrammeSummaryDto'];

interface State {
  list?: ProgrammeSummary[];
  error?: unknown;
  loading: boolean;
}

export const programmes = createStore<State>({ loading: false });
let inFlight: Promise<void> | null = null;
let generation = 0;

export function loadProgrammes(options: { force?: boolean } = {}): Promise<void> {
  const state = programmes.get();
  if (inFlight) return inFlight;
  if (state.list && !options.force) return Promise.resolve();
  const mine = generation;
  programmes.set({ ...state, loading: true, error: undefined });
  inFlight = api
    .get('/api/v1/programmes')
    .then(
      (list) => {
        if (mine === generation) programmes.set({ list, loading: false });
      },
      (error: unknown) => {
        if (mine === generation) programmes.set({ list: state.list, error, loading: false });
      },
    )
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

export function useProgrammes(): State {
  return useStore(programmes);
}

onUserChange(() => {
  generation++;
  inFlight = null;
  programmes.set({ loading: false });
});
