import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseScreeningView, ScreeningInput } from '../../../../contracts/screening.ts';
import { api } from '../../lib/api.ts';
import { caseKeys } from './cases.api.ts';

const seg = encodeURIComponent;

/** Under ['cases']: a change to the case re-reads its screening too. */
export const screeningKey = (id: string) => ['cases', 'screening', id] as const;

export const screeningApi = {
  get: (id: string, signal?: AbortSignal) => api<CaseScreeningView>(`/api/v1/cases/${seg(id)}/screening`, { signal }),
  save: (id: string, body: ScreeningInput) => api<CaseScreeningView>(`/api/v1/cases/${seg(id)}/screening`, { method: 'PUT', body }),
};

/** A case's screening. Each read is audited on the server, so no refetch on focus. */
export function useCaseScreening(id: string) {
  return useQuery({ queryKey: screeningKey(id), queryFn: ({ signal }) => screeningApi.get(id, signal), staleTime: 5 * 60_000, refetchOnWindowFocus: false });
}

/** Save the answers; the answer replaces the cached screening, and the case is re-read (timeline, DACA dates). */
export function useSaveScreening(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ScreeningInput) => screeningApi.save(id, input),
    onSuccess: (result) => {
      qc.setQueryData(screeningKey(id), result);
      return qc.invalidateQueries({ queryKey: caseKeys.detail(id) });
    },
  });
}
