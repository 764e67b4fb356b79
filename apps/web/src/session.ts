/**
 * Who is signed in. Tokens live in localStorage so a reload or a second tab stays signed in; every tab
 * follows the others through the `storage` event, and refreshing is serialised across tabs (Web Locks)
 * because a refresh token is single use: two tabs spending the same one would end the session.
 */
import { api, ApiError, setAuthHooks, type Schemas } from './api/client';
import { createStore, useStore } from './store';

export type User = Schemas['UserDto'];

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds; informative (the server decides). */
  expiresAt: number;
  user: User;
}

const STORAGE_KEY = 'citymentor.session';

function read(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Session>;
    if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string' || typeof value.user?.id !== 'string') return null;
    return value as Session;
  } catch {
    return null;
  }
}

function write(next: Session | null) {
  try {
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage blocked: the session then lasts as long as the page
  }
  session.set(next);
}

export const session = createStore<Session | null>(read());

window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY || event.key === null) session.set(read());
});

export function useSession(): Session | null {
  return useStore(session);
}

/** Keeps the tokens of a SessionDto (from sign-in, refresh or accepting an invitation). */
export function adopt(dto: Schemas['SessionDto']): Session {
  const next: Session = {
    accessToken: dto.accessToken,
    refreshToken: dto.refreshToken,
    expiresAt: Date.now() + dto.expiresIn * 1000,
    user: dto.user,
  };
  write(next);
  return next;
}

/** POST /auth/login. Throws an ApiError (INVALID_CREDENTIALS, RATE_LIMITED, …) when it fails. */
export async function signIn(email: string, password: string): Promise<Session> {
  return adopt(await api.post('/api/v1/auth/login', { body: { email, password }, auth: false }));
}

/** POST /auth/logout (revoking the refresh token too), then forget the session whatever the answer. */
export async function signOut(): Promise<void> {
  const current = session.get();
  if (!current) return;
  try {
    await api.post('/api/v1/auth/logout', { body: { refreshToken: current.refreshToken } });
  } catch {
    // offline or already revoked: the session ends here anyway
  } finally {
    write(null);
  }
}

// ---- Refreshing --------------------------------------------------------------------------------

let refreshing: Promise<string | null> | null = null;

function withLock<T>(work: () => Promise<T>): Promise<T> {
  return 'locks' in navigator ? navigator.locks.request('citymentor.refresh', work) : work();
}

async function refreshOnce(failedToken: string): Promise<string | null> {
  const stored = read(); // another tab may have refreshed (or signed out) while we waited for the lock
  if (!stored) {
    write(null);
    return null;
  }
  if (stored.accessToken !== failedToken) {
    session.set(stored);
    return stored.accessToken;
  }
  try {
    const dto = await api.post('/api/v1/auth/refresh', { body: { refreshToken: stored.refreshToken }, auth: false });
    return adopt(dto).accessToken;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) write(null); // revoked, expired or reused: sign in again
    return null; // offline: keep the session, this request fails
  }
}

/**
 * A fresh access token after `failedToken` was refused as expired (by the API or the realtime handshake),
 * or null when the session cannot go on. Concurrent callers share one refresh.
 */
export function refreshAccessToken(failedToken: string): Promise<string | null> {
  refreshing ??= withLock(() => refreshOnce(failedToken)).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

setAuthHooks({
  accessToken: () => session.get()?.accessToken ?? null,
  refresh: refreshAccessToken,
  lost: () => write(null),
});
