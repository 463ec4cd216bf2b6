import type { DacaState, RenewalsQuery } from '../../../../contracts/daca.ts';
import { DACA_STATES } from '../../../../contracts/daca.ts';
import type { BadgeTone } from '../../ui/Badge.tsx';

/** The renewals list's filters, kept in the URL so a clinic's planning view can be bookmarked. */
export const RENEWAL_WINDOWS = [90, 180, 365] as const;
export interface RenewalFilters {
  withinDays: number;
  state?: DacaState;
}

export function renewalFiltersFromParams(params: URLSearchParams): RenewalFilters {
  const days = Number(params.get('within'));
  const state = params.get('state');
  return {
    withinDays: (RENEWAL_WINDOWS as readonly number[]).includes(days) ? days : 180,
    ...(state && (DACA_STATES as readonly string[]).includes(state) ? { state: state as DacaState } : {}),
  };
}

export function paramsFromRenewalFilters(f: RenewalFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.withinDays !== 180) p.set('within', String(f.withinDays));
  if (f.state) p.set('state', f.state);
  return p;
}

export function renewalsQuery(f: RenewalFilters): Partial<RenewalsQuery> {
  return { withinDays: f.withinDays, ...(f.state ? { state: f.state } : {}) };
}

export const renewalsCsvUrl = (f: RenewalFilters) => {
  const q = new URLSearchParams({ withinDays: String(f.withinDays) });
  if (f.state) q.set('state', f.state);
  return `/api/v1/daca/renewals.csv?${q}`;
};

/** "in 12 days", "expires today", "lapsed 30 days ago": the i18n key under renewals.days and its count. */
export function daysLeftText(daysLeft: number): { key: 'left' | 'today' | 'lapsed'; count: number } {
  if (daysLeft > 0) return { key: 'left', count: daysLeft };
  if (daysLeft === 0) return { key: 'today', count: 0 };
  return { key: 'lapsed', count: -daysLeft };
}

/** The badge colour repeats the state's word: file now is a caution, lapsed is a problem. */
export function stateTone(state: DacaState): BadgeTone {
  switch (state) {
    case 'window_open':
      return 'accent';
    case 'late':
      return 'caution';
    case 'expired':
    case 'initial_required':
      return 'negative';
    case 'filed':
      return 'positive';
    default:
      return 'neutral';
  }
}
