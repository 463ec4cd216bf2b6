import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PortalAnswer,
  PortalConflictAnswer,
  PortalConflictCheck,
  PortalReferral,
  PortalReferralDetail,
  PortalReferralList,
  REFERRAL_OUTCOMES,
  DECLINE_REASONS,
} from '../../../../contracts/legal-network.ts';
import { api } from '../../lib/api.ts';

export type DeclineReason = (typeof DECLINE_REASONS)[number];
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
export type ConflictCheck = z.infer<typeof PortalConflictCheck>;

/** Everything under ['portal'] is the provider's own data: any answer re-reads all of it. */
export const portalKeys = {
  all: ['portal'] as const,
  list: ['portal', 'list'] as const,
  header: (id: string) => ['portal', 'header', id] as const,
  detail: (id: string) => ['portal', 'detail', id] as const,
  conflicts: (id: string) => ['portal', 'conflicts', id] as const,
};

const seg = encodeURIComponent;
const base = '/api/v1/portal/referrals';

export const portalApi = {
  list: (signal?: AbortSignal) => api<PortalReferralList>(base, { signal }),
  header: (id: string, signal?: AbortSignal) => api<PortalReferral>(`${base}/${seg(id)}/header`, { signal }),
  get: (id: string, signal?: AbortSignal) => api<PortalReferralDetail>(`${base}/${seg(id)}`, { signal }),
  conflicts: (id: string, signal?: AbortSignal) => api<ConflictCheck>(`${base}/${seg(id)}/conflicts`, { signal }),
  conflict: (id: string, body: z.input<typeof PortalConflictAnswer>) => api<PortalAnswer>(`${base}/${seg(id)}/conflict`, { method: 'POST', body }),
  accept: (id: string) => api<PortalAnswer>(`${base}/${seg(id)}/accept`, { method: 'POST' }),
  decline: (id: string, body: { reason: DeclineReason }) => api<PortalAnswer>(`${base}/${seg(id)}/decline`, { method: 'POST', body }),
  consultation: (id: string, body: { at: string }) => api<PortalAnswer>(`${base}/${seg(id)}/consultation`, { method: 'POST', body }),
  outcome: (id: string, body: { outcome: ReferralOutcome; note?: string }) => api<PortalAnswer>(`${base}/${seg(id)}/outcome`, { method: 'POST', body }),
};

/** Each read is audited in the referring affiliate: no refetch on focus. */
const quiet = { staleTime: 60_000, refetchOnWindowFocus: false } as const;

export function usePortalReferrals() {
  return useQuery({ queryKey: portalKeys.list, queryFn: ({ signal }) => portalApi.list(signal), ...quiet, retry: false });
}

/**
 * One referral as the list shows it (names only before the conflict check), in any status:
 * what the referral page needs, read in that referral's affiliate alone.
 */
export function usePortalReferralHeader(id: string) {
  return useQuery({ queryKey: portalKeys.header(id), queryFn: ({ signal }) => portalApi.header(id, signal), ...quiet, retry: false });
}

/** The details exist only once the conflict check is cleared (before: 404). */
export function usePortalReferral(id: string, enabled: boolean) {
  return useQuery({ queryKey: portalKeys.detail(id), queryFn: ({ signal }) => portalApi.get(id, signal), enabled, ...quiet });
}

export function usePortalConflicts(id: string, enabled: boolean) {
  return useQuery({ queryKey: portalKeys.conflicts(id), queryFn: ({ signal }) => portalApi.conflicts(id, signal), enabled, ...quiet });
}

/** One of the provider's answers; then the list and this referral are read again. */
export function usePortalAnswer<TInput>(id: string, fn: (id: string, input: TInput) => Promise<PortalAnswer>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => fn(id, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.all }),
  });
}
