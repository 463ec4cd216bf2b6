import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Alert, Audience } from '../../../../contracts/alerts.ts';
import { alertKeys, alertsApi } from './alerts.api.ts';
import { useDebounced } from './use-debounced.ts';

/**
 * The server's live count and cost for an audience (the one being edited, or the saved one
 * when `audience` is null). Asked again when typing pauses, and when the texts change: the
 * segments per language decide the cost. The previous answer stays on screen meanwhile.
 */
export function useAlertPreview(alert: Pick<Alert, 'id' | 'version' | 'versions'>, audience: Audience | null) {
  const settled = useDebounced(audience, 400);
  // The texts' save times, not the alert's version: a reviewer's stamp changes no price.
  const texts = alert.versions.map((v) => `${v.lang}:${v.updatedAt}`).join('|');
  const stampedTexts = useDebounced(texts, 400);
  return useQuery({
    queryKey: [...alertKeys.preview(alert.id, settled), stampedTexts] as const,
    queryFn: ({ signal }) => alertsApi.preview(alert.id, settled, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}
