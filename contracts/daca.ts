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

/**
 * Clinic day: who was checked in on a day (the affiliate's calendar day), whether an
 * attorney or accredited representative was asked to review the packet, and whether it was
 * filed; `reviewers` are the members whose role may give legal advice (cases.legal_advice).
 */
export const ClinicDayQuery = z.object({ day: isoDate.optional() });
export type ClinicDayQuery = z.infer<typeof ClinicDayQuery>;
const Member = z.object({ userId: z.uuid(), name: z.string() });
export const ClinicVisit = z.object({
  case: CaseSummary,
  checkedInAt: z.string(),
  /** The latest hand-off to an attorney for review, if any. */
  review: z.object({ requestedAt: z.string(), attorney: Member }).nullable(),
  daca: DacaView.nullable(),
});
export type ClinicVisit = z.infer<typeof ClinicVisit>;
export const ClinicDay = z.object({ day: isoDate, timeZone: z.string(), visits: z.array(ClinicVisit), reviewers: z.array(Member) });
export type ClinicDay = z.infer<typeof ClinicDay>;

/** Hand the case to an attorney or accredited representative for review (assigns it to them). */
export const ClinicReviewInput = z.object({ attorneyId: z.uuid() });
export type ClinicReviewInput = z.infer<typeof ClinicReviewInput>;
export const ClinicReview = z.object({
  case: CaseSummary,
  /** False when it was already with that attorney for review (a second tap changes nothing). */
  requested: z.boolean(),
});
export type ClinicReview = z.infer<typeof ClinicReview>;

/**
 * The network's DACA reference data as an editable, versioned record. Shapes are checked
 * here; the rules between fields (reminder days distinct and descending, the window opening
 * before it closes, `checkedOn` not in the future) in the verb, so each gets its own
 * translated message naming the field.
 */
const dayCount = (max: number) => z.number().int().positive().max(max);
/** Whole US dollars: USCIS fees have no cents (a fee of $85.50 would be refused as not an integer). */
const feeDollars = z.number().int().nonnegative().max(100_000);
export const DacaReferenceValues = z.object({
  /** Days before expiry on which Haven reminds the person, largest first (180, 150, 120). */
  reminderDaysBefore: z.array(dayCount(730)).min(1).max(10),
  filingWindow: z.object({ opensDaysBefore: dayCount(730), closesDaysBefore: dayCount(730) }),
  uscisNoticeDaysBefore: dayCount(730),
  /** Expired at least this many days ago → an initial request instead of a renewal. */
  initialAfterExpiredDays: dayCount(3650),
  fees: z.object({ i821d: feeDollars, i765Paper: feeDollars, i765Online: feeDollars, currency: z.literal('USD'), effectiveFrom: isoDate }),
  /** The day someone last checked these figures against the sources. */
  checkedOn: isoDate,
  sources: z.array(z.url().max(500)).min(1).max(10),
  /** What was checked and where, in a sentence ("USCIS fee schedule G-1055, 2025-11 edition"). */
  sourceNote: z.string().trim().min(1).max(500),
});
export type DacaReferenceValues = z.infer<typeof DacaReferenceValues>;
export const DacaReferenceInput = DacaReferenceValues.extend({
  /** The version being replaced (0: the shipped defaults); a stale one answers 409. */
  version: z.number().int().min(0),
});
export type DacaReferenceInput = z.infer<typeof DacaReferenceInput>;
export const DacaReferenceVersion = DacaReferenceValues.extend({
  version: z.number().int().min(0),
  /** When this version took effect (null: the shipped defaults, never saved). */
  validFrom: z.string().nullable(),
  /** When a later version replaced it (null: the current one). */
  validUntil: z.string().nullable(),
});
export type DacaReferenceVersion = z.infer<typeof DacaReferenceVersion>;
export const DacaReferenceState = z.object({
  current: DacaReferenceVersion,
  /** Earlier versions, newest first (at most 50). */
  history: z.array(DacaReferenceVersion),
  /** The caller may change it: org.settings in the network office. */
  canEdit: z.boolean(),
});
export type DacaReferenceState = z.infer<typeof DacaReferenceState>;
