import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResponderList } from '../../../../contracts/hotline-shifts.ts';
import type {
  SimulatorCall, SimulatorCallList, SimulatorEmail, SimulatorEmailList, SimulatorFailureList, SimulatorMessageList, SimulatorNumberList, SimulatorSmsResult,
} from '../../../../contracts/simulator.ts';
import { api } from '../../lib/api.ts';

/** New replies arrive by the worker, not by this page: poll while the page is open. */
const POLL_MS = 1500;
/** A call moves while the other side acts (a phone answers, the caller hangs up): look more often. */
const CALL_POLL_MS = 1000;
/** How a call ends: no status after these changes by itself. */
export const FINAL_CALL_STATUSES: readonly string[] = ['completed', 'canceled', 'busy', 'no-answer', 'failed'];
export const isFinalCall = (status: string | undefined) => !!status && FINAL_CALL_STATUSES.includes(status);
const enc = encodeURIComponent;

export const simulatorKeys = {
  numbers: ['simulator', 'numbers'] as const,
  thread: (phone: string) => ['simulator', 'thread', phone] as const,
  call: (sid: string) => ['simulator', 'call', sid] as const,
  phoneCalls: (phone: string) => ['simulator', 'phone-calls', phone] as const,
  responderPhones: ['simulator', 'responder-phones'] as const,
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
    // Only a live call changes on its own (the other phone answers, hangs up); a finished one stays as it is.
    refetchInterval: (q) => (isFinalCall(q.state.data?.status) ? false : CALL_POLL_MS),
  });

/** Calls Haven's Dial placed to this phone (a responder being rung), newest first; polled so a new one rings at once. */
export const usePhoneCalls = (phone: string | null) =>
  useQuery({
    queryKey: simulatorKeys.phoneCalls(phone ?? ''),
    queryFn: () => api<SimulatorCallList>(`/api/v1/simulator/phones/${enc(phone ?? '')}/calls`),
    enabled: !!phone,
    refetchInterval: CALL_POLL_MS,
  });

/**
 * Hotline responders with a phone on file, to play one of their phones. The hotline API shows
 * phones only to coordinators and to the responder themselves; anyone else gets none here.
 */
export const useResponderPhones = (enabled: boolean) =>
  useQuery({
    queryKey: simulatorKeys.responderPhones,
    queryFn: async () => (await api<ResponderList>('/api/v1/hotline/responders')).items.filter((r) => r.active && r.phone),
    enabled,
    retry: false,
    staleTime: 60_000,
  });

/**
 * What a phone on a call can do. The member's call: keys, a message, silence, hang up, and
 * "nobody answers" while Haven rings responders. A phone Haven is ringing: answer or decline,
 * then keys, silence and hang up like any call.
 */
export type CallMove =
  | { kind: 'digits'; digits: string }
  | { kind: 'recording'; text: string }
  | { kind: 'silence' }
  | { kind: 'hangup' }
  | { kind: 'ring-out' }
  | { kind: 'answer' }
  | { kind: 'reject' };

export function useCallMove(sid: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (move: CallMove) => {
      const body = move.kind === 'digits' ? { digits: move.digits } : move.kind === 'recording' ? { text: move.text } : undefined;
      return api<SimulatorCall>(`/api/v1/simulator/calls/${enc(sid ?? '')}/${move.kind}`, { method: 'POST', body });
    },
    onSuccess: (call) => {
      qc.setQueryData(simulatorKeys.call(call.sid), call);
      // A move on one side changes the other: the dialled phone's list and the caller's call.
      void qc.invalidateQueries({ queryKey: ['simulator', 'phone-calls'] });
      if (call.parentSid) void qc.invalidateQueries({ queryKey: simulatorKeys.call(call.parentSid) });
    },
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
