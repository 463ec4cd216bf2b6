import { useQuery } from '@tanstack/react-query';
import type { Ok } from '../../../../contracts/common.ts';
import type {
  CalendarLink,
  OnCallNow,
  Override,
  OverrideInput,
  Responder,
  ResponderInput,
  ResponderList,
  Schedule,
  Shift,
  ShiftInput,
  TimeOffInput,
} from '../../../../contracts/hotline-shifts.ts';
import { api } from '../../lib/api.ts';

export const shiftKeys = {
  all: ['hotline', 'shifts'] as const,
  schedule: (from: string, days: number) => ['hotline', 'shifts', 'schedule', from, days] as const,
  onCall: ['hotline', 'shifts', 'on-call'] as const,
  responders: ['hotline', 'shifts', 'responders'] as const,
};

const seg = encodeURIComponent;

export const shiftsApi = {
  schedule: (from: string, days: number) => api<Schedule>('/api/v1/hotline/shifts', { query: { from, days } }),
  createShift: (body: ShiftInput) => api<Shift>('/api/v1/hotline/shifts', { method: 'POST', body }),
  deleteShift: (id: string) => api<Ok>(`/api/v1/hotline/shifts/${seg(id)}`, { method: 'DELETE' }),
  createOverride: (body: OverrideInput) => api<Override>('/api/v1/hotline/shift-overrides', { method: 'POST', body }),
  deleteOverride: (id: string) => api<Ok>(`/api/v1/hotline/shift-overrides/${seg(id)}`, { method: 'DELETE' }),
  onCall: () => api<OnCallNow>('/api/v1/hotline/on-call'),
  responders: () => api<ResponderList>('/api/v1/hotline/responders'),
  saveMine: (body: ResponderInput) => api<Responder>('/api/v1/hotline/responders/me', { method: 'PUT', body }),
  saveResponder: (userId: string, body: ResponderInput) => api<Responder>(`/api/v1/hotline/responders/${seg(userId)}`, { method: 'PUT', body }),
  deactivateResponder: (userId: string) => api<Ok>(`/api/v1/hotline/responders/${seg(userId)}`, { method: 'DELETE' }),
  rotateCalendarLink: () => api<CalendarLink>('/api/v1/hotline/responders/me/calendar-link', { method: 'POST' }),
  revokeCalendarLink: () => api<Ok>('/api/v1/hotline/responders/me/calendar-link', { method: 'DELETE' }),
  addTimeOff: (body: TimeOffInput) => api<Override>('/api/v1/hotline/responders/me/time-off', { method: 'POST', body }),
  deleteTimeOff: (id: string) => api<Ok>(`/api/v1/hotline/responders/me/time-off/${seg(id)}`, { method: 'DELETE' }),
};

export const useSchedule = (from: string, days: number) => useQuery({ queryKey: shiftKeys.schedule(from, days), queryFn: () => shiftsApi.schedule(from, days) });
/** Every minute: shifts change hands on the hour, and the panel is left open on a coordinator's screen. */
export const useOnCallNow = () => useQuery({ queryKey: shiftKeys.onCall, queryFn: shiftsApi.onCall, refetchInterval: 60_000 });
export const useShiftResponders = () => useQuery({ queryKey: shiftKeys.responders, queryFn: shiftsApi.responders });
