import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseDetail,
  CaseList,
  CaseNote,
  CaseNoteInput,
  CaseStatus,
  CaseSummary,
  CaseTask,
  CaseTaskInput,
  DacaInput,
  DacaView,
  OpenCaseInput,
} from '../../../../contracts/cases.ts';
import { api } from '../../lib/api.ts';
import type { CaseFilters } from './case-options.ts';

/** Everything under ['cases'] is case data: a change re-reads the lists and the case it touched. */
export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (f: CaseFilters) => ['cases', 'list', f] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
};

const seg = encodeURIComponent;
const base = '/api/v1/cases';

export type OpenedCase = CaseSummary & { created: boolean };
export interface StatusChangeInput {
  status: CaseStatus;
  version: number;
  disposition?: string;
}

export const casesApi = {
  list: (f: CaseFilters, signal?: AbortSignal) => api<CaseList>(base, { query: { status: f.status, type: f.type, mine: f.mine ? 'true' : undefined }, signal }),
  get: (id: string, signal?: AbortSignal) => api<CaseDetail>(`${base}/${seg(id)}`, { signal }),
  open: (body: OpenCaseInput) => api<OpenedCase>(base, { method: 'POST', body }),
  status: (id: string, body: StatusChangeInput) => api<CaseSummary>(`${base}/${seg(id)}/status`, { method: 'POST', body }),
  note: (id: string, body: CaseNoteInput) => api<CaseNote>(`${base}/${seg(id)}/notes`, { method: 'POST', body }),
  task: (id: string, body: CaseTaskInput) => api<CaseTask>(`${base}/${seg(id)}/tasks`, { method: 'POST', body }),
  taskDone: (id: string, taskId: string) => api<CaseTask>(`${base}/${seg(id)}/tasks/${seg(taskId)}/done`, { method: 'POST' }),
  daca: (id: string, body: DacaInput) => api<DacaView>(`${base}/${seg(id)}/daca`, { method: 'PUT', body }),
};

export function useCases(filters: CaseFilters) {
  return useQuery({ queryKey: caseKeys.list(filters), queryFn: ({ signal }) => casesApi.list(filters, signal), placeholderData: keepPreviousData });
}

/**
 * One case. Every read is audited on the server, so it is not refetched on window focus;
 * changes made here re-read it.
 */
export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: ({ signal }) => casesApi.get(id, signal), staleTime: 5 * 60_000, refetchOnWindowFocus: false });
}

/**
 * A change to one case. `apply` may put the answer into the cached case at once (so it shows
 * before the re-read arrives); then the case and the lists are re-read for the timeline.
 */
export function useCaseChange<TInput, TResult>(id: string, fn: (id: string, input: TInput) => Promise<TResult>, apply?: (c: CaseDetail, result: TResult) => CaseDetail) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => fn(id, input),
    onSuccess: (result) => {
      if (apply) qc.setQueryData<CaseDetail>(caseKeys.detail(id), (c) => (c ? apply(c, result) : c));
      return Promise.all([qc.invalidateQueries({ queryKey: caseKeys.detail(id) }), qc.invalidateQueries({ queryKey: caseKeys.lists })]);
    },
  });
}
