import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ConsentList, PeoplePage, Person, PersonInput, PersonPatch } from '../../../../contracts/people.ts';
import { api } from '../../lib/api.ts';

export interface PeopleSearch {
  q?: string;
  language?: string;
  state?: string;
  zip?: string;
  limit?: number;
  offset?: number;
}

export const peopleKeys = {
  all: ['people'] as const,
  search: (s: PeopleSearch) => ['people', 'search', s] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
  consents: (id: string) => ['people', 'consents', id] as const,
};

export const peopleApi = {
  search: (s: PeopleSearch, signal?: AbortSignal) => api<PeoplePage>('/api/v1/people', { query: { ...s }, signal }),
  get: (id: string) => api<Person>(`/api/v1/people/${encodeURIComponent(id)}`),
  create: (body: PersonInput) => api<Person>('/api/v1/people', { method: 'POST', body }),
  update: (id: string, body: PersonPatch) => api<Person>(`/api/v1/people/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  merge: (id: string, duplicateId: string) => api<Person>(`/api/v1/people/${encodeURIComponent(id)}/merge`, { method: 'POST', body: { duplicateId } }),
  consents: (id: string) => api<ConsentList>(`/api/v1/people/${encodeURIComponent(id)}/consents`),
};

export function usePeopleSearch(search: PeopleSearch, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.search(search),
    queryFn: ({ signal }) => peopleApi.search(search, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every read of a person is audited on the server, so the record is not re-fetched casually. */
export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? ''),
    queryFn: () => peopleApi.get(id!),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

export function useConsents(id: string) {
  return useQuery({ queryKey: peopleKeys.consents(id), queryFn: () => peopleApi.consents(id) });
}
