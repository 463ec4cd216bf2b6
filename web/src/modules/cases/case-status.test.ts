import { describe, expect, it } from 'vitest';
import { filtersFromParams, paramsFromFilters, TYPE_FROM_CATEGORY } from './case-options.ts';
import { nextStatuses } from './case-status.ts';

describe('case status moves in the web', () => {
  it('offers the next statuses in workflow order, and "filed" only where something is filed', () => {
    expect(nextStatuses('daca_renewal', 'open')).toEqual(['screening', 'in_progress', 'referred', 'closed']);
    expect(nextStatuses('daca_renewal', 'in_progress')).toEqual(['screening', 'referred', 'filed', 'closed']);
    expect(nextStatuses('public_benefits', 'in_progress')).toEqual(['screening', 'referred', 'closed']);
    expect(nextStatuses('other', 'closed')).toEqual(['in_progress']);
  });

  it('starts a case from a triage category with the type the shared workflow names', () => {
    expect(TYPE_FROM_CATEGORY.daca_first).toBe('daca_initial');
    expect(TYPE_FROM_CATEGORY.enforcement).toBe('detention');
  });
});

describe('case list filters in the URL', () => {
  it('reads known values, drops unknown ones, and leaves defaults out', () => {
    expect(filtersFromParams(new URLSearchParams('status=bogus&type=daca_renewal&mine=true'))).toEqual({ status: 'live', type: 'daca_renewal', mine: true });
    expect(filtersFromParams(new URLSearchParams('type=x'))).toEqual({ status: 'live', type: undefined, mine: false });
    expect(paramsFromFilters({ status: 'live', mine: false }).toString()).toBe('');
    expect(paramsFromFilters({ status: 'closed', type: 'tps', mine: true }).toString()).toBe('status=closed&type=tps&mine=true');
  });
});
