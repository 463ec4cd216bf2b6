import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClinicCheckIn, ClinicDay, ClinicReview, DacaFiled } from '../../../../contracts/daca.ts';
import { api } from '../../lib/api.ts';

const seg = encodeURIComponent;
/** Under ['cases'], so a change here also re-reads case lists and the renewals list. */
export const clinicKeys = { day: (day: string | null) => ['cases', 'clinic', day ?? 'today'] as const };

export const clinicApi = {
  day: (day: string | null, signal?: AbortSignal) => api<ClinicDay>('/api/v1/daca/clinic/day', { query: { day: day ?? undefined }, signal }),
  checkIn: (personId: string) => api<ClinicCheckIn>('/api/v1/daca/clinic/check-in', { method: 'POST', body: { personId } }),
  review: (caseId: string, attorneyId: string) => api<ClinicReview>(`/api/v1/cases/${seg(caseId)}/daca/review`, { method: 'POST', body: { attorneyId } }),
  filed: (caseId: string, filedOn: string) => api<DacaFiled>(`/api/v1/cases/${seg(caseId)}/daca/filed`, { method: 'POST', body: { filedOn } }),
};

/** The day's list is audited on each read: re-read after a change here, not on window focus. */
export const useClinicDay = (day: string | null) =>
  useQuery({ queryKey: clinicKeys.day(day), queryFn: ({ signal }) => clinicApi.day(day, signal), refetchOnWindowFocus: false });

/** A clinic action; afterwards the day, the renewals list and any case on screen are re-read. */
export function useClinicAction<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['cases'] }) });
}
