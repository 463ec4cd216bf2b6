import { describe, expect, it } from 'vitest';
import { canMove as serverCanMove, TYPE_FROM_CATEGORY as SERVER_TYPE_FROM_CATEGORY } from '../../../../server/modules/cases/case-status.ts';
import { CASE_STATUSES, CASE_TYPES, filtersFromParams, paramsFromFilters, TYPE_FROM_CATEGORY } from './case-options.ts';
import { canMove, nextStatuses } from './case-status.ts';

describe('case status moves in the web', () => {
  it('allows exactly the moves the server allows, for every type', () => {
    const differ: string[] = [];
    for (const type of CASE_TYPES)
      for (const from of CASE_STATUSES)
        for (const to of CASE_STATUSES) if (canMove(type, from, to) !== serverCanMove(type, from, to)) differ.push(`${type}: ${from} → ${to}`);
    expect(differ).toEqual([]);
  });

  it('offers the next statuses in workflow order, and "filed" only where something is filed', () => {
    expect(nextStatuses('daca_renewal', 'open')).toEqual(['screening', 'in_progress', 'referred', 'closed']);
    expect(nextStatuses('daca_renewal', 'in_progress')).toEqual(['screening', 'referred', 'filed', 'closed']);
    expect(nextStatuses('public_benefits', 'in_progress')).toEqual(['screening', 'referred', 'closed']);
    expect(nextStatuses('other', 'closed')).toEqual(['in_progress']);
  });

  it('starts a case from a triage category with the same type as the server would', () => {
    expect(TYPE_FROM_CATEGORY).toEqual(SERVER_TYPE_FROM_CATEGORY);
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
