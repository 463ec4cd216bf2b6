import { describe, expect, it } from 'vitest';
import type { ClinicVisit, Renewal } from '../../../../contracts/daca.ts';
import { expectedPeople, visitStage } from './clinic-day.ts';
import { daysLeftText, paramsFromRenewalFilters, renewalFiltersFromParams, renewalsCsvUrl, stateTone } from './renewals-view.ts';

describe('renewal filters', () => {
  it('defaults to 180 days and any state; keeps only known values', () => {
    expect(renewalFiltersFromParams(new URLSearchParams())).toEqual({ withinDays: 180 });
    expect(renewalFiltersFromParams(new URLSearchParams('within=365&state=late'))).toEqual({ withinDays: 365, state: 'late' });
    expect(renewalFiltersFromParams(new URLSearchParams('within=9999&state=everything'))).toEqual({ withinDays: 180 });
  });
  it('round-trips through the URL, leaving defaults out', () => {
    expect(paramsFromRenewalFilters({ withinDays: 180 }).toString()).toBe('');
    expect(paramsFromRenewalFilters({ withinDays: 90, state: 'window_open' }).toString()).toBe('within=90&state=window_open');
  });
  it('asks the CSV for the same list', () => {
    expect(renewalsCsvUrl({ withinDays: 90, state: 'expired' })).toBe('/api/v1/daca/renewals.csv?withinDays=90&state=expired');
    expect(renewalsCsvUrl({ withinDays: 180 })).toBe('/api/v1/daca/renewals.csv?withinDays=180');
  });
});

describe('days left', () => {
  it('says days left, today, or how long ago it lapsed', () => {
    expect(daysLeftText(12)).toEqual({ key: 'left', count: 12 });
    expect(daysLeftText(0)).toEqual({ key: 'today', count: 0 });
    expect(daysLeftText(-30)).toEqual({ key: 'lapsed', count: 30 });
  });
  it('colours states by urgency', () => {
    expect([stateTone('not_yet'), stateTone('window_open'), stateTone('late'), stateTone('expired'), stateTone('filed')]).toEqual(['neutral', 'accent', 'caution', 'negative', 'positive']);
  });
});

const renewal = (id: string, state: Renewal['state']): Renewal => ({
  person: { id, name: id, nameKo: null, lang: 'en' },
  caseId: null,
  expiresOn: '2026-06-01',
  daysLeft: 100,
  state,
  kind: 'renewal',
  windowOpensOn: '2026-01-02',
  windowClosesOn: '2026-02-01',
  filedOn: null,
  reminders: { sent: 0, lastSentOn: null, noConsent: false, scheduled: 0 },
});
const visit = (personId: string, extra: Partial<ClinicVisit> = {}): ClinicVisit => ({
  case: { id: `c-${personId}`, type: 'daca_renewal', status: 'in_progress', lang: 'en', person: { id: personId, name: personId }, assignedTo: null, conversationId: null, openedAt: '', closedAt: null, version: 1 },
  checkedInAt: '2026-01-10T15:00:00Z',
  review: null,
  daca: null,
  ...extra,
});

describe('clinic day', () => {
  it('expects those who should file now and are not here yet', () => {
    const list = [renewal('a', 'window_open'), renewal('b', 'late'), renewal('c', 'expired'), renewal('d', 'not_yet'), renewal('e', 'filed'), renewal('f', 'initial_required')];
    expect(expectedPeople(list, [visit('b')]).map((r) => r.person.id)).toEqual(['a', 'c']);
  });
  it('tells where a visit stands: filed beats review', () => {
    expect(visitStage(visit('a'))).toBe('checked_in');
    const review = { requestedAt: '2026-01-10T16:00:00Z', attorney: { userId: 'u', name: 'Kim' } };
    expect(visitStage(visit('a', { review }))).toBe('with_attorney');
    const daca = { expiresOn: '2026-06-01', lastApprovedOn: null, filedOn: '2026-01-10', kind: 'renewal' as const, state: 'filed', windowOpensOn: '', windowClosesOn: '', reminders: [] };
    expect(visitStage(visit('a', { review, daca }))).toBe('filed');
  });
});
