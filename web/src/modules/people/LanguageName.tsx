import { isUiLanguage, LANGUAGE_NAMES } from '../../app/i18n.ts';

/** A person's language, written in that language (한국어, English, Español). */
export function LanguageName({ lang }: { lang: string }) {
  return <span lang={lang}>{isUiLanguage(lang) ? LANGUAGE_NAMES[lang] : lang}</span>;
}
