/**
 * Who is signed in. The refresh token is an HttpOnly cookie (tokenDelivery 'cookie', scoped to
 * /api/v1/auth) that no script on the page can read; the access token and the user live in memory
 * only, so each page load asks POST /auth/refresh once (restoreSession) whether the cookie still holds
 * a session. Every request that uses the cookie carries X-Requested-With (the server's CSRF check).
 * The cookie is single use, so refreshing is serialised across tabs (Web Locks); a sign-in or sign-out
 * in one tab is told to the others (BroadcastChannel). docs/decisions/0010-refresh-token-cookie.md.
 */
import { api, ApiError, forgetAnswers, setAuthHooks, type Schemas } from './api/client';
import { createStore, useStore } from './store';

export type User = Schemas['UserDto'];

export interface Session {
  accessToken: string;
  /** Epoch milliseconds; informative (the server decides). */
  expiresAt: number;
  user: User;
}

/** What the server requires on every request that reads or sets the refresh cookie. */
const COOKIE_REQUEST = { 'X-Requested-With': 'citymentor' };
/** Set when a sign-out could not reach the server: the next page load ends that session first. */
const SIGN_OUT_PENDING = 'citymentor.signOutPending';

export const session = createStore<Session | null>(null);

/**
 * Why the last session ended without the person signing out, for the sign-in page to say: it expired
 * (or was ended elsewhere), or the password was changed. Null once they sign in again.
 */
export type SessionEnd = 'expired' | 'password-changed' | 'account-deleted';
export const sessionEnd = createStore<SessionEnd | null>(null);

export function useSessionEnd(): SessionEnd | null {
  return useStore(sessionEnd);
}

/** The server ended this session (a password change ends them all): forget it here, saying why. */
export function endedBecause(reason: SessionEnd) {
  sessionEnd.set(reason);
  session.set(null);
  tabs?.postMessage('signed-out');
}

/** A session that was in use could not go on: the person is asked to sign in again, and told why. */
function lostSession() {
  if (session.get()) sessionEnd.set('expired');
  session.set(null);
}

const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel('citymentor.session') : null;
tabs?.addEventListener('message', (event: MessageEvent) => {
  if (event.data === 'signed-out') session.set(null);
  if (event.data === 'signed-in') void withLock(refreshOnce);
});

/** Calls `reset` whenever the signed-in person changes (sign-in, sign-out, another account): for stores of their data. */
export function onUserChange(reset: () => void) {
  let userId = session.get()?.user.id;
  session.subscribe((next) => {
    if (next?.user.id === userId) return;
    userId = next?.user.id;
    reset();
  });
}

export function useSession(): Session | null {
  return useStore(session);
}

function adoptCookieSession(dto: Schemas['SessionDto']): Session {
  const next: Session = { accessToken: dto.accessToken, expiresAt: Date.now() + dto.expiresIn * 1000, user: dto.user };
  sessionEnd.set(null);
  session.set(next);
  return next;
}

/**
 * Keeps a SessionDto whose refresh token is in the cookie (sign-in, refresh). One that carries it in the
 * body (accepting an invitation answers so) is moved into the cookie at once: the refresh spends the
 * token the page saw, so what a script could have read is worthless. Should that fail, the access token
 * alone carries the session until it expires.
 */
export async function adopt(dto: Schemas['SessionDto']): Promise<Session> {
  const { refreshToken } = dto;
  if (refreshToken === undefined) return adoptCookieSession(dto);
  try {
    const moved = await withLock(() =>
      api.post('/api/v1/auth/refresh', {
        body: { refreshToken, tokenDelivery: 'cookie' },
        auth: false,
        headers: COOKIE_REQUEST,
      }),
    );
    forgetPendingSignOut();
    tabs?.postMessage('signed-in');
    return adoptCookieSession(moved);
  } catch {
    return adoptCookieSession(dto);
  }
}

/** POST /auth/login with the refresh token into the cookie. Throws an ApiError (INVALID_CREDENTIALS, RATE_LIMITED, …) when it fails. */
export async function signIn(email: string, password: string): Promise<Session> {
  const dto = await withLock(() =>
    api.post('/api/v1/auth/login', {
      body: { email, password, tokenDelivery: 'cookie' },
      auth: false,
      headers: COOKIE_REQUEST,
    }),
  );
  forgetPendingSignOut();
  tabs?.postMessage('signed-in');
  return adoptCookieSession(dto);
}

/**
 * POST /auth/logout: the server ends the session and clears the cookie. Offline, the session is
 * forgotten here anyway and the next page load ends it on the server before anything else.
 */
export async function signOut(): Promise<void> {
  if (!session.get()) return;
  try {
    await api.post('/api/v1/auth/logout', { body: {}, headers: COOKIE_REQUEST });
    forgetPendingSignOut();
  } catch (error) {
    // Refused because the session already ended: nothing is left to end. Otherwise, try again on the next load.
    if (!(error instanceof ApiError && error.status === 401)) remember(SIGN_OUT_PENDING);
  } finally {
    session.set(null);
    tabs?.postMessage('signed-out');
  }
}

/**
 * Called once before the first render: the session the cookie holds, if any (a new access token and
 * the user), or none. Ends first a session whose sign-out could not reach the server.
 */
export async function restoreSession(): Promise<void> {
  const owed = recalled(SIGN_OUT_PENDING);
  const token = await withLock(refreshOnce);
  if (owed && token) await signOut();
}

// ---- Refreshing --------------------------------------------------------------------------------

let refreshing: Promise<string | null> | null = null;

function withLock<T>(work: () => Promise<T>): Promise<T> {
  return 'locks' in navigator ? navigator.locks.request('citymentor.refresh', work) : work();
}

/** Exchanges the cookie for a new one and a new access token. */
async function refreshOnce(): Promise<string | null> {
  try {
    const dto = await api.post('/api/v1/auth/refresh', {
      body: { tokenDelivery: 'cookie' },
      auth: false,
      headers: COOKIE_REQUEST,
    });
    return adoptCookieSession(dto).accessToken;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      // No cookie, or revoked, expired or reused: sign in again (and no sign-out is owed any more).
      lostSession();
      forgetPendingSignOut();
    }
    return null; // offline: keep the session, this request fails
  }
}

/**
 * A fresh access token after `failedToken` was refused as expired (by the API or the realtime handshake),
 * or null when the session cannot go on. Concurrent callers share one refresh.
 */
export function refreshAccessToken(failedToken: string): Promise<string | null> {
  refreshing ??= withLock(async () => {
    const current = session.get();
    if (!current) return null; // signed out meanwhile
    if (current.accessToken !== failedToken) return current.accessToken; // refreshed meanwhile
    return refreshOnce();
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

// ---- A flag that outlives the page (no token: only that a sign-out is owed) -----------------------

function remember(key: string) {
  try {
    localStorage.setItem(key, '1');
  } catch {
    // storage blocked: the server session then ends at its expiry
  }
}

function recalled(key: string): boolean {
  try {
    return localStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}

function forgetPendingSignOut() {
  try {
    localStorage.removeItem(SIGN_OUT_PENDING);
  } catch {
    // storage blocked
  }
}

setAuthHooks({
  accessToken: () => session.get()?.accessToken ?? null,
  refresh: refreshAccessToken,
  lost: lostSession,
});

// Answers remembered for If-None-Match are the person's own: none outlives their session.
onUserChange(forgetAnswers);
