import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Referral, ReferralList, ReferralSendInput, ReferralSent, ReferralSuggestions } from '../../../../contracts/legal-network.ts';
import { api } from '../../lib/api.ts';
import { caseKeys } from './cases.api.ts';

/**
 * The list sits under the case's own key (any change to the case re-reads it); the
 * suggestions do not, since every read of them is audited.
 */
export const referralKeys = {
  list: (caseId: string) => ['cases', 'detail', caseId, 'referrals'] as const,
  suggestions: (caseId: string) => ['referral-suggestions', caseId] as const,
};

const seg = encodeURIComponent;
const base = (caseId: string) => `/api/v1/cases/${seg(caseId)}/referrals`;

export const referralsApi = {
  list: (caseId: string, signal?: AbortSignal) => api<ReferralList>(base(caseId), { signal }),
  suggestions: (caseId: string, signal?: AbortSignal) => api<ReferralSuggestions>(`${base(caseId)}/suggestions`, { signal }),
  send: (caseId: string, body: ReferralSendInput) => api<z.infer<typeof ReferralSent>>(base(caseId), { method: 'POST', body }),
  withdraw: (caseId: string, referralId: string) => api<Referral>(`${base(caseId)}/${seg(referralId)}/withdraw`, { method: 'POST', body: {} }),
};

export function useCaseReferrals(caseId: string) {
  return useQuery({ queryKey: referralKeys.list(caseId), queryFn: ({ signal }) => referralsApi.list(caseId, signal) });
}

/** The ranking is audited on the server (who is left out says something about the member): read once, not on focus. */
export function useReferralSuggestions(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: referralKeys.suggestions(caseId),
    queryFn: ({ signal }) => referralsApi.suggestions(caseId, signal),
    enabled,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

/** Send or withdraw; then the case (status, timeline) and its referrals are read again. */
export function useReferralChange<TInput, TResult>(caseId: string, fn: (caseId: string, input: TInput) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => fn(caseId, input),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: caseKeys.detail(caseId) }), qc.invalidateQueries({ queryKey: caseKeys.lists })]),
  });
}
