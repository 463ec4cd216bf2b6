import { addDays, addYears, requireDay } from './screening-dates.ts';

/**
 * The earliest day an N-400 may reach USCIS on the residence requirement alone: 5 years as
 * a permanent resident (INA 316(a)), or 3 if married to and living with the same US citizen
 * for those 3 years (INA 319(a)), less the 90 days early filing allows (INA 334(a)). USCIS
 * denies an N-400 filed earlier and keeps the fee, so every choice here errs late. These are
 * statute, not fee-like data, so they stay in code. Other requirements (physical presence,
 * trips abroad, good moral character) are for the person screening, not this rule.
 *
 * USCIS's own worked example: resident since 2013-07-04 → 5-year date 2018-07-04 → earliest
 * filing 2018-04-05 (90 days before; see the test).
 *
 * Feb 29: the anniversary of a Feb 29 "resident since" date in a non-leap year is Mar 1.
 * We could not run USCIS's online calculator here to observe its answer, so this rests on
 * reasoning: 5 full years from 2024-02-29 are 1826.25 days on average; Feb 28, 2029 is only
 * day 1826, so the requirement is not met before Mar 1 (day 1827). And the later choice
 * costs the person one day, while the earlier one could cost the fee. (JavaScript's Date
 * rolls "Feb 29 + 5 years" over to Mar 1 too, so a web calculator built on it would agree;
 * re-check against USCIS's calculator when someone can.)
 */

export const NATURALIZATION_EARLY_FILING_DAYS = 90;

export interface NaturalizationFilingInput {
  permanentResidentSince: string;
  marriedToCitizen3Years: boolean;
}

export interface NaturalizationFiling {
  yearsRequired: 3 | 5;
  /** The day the residence requirement is met. */
  anniversaryOn: string;
  earliestFilingOn: string;
}

export function earliestNaturalizationFiling({ permanentResidentSince, marriedToCitizen3Years }: NaturalizationFilingInput): NaturalizationFiling {
  requireDay(permanentResidentSince, 'permanentResidentSince');
  const yearsRequired = marriedToCitizen3Years ? 3 : 5;
  const anniversaryOn = addYears(permanentResidentSince, yearsRequired);
  return { yearsRequired, anniversaryOn, earliestFilingOn: addDays(anniversaryOn, -NATURALIZATION_EARLY_FILING_DAYS) };
}
