import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DacaReferenceInput, DacaReferenceState } from '../../../../contracts/daca.ts';
import { api } from '../../lib/api.ts';

const key = ['daca', 'reference'] as const;

export const useDacaReference = () => useQuery({ queryKey: key, queryFn: ({ signal }) => api<DacaReferenceState>('/api/v1/daca/reference', { signal }) });

/** Saving answers with the new state (current and history): it goes straight into the cache; DACA plans on cases are re-read. */
export function useSaveDacaReference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: DacaReferenceInput) => api<DacaReferenceState>('/api/v1/daca/reference', { method: 'PUT', body: input }),
    onSuccess: (state) => {
      qc.setQueryData(key, state);
      return qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
