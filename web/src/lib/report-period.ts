/**
 * A report's period: the last N days (today included) or a custom from–to, as whole days
 * "YYYY-MM-DD", kept in the page's URL. Each report names its presets, the first being the
 * default (the hotline's 7 and 30 days, the cases' 30 and 90). The server counts days in the
 * affiliate's time zone; presets take today from the viewer's clock, which is the same day for
 * staff in the affiliate's area.
 */

/** A number of days, or 'custom'. */
export type PeriodPreset = `${number}` | 'custom';
/** What the server accepts (server/platform/report-period.ts). */
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

export interface Period<P extends PeriodPreset = PeriodPreset> {
  preset: P;
  from: string;
  to: string;
}

const firstDays = <P extends PeriodPreset>(presets: readonly P[]) => presets.find((p) => p !== 'custom')!;

/** The period a page URL asks for; anything missing or malformed falls back to the first preset. */
export function periodFromParams<P extends PeriodPreset>(params: URLSearchParams, today: string, presets: readonly P[]): Period<P> {
  const asked = params.get('period');
  if (asked === 'custom' && presets.includes('custom' as P)) {
    const from = params.get('from');
    const to = params.get('to');
    if (isIsoDay(from) && isIsoDay(to)) return { preset: 'custom' as P, from, to };
  }
  const preset = presets.find((p) => p === asked && p !== 'custom') ?? firstDays(presets);
  return { preset, ...lastDays(Number(preset), today) };
}

/** The URL parameters of a period (none for the default preset, so a plain link shows it). */
export function paramsFromPeriod<P extends PeriodPreset>(p: Period<P>, presets: readonly P[]): URLSearchParams {
  if (p.preset === 'custom') return new URLSearchParams({ period: 'custom', from: p.from, to: p.to });
  return new URLSearchParams(p.preset === firstDays(presets) ? {} : { period: p.preset });
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

/**
 * The period form's words from a report's namespace, which holds them under `reports.period.*`
 * (legend, last7 / last30 / last90, custom, from, to, show, missing / reversed / tooLong).
 */
export function reportPeriodLabels(t: (key: string, opts?: Record<string, unknown>) => string) {
  return {
    legend: t('reports.period.legend'),
    preset: (p: PeriodPreset) => t(`reports.period.${p === 'custom' ? 'custom' : `last${p}`}`),
    from: t('reports.period.from'),
    to: t('reports.period.to'),
    show: t('reports.period.show'),
    problem: (p: Exclude<RangeProblem, null>, max: number) => t(`reports.period.${p}`, { max }),
  };
}
