import { useEffect, useState } from 'react';
import { localeFor } from '../../lib/format.ts';

type Unit = 'second' | 'minute' | 'hour' | 'day';

const unitFormats = new Map<string, Intl.NumberFormat>();
function unit(value: number, u: Unit, locale: string) {
  const key = `${locale}|${u}`;
  let f = unitFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' });
    unitFormats.set(key, f);
  }
  return f.format(value);
}

const join = (parts: string[], locale: string) => new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }).format(parts);

/**
 * A length of time as people say it on a hotline, in the page's language: "45 sec",
 * "4 min", "1 hr 5 min", "2 days 3 hr" (4분, 1시간 5분 · 4 min, 1 h 5 min). Two units at
 * most: "waiting 1 hr 5 min" says enough, the seconds would only flicker.
 */
export function formatDuration(totalSeconds: number, lang: string): string {
  const locale = localeFor(lang);
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return unit(s, 'second', locale);
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return unit(minutes, 'minute', locale);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const m = minutes % 60;
    return m ? join([unit(hours, 'hour', locale), unit(m, 'minute', locale)], locale) : unit(hours, 'hour', locale);
  }
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? join([unit(days, 'day', locale), unit(h, 'hour', locale)], locale) : unit(days, 'day', locale);
}

/** Seconds from an ISO instant to `now` (never negative: clocks of phone and server differ a little). */
export const secondsSince = (iso: string, now: number) => Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));

/** The current time, re-read every `everyMs` so "waiting 4 min" keeps counting on an open page. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
