import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CallbackDone,
  CallbackList,
  CallbackTask,
  CallInInput,
  CallInResult,
  HotlineReport,
  HotlineSettings,
  HotlineSettingsPatch,
} from '../../../../contracts/hotline-admin.ts';
import { api } from '../../lib/api.ts';

export type CallbackStatus = 'open' | 'done';

/**
 * Query keys for running the hotline. The live stream refreshes `callbacks` on
 * 'hotline.callback' events (and on conversation events: a new voicemail or surge callback
 * is announced as one) and `settings` on 'hotline.settings'.
 */
export const adminKeys = {
  settings: ['hotline', 'settings'] as const,
  callbacks: ['hotline', 'callbacks'] as const,
  callbackList: (status: CallbackStatus) => ['hotline', 'callbacks', status] as const,
  report: (from: string, to: string) => ['hotline', 'reports', from, to] as const,
};

const seg = encodeURIComponent;

export const adminApi = {
  settings: (signal?: AbortSignal) => api<HotlineSettings>('/api/v1/hotline/settings', { signal }),
  saveSettings: (body: HotlineSettingsPatch) => api<HotlineSettings>('/api/v1/hotline/settings', { method: 'PATCH', body }),
  callbacks: (status: CallbackStatus, signal?: AbortSignal) => api<CallbackList>('/api/v1/hotline/callbacks', { query: { status }, signal }),
  claim: (id: string) => api<CallbackTask>(`/api/v1/hotline/callbacks/${seg(id)}/claim`, { method: 'POST' }),
  done: (id: string, body: CallbackDone) => api<CallbackTask>(`/api/v1/hotline/callbacks/${seg(id)}/done`, { method: 'POST', body }),
  callIn: (body: CallInInput) => api<CallInResult>('/api/v1/hotline/call-in', { method: 'POST', body }),
  report: (from: string, to: string, signal?: AbortSignal) => api<HotlineReport>('/api/v1/hotline/reports', { query: { from, to }, signal }),
};

/** Freshness comes from the stream (and its refetch on every reconnect), not from a timer. */
export const useHotlineSettings = () => useQuery({ queryKey: adminKeys.settings, queryFn: ({ signal }) => adminApi.settings(signal), staleTime: Infinity });

export const useCallbacks = (status: CallbackStatus) =>
  useQuery({ queryKey: adminKeys.callbackList(status), queryFn: ({ signal }) => adminApi.callbacks(status, signal), staleTime: Infinity, placeholderData: keepPreviousData });

/** A report for whole days; the previous one stays on screen while another period loads. */
export const useHotlineReport = (from: string, to: string, enabled = true) =>
  useQuery({ queryKey: adminKeys.report(from, to), queryFn: ({ signal }) => adminApi.report(from, to, signal), enabled, placeholderData: keepPreviousData, staleTime: 60_000 });

/**
 * A change to one callback. Whatever happens (done, or refused because someone else took it
 * meanwhile) the queue is re-read, so what the responder sees is what the server holds.
 */
export function useCallbackChange<TInput>(fn: (input: TInput) => Promise<CallbackTask>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: adminKeys.callbacks }),
  });
}

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: adminApi.saveSettings,
    onSuccess: (settings) => qc.setQueryData(adminKeys.settings, settings),
  });
}
