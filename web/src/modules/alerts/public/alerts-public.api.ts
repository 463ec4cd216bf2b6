import { useMutation, useQuery } from '@tanstack/react-query';
import type { PreferencesDetails, SignupConfirmDetails, SignupOrg, SignupResult } from '../../../../../contracts/alert-subscribers.ts';
import type { AlertTopic, SignupInput } from '../../../../../contracts/alerts.ts';
import { api } from '../../../lib/api.ts';

/**
 * The public alert pages' requests. No session: the server takes them from anyone and
 * answers errors in the page's language (api() sends X-Haven-Lang).
 */
export const useSignup = () => useMutation({ mutationFn: (input: SignupInput) => api<SignupResult>('/p/alerts', { method: 'POST', body: input }) });

/** Who will write to this ZIP code (its name goes into the consent text); only asked once the ZIP has five digits. */
export const useSignupOrg = (zip: string) =>
  useQuery({
    queryKey: ['alerts-signup-org', zip],
    queryFn: () => api<SignupOrg>('/p/alerts/org', { query: { zip } }),
    enabled: /^\d{5}$/.test(zip),
    retry: false,
    staleTime: 60 * 60_000,
  });

export const useConfirmDetails = (token: string) =>
  useQuery({ queryKey: ['alerts-confirm', token], queryFn: () => api<SignupConfirmDetails>(`/p/alerts/confirm/${encodeURIComponent(token)}/details`), retry: false });

export const useConfirmSignup = (token: string) =>
  useMutation({ mutationFn: () => api<SignupConfirmDetails>(`/p/alerts/confirm/${encodeURIComponent(token)}`, { method: 'POST' }) });

export const usePreferences = (token: string) =>
  useQuery({ queryKey: ['alerts-preferences', token], queryFn: () => api<PreferencesDetails>(`/p/alerts/preferences/${encodeURIComponent(token)}/details`), retry: false });

export interface PreferencesSave {
  lang: 'ko' | 'en' | 'es';
  topics: AlertTopic[];
  zip?: string;
  unsubscribe: boolean;
}
export const useSavePreferences = (token: string) =>
  useMutation({ mutationFn: (input: PreferencesSave) => api<PreferencesDetails>(`/p/alerts/preferences/${encodeURIComponent(token)}`, { method: 'POST', body: input }) });
