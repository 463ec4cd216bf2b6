/**
 * Pure time rules for on-call shifts: turning a weekly recurring shift ("Mon–Fri 22:00–06:00,
 * America/Chicago, from 2026-03-01") into concrete instants, and deciding who is on call at
 * one instant once overrides are applied. No I/O; unit-tested in shift-times.test.ts.
 *
 * Conventions (docs/hotline-shifts.md):
 * - A shift's times are wall-clock times in the shift's own time zone, so "22:00" stays
 *   22:00 across daylight-saving changes; an overnight shift on the spring-forward night is
 *   an hour shorter, on the fall-back night an hour longer.
 * - `endTime` before `startTime` runs past midnight into the next day; `endTime` equal to
 *   `startTime` is a 24-hour shift.
 * - `weekdays`, `startsOn` and `endsOn` refer to the local day a shift *starts*: an
 *   overnight shift starting on `endsOn` still runs into the following morning.
 * - A wall time that does not exist (the skipped hour when clocks spring forward) moves
 *   later by the gap (02:30 → 03:30); a wall time that happens twice (fall back) means the
 *   first one. This is what calendar apps and Temporal's "compatible" rule do.
 */

export const SHIFT_ROLE_ORDER = ['primary', 'backup', 'coordinator'] as const;
export type ShiftRole = (typeof SHIFT_ROLE_ORDER)[number];

export interface RecurringShift {
  id: string;
  userId: string;
  role: ShiftRole;
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
  /** "HH:MM", 24-hour. */
  startTime: string;
  endTime: string;
  timeZone: string;
  /** "YYYY-MM-DD", inclusive. */
  startsOn: string;
  endsOn: string | null;
}

export interface ShiftOverride {
  id: string;
  userId: string;
  kind: 'on' | 'off';
  role: ShiftRole;
  startsAt: Date;
  endsAt: Date;
}

export interface ShiftOccurrence {
  shiftId: string;
  userId: string;
  role: ShiftRole;
  /** The local date (in the shift's zone) the occurrence starts on: with shiftId, its identity. */
  localDate: string;
  start: Date;
  end: Date;
}

export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Is this an IANA time zone the runtime knows? */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `at`, as if it were UTC (milliseconds). */
function wallAsUtc(at: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour') % 24, n('minute'), n('second'));
}

/** Offset of `timeZone` from UTC at `at`, in ms (Chicago in winter: −6 h). */
export function zoneOffset(at: number, timeZone: string): number {
  const whole = Math.floor(at / 1000) * 1000;
  return wallAsUtc(whole, timeZone) - whole;
}

