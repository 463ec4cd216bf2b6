/**
 * Pure helpers for the schedule view: the viewer's local days, which on-call intervals
 * touch each day, and the values of date/time inputs. Times are shown and typed in the
 * viewer's own time zone (the page says which).
 */

const DAY = 86_400_000;

/** Local midnight of `at`'s day, moved by `days` (calendar days, so a DST change keeps midnight). */
export function localDayStart(at: Date, days = 0): Date {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() + days);
}

export interface Span {
  start: string;
  end: string;
}

export interface DayItem<T extends Span> {
  item: T;
  /** Began on an earlier day. */
  fromBefore: boolean;
  /** Runs past the end of this day. */
  intoNext: boolean;
}

/** For each of `count` local days from `first`, the intervals that overlap it, by start. */
export function intervalsByDay<T extends Span>(intervals: T[], first: Date, count: number): { day: Date; items: DayItem<T>[] }[] {
  const out = [];
  for (let i = 0; i < count; i++) {
    const day = localDayStart(first, i);
    const next = localDayStart(first, i + 1);
    const items = intervals
      .filter((x) => new Date(x.start) < next && new Date(x.end) > day)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
      .map((item) => ({ item, fromBefore: new Date(item.start) < day, intoNext: new Date(item.end) > next }));
    out.push({ day, items });
  }
  return out;
}

/** A `<input type="datetime-local">` value (local wall time) as an ISO instant; '' stays ''. */
export function localInputToIso(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** An instant as a `<input type="datetime-local">` value in local time. */
export function isoToLocalInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** Today as a `<input type="date">` value. */
export const todayInput = (now = new Date()) => isoToLocalInput(now).slice(0, 10);

export const sameDay = (a: Date, b: Date) => Math.abs(localDayStart(a).getTime() - localDayStart(b).getTime()) < DAY / 2;
