import { describe, expect, it } from 'vitest';
import { activeFilterCount, filtersFromParams, paramsFromFilters } from './inbox-options.ts';

describe('inbox filters in the URL', () => {
  it('reads known values, drops unknown ones and falls back to open conversations of anyone', () => {
    expect(filtersFromParams(new URLSearchParams('lang=ko&urgency=emergency&assigned=me&channel=fax&category=x'))).toEqual({
      status: 'open', assigned: 'me', lang: 'ko', urgency: 'emergency', channel: undefined, category: undefined,
    });
    expect(filtersFromParams(new URLSearchParams(''))).toMatchObject({ status: 'open', assigned: 'any' });
  });

  it('round-trips and leaves defaults out of the URL', () => {
    const f = filtersFromParams(new URLSearchParams('status=closed&lang=es&category=tps'));
    expect(paramsFromFilters(f).toString()).toBe('status=closed&lang=es&category=tps');
    expect(paramsFromFilters(filtersFromParams(new URLSearchParams('status=open&assigned=any'))).toString()).toBe('');
    expect(activeFilterCount(f)).toBe(3);
  });
});