/** The local calendar date ("YYYY-MM-DD") in `timeZone` at `at`. */
export function localDateOf(at: Date, timeZone: string): string {
  return new Date(wallAsUtc(at.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** The instant a wall-clock date and time in `timeZone` names (gap → later, overlap → earlier). */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  // The offsets in force half a day either side cover any single transition near this time.
  const before = zoneOffset(wall - DAY_MS / 2, timeZone);
  const after = zoneOffset(wall + DAY_MS / 2, timeZone);
  const candidates = [...new Set([before, after])].map((o) => wall - o).filter((t) => wallAsUtc(t, timeZone) === wall);
  if (candidates.length) return new Date(Math.min(...candidates));
  // In the gap: read the wall time with the offset from before the jump, which lands after it.
  return new Date(wall - before);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The concrete occurrences of a recurring shift that overlap [from, to). */
export function shiftOccurrences(shift: RecurringShift, from: Date, to: Date): ShiftOccurrence[] {
  if (to <= from) return [];
  const out: ShiftOccurrence[] = [];
  // An occurrence lasts at most a day (plus a DST hour): one that overlaps `from` started on its local date or the day before.
  let date = addDays(localDateOf(from, shift.timeZone), -1);
  const lastDate = localDateOf(to, shift.timeZone);
  if (date < shift.startsOn) date = shift.startsOn;
  const weekdays = new Set(shift.weekdays);
  const overnight = shift.endTime <= shift.startTime;
  for (; date <= lastDate; date = addDays(date, 1)) {
    if (shift.endsOn && date > shift.endsOn) break;
    if (!weekdays.has(weekdayOf(date))) continue;
    const start = zonedToUtc(date, shift.startTime, shift.timeZone);
    const end = zonedToUtc(overnight ? addDays(date, 1) : date, shift.endTime, shift.timeZone);
    if (start < to && end > from && end > start) {
      out.push({ shiftId: shift.id, userId: shift.userId, role: shift.role, localDate: date, start, end });
    }
  }
  return out;
}

/** Every occurrence of these shifts overlapping [from, to), by start time. */
export function expandShifts(shifts: RecurringShift[], from: Date, to: Date): ShiftOccurrence[] {
  return shifts.flatMap((s) => shiftOccurrences(s, from, to)).sort((a, b) => a.start.getTime() - b.start.getTime() || a.userId.localeCompare(b.userId));
}

const covers = (startsAt: Date, endsAt: Date, at: Date) => startsAt <= at && at < endsAt;

/**
 * Who is on call at `at`, per user, with every role they hold then. Shifts covering `at`
 * and `on` overrides add a user; an `off` override covering `at` takes the user out
 * entirely, whatever else says they are on (someone who said they are away must not be
 * rung). Users come back in escalation order: see `senior`.
 */
export function onCallAt(shifts: RecurringShift[], overrides: ShiftOverride[], at: Date): Map<string, ShiftRole[]> {
  const next = new Date(at.getTime() + 1);
  const roles = new Map<string, Set<ShiftRole>>();
  const add = (userId: string, role: ShiftRole) => {
    let set = roles.get(userId);
    if (!set) roles.set(userId, (set = new Set()));
    set.add(role);
  };
  for (const s of shifts) for (const o of shiftOccurrences(s, at, next)) add(o.userId, o.role);
  for (const o of overrides) if (o.kind === 'on' && covers(o.startsAt, o.endsAt, at)) add(o.userId, o.role);
  for (const o of overrides) if (o.kind === 'off' && covers(o.startsAt, o.endsAt, at)) roles.delete(o.userId);
  const out = new Map<string, ShiftRole[]>();
  for (const [userId, set] of roles) out.set(userId, SHIFT_ROLE_ORDER.filter((r) => set.has(r)));
  return out;
}

/**
 * The role that decides where a user stands in escalation: the earliest tier they are on
 * (primary, then backup, then coordinator), so a coordinator who also took a primary shift
 * is rung with the first tier rather than only after everyone else.
 */
export function senior(roles: ShiftRole[]): ShiftRole {
  return SHIFT_ROLE_ORDER.find((r) => roles.includes(r)) ?? 'primary';
}

/**
 * Subtract `off` intervals from one user's occurrence: what is left of it (for the
 * schedule view and the calendar feed, which show the time someone is actually on).
 */
export function subtractIntervals(start: Date, end: Date, offs: { startsAt: Date; endsAt: Date }[]): { start: Date; end: Date }[] {
  let pieces = [{ start, end }];
  for (const off of offs) {
    pieces = pieces.flatMap((p) => {
      if (off.endsAt <= p.start || off.startsAt >= p.end) return [p];
      const left = off.startsAt > p.start ? [{ start: p.start, end: off.startsAt }] : [];
      const right = off.endsAt < p.end ? [{ start: off.endsAt, end: p.end }] : [];
      return [...left, ...right];
    });
  }
  return pieces;
}

export interface ConcreteInterval {
  userId: string;
  role: ShiftRole;
  start: Date;
  end: Date;
  /** The shift it comes from (null for an `on` override), and its occurrence's local start date. */
  shiftId: string | null;
  localDate: string | null;
  overrideId: string | null;
}

/**
 * The concrete on-call time in [from, to) for a schedule view or a calendar: each shift
 * occurrence less that user's `off` overrides (possibly split in two), plus `on` overrides.
 * Intervals are not clipped to [from, to): a shift already under way shows whole.
 */
export function concreteIntervals(shifts: RecurringShift[], overrides: ShiftOverride[], from: Date, to: Date): ConcreteInterval[] {
  const offsBy = new Map<string, ShiftOverride[]>();
  for (const o of overrides) if (o.kind === 'off') offsBy.set(o.userId, [...(offsBy.get(o.userId) ?? []), o]);
  const out: ConcreteInterval[] = [];
  for (const occ of expandShifts(shifts, from, to)) {
    for (const piece of subtractIntervals(occ.start, occ.end, offsBy.get(occ.userId) ?? [])) {
      out.push({ userId: occ.userId, role: occ.role, start: piece.start, end: piece.end, shiftId: occ.shiftId, localDate: occ.localDate, overrideId: null });
    }
  }
  for (const o of overrides) {
    if (o.kind !== 'on' || o.endsAt <= from || o.startsAt >= to) continue;
    for (const piece of subtractIntervals(o.startsAt, o.endsAt, offsBy.get(o.userId) ?? [])) {
      out.push({ userId: o.userId, role: o.role, start: piece.start, end: piece.end, shiftId: null, localDate: null, overrideId: o.id });
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime() || a.userId.localeCompare(b.userId));
}
