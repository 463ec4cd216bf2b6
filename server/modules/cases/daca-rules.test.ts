import { describe, expect, it } from 'vitest';
import { DacaReference, DEFAULT_DACA_REFERENCE } from './daca-reference.ts';
import { dacaFees, dacaPlan } from './daca-rules.ts';

const ref = DEFAULT_DACA_REFERENCE;
const EXPIRES = '2027-03-01';
const plan = (today: string, extra: { filedOn?: string | null; expiresOn?: string; ref?: DacaReference } = {}) =>
  dacaPlan({ expiresOn: extra.expiresOn ?? EXPIRES, today, ref: extra.ref ?? ref, filedOn: extra.filedOn });

describe('dacaPlan reminders and window for an expiry of 2027-03-01', () => {
  // Counting back from 2027-03-01 (2027 is not a leap year):
  //   to 2027-02-01  28 days (February 2027 has 28)
  //   to 2027-01-01  28 + 31 = 59
  //   to 2026-12-01  59 + 31 = 90
  //   to 2026-11-01  90 + 30 = 120  → 120 days before = 2026-11-01
  //   to 2026-10-01 120 + 31 = 151  → 150 days before = 2026-10-02
  //   to 2026-09-01 151 + 30 = 181  → 180 days before = 2026-09-02
  it('puts the 180/150/120 reminders and the window on the hand-computed days', () => {
    const p = plan('2026-06-01');
    expect(p.reminders.map((r) => [r.daysBefore, r.on])).toEqual([
      [180, '2026-09-02'],
      [150, '2026-10-02'],
      [120, '2026-11-01'],
    ]);
    expect(p.windowOpensOn).toBe('2026-10-02');
    expect(p.windowClosesOn).toBe('2026-11-01');
    expect(p.reminders.every((r) => !r.due)).toBe(true);
  });

  it('marks a reminder due from its own day on', () => {
    expect(plan('2026-09-01').reminders.map((r) => r.due)).toEqual([false, false, false]);
    expect(plan('2026-09-02').reminders.map((r) => r.due)).toEqual([true, false, false]);
    expect(plan('2026-10-02').reminders.map((r) => r.due)).toEqual([true, true, false]);
    expect(plan('2026-11-01').reminders.map((r) => r.due)).toEqual([true, true, true]);
  });

  it('moves through the states on the boundary days', () => {
    const at = (today: string) => {
      const p = plan(today);
      return { state: p.state, kind: p.kind, overdue: p.overdue, daysUntilExpiry: p.daysUntilExpiry };
    };
    expect(at('2026-10-01')).toEqual({ state: 'not_yet', kind: 'renewal', overdue: false, daysUntilExpiry: 151 });
    expect(at('2026-10-02')).toEqual({ state: 'window_open', kind: 'renewal', overdue: false, daysUntilExpiry: 150 });
    expect(at('2026-11-01')).toEqual({ state: 'window_open', kind: 'renewal', overdue: false, daysUntilExpiry: 120 });
    expect(at('2026-11-02')).toEqual({ state: 'late', kind: 'renewal', overdue: true, daysUntilExpiry: 119 });
    // Covered through the expiry day itself: still late, not expired.
    expect(at('2027-03-01')).toEqual({ state: 'late', kind: 'renewal', overdue: true, daysUntilExpiry: 0 });
    expect(at('2027-03-02')).toEqual({ state: 'expired', kind: 'renewal', overdue: true, daysUntilExpiry: -1 });
  });

  it('switches to an initial request at exactly 365 days expired, even one day before the leap-year anniversary', () => {
    // 2027-03-01 + 365 days = 2028-02-29, because the year runs through Feb 29, 2028;
    // the calendar anniversary 2028-03-01 is day 366.
    expect(plan('2028-02-28')).toMatchObject({ state: 'expired', kind: 'renewal', daysUntilExpiry: -364 });
    expect(plan('2028-02-29')).toMatchObject({ state: 'initial_required', kind: 'initial', daysUntilExpiry: -365, overdue: true });
    expect(plan('2028-03-01')).toMatchObject({ state: 'initial_required', kind: 'initial', daysUntilExpiry: -366 });
  });

  it('switches at 365 days in a span without Feb 29 too', () => {
    // 2025-06-30 + 365 = 2026-06-30 (no Feb 29 between them).
    expect(plan('2026-06-29', { expiresOn: '2025-06-30' })).toMatchObject({ state: 'expired', kind: 'renewal' });
    expect(plan('2026-06-30', { expiresOn: '2025-06-30' })).toMatchObject({ state: 'initial_required', kind: 'initial' });
  });
});

