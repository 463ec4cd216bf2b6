import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseReport } from '../../../../contracts/cases.ts';
import { api } from '../../lib/api.ts';

/** Counts only (no person data): cached a minute, the previous period shown while the next loads. */
export const useCaseReport = (from: string, to: string) =>
  useQuery({
    queryKey: ['cases', 'report', from, to],
    queryFn: ({ signal }) => api<CaseReport>('/api/v1/cases/reports', { query: { from, to }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
