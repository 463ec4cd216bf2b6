import { addYears, requireDay } from './screening-dates.ts';

/**
 * A screening aid, not legal advice (DESIGN.md §3.6): it sorts intakes so that adoptees who
 * may lack citizenship reach an attorney or accredited representative first. Only they can
 * tell someone whether they are a citizen; 'yes' means "likely, confirm with an N-600 or
 * passport", never "you are".
 *
 * The Child Citizenship Act of 2000 (INA 320) took effect on 2001-02-27 and made citizens of
 * adoptees who, on or after that day and while under 18, were permanent residents living in
 * the US with a citizen parent after a full and final adoption. Someone born on 1983-02-27
 * turned 18 on 2001-02-27, so was not under 18 that day: not covered. The first birth date
 * covered is 1983-02-28. Older adoptees were left out, a gap the network advocates to close.
 *
 * Visa classes (all for children of US citizens, so a citizen parent is implied):
 * - IR-3 / IH-3: adoption full and final abroad; citizen on admission as a permanent resident.
 * - IR-4 / IH-4: adoption to be completed (or re-done) in a US state court; citizen once
 *   that happens before 18.
 * - anything else, or not known: someone must look at the papers.
 *
 * Answers: `adoptionFinalized` means full and final before 18 (abroad or in the US);
 * `lprBefore18` means a green card before 18; null means not known. Without `today` the
 * answers are taken as settled; with it, a person still under 18 whose answer is "no" is
 * sent to review instead, because there is still time to finish the adoption.
 */

export const CCA_EFFECTIVE_ON = '2001-02-27';
/** Born on this day or earlier → 18 or older on CCA_EFFECTIVE_ON. */
export const CCA_LAST_EXCLUDED_BIRTH_DATE = '1983-02-27';

export const ADOPTEE_VISA_CLASSES = ['IR-3', 'IR-4', 'IH-3', 'IH-4', 'other', 'unknown'] as const;
export type AdopteeVisaClass = (typeof ADOPTEE_VISA_CLASSES)[number];

/** Codes, translated in the UI; positive ones explain a 'yes' as much as negative ones a 'no'. */
export const ADOPTEE_REASONS = [
  'turned_18_before_cca',
  'pre_cca_law_not_screened',
  'under_18_on_or_after_cca',
  'adoption_final_abroad',
  'adoption_finalized_before_18',
  'adoption_not_finalized_before_18',
  'adoption_finalization_unknown',
  'adoption_answer_conflicts_with_visa',
  'lpr_before_18',
  'not_lpr_before_18',
  'lpr_before_18_unknown',
  'visa_class_other',
  'visa_class_unknown',
  'still_a_minor',
] as const;
export type AdopteeReason = (typeof ADOPTEE_REASONS)[number];

export interface AdopteeScreenInput {
  birthDate: string;
  entryVisaClass: AdopteeVisaClass;
  adoptionFinalized: boolean | null;
  lprBefore18: boolean | null;
  today?: string;
}

export interface AdopteeScreen {
  likelyCovered: 'yes' | 'no' | 'needs_review';
  reasons: AdopteeReason[];
}

export function adopteeCitizenshipScreen(input: AdopteeScreenInput): AdopteeScreen {
  const born = requireDay(input.birthDate, 'birthDate');
  if (born <= requireDay(CCA_LAST_EXCLUDED_BIRTH_DATE, 'cutoff')) {
    // Not covered by the CCA, yet a parent may have naturalized them under the earlier law:
    // 'no' here is about this Act, which the second code keeps visible.
    return { likelyCovered: 'no', reasons: ['turned_18_before_cca', 'pre_cca_law_not_screened'] };
  }

  const reasons: AdopteeReason[] = ['under_18_on_or_after_cca'];
  let negative = false;
  let uncertain = false;
  const note = (reason: AdopteeReason, effect: 'positive' | 'negative' | 'uncertain') => {
    reasons.push(reason);
    if (effect === 'negative') negative = true;
    if (effect === 'uncertain') uncertain = true;
  };

  const finalAbroad = input.entryVisaClass === 'IR-3' || input.entryVisaClass === 'IH-3';
  if (finalAbroad) {
    if (input.adoptionFinalized === false) note('adoption_answer_conflicts_with_visa', 'uncertain');
    else note('adoption_final_abroad', 'positive');
  } else {
    if (input.entryVisaClass === 'other') note('visa_class_other', 'uncertain');
    if (input.entryVisaClass === 'unknown') note('visa_class_unknown', 'uncertain');
    if (input.adoptionFinalized === true) note('adoption_finalized_before_18', 'positive');
    else if (input.adoptionFinalized === false) note('adoption_not_finalized_before_18', 'negative');
    else note('adoption_finalization_unknown', 'uncertain');
  }

  if (input.lprBefore18 === true) note('lpr_before_18', 'positive');
  else if (input.lprBefore18 === false) note('not_lpr_before_18', 'negative');
  else note('lpr_before_18_unknown', 'uncertain');

  if (negative) {
    const minor = input.today !== undefined && requireDay(input.today, 'today') < requireDay(addYears(input.birthDate, 18), 'birthDate');
    if (!minor) return { likelyCovered: 'no', reasons };
    reasons.push('still_a_minor');
    return { likelyCovered: 'needs_review', reasons };
  }
  return { likelyCovered: uncertain ? 'needs_review' : 'yes', reasons };
}
