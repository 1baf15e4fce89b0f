import type { MeView, SessionResponse } from '@contracts/identity';
import { ApiError, apiRequest } from '@/lib/api-client';
import type { ApiRequestOptions } from '@/lib/api-client';

/**
 * The console's session. Tokens: the access token lives in memory only (a page reload drops it);
 * the refresh token lives in an httpOnly, SameSite=Strict cookie set by the gateway for
 * /api/v1/auth, so no script (and no XSS) can read it. On start and on a 401 the console asks
 * /auth/refresh once; refreshes are serialised (one in flight per tab, and a Web Lock across tabs
 * where the browser offers one), because a refresh token works once and a second use revokes
 * the session.
 */
export type SessionState =
  | { status: 'unknown' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; me: MeView; accessToken: string };

const AUTH = '/api/v1/auth';
let state: SessionState = { status: 'unknown' };
const listeners = new Set<() => void>();
let refreshing: Promise<boolean> | undefined;

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function sessionState(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function signedIn(answer: SessionResponse): void {
  set({ status: 'signed-in', me: answer.me, accessToken: answer.accessToken });
}

export async function signIn(tenant: string, email: string, password: string): Promise<MeView> {
  const answer = await apiRequest<SessionResponse>('POST', `${AUTH}/login`, { body: { tenant, email, password, session: 'cookie' } });
  signedIn(answer);
  return answer.me;
}

/** Ends the session on the gateway (best effort) and forgets it here. */
export async function signOut(): Promise<void> {
  const current = state;
  set({ status: 'signed-out' });
  if (current.status !== 'signed-in') return;
  await apiRequest('POST', `${AUTH}/logout`, { body: {}, accessToken: current.accessToken }).catch(() => undefined);
}

/** Exchanges the refresh cookie for a new pair; false when there is no session to continue. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= withCrossTabLock(async () => {
    try {
      signedIn(await apiRequest<SessionResponse>('POST', `${AUTH}/refresh`, { body: {} }));
      return true;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
        set({ status: 'signed-out', reason: state.status === 'signed-in' ? 'Your session has ended. Sign in again.' : undefined });
        return false;
      }
      throw error;
    }
  }).finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

/** Resolves the session once at start: a reload keeps the user signed in through the refresh cookie. */
export async function ensureSession(): Promise<void> {
  if (state.status !== 'unknown') return;
  await refreshSession().catch(() => set({ status: 'signed-out' }));
}

/**
 * A request with the current access token. On 401 it refreshes once and retries; a second 401, or
 * a failed refresh, signs out (the router then sends the user to the login page).
 */
export async function authedRequest<T>(method: string, path: string, options: Omit<ApiRequestOptions, 'accessToken'> = {}): Promise<T> {
  const token = state.status === 'signed-in' ? state.accessToken : undefined;
  try {
    return await apiRequest<T>(method, path, { ...options, accessToken: token });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    if (!(await refreshSession())) throw error;
    const fresh = state.status === 'signed-in' ? state.accessToken : undefined;
    return apiRequest<T>(method, path, { ...options, accessToken: fresh });
  }
}

function withCrossTabLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('ohes-session-refresh', work) as Promise<T>) : work();
}
