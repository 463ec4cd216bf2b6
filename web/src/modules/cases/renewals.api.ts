import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RenewalList } from '../../../../contracts/daca.ts';
import { api } from '../../lib/api.ts';
import { type RenewalFilters, renewalsQuery } from './renewals-view.ts';

export const renewalKeys = { all: ['cases', 'renewals'] as const, list: (f: RenewalFilters) => ['cases', 'renewals', f] as const };

export const fetchRenewals = (f: RenewalFilters, signal?: AbortSignal) => api<RenewalList>('/api/v1/daca/renewals', { query: renewalsQuery(f), signal });

/** Every read is audited on the server (it lists people with DACA): not refetched on window focus. */
export const useRenewals = (f: RenewalFilters) =>
  useQuery({ queryKey: renewalKeys.list(f), queryFn: ({ signal }) => fetchRenewals(f, signal), placeholderData: keepPreviousData, refetchOnWindowFocus: false, staleTime: 60_000 });
