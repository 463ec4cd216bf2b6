import { describe, expect, it } from 'vitest';
import { earliestNaturalizationFiling } from './naturalization-rules.ts';

const filing = (permanentResidentSince: string, marriedToCitizen3Years = false) =>
  earliestNaturalizationFiling({ permanentResidentSince, marriedToCitizen3Years });

describe('earliestNaturalizationFiling', () => {
  it("matches USCIS's own worked example", () => {
    // uscis.gov early filing calculator page: resident since July 4, 2013 → 5-year date
    // July 4, 2018 → earliest filing April 5, 2018.
    expect(filing('2013-07-04')).toEqual({ yearsRequired: 5, anniversaryOn: '2018-07-04', earliestFilingOn: '2018-04-05' });
  });

  it('uses 3 years when married to and living with a citizen', () => {
    // 2026-05-15 back to 04-15 is 30 days, to 03-15 61, to 02-15 89 (Feb 2026 has 28) →
    // 90 days before = 2026-02-14.
    expect(filing('2023-05-15', true)).toEqual({ yearsRequired: 3, anniversaryOn: '2026-05-15', earliestFilingOn: '2026-02-14' });
  });

  it('counts a leap February inside the last 90 days', () => {
    // Same LPR date, 5 years: 2028-05-15 back to 02-15 is 30 + 31 + 29 = 90 → 2028-02-15,
    // one calendar day later than the 3-year case because Feb 2028 has 29 days.
    expect(filing('2023-05-15')).toEqual({ yearsRequired: 5, anniversaryOn: '2028-05-15', earliestFilingOn: '2028-02-15' });
  });

  it('puts the anniversary of a Feb 29 LPR date on Mar 1 of a non-leap year', () => {
    // 2029-03-01 back to 02-01 is 28 days, to 01-01 59, to 2028-12-01 90 → 2028-12-01.
    expect(filing('2024-02-29')).toEqual({ yearsRequired: 5, anniversaryOn: '2029-03-01', earliestFilingOn: '2028-12-01' });
    // 2027-03-01 back 90 days over a 28-day February → 2026-12-01.
    expect(filing('2024-02-29', true)).toEqual({ yearsRequired: 3, anniversaryOn: '2027-03-01', earliestFilingOn: '2026-12-01' });
  });

  it('keeps Feb 28 and Mar 1 LPR dates on their own days', () => {
    expect(filing('2023-02-28').anniversaryOn).toBe('2028-02-28');
    expect(filing('2024-03-01').anniversaryOn).toBe('2029-03-01');
  });

  it('refuses a date that is not real', () => {
    expect(() => filing('2023-02-29')).toThrow(/permanentResidentSince/);
    expect(() => filing('07/04/2013')).toThrow(RangeError);
  });
});
