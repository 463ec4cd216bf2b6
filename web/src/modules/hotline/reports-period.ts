/**
 * The report's period: last 7 days, last 30 days (today included) or a custom from–to, as
 * whole days "YYYY-MM-DD". The server counts days in the affiliate's time zone; presets take
 * today from the viewer's clock, which is the same day for staff in the affiliate's area.
 */

export type PeriodPreset = '7' | '30' | 'custom';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['7', '30', 'custom'];
/** What the server accepts (reports.ts). */
export const MAX_REPORT_DAYS = 366;

const DAY = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const isIsoDay = (s: unknown): s is string => typeof s === 'string' && ISO_DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** "YYYY-MM-DD" moved by whole days (calendar arithmetic, in UTC so no DST can shift it). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (0 or less when reversed). */
export const daysInRange = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;

/** Today's date on the viewer's clock, or in `timeZone` when given. */
export function todayIso(now = new Date(), timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The last `n` days ending today. */
export const lastDays = (n: number, today: string) => ({ from: addDays(today, -(n - 1)), to: today });

export interface Period {
  preset: PeriodPreset;
  from: string;
  to: string;
}

/** The period a page URL asks for; anything missing or malformed falls back to the last 7 days. */
export function periodFromParams(params: URLSearchParams, today: string): Period {
  const preset = params.get('period');
  if (preset === '30') return { preset: '30', ...lastDays(30, today) };
  if (preset === 'custom') {
    const from = params.get('from');
    const to = params.get('to');
    if (isIsoDay(from) && isIsoDay(to)) return { preset: 'custom', from, to };
  }
  return { preset: '7', ...lastDays(7, today) };
}

export function paramsFromPeriod(p: Period): URLSearchParams {
  if (p.preset === 'custom') return new URLSearchParams({ period: 'custom', from: p.from, to: p.to });
  return new URLSearchParams(p.preset === '7' ? {} : { period: p.preset });
}

export type RangeProblem = 'missing' | 'reversed' | 'tooLong' | null;

/** What is wrong with a custom range before asking the server (which checks it too). */
export function rangeProblem(from: string, to: string): RangeProblem {
  if (!isIsoDay(from) || !isIsoDay(to)) return 'missing';
  const days = daysInRange(from, to);
  if (days < 1) return 'reversed';
  if (days > MAX_REPORT_DAYS) return 'tooLong';
  return null;
}
