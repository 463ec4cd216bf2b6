import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import type { ImportConfirmResult, SubscriberList } from '../../../../../contracts/alert-subscribers.ts';
import type { ImportPreview } from '../../../../../contracts/alerts.ts';
import { api, ApiError } from '../../../lib/api.ts';
import { useSession } from '../../auth/session.ts';

export interface SubscriberFilter {
  lang?: string;
  topic?: string;
  q?: string;
}

export const useSubscribers = (filter: SubscriberFilter) =>
  useQuery({ queryKey: ['alert-subscribers', filter], queryFn: () => api<SubscriberList>('/api/v1/alerts/subscribers', { query: { ...filter } }) });

/**
 * The CSV goes up as the file's own bytes (text/csv), not JSON: the server decides whether
 * it is UTF-8 or EUC-KR. api() sends JSON only, so this one request is made here, with the
 * session's CSRF token and the page's language like every other.
 */
export function usePreviewImport() {
  const session = useSession();
  return useMutation({
    mutationFn: async ({ file, attestation }: { file: File; attestation: string }): Promise<ImportPreview> => {
      const res = await fetch(`/api/v1/alerts/imports?attestation=${encodeURIComponent(attestation)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          accept: 'application/json', 'content-type': 'text/csv',
          'x-haven-lang': (i18next.resolvedLanguage ?? 'en').slice(0, 2), 'x-csrf-token': session.csrfToken ?? '',
        },
        body: file,
      });
      const data = await res.json().catch(() => undefined);
      if (res.ok) return data as ImportPreview;
      throw new ApiError(res.status, data?.error ?? { code: 'unexpected', message: i18next.t('common:errors.unexpected', { status: res.status }) });
    },
  });
}

export function useConfirmImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ImportConfirmResult>(`/api/v1/alerts/imports/${id}/confirm`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['alert-subscribers'] }),
  });
}

export const useDiscardImport = () => useMutation({ mutationFn: (id: string) => api<{ ok: true }>(`/api/v1/alerts/imports/${id}/discard`, { method: 'POST' }) });
