import { localeFor } from '../../lib/format.ts';

const cache = new Map<string, Intl.DisplayNames>();

/** An ISO 639 code in words, in the UI's language ("ko" → "Korean", "한국어", "coreano"); unknown codes as they are. */
export function languageName(code: string, uiLang: string): string {
  const locale = localeFor(uiLang);
  let names = cache.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language' });
    cache.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
