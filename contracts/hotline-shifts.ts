import { z } from 'zod';

/**
 * Hotline on-call schedules: responder profiles, weekly recurring shifts, one-off overrides,
 * who is on call now, and the responder's calendar link. Shared by the server routes and the
 * web app. Rules (role precedence, who may set overrides) are in docs/hotline-shifts.md.
 */

export const HotlineLang = z.enum(['ko', 'en', 'es']);
export type HotlineLang = z.infer<typeof HotlineLang>;
export const HOTLINE_LANG_LIST = HotlineLang.options;

/** Escalation order: routing rings primary, then backup, then coordinator. */
export const ShiftRole = z.enum(['primary', 'backup', 'coordinator']);
export type ShiftRole = z.infer<typeof ShiftRole>;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (00:00–23:59)');
const IsoDate = z.iso.date();
const Instant = z.iso.datetime({ offset: true });

const Languages = z
  .array(HotlineLang)
  .min(1)
  .max(3)
  .refine((a) => new Set(a).size === a.length, 'each language once');

export const Responder = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  languages: z.array(HotlineLang),
  /** E.164; only the responder themselves and coordinators see it (null otherwise, or when unset). */
  phone: z.string().nullable(),
  maxOpen: z.number().int(),
  active: z.boolean(),
  /** Whether a calendar link exists (the link itself is shown once, when made). */
  calendarLinked: z.boolean(),
  createdAt: z.string(),
});
export type Responder = z.infer<typeof Responder>;
export const ResponderList = z.object({ items: z.array(Responder), me: z.uuid().nullable() });
export type ResponderList = z.infer<typeof ResponderList>;

/**
 * Create or change a responder profile. A responder may set their own languages and phone;
 * `maxOpen` and `active` are for coordinators (a responder sending them gets 403).
 */
export const ResponderInput = z.object({
  languages: Languages,
  /** Any US format or +E.164; stored as E.164. null or '' clears it. */
  phone: z.string().trim().max(40).nullable().optional(),
  maxOpen: z.number().int().min(1).max(100).optional(),
  active: z.boolean().optional(),
});
export type ResponderInput = z.infer<typeof ResponderInput>;
export const UserIdParams = z.object({ userId: z.uuid() });

export const CalendarLink = z.object({ url: z.string() });
export type CalendarLink = z.infer<typeof CalendarLink>;

export const Shift = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  role: ShiftRole,
  /** 0 = Sunday … 6 = Saturday: the days the shift starts on. */
  weekdays: z.array(z.number().int()),
  startTime: z.string(),
  /** Before (or equal to) startTime: the shift runs past midnight (equal: 24 hours). */
  endTime: z.string(),
  timeZone: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  createdAt: z.string(),
});
export type Shift = z.infer<typeof Shift>;

export const ShiftInput = z.object({
  userId: z.uuid(),
  role: ShiftRole.default('primary'),
  weekdays: z
    .array(z.number().int().min(0).max(6))
    .min(1)
    .max(7)
    .refine((a) => new Set(a).size === a.length, 'each weekday once'),
  startTime: HHMM,
  endTime: HHMM,
  /** IANA zone; defaults to the organization's. */
  timeZone: z.string().trim().min(1).max(64).optional(),
  startsOn: IsoDate,
  /** The last day a shift starts (inclusive); null runs on. */
  endsOn: IsoDate.nullable().optional(),
});
export type ShiftInput = z.input<typeof ShiftInput>;
export const ShiftPatch = ShiftInput.partial();
export type ShiftPatch = z.input<typeof ShiftPatch>;

export const Override = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  kind: z.enum(['on', 'off']),
  role: ShiftRole,
  startsAt: z.string(),
  endsAt: z.string(),
  note: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
});
export type Override = z.infer<typeof Override>;

/**
 * `on`: someone covers (coordinators only). `off`: someone is away — coordinators for
 * anyone, a responder for themselves.
 */
export const OverrideInput = z.object({
  userId: z.uuid(),
  kind: z.enum(['on', 'off']),
  role: ShiftRole.default('primary'),
  startsAt: Instant,
  endsAt: Instant,
  note: z.string().trim().max(200).nullable().optional(),
});
export type OverrideInput = z.input<typeof OverrideInput>;

/** A responder marks themselves away (an `off` override for the caller). */
export const TimeOffInput = z.object({
  startsAt: Instant,
  endsAt: Instant,
  note: z.string().trim().max(200).nullable().optional(),
});
export type TimeOffInput = z.input<typeof TimeOffInput>;

/** One concrete stretch of on-call time: a shift occurrence (less any `off` time) or an `on` override. */
export const OnCallInterval = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: ShiftRole,
  start: z.string(),
  end: z.string(),
  shiftId: z.uuid().nullable(),
  overrideId: z.uuid().nullable(),
});
export type OnCallInterval = z.infer<typeof OnCallInterval>;

export const ScheduleQuery = z.object({
  /** Start of the expansion (default: now). */
  from: Instant.optional(),
  days: z.coerce.number().int().min(1).max(62).default(14),
});
export type ScheduleQuery = z.input<typeof ScheduleQuery>;

export const Schedule = z.object({
  /** The organization's time zone: the default for new shifts and for showing the schedule. */
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  shifts: z.array(Shift),
  overrides: z.array(Override),
  intervals: z.array(OnCallInterval),
});
export type Schedule = z.infer<typeof Schedule>;

export const OnCallQuery = z.object({ at: Instant.optional() });
export const OnCallPerson = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: ShiftRole,
  roles: z.array(ShiftRole),
  languages: z.array(HotlineLang),
});
export const OnCallNow = z.object({
  at: z.string(),
  responders: z.array(OnCallPerson),
  /** User ids on call per language. */
  byLanguage: z.object({ ko: z.array(z.uuid()), en: z.array(z.uuid()), es: z.array(z.uuid()) }),
  /** Languages with nobody on call as primary or backup (a coordinator alone still leaves the gap flagged). */
  gaps: z.array(HotlineLang),
  /** Languages with nobody on call in any role. */
  uncovered: z.array(HotlineLang),
});
export type OnCallNow = z.infer<typeof OnCallNow>;
