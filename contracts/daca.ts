import { z } from 'zod';
import { CaseSummary, DacaView } from './cases.ts';

/**
 * The DACA tracker's clinic side: the upcoming-renewals list, clinic-day check-in and
 * "filed", and the per-affiliate case settings (retention of closed cases).
 */
const isoDate = z.iso.date();

export const DACA_STATES = ['not_yet', 'window_open', 'late', 'expired', 'initial_required', 'filed'] as const;
export const DacaState = z.enum(DACA_STATES);
export type DacaState = z.infer<typeof DacaState>;

export const RenewalsQuery = z.object({
  /** Expiries from today up to this many days ahead (and the recently expired, still renewals). */
  withinDays: z.coerce.number().int().min(1).max(730).default(180),
  state: DacaState.optional(),
  /** A clinic's planning list, not an export of everyone: upcoming expiries fill it first. */
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type RenewalsQuery = z.infer<typeof RenewalsQuery>;

export const Renewal = z.object({
  person: z.object({ id: z.uuid(), name: z.string(), nameKo: z.string().nullable(), lang: z.enum(['ko', 'en', 'es']) }),
  caseId: z.uuid().nullable(),
  expiresOn: isoDate,
  /** Negative once expired. */
  daysLeft: z.number().int(),
  state: DacaState,
  kind: z.enum(['renewal', 'initial']),
  windowOpensOn: isoDate,
  windowClosesOn: isoDate,
  filedOn: isoDate.nullable(),
  reminders: z.object({
    sent: z.number().int(),
    lastSentOn: isoDate.nullable(),
    /** A reminder fell due but the person had not agreed to texts or email from us: call them. */
    noConsent: z.boolean(),
    scheduled: z.number().int(),
  }),
});
export type Renewal = z.infer<typeof Renewal>;
export const RenewalList = z.object({
  items: z.array(Renewal),
  today: isoDate,
  referenceCheckedOn: isoDate,
  /** More people fall in the range than the list holds (the soonest upcoming expiries come first). */
  truncated: z.boolean(),
});
export type RenewalList = z.infer<typeof RenewalList>;

export const ClinicCheckInInput = z.object({ personId: z.uuid() });
export type ClinicCheckInInput = z.infer<typeof ClinicCheckInInput>;
export const ClinicCheckIn = z.object({
  case: CaseSummary,
  /** A new daca_renewal case was opened (false: the person's live one was reused). */
  created: z.boolean(),
  /** False when the person was already checked in today (a second tap changes nothing). */
  checkedIn: z.boolean(),
  daca: DacaView.nullable(),
});
export type ClinicCheckIn = z.infer<typeof ClinicCheckIn>;

export const DacaFiledInput = z.object({ filedOn: isoDate });
export type DacaFiledInput = z.infer<typeof DacaFiledInput>;
export const DacaFiled = z.object({ case: CaseSummary, daca: DacaView, cancelledReminders: z.number().int() });
export type DacaFiled = z.infer<typeof DacaFiled>;

export const CaseSettings = z.object({ closedCaseRetentionDays: z.number().int() });
export type CaseSettings = z.infer<typeof CaseSettings>;
/** 30 days at least: a closed case may be reopened, and a month is the shortest anyone asked for. Ten years at most. */
export const CaseSettingsPatch = z.object({ closedCaseRetentionDays: z.number().int().min(30).max(3650) });
export type CaseSettingsPatch = z.infer<typeof CaseSettingsPatch>;
