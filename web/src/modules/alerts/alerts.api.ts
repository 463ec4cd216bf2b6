import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type {
  Alert,
  AlertList,
  AlertPreview,
  AlertProgress,
  AlertVersionInput,
  Audience,
  CreateAlertInput,
  FollowUpInput,
  UpdateAlertInput,
} from '../../../../contracts/alerts.ts';
import type { Lang } from '../../../../contracts/common.ts';
import type { AffiliateList } from '../../../../contracts/organizations.ts';
import { api, isApiError } from '../../lib/api.ts';
import type { OfferedMove } from './alert-actions.ts';

/** Everything under ['alerts'] is alert data: a change re-reads the list and the alert it touched. */
export const alertKeys = {
  all: ['alerts'] as const,
  list: ['alerts', 'list'] as const,
  detail: (id: string) => ['alerts', 'detail', id] as const,
  preview: (id: string, audience: Audience | null) => ['alerts', 'preview', id, audience] as const,
  progress: (id: string) => ['alerts', 'progress', id] as const,
  affiliates: ['alerts', 'affiliates'] as const,
};

const seg = encodeURIComponent;
const base = '/api/v1/alerts';
export const alertStreamUrl = (id: string) => `${base}/${seg(id)}/stream`;

/** The moves that are a plain POST …/:move with the version the page saw. */
export type PlainMove = Exclude<OfferedMove, 'schedule'>;
const MOVE_PATH: Record<PlainMove, string> = {
  submit: 'submit',
  return_to_draft: 'return-to-draft',
  approve: 'approve',
  send: 'send',
  pause: 'pause',
  resume: 'resume',
  cancel: 'cancel',
};

export const alertsApi = {
  list: (signal?: AbortSignal) => api<AlertList>(base, { signal }),
  get: (id: string, signal?: AbortSignal) => api<Alert>(`${base}/${seg(id)}`, { signal }),
  create: (body: CreateAlertInput) => api<Alert>(base, { method: 'POST', body }),
  update: (id: string, body: UpdateAlertInput) => api<Alert>(`${base}/${seg(id)}`, { method: 'PATCH', body }),
  saveVersion: (id: string, lang: Lang, body: AlertVersionInput) => api<Alert>(`${base}/${seg(id)}/versions/${seg(lang)}`, { method: 'PUT', body }),
  review: (id: string, lang: Lang, status: 'draft' | 'needs_review' | 'approved', expectedVersion: number) =>
    api<Alert>(`${base}/${seg(id)}/versions/${seg(lang)}/review`, { method: 'POST', body: { status, expectedVersion } }),
  // A read sent as POST: the audience being edited travels in the body, before it is saved.
  preview: (id: string, audience: Audience | null, signal?: AbortSignal) =>
    api<AlertPreview>(`${base}/${seg(id)}/preview`, { method: 'POST', body: audience ? { audience } : {}, signal }),
  move: (id: string, move: PlainMove, expectedVersion: number) => api<Alert>(`${base}/${seg(id)}/${MOVE_PATH[move]}`, { method: 'POST', body: { expectedVersion } }),
  schedule: (id: string, at: string | null, expectedVersion: number) => api<Alert>(`${base}/${seg(id)}/schedule`, { method: 'POST', body: { at, expectedVersion } }),
  followUp: (id: string, body: z.input<typeof FollowUpInput>) => api<Alert>(`${base}/${seg(id)}/follow-up`, { method: 'POST', body }),
  progress: (id: string, signal?: AbortSignal) => api<AlertProgress>(`${base}/${seg(id)}/progress`, { signal }),
  affiliates: () => api<AffiliateList>('/api/v1/network/affiliates'),
};

export function useAlerts() {
  return useQuery({ queryKey: alertKeys.list, queryFn: ({ signal }) => alertsApi.list(signal), placeholderData: keepPreviousData });
}

/** One alert. Not refetched on focus while composing: the editor's own saves keep it current. */
export function useAlert(id: string) {
  return useQuery({ queryKey: alertKeys.detail(id), queryFn: ({ signal }) => alertsApi.get(id, signal), refetchOnWindowFocus: false });
}

/** The network office and its affiliates (for choosing whom a network alert reaches). */
export function useAffiliates(enabled: boolean) {
  return useQuery({ queryKey: alertKeys.affiliates, queryFn: alertsApi.affiliates, enabled, staleTime: 10 * 60_000 });
}

/**
 * Writes to one alert run one after another: the composer saves three languages, the
 * audience and the details as people type, and each PATCH carries the version the page
 * last saw. Run in a row, each reads the version its predecessor returned, so autosaves
 * never trip over each other with `stale_version`.
 */
const chains = new Map<string, Promise<unknown>>();
export function queueAlertWrite<T>(id: string, run: () => Promise<T>): Promise<T> {
  const next = (chains.get(id) ?? Promise.resolve()).catch(() => undefined).then(run);
  chains.set(id, next);
  const forget = () => {
    if (chains.get(id) === next) chains.delete(id);
  };
  next.then(forget, forget);
  return next;
}

/** Put a fresh Alert from any answer into the cache, and mark the list stale. */
export function useStoreAlert() {
  const qc = useQueryClient();
  return useCallback(
    (a: Alert) => {
      qc.setQueryData(alertKeys.detail(a.id), a);
      void qc.invalidateQueries({ queryKey: alertKeys.list });
    },
    [qc],
  );
}

/**
 * A change to one alert whose answer is the alert itself. `fn` gets the version the page
 * holds when the write's turn comes (see queueAlertWrite).
 */
export function useAlertChange<TInput>(id: string, fn: (input: TInput, expectedVersion: number) => Promise<Alert>) {
  const qc = useQueryClient();
  const store = useStoreAlert();
  return useMutation({
    mutationFn: (input: TInput) =>
      queueAlertWrite(id, () => fn(input, qc.getQueryData<Alert>(alertKeys.detail(id))?.version ?? 0)),
    onSuccess: store,
    onError: (e) => {
      // Someone else changed it: show their version, so the next try starts from it.
      if (isApiError(e) && e.status === 409) void qc.invalidateQueries({ queryKey: alertKeys.detail(id) });
    },
  });
}
