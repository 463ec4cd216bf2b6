/**
 * Calendar dates for case screening: 'YYYY-MM-DD' strings with no time of day and no time
 * zone, because a DACA expiry or a "resident since" date is a day printed on a card, not an
 * instant. Arithmetic runs on whole days since 1970-01-01 (UTC), which has no daylight-saving
 * or offset surprises.
 *
 * The check* helpers catch dates that cannot be true, so that a typo ("2062" for "2026")
 * becomes a 400 naming the field instead of a plan computed from nonsense. They return every
 * problem at once (a form shows them all), and an empty list means the dates are plausible.
 * `today` is the caller's local date: these are pure, so nobody here reads the clock.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01, or null when the string is not a real calendar date. */
export function dayNumber(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  // Date rolls 02-30 over to 03-02; a round trip that changes the day means it was not real.
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return Math.round(t.getTime() / DAY_MS);
}

export const isCalendarDate = (date: string): boolean => dayNumber(date) !== null;

/** The day number of a date the caller has already validated; anything else is a bug upstream. */
export function requireDay(date: string, field: string): number {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`invalid_date: ${field}=${JSON.stringify(date)}`);
  return n;
}

function fromDayNumber(n: number): string {
  const t = new Date(n * DAY_MS);
  const y = t.getUTCFullYear();
  if (y < 0 || y > 9999) throw new RangeError(`date out of range: day ${n}`);
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  return `${pad(y, 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

export const addDays = (date: string, days: number): string => fromDayNumber(requireDay(date, 'date') + days);

/** `to` minus `from` in days: positive when `to` is later. */
export const daysBetween = (from: string, to: string): number => requireDay(to, 'to') - requireDay(from, 'from');

/**
 * The same month and day `years` later. A Feb 29 lands on Mar 1 in a non-leap year (the day
 * after Feb 28), so a period counted from Feb 29 is never cut short by a day; callers rely
 * on that to stay on the safe side of a deadline (see naturalization-rules.ts).
 */
export function addYears(date: string, years: number): string {
  requireDay(date, 'date');
  const [y, mo, d] = date.split('-').map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y + years, mo - 1, d);
  return fromDayNumber(Math.round(t.getTime() / DAY_MS));
}

export type DateProblem = { field: string; code: 'invalid_date' | 'date_in_future' | 'date_too_old' | 'expiry_before_approval' };

/** Nobody alive was born earlier; an older date is a typo (e.g. 1902 for 2002). */
const MAX_AGE_YEARS = 120;
/** USCIS began accepting DACA requests on 2012-08-15: no approval or expiry predates it. */
export const DACA_FIRST_FILING_DAY = '2012-08-15';

/** One date field: real, not after today, not before `notBefore`. */
function checkPastDate(field: string, value: string, today: number, notBefore: number): DateProblem[] {
  const n = dayNumber(value);
  if (n === null) return [{ field, code: 'invalid_date' }];
  if (n > today) return [{ field, code: 'date_in_future' }];
  if (n < notBefore) return [{ field, code: 'date_too_old' }];
  return [];
}

export function checkBirthDate(input: { birthDate: string; today: string }): DateProblem[] {
  const today = requireDay(input.today, 'today');
  return checkPastDate('birthDate', input.birthDate, today, requireDay(addYears(input.today, -MAX_AGE_YEARS), 'today'));
}

export function checkLprDate(input: { permanentResidentSince: string; today: string }): DateProblem[] {
  const today = requireDay(input.today, 'today');
  return checkPastDate('permanentResidentSince', input.permanentResidentSince, today, requireDay(addYears(input.today, -MAX_AGE_YEARS), 'today'));
}

/**
 * `approvedOn` is the last approval (optional: people often know only the card's expiry).
 * The expiry may lie in the future, so it is checked for being real and post-2012 only.
 */
export function checkDacaDates(input: { expiresOn: string; approvedOn?: string | null; today: string }): DateProblem[] {
  const today = requireDay(input.today, 'today');
  const first = requireDay(DACA_FIRST_FILING_DAY, 'DACA_FIRST_FILING_DAY');
  const problems: DateProblem[] = [];

  const expires = dayNumber(input.expiresOn);
  if (expires === null) problems.push({ field: 'expiresOn', code: 'invalid_date' });
  else if (expires < first) problems.push({ field: 'expiresOn', code: 'date_too_old' });

  if (input.approvedOn == null) return problems;
  const approvalProblems = checkPastDate('approvedOn', input.approvedOn, today, first);
  problems.push(...approvalProblems);

  // Compared only when both dates are otherwise sound: one problem per field is enough.
  if (problems.length === 0 && expires! < requireDay(input.approvedOn, 'approvedOn')) {
    problems.push({ field: 'expiresOn', code: 'expiry_before_approval' });
  }
  return problems;
}
