import { z } from 'zod';

/**
 * DACA reference data: the timings and fees USCIS publishes. It lives in the database as
 * dated, admin-editable data rather than constants because USCIS changes it (the fees last
 * changed on 2024-04-01, and court rulings have changed what USCIS accepts), and a network
 * must be able to correct it the day that happens without a release. `checkedOn` is shown
 * next to anything computed from it, so nobody relies on a stale figure unknowingly
 * (DESIGN.md §4: re-check dates before relying on them).
 */

const Days = z.number().int().nonnegative();
/** Whole US dollars: USCIS fees have no cents. */
const Dollars = z.number().int().nonnegative();

export const DacaReference = z.object({
  /** Days before expiry on which Haven reminds the person; a reminder list, not a rule. */
  reminderDaysBefore: z
    .array(Days.positive())
    .min(1)
    .refine((days) => new Set(days).size === days.length, 'duplicate reminder day')
    .default([180, 150, 120]),
  filingWindow: z
    .object({
      /** USCIS may reject a renewal that arrives earlier than this. */
      opensDaysBefore: Days,
      /** USCIS's recommended latest filing day; filing later is still possible, just riskier. */
      closesDaysBefore: Days,
    })
    .refine((w) => w.opensDaysBefore > w.closesDaysBefore, { message: 'window must open before it closes', path: ['opensDaysBefore'] }),
  /** When USCIS mails its own renewal notice; shown to staff, not used for reminders. */
  uscisNoticeDaysBefore: Days,
  /** Expired at least this many days ago → a new initial request instead of a renewal. */
  initialAfterExpiredDays: Days.positive(),
  fees: z.object({
    i821d: Dollars,
    i765Paper: Dollars,
    i765Online: Dollars,
    currency: z.literal('USD'),
    effectiveFrom: z.iso.date(),
  }),
  checkedOn: z.iso.date(),
  sources: z.array(z.url()).min(1),
});
export type DacaReference = z.infer<typeof DacaReference>;

/**
 * The seed for a new install. Admins edit the stored copy when USCIS changes something and
 * bump `checkedOn`; this constant is only where a fresh database starts, and must itself be
 * re-checked against the sources before each release that touches it.
 */
export const DEFAULT_DACA_REFERENCE: DacaReference = DacaReference.parse({
  reminderDaysBefore: [180, 150, 120],
  filingWindow: { opensDaysBefore: 150, closesDaysBefore: 120 },
  uscisNoticeDaysBefore: 180,
  initialAfterExpiredDays: 365,
  fees: { i821d: 85, i765Paper: 520, i765Online: 470, currency: 'USD', effectiveFrom: '2024-04-01' },
  checkedOn: '2025-11-15',
  sources: ['https://www.uscis.gov/DACA', 'https://www.uscis.gov/g-1055'],
});
