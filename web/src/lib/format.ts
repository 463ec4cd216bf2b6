/** Intl locales for the UI languages: US variants, because the people served live in the US. */
const LOCALES: Record<string, string> = { ko: 'ko-KR', en: 'en-US', es: 'es-US' };
export const localeFor = (lang: string) => LOCALES[lang.slice(0, 2)] ?? 'en-US';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

const isDateOnly = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * A calendar date. Date-only strings (a date of birth) are read and shown in UTC, or a
 * birthday would move to the day before for everyone west of Greenwich.
 */
export function formatDate(value: string | Date | null | undefined, lang: string): string {
  if (!value) return '';
  const dateOnly = typeof value === 'string' && isDateOnly(value);
  const date = typeof value === 'string' ? new Date(dateOnly ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const locale = localeFor(lang);
  const fmt = cached(`d|${locale}|${dateOnly}`, () =>
    new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', ...(dateOnly ? { timeZone: 'UTC' } : {}) }),
  );
  return fmt.format(date);
}

/** A moment in time, in the viewer's own time zone. */
export function formatDateTime(value: string | Date | null | undefined, lang: string): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const locale = localeFor(lang);
  const fmt = cached(`dt|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  return fmt.format(date);
}

export function formatNumber(value: number, lang: string): string {
  const locale = localeFor(lang);
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** E.164 US numbers as people read them, "(312) 555-0101"; anything else unchanged. */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return '';
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(value);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : value;
}
