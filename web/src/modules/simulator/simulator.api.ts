import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SimulatorCall, SimulatorEmail, SimulatorEmailList, SimulatorFailureList, SimulatorMessageList, SimulatorNumberList, SimulatorSmsResult,
} from '../../../../contracts/simulator.ts';
import { api } from '../../lib/api.ts';

/** New replies arrive by the worker, not by this page: poll while the page is open. */
const POLL_MS = 1500;
const enc = encodeURIComponent;

export const simulatorKeys = {
  numbers: ['simulator', 'numbers'] as const,
  thread: (phone: string) => ['simulator', 'thread', phone] as const,
  call: (sid: string) => ['simulator', 'call', sid] as const,
  failures: ['simulator', 'failures'] as const,
  emails: ['simulator', 'emails'] as const,
  email: (id: string) => ['simulator', 'email', id] as const,
};

export const useHavenNumbers = () => useQuery({ queryKey: simulatorKeys.numbers, queryFn: () => api<SimulatorNumberList>('/api/v1/simulator/numbers') });

export const useThread = (phone: string | null) =>
  useQuery({
    queryKey: simulatorKeys.thread(phone ?? ''),
    queryFn: () => api<SimulatorMessageList>(`/api/v1/simulator/phones/${enc(phone ?? '')}/messages`),
    enabled: !!phone,
    refetchInterval: POLL_MS,
  });

export function useSendSms(phone: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { to: string; body: string }) => api<SimulatorSmsResult>('/api/v1/simulator/sms', { method: 'POST', body: { from: phone, ...body } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: simulatorKeys.thread(phone) }),
  });
}

export const useCall = (sid: string | null) =>
  useQuery({
    queryKey: simulatorKeys.call(sid ?? ''),
    queryFn: () => api<SimulatorCall>(`/api/v1/simulator/calls/${enc(sid ?? '')}`),
    enabled: !!sid,
    // Only a live call changes on its own (a status callback); a finished one stays as it is.
    refetchInterval: (q) => (q.state.data?.status === 'completed' ? false : POLL_MS),
  });

export type CallMove = { kind: 'digits'; digits: string } | { kind: 'recording'; text: string } | { kind: 'silence' } | { kind: 'hangup' };

export function useCallMove(sid: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (move: CallMove) => {
      const body = move.kind === 'digits' ? { digits: move.digits } : move.kind === 'recording' ? { text: move.text } : undefined;
      return api<SimulatorCall>(`/api/v1/simulator/calls/${enc(sid ?? '')}/${move.kind}`, { method: 'POST', body });
    },
    onSuccess: (call) => qc.setQueryData(simulatorKeys.call(call.sid), call),
  });
}

export function useStartCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { from: string; to: string }) => api<SimulatorCall>('/api/v1/simulator/calls', { method: 'POST', body }),
    onSuccess: (call) => qc.setQueryData(simulatorKeys.call(call.sid), call),
  });
}

export const useFailures = () => useQuery({ queryKey: simulatorKeys.failures, queryFn: () => api<SimulatorFailureList>('/api/v1/simulator/failures') });

export function useFailureChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: { phone: string; code: number | null }) =>
      change.code === null
        ? api<SimulatorFailureList>(`/api/v1/simulator/failures/${enc(change.phone)}`, { method: 'DELETE' })
        : api<SimulatorFailureList>('/api/v1/simulator/failures', { method: 'PUT', body: change }),
    onSuccess: (list) => qc.setQueryData(simulatorKeys.failures, list),
  });
}

export const useEmails = () => useQuery({ queryKey: simulatorKeys.emails, queryFn: () => api<SimulatorEmailList>('/api/v1/simulator/emails'), refetchInterval: POLL_MS * 2 });
export const useEmail = (id: string | null) =>
  useQuery({ queryKey: simulatorKeys.email(id ?? ''), queryFn: () => api<SimulatorEmail>(`/api/v1/simulator/emails/${enc(id ?? '')}`), enabled: !!id });
