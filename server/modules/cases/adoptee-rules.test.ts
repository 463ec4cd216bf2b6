import { describe, expect, it } from 'vitest';
import { ADOPTEE_REASONS, adopteeCitizenshipScreen, type AdopteeScreenInput } from './adoptee-rules.ts';

const screen = (p: Partial<AdopteeScreenInput>) =>
  adopteeCitizenshipScreen({ birthDate: '1990-05-01', entryVisaClass: 'IR-3', adoptionFinalized: true, lprBefore18: true, ...p });

describe('adopteeCitizenshipScreen: the CCA birth-date line', () => {
  it('leaves out someone born on 1983-02-27, who turned 18 on the effective day', () => {
    expect(screen({ birthDate: '1983-02-27' })).toEqual({ likelyCovered: 'no', reasons: ['turned_18_before_cca', 'pre_cca_law_not_screened'] });
  });

  it('covers someone born on 1983-02-28, who was still 17 on 2001-02-27', () => {
    expect(screen({ birthDate: '1983-02-28' })).toEqual({
      likelyCovered: 'yes',
      reasons: ['under_18_on_or_after_cca', 'adoption_final_abroad', 'lpr_before_18'],
    });
  });

  it('says no for older adoptees whatever else is answered', () => {
    expect(screen({ birthDate: '1975-08-10', entryVisaClass: 'unknown', adoptionFinalized: null, lprBefore18: null }).likelyCovered).toBe('no');
  });
});

describe('adopteeCitizenshipScreen: visa classes', () => {
  it('counts IR-3 and IH-3 as final abroad, even when finalization was not asked', () => {
    expect(screen({ entryVisaClass: 'IR-3', adoptionFinalized: null }).likelyCovered).toBe('yes');
    expect(screen({ entryVisaClass: 'IH-3', adoptionFinalized: null }).reasons).toContain('adoption_final_abroad');
  });

  it('sends an IR-3 answer of "not finalized" to review rather than trusting either', () => {
    expect(screen({ entryVisaClass: 'IR-3', adoptionFinalized: false })).toEqual({
      likelyCovered: 'needs_review',
      reasons: ['under_18_on_or_after_cca', 'adoption_answer_conflicts_with_visa', 'lpr_before_18'],
    });
  });

  it.each(['IR-4', 'IH-4'] as const)('needs the %s adoption finalized before 18', (entryVisaClass) => {
    expect(screen({ entryVisaClass, adoptionFinalized: true })).toEqual({
      likelyCovered: 'yes',
      reasons: ['under_18_on_or_after_cca', 'adoption_finalized_before_18', 'lpr_before_18'],
    });
    expect(screen({ entryVisaClass, adoptionFinalized: false })).toEqual({
      likelyCovered: 'no',
      reasons: ['under_18_on_or_after_cca', 'adoption_not_finalized_before_18', 'lpr_before_18'],
    });
    expect(screen({ entryVisaClass, adoptionFinalized: null })).toEqual({
      likelyCovered: 'needs_review',
      reasons: ['under_18_on_or_after_cca', 'adoption_finalization_unknown', 'lpr_before_18'],
    });
  });

  it('never says yes for another or an unknown visa class', () => {
    expect(screen({ entryVisaClass: 'other' })).toEqual({
      likelyCovered: 'needs_review',
      reasons: ['under_18_on_or_after_cca', 'visa_class_other', 'adoption_finalized_before_18', 'lpr_before_18'],
    });
    expect(screen({ entryVisaClass: 'unknown' }).likelyCovered).toBe('needs_review');
    expect(screen({ entryVisaClass: 'unknown' }).reasons).toContain('visa_class_unknown');
  });

  it('says no when a known answer rules the Act out, even with other doubts', () => {
    expect(screen({ entryVisaClass: 'unknown', adoptionFinalized: false, lprBefore18: null }).likelyCovered).toBe('no');
  });
});

describe('adopteeCitizenshipScreen: permanent residence before 18', () => {
  it('says no without a green card before 18 and asks when not known', () => {
    expect(screen({ lprBefore18: false })).toMatchObject({ likelyCovered: 'no', reasons: expect.arrayContaining(['not_lpr_before_18']) });
    expect(screen({ lprBefore18: null })).toMatchObject({ likelyCovered: 'needs_review', reasons: expect.arrayContaining(['lpr_before_18_unknown']) });
  });
});

describe('adopteeCitizenshipScreen: adoptees who are still minors', () => {
  const minor = { birthDate: '2015-06-01', entryVisaClass: 'IR-4', adoptionFinalized: false } as const;

  it('sends a "no" to review while there is still time to finalize', () => {
    expect(screen({ ...minor, today: '2026-01-01' })).toEqual({
      likelyCovered: 'needs_review',
      reasons: ['under_18_on_or_after_cca', 'adoption_not_finalized_before_18', 'lpr_before_18', 'still_a_minor'],
    });
    expect(screen({ ...minor, today: '2033-05-31' }).likelyCovered).toBe('needs_review');
  });

  it('says no from the 18th birthday on, and without today', () => {
    expect(screen({ ...minor, today: '2033-06-01' }).likelyCovered).toBe('no');
    expect(screen(minor).likelyCovered).toBe('no');
  });

  it('does not let a minor turn a yes into a review', () => {
    expect(screen({ birthDate: '2015-06-01', today: '2026-01-01' }).likelyCovered).toBe('yes');
  });
});

describe('adopteeCitizenshipScreen: output', () => {
  it('answers in codes only', () => {
    const all = [
      screen({ birthDate: '1980-01-01' }),
      screen({ entryVisaClass: 'other', adoptionFinalized: null, lprBefore18: null }),
      screen({ entryVisaClass: 'IR-4', adoptionFinalized: false, today: '2000-01-01' }),
    ].flatMap((s) => s.reasons);
    expect(all.every((r) => (ADOPTEE_REASONS as readonly string[]).includes(r))).toBe(true);
  });

  it('refuses a birth date that is not real', () => {
    expect(() => screen({ birthDate: '1990-02-29' })).toThrow(/birthDate/);
  });
});
