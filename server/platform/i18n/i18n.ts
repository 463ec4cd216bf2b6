import en from './messages/en.json' with { type: 'json' };
import ko from './messages/ko.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };

export const LANGS = ['ko', 'en', 'es'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (s: unknown): s is Lang => typeof s === 'string' && (LANGS as readonly string[]).includes(s);

type Messages = Record<string, unknown>;
export const serverMessages: Record<Lang, Messages> = { en, ko, es };

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Translate a server message; `{{name}}` placeholders are filled from params. Falls back to English, then the key. */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = lookup(serverMessages[lang], key) ?? lookup(serverMessages.en, key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A field's label in the language, e.g. givenName → "이름"; unknown fields keep their path. */
export function fieldLabel(lang: Lang, field: string): string {
  const leaf = field.split('.').pop() ?? field;
  return lookup(serverMessages[lang], `fields.${leaf}`) ?? field;
}

/** Pick a language from an Accept-Language header (first supported tag wins). */
export function negotiateLang(header: string | undefined, fallback: Lang = 'en'): Lang {
  if (!header) return fallback;
  const tags = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { lang: tag.slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return tags.find((x) => isLang(x.lang))?.lang as Lang | undefined ?? fallback;
}
