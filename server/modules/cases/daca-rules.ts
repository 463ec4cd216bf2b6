import type { DacaReference } from './daca-reference.ts';
import { addDays, requireDay } from './screening-dates.ts';

/**
 * Where a DACA recipient stands against their expiry date, and when to remind them. Pure:
 * timings come from the stored reference data, today from the caller.
 *
 * `expiresOn` is the end date on the current I-797 approval notice and EAD; the person is
 * covered through that whole day, so the expiry day itself is 'late', not 'expired'. There
 * is no automatic EAD extension for (c)(33), which is why 'late' still says: file now.
 *
 * States, with the default data (window 150–120 days before expiry):
 * - not_yet            before the window opens (USCIS may reject a renewal filed this early);
 * - window_open        from 150 through 120 days before expiry, both days included;
 * - late               after the recommended last day up to and including the expiry day;
 * - expired            expired fewer than `initialAfterExpiredDays` (365) days ago: still a
 *                      renewal;
 * - initial_required   expired 365 days ago or more: the person must file a new initial
 *                      request (accepted but, as of late 2025, not decided by USCIS);
 * - filed              `filedOn` is set: nothing more to remind about.
 *
 * The 365 comes from the data, counted in days: across a Feb 29 the calendar anniversary is
 * a day later, so a plan on day 365 of a leap span deserves a human look before anyone files.
 * `filedOn` must be the filing for this expiry date, not an earlier cycle's.
 */

export type DacaState = 'not_yet' | 'window_open' | 'late' | 'expired' | 'initial_required' | 'filed';

export interface DacaPlanInput {
  expiresOn: string;
  today: string;
  ref: DacaReference;
  filedOn?: string | null;
}

export interface DacaReminder {
  daysBefore: number;
  on: string;
  due: boolean;
}

export interface DacaPlan {
  kind: 'renewal' | 'initial';
  state: DacaState;
  windowOpensOn: string;
  windowClosesOn: string;
  /** Earliest first. */
  reminders: DacaReminder[];
  overdue: boolean;
  /** Negative once expired: -1 the day after `expiresOn`. */
  daysUntilExpiry: number;
}

export function dacaPlan({ expiresOn, today, ref, filedOn = null }: DacaPlanInput): DacaPlan {
  const expires = requireDay(expiresOn, 'expiresOn');
  const now = requireDay(today, 'today');
  const filed = filedOn === null ? null : requireDay(filedOn, 'filedOn');
  const opens = expires - ref.filingWindow.opensDaysBefore;
  const closes = expires - ref.filingWindow.closesDaysBefore;

  // What was (or would be) filed depends on the day of filing, not on today.
  const asOf = filed ?? now;
  const kind = asOf - expires >= ref.initialAfterExpiredDays ? 'initial' : 'renewal';

  let state: DacaState;
  if (filed !== null) state = 'filed';
  else if (kind === 'initial') state = 'initial_required';
  else if (now > expires) state = 'expired';
  else if (now > closes) state = 'late';
  else if (now >= opens) state = 'window_open';
  else state = 'not_yet';

  const reminders = [...ref.reminderDaysBefore]
    .sort((a, b) => b - a)
    .map((daysBefore) => ({
      daysBefore,
      on: addDays(expiresOn, -daysBefore),
      due: filed === null && now >= expires - daysBefore,
    }));

  return {
    kind,
    state,
    windowOpensOn: addDays(expiresOn, -ref.filingWindow.opensDaysBefore),
    windowClosesOn: addDays(expiresOn, -ref.filingWindow.closesDaysBefore),
    reminders,
    overdue: filed === null && now > closes,
    daysUntilExpiry: expires - now,
  };
}

export interface DacaFees {
  /** USCIS wants one payment per form; a combined payment can get the whole package rejected. */
  parts: { form: 'I-821D' | 'I-765'; amount: number }[];
  total: number;
  currency: DacaReference['fees']['currency'];
  effectiveFrom: string;
}

export function dacaFees(ref: DacaReference, { online }: { online: boolean }): DacaFees {
  const parts: DacaFees['parts'] = [
    { form: 'I-821D', amount: ref.fees.i821d },
    { form: 'I-765', amount: online ? ref.fees.i765Online : ref.fees.i765Paper },
  ];
  return {
    parts,
    total: parts.reduce((sum, p) => sum + p.amount, 0),
    currency: ref.fees.currency,
    effectiveFrom: ref.fees.effectiveFrom,
  };
}
