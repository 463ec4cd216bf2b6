import { SegmentedMessage } from 'sms-segments-calculator';

/**
 * What an SMS body costs: Twilio's own calculator decides GSM-7 vs UCS-2 (one character
 * outside GSM-7, such as any Hangul or Spanish á í ó ú, makes the whole message UCS-2) and
 * the number of parts (160/153 for GSM-7, 70/67 for UCS-2).
 */
export interface SegmentInfo {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  characters: number;
  /** Characters left before one more segment is needed. */
  charactersLeft: number;
  /** The characters that forced UCS-2, if any (e.g. ["á", "’"]). */
  nonGsmCharacters: string[];
}

export function segmentInfo(body: string): SegmentInfo {
  const m = new SegmentedMessage(body, 'auto');
  const encoding = m.encodingName === 'GSM-7' ? 'GSM-7' : 'UCS-2';
  const segments = Math.max(1, m.segmentsCount);
  // Twilio counts code units: GSM extension characters (€ [ ] …) take two septets.
  const perPart = encoding === 'GSM-7' ? (segments === 1 ? 160 : 153) : segments === 1 ? 70 : 67;
  const used = encoding === 'GSM-7' ? m.numberOfUnicodeScalars + extensionCount(body) : utf16Units(body);
  return {
    encoding,
    segments,
    characters: m.numberOfCharacters,
    charactersLeft: Math.max(0, perPart * segments - used),
    nonGsmCharacters: [...new Set(m.getNonGsmCharacters() as string[])],
  };
}

const EXTENSION = new Set(['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f']);
const extensionCount = (s: string) => [...s].filter((c) => EXTENSION.has(c)).length;
const utf16Units = (s: string) => s.length;

/** Replacements that keep a Spanish or English message in GSM-7 (é ñ ü stay: they are GSM-7). */
const GSM_SAFE: Record<string, string> = {
  á: 'a', í: 'i', ó: 'o', ú: 'u', Á: 'A', Í: 'I', Ó: 'O', Ú: 'U', â: 'a', ê: 'e', ô: 'o', ç: 'c',
  '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '…': '...', '¿': '?', '\u00a0': ' ',
};

/**
 * A GSM-7 variant of the body when the only non-GSM characters have plain replacements;
 * null when it cannot be made GSM-7 (Hangul, emoji).
 */
export function gsmSafeVariant(body: string): string | null {
  const replaced = [...body].map((c) => GSM_SAFE[c] ?? c).join('');
  return segmentInfo(replaced).encoding === 'GSM-7' ? replaced : null;
}
