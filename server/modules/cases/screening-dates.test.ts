import { describe, expect, it } from 'vitest';
import { addDays, addYears, checkBirthDate, checkDacaDates, checkLprDate, dayNumber, daysBetween, isCalendarDate } from './screening-dates.ts';

const TODAY = '2026-03-15';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    for (const d of ['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '1900-01-01', '0099-06-15']) expect(isCalendarDate(d), d).toBe(true);
    // 1900 is not a leap year (divisible by 100, not by 400); 2025 is not either.
    for (const d of ['2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-5', '26-01-05', '2026-01-05T00:00:00Z', ' 2026-01-05', '', 'tomorrow']) {
      expect(isCalendarDate(d), d).toBe(false);
    }
  });

  it('numbers days from 1970-01-01, two-digit years included', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('adds days across month ends, year ends and Feb 29', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -180)).toBe('2026-09-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2027-03-01', '2028-03-01')).toBe(366);
    expect(daysBetween('2026-03-01', '2027-03-01')).toBe(365);
    expect(daysBetween('2026-03-02', '2026-03-01')).toBe(-1);
  });

  it('moves a Feb 29 anniversary to Mar 1 in non-leap years only', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2024-02-29', -120)).toBe('1904-02-29');
    expect(addYears('2026-03-15', -120)).toBe('1906-03-15');
  });

  it('throws on a date that is not real', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-01-01', 'soon')).toThrow(RangeError);
    expect(() => addYears('2025-02-29', 1)).toThrow(RangeError);
  });
});

describe('checkBirthDate', () => {
  const check = (birthDate: string, today = TODAY) => checkBirthDate({ birthDate, today });

  it('accepts a plausible date, today and exactly 120 years ago', () => {
    expect(check('1990-05-01')).toEqual([]);
    expect(check(TODAY)).toEqual([]);
    expect(check('1906-03-15')).toEqual([]);
  });

  it('names the field and the problem', () => {
    expect(check('2026-02-30')).toEqual([{ field: 'birthDate', code: 'invalid_date' }]);
    expect(check('2026-03-16')).toEqual([{ field: 'birthDate', code: 'date_in_future' }]);
    expect(check('1906-03-14')).toEqual([{ field: 'birthDate', code: 'date_too_old' }]);
  });

  it('refuses an invalid today, which is a bug in the caller', () => {
    expect(() => check('1990-05-01', '2026-02-30')).toThrow(/today/);
  });
});

describe('checkLprDate', () => {
  it('accepts a past date and flags impossible ones', () => {
    const check = (permanentResidentSince: string) => checkLprDate({ permanentResidentSince, today: TODAY });
    expect(check('2013-07-04')).toEqual([]);
    expect(check(TODAY)).toEqual([]);
    expect(check('2026-03-16')).toEqual([{ field: 'permanentResidentSince', code: 'date_in_future' }]);
    expect(check('2023-02-29')).toEqual([{ field: 'permanentResidentSince', code: 'invalid_date' }]);
    expect(check('1890-01-01')).toEqual([{ field: 'permanentResidentSince', code: 'date_too_old' }]);
  });
});

describe('checkDacaDates', () => {
  const check = (expiresOn: string, approvedOn?: string | null) => checkDacaDates({ expiresOn, approvedOn, today: TODAY });

  it('accepts an expiry in the future, with or without the approval date', () => {
    expect(check('2027-03-01', '2025-03-02')).toEqual([]);
    expect(check('2027-03-01')).toEqual([]);
    expect(check('2027-03-01', null)).toEqual([]);
    // An expiry in the past is a real situation (expired DACA), not an error.
    expect(check('2025-01-10', '2023-01-11')).toEqual([]);
  });

  it('flags an expiry before the approval', () => {
    expect(check('2024-03-01', '2025-03-02')).toEqual([{ field: 'expiresOn', code: 'expiry_before_approval' }]);
    expect(check('2025-03-01', '2025-03-01')).toEqual([]);
  });

  it('flags an approval in the future, without also comparing it to the expiry', () => {
    expect(check('2026-03-20', '2026-04-01')).toEqual([{ field: 'approvedOn', code: 'date_in_future' }]);
  });

  it('flags dates that are not real', () => {
    expect(check('2027-02-29', '2025-03-02')).toEqual([{ field: 'expiresOn', code: 'invalid_date' }]);
    expect(check('2027-03-01', '2025-02-29')).toEqual([{ field: 'approvedOn', code: 'invalid_date' }]);
    expect(check('2027-13-01', '2025-02-30')).toEqual([
      { field: 'expiresOn', code: 'invalid_date' },
      { field: 'approvedOn', code: 'invalid_date' },
    ]);
  });

  it('flags dates before DACA existed (requests opened 2012-08-15)', () => {
    expect(check('2012-08-14')).toEqual([{ field: 'expiresOn', code: 'date_too_old' }]);
    expect(check('2014-09-01', '2012-08-14')).toEqual([{ field: 'approvedOn', code: 'date_too_old' }]);
    expect(check('2014-09-01', '2012-08-15')).toEqual([]);
  });
});
