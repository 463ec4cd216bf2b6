import type { Lang } from '../../platform/i18n/i18n.ts';

/**
 * Consent keywords, case- and space-insensitive, in the three languages (DESIGN.md §4).
 * Data: add a word to its list and its language. A keyword must be the whole message
 * (carriers and Twilio treat "STOP" but not "please don't stop" as an opt-out).
 */
export type KeywordKind = 'opt_out' | 'opt_in' | 'help';

export const KEYWORDS: Record<KeywordKind, Record<Lang, string[]>> = {
  opt_out: {
    en: ['STOP', 'UNSUBSCRIBE', 'END', 'QUIT', 'STOPALL', 'REVOKE', 'OPTOUT', 'CANCEL'],
    ko: ['중지', '수신거부', '그만'],
    es: ['ALTO', 'BASTA', 'PARAR', 'CANCELAR'],
  },
  opt_in: {
    en: ['START', 'YES', 'UNSTOP'],
    ko: ['시작'],
    es: ['SI', 'SÍ'],
  },
  help: {
    en: ['HELP', 'INFO'],
    ko: ['도움'],
    es: ['AYUDA'],
  },
};

const INDEX = new Map<string, { kind: KeywordKind; lang: Lang }>();
for (const [kind, byLang] of Object.entries(KEYWORDS) as [KeywordKind, Record<Lang, string[]>][]) {
  for (const [lang, words] of Object.entries(byLang) as [Lang, string[]][]) {
    for (const w of words) INDEX.set(normalize(w), { kind, lang });
  }
}

/** "  Stop! " → "STOP", "수신 거부" → "수신거부", "sí." → "SÍ". */
function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s.!?¡¿,'"“”‘’-]+/g, '');
}

/** The keyword a message is, with the language it is in; null for an ordinary message. */
export function classifyKeyword(body: string): { kind: KeywordKind; lang: Lang } | null {
  const n = normalize(body);
  if (!n || n.length > 20) return null;
  return INDEX.get(n) ?? null;
}
