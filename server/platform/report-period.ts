import { type SQL, sql } from 'drizzle-orm';
import { invalid } from './errors.ts';

const MAX_DAYS = 366;
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A report's days: `to` defaults to today, `from` to 29 days before it; at most a year. */
export function reportPeriod(input: { from?: string; to?: string }): { from: string; to: string } {
  const to = input.to ?? isoDay(new Date());
  const from = input.from ?? isoDay(new Date(Date.parse(to) - 29 * DAY));
  const days = (Date.parse(to) - Date.parse(from)) / DAY + 1;
  if (!Number.isFinite(days) || days < 1) throw invalid('bad_request', 'from');
  if (days > MAX_DAYS) throw invalid('report_range_too_long', 'from', { max: MAX_DAYS });
  return { from, to };
}

/** Every day of the period, for a table with a row per day even where nothing happened. */
export function periodDays(p: { from: string; to: string }): string[] {
  const n = (Date.parse(p.to) - Date.parse(p.from)) / DAY + 1;
  return Array.from({ length: n }, (_, i) => isoDay(new Date(Date.parse(p.from) + i * DAY)));
}

/** `column` within [from 00:00, to + 1 day 00:00) in the affiliate's time zone, as instants. */
export const inPeriod = (column: string, p: { from: string; to: string }, tz: string): SQL =>
  sql`${sql.raw(column)} >= (${p.from}::date::timestamp at time zone ${tz}) and ${sql.raw(column)} < ((${p.to}::date + 1)::timestamp at time zone ${tz})`;