describe('dacaPlan date arithmetic', () => {
  it('counts Feb 29 when the window spans a leap February', () => {
    // From 2028-03-01: to 2028-02-01 29 days, to 2028-01-01 60, to 2027-12-01 91,
    // to 2027-11-01 121 → 120 before = 2027-11-02; to 2027-10-01 152 → 150 before = 2027-10-03;
    // to 2027-09-01 182 → 180 before = 2027-09-03.
    const p = plan('2027-01-01', { expiresOn: '2028-03-01' });
    expect(p.reminders.map((r) => r.on)).toEqual(['2027-09-03', '2027-10-03', '2027-11-02']);
    expect(p.windowOpensOn).toBe('2027-10-03');
    expect(p.windowClosesOn).toBe('2027-11-02');
  });

  it('handles a month-end expiry', () => {
    // From 2027-05-31: to 05-01 30, 04-01 60, 03-01 91, 02-01 119 → 120 before = 2027-01-31;
    // 30 more → 150 before = 2027-01-01; 30 more → 180 before = 2026-12-02.
    const p = plan('2026-01-01', { expiresOn: '2027-05-31' });
    expect(p.reminders.map((r) => r.on)).toEqual(['2026-12-02', '2027-01-01', '2027-01-31']);
  });

  it('counts days until expiry across a year end and a leap day', () => {
    expect(plan('2027-12-31', { expiresOn: '2028-01-01' }).daysUntilExpiry).toBe(1);
    expect(plan('2028-02-28', { expiresOn: '2028-03-01' }).daysUntilExpiry).toBe(2);
    expect(plan('2027-02-28', { expiresOn: '2027-03-01' }).daysUntilExpiry).toBe(1);
  });

  it('refuses dates that are not real rather than guessing', () => {
    expect(() => plan('2026-01-01', { expiresOn: '2027-02-29' })).toThrow(RangeError);
    expect(() => plan('2026-13-01')).toThrow(/today/);
    expect(() => plan('2026-01-01', { filedOn: '2026-02-30' })).toThrow(/filedOn/);
  });
});

describe('dacaPlan once filed', () => {
  it('stops reminding and is never overdue', () => {
    const p = plan('2026-12-01', { filedOn: '2026-10-15' });
    expect(p.state).toBe('filed');
    expect(p.kind).toBe('renewal');
    expect(p.overdue).toBe(false);
    expect(p.reminders.map((r) => r.due)).toEqual([false, false, false]);
    // The dates are still there for the record.
    expect(p.reminders.map((r) => r.on)).toEqual(['2026-09-02', '2026-10-02', '2026-11-01']);
  });

  it('counts a late filing as filed', () => {
    expect(plan('2027-04-01', { filedOn: '2027-02-20' })).toMatchObject({ state: 'filed', kind: 'renewal', overdue: false, daysUntilExpiry: -31 });
  });

  it('takes the kind from the filing day, not from today', () => {
    // Filed 2028-02-28 (364 days expired) → a renewal, even when looked at a year later.
    expect(plan('2029-01-01', { filedOn: '2028-02-28' }).kind).toBe('renewal');
    expect(plan('2029-01-01', { filedOn: '2028-02-29' }).kind).toBe('initial');
  });

  it('treats filedOn null like not filed', () => {
    expect(plan('2026-11-02', { filedOn: null })).toMatchObject({ state: 'late', overdue: true });
  });
});

