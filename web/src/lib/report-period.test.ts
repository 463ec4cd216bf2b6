import { describe, expect, it } from 'vitest';
import { addDays, daysInRange, lastDays, paramsFromPeriod, periodFromParams, rangeProblem, todayIso } from './report-period.ts';

const HOTLINE = ['7', '30', 'custom'] as const;

describe('report periods', () => {
  it('counts the last n days with today included, across month and year ends', () => {
    expect(lastDays(7, '2026-03-03')).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(lastDays(30, '2026-01-10')).toEqual({ from: '2025-12-12', to: '2026-01-10' });
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysInRange('2026-03-08', '2026-03-08')).toBe(1);
    // A DST change (US, 2026-03-08) does not make a day 23 hours short.
    expect(daysInRange('2026-03-01', '2026-03-31')).toBe(31);
  });

  it('reads today on a given clock and zone', () => {
    const late = new Date('2026-03-04T03:30:00Z'); // 21:30 the day before in Chicago
    expect(todayIso(late, 'America/Chicago')).toBe('2026-03-03');
    expect(todayIso(late, 'UTC')).toBe('2026-03-04');
  });

  it('round-trips through the URL and falls back to the last 7 days on anything odd', () => {
    const today = '2026-03-10';
    expect(periodFromParams(new URLSearchParams(''), today, HOTLINE)).toEqual({ preset: '7', from: '2026-03-04', to: today });
    expect(periodFromParams(new URLSearchParams('period=30'), today, HOTLINE)).toEqual({ preset: '30', from: '2026-02-09', to: today });
    const custom = { preset: 'custom' as const, from: '2026-01-01', to: '2026-01-31' };
    expect(periodFromParams(paramsFromPeriod(custom, HOTLINE), today, HOTLINE)).toEqual(custom);
    expect(periodFromParams(new URLSearchParams('period=custom&from=2026-13-01&to=x'), today, HOTLINE).preset).toBe('7');
    expect(paramsFromPeriod({ preset: '7', from: 'a', to: 'b' }, HOTLINE).toString()).toBe('');
  });

  it('names what is wrong with a custom range', () => {
    expect(rangeProblem('2026-01-01', '2026-01-31')).toBeNull();
    expect(rangeProblem('', '2026-01-31')).toBe('missing');
    expect(rangeProblem('2026-02-01', '2026-01-31')).toBe('reversed');
    expect(rangeProblem('2025-01-01', '2026-01-02')).toBe('tooLong');
    expect(rangeProblem('2025-01-01', '2026-01-01')).toBeNull(); // 366 days
  });
});
