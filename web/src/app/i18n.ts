import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['ko', 'en', 'es'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
export const NAMESPACES = ['common', 'auth', 'people', 'organizations', 'audit', 'simulator', 'messaging', 'help', 'hotline', 'cases', 'portal', 'alerts', 'alerts-public', 'alerts-subscribers'] as const;

/** Each language named in itself: a reader finds their own language whatever the page is in. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { ko: '한국어', en: 'English', es: 'Español' };

export const LANG_STORAGE_KEY = 'haven.lang';

export const isUiLanguage = (s: unknown): s is UiLanguage => typeof s === 'string' && (LANGUAGES as readonly string[]).includes(s);

// Bundled eagerly: the strings are small and a phone on a weak signal should not wait for a second request.
const files = import.meta.glob<Record<string, unknown>>('../../locales/*/*.json', { eager: true, import: 'default' });

function buildResources(): Resource {
  const resources: Resource = {};
  for (const [path, strings] of Object.entries(files)) {
    const match = /locales\/([a-z]{2})\/([\w-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lang, ns] = match;
    resources[lang] ??= {};
    resources[lang][ns] = strings as Record<string, string>;
  }
  return resources;
}

export function storedLanguage(): UiLanguage | null {
  try {
    const v = localStorage.getItem(LANG_STORAGE_KEY);
    return isUiLanguage(v) ? v : null;
  } catch {
    return null; // storage blocked (private mode): the choice lasts for this page only
  }
}

export function storeLanguage(lang: UiLanguage) {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* see storedLanguage */
  }
}

/** First choice: what this device remembers; then the browser's languages; then English. */
function initialLanguage(): UiLanguage {
  const stored = storedLanguage();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag?.slice(0, 2).toLowerCase();
    if (isUiLanguage(base)) return base;
  }
  return 'en';
}

function reflectOnDocument(lang: string) {
  document.documentElement.lang = lang;
  document.documentElement.dir = 'ltr';
}

export function initI18n() {
  if (i18next.isInitialized) return i18next;
  i18next.on('languageChanged', reflectOnDocument);
  void i18next.use(initReactI18next).init({
    resources: buildResources(),
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  reflectOnDocument(i18next.language);
  return i18next;
}

export const currentLanguage = (): UiLanguage => {
  const l = i18next.resolvedLanguage ?? i18next.language;
  return isUiLanguage(l) ? l : 'en';
};
