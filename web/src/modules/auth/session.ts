import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { createContext, useCallback, useContext } from 'react';
import type { SessionInfo } from '../../../../contracts/auth.ts';
import { api, isApiError, setCsrfToken } from '../../lib/api.ts';
import { isUiLanguage, storedLanguage } from '../../app/i18n.ts';
import { paths } from '../../app/paths.ts';

export const sessionKey = ['session'] as const;

/**
 * Set by a deliberate sign-out. When the session disappears, whichever guard notices first
 * sends the user to sign-in with this notice, instead of treating it as an expired session
 * (which would ask to come back to the same page afterwards).
 */
let signedOutNotice: string | null = null;
export function markSignedOut(notice: string) {
  signedOutNotice = notice;
}

/** Where to send someone whose session is gone: the sign-out notice, or back here after signing in. */
export function signInPathFor(here: string | null): string {
  if (signedOutNotice) return `${paths.signIn}?notice=${signedOutNotice}`;
  return here && here !== '/' ? `${paths.signIn}?next=${encodeURIComponent(here)}` : paths.signIn;
}

/**
 * Whenever a SessionInfo arrives: remember its CSRF token for later changes, and, when this
 * device has no language of its own yet, speak the language of the account.
 */
function takeSession(session: SessionInfo | null) {
  setCsrfToken(session?.csrfToken ?? null);
  if (session) signedOutNotice = null;
  const lang = session?.user.language;
  if (session && !storedLanguage() && isUiLanguage(lang) && i18next.language !== lang) void i18next.changeLanguage(lang);
  return session;
}

/** The session, or null when nobody is signed in (401 is an answer here, not an error). */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return takeSession(await api<SessionInfo>('/api/v1/auth/session'));
  } catch (e) {
    if (isApiError(e) && e.status === 401) return takeSession(null);
    throw e;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, refetchOnWindowFocus: true, retry: 1 });
}

export function applySession(queryClient: QueryClient, session: SessionInfo | null) {
  queryClient.setQueryData(sessionKey, takeSession(session));
}

/** Store a SessionInfo returned by sign-in, 2FA, switch-org or profile changes. */
export function useApplySession() {
  const queryClient = useQueryClient();
  return useCallback((session: SessionInfo | null) => applySession(queryClient, session), [queryClient]);
}

/** Provided by the auth guard: inside the app there is always a complete session. */
export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside the signed-in part of the app');
  return session;
}

export function useCan(action: string): boolean {
  return useSession().permissions.includes(action);
}

/** A same-site path to return to after sign-in; anything else (another site, "//host") goes home. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
