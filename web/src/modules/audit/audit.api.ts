import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage } from '../../../../contracts/audit.ts';
import { api } from '../../lib/api.ts';

export interface AuditFilters {
  action: string;
  entityType: string;
  entityId: string;
}

const PAGE = 50;

/** Newest first; "load older" asks for entries before the last id seen (keyset paging). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) => api<AuditPage>('/api/v1/audit', { query: { ...filters, before: pageParam, limit: PAGE }, signal }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