describe('dacaPlan follows the stored reference, not constants', () => {
  it('uses edited windows and reminders, earliest reminder first', () => {
    const edited = DacaReference.parse({
      ...ref,
      reminderDaysBefore: [120, 210, 30],
      filingWindow: { opensDaysBefore: 200, closesDaysBefore: 100 },
      initialAfterExpiredDays: 30,
    });
    const p = plan('2026-08-13', { ref: edited });
    // 2027-03-01 − 200 days: back 181 to 2026-09-01 (see above), 19 more → 2026-08-13.
    expect(p.windowOpensOn).toBe('2026-08-13');
    expect(p.state).toBe('window_open');
    expect(p.reminders.map((r) => r.daysBefore)).toEqual([210, 120, 30]);
    expect(plan('2027-03-31', { ref: edited }).state).toBe('initial_required');
  });
});

describe('dacaFees', () => {
  it('adds I-821D to the online or paper I-765 fee, one part per payment', () => {
    expect(dacaFees(ref, { online: true })).toEqual({
      parts: [
        { form: 'I-821D', amount: 85 },
        { form: 'I-765', amount: 470 },
      ],
      total: 555,
      currency: 'USD',
      effectiveFrom: '2024-04-01',
    });
    const paper = dacaFees(ref, { online: false });
    expect(paper.total).toBe(605);
    expect(paper.parts[1]).toEqual({ form: 'I-765', amount: 520 });
  });

  it('uses edited fees', () => {
    const edited = DacaReference.parse({ ...ref, fees: { ...ref.fees, i765Online: 500, effectiveFrom: '2026-01-01' } });
    expect(dacaFees(edited, { online: true })).toMatchObject({ total: 585, effectiveFrom: '2026-01-01' });
  });
});

describe('DacaReference', () => {
  it('seeds the checked values with their sources', () => {
    expect(DEFAULT_DACA_REFERENCE).toMatchObject({
      reminderDaysBefore: [180, 150, 120],
      filingWindow: { opensDaysBefore: 150, closesDaysBefore: 120 },
      uscisNoticeDaysBefore: 180,
      initialAfterExpiredDays: 365,
      checkedOn: '2025-11-15',
    });
    expect(DEFAULT_DACA_REFERENCE.sources.some((s) => s.startsWith('https://www.uscis.gov/'))).toBe(true);
  });

  it('defaults the reminders when stored data lacks them', () => {
    const { reminderDaysBefore: _omit, ...rest } = DEFAULT_DACA_REFERENCE;
    expect(DacaReference.parse(rest).reminderDaysBefore).toEqual([180, 150, 120]);
  });

  it('rejects edits that would make the rules meaningless', () => {
    const accepts = (patch: Record<string, unknown>) => DacaReference.safeParse({ ...DEFAULT_DACA_REFERENCE, ...patch }).success;
    expect(accepts({ filingWindow: { opensDaysBefore: 120, closesDaysBefore: 150 } })).toBe(false);
    expect(accepts({ filingWindow: { opensDaysBefore: 120, closesDaysBefore: 120 } })).toBe(false);
    expect(accepts({ reminderDaysBefore: [150, 150] })).toBe(false);
    expect(accepts({ reminderDaysBefore: [0] })).toBe(false);
    expect(accepts({ checkedOn: '2025-02-30' })).toBe(false);
    expect(accepts({ sources: ['not a url'] })).toBe(false);
    expect(accepts({ sources: [] })).toBe(false);
    expect(accepts({ fees: { ...DEFAULT_DACA_REFERENCE.fees, i821d: 84.5 } })).toBe(false);
    expect(accepts({ initialAfterExpiredDays: 0 })).toBe(false);
    expect(accepts({})).toBe(true);
  });
});
