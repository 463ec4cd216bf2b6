import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CannedResponse, CannedResponseInput, CannedResponsePatch } from '../../../../contracts/hotline.ts';
import { api } from '../../lib/api.ts';
import { inboxKeys } from './hotline.api.ts';

const seg = encodeURIComponent;

/** Writing canned responses (coordinators); the inbox's picker reads the same list. */
export const cannedApi = {
  create: (body: CannedResponseInput) => api<CannedResponse>('/api/v1/hotline/canned-responses', { method: 'POST', body }),
  update: (id: string, body: CannedResponsePatch) => api<CannedResponse>(`/api/v1/hotline/canned-responses/${seg(id)}`, { method: 'PATCH', body }),
  remove: (id: string) => api<unknown>(`/api/v1/hotline/canned-responses/${seg(id)}`, { method: 'DELETE' }),
};

export function useSaveCanned() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string | null; body: CannedResponseInput }) => (v.id ? cannedApi.update(v.id, v.body) : cannedApi.create(v.body)),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKeys.canned }),
  });
}

export function useInvalidateCanned() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: inboxKeys.canned });
}
