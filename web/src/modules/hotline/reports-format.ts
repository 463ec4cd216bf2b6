import { localeFor } from '../../lib/format.ts';
import { formatDuration } from './inbox-time.ts';

const formats = new Map<string, Intl.NumberFormat>();
function unit(value: number, u: 'second' | 'minute', locale: string) {
  const key = `${locale}|${u}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' });
    formats.set(key, f);
  }
  return f.format(value);
}

/**
 * A first-response time for a report: "45 sec", "3 min 40 sec", "1 hr 5 min", "2 days 3 hr"
 * in the page's language. Under an hour the seconds stay (a report compares 3 min 10 with
 * 3 min 50); from an hour on, two units as in the inbox. Null (nobody answered yet) is null.
 */
export function formatResponseTime(seconds: number | null, lang: string): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  const s = Math.max(0, Math.round(seconds));
  if (s < 60 || s >= 3600) return formatDuration(s, lang);
  const locale = localeFor(lang);
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (!rest) return unit(m, 'minute', locale);
  return new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }).format([unit(m, 'minute', locale), unit(rest, 'second', locale)]);
}

/** A whole-number share, "40%", in the page's language; 0 of 0 is 0%. */
export function formatShare(part: number, whole: number, lang: string): string {
  return new Intl.NumberFormat(localeFor(lang), { style: 'percent', maximumFractionDigits: 0 }).format(whole > 0 ? part / whole : 0);
}
