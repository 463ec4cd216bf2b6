import { SegmentedMessage } from 'sms-segments-calculator';

/**
 * Segment counting in the browser, so the composer answers on every keystroke without a
 * round trip. The same package and the same rules as the server's
 * server/modules/messaging/segments.ts (the web cannot import server code); the unit test
 * beside this file proves the two agree. Change both together.
 */
export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  characters: number;
  /** Characters left before one more segment is needed. */
  charactersLeft: number;
  /** The characters that forced UCS-2, if any (e.g. ["á", "’"]). */
  nonGsmCharacters: string[];
}

export function smsSegments(body: string): SmsSegments {
  const m = new SegmentedMessage(body, 'auto');
  const encoding = m.encodingName === 'GSM-7' ? 'GSM-7' : 'UCS-2';
  const segments = Math.max(1, m.segmentsCount);
  // Carriers count code units: GSM extension characters (€ [ ] …) take two septets.
  const perPart = encoding === 'GSM-7' ? (segments === 1 ? 160 : 153) : segments === 1 ? 70 : 67;
  const used = encoding === 'GSM-7' ? m.numberOfUnicodeScalars + extensionCount(body) : body.length;
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
  return smsSegments(replaced).encoding === 'GSM-7' ? replaced : null;
}

/** Past this many parts a Korean text is long and costly for the reader and the network: say so. */
export const KOREAN_SEGMENT_WARNING = 2;

/** What the composer shows under one SMS body. */
export interface SmsMeterState extends SmsSegments {
  /** UCS-2 because of a few replaceable characters: offer the GSM-7 variant (about half the price). */
  gsmSafe: string | null;
  /** A Korean text past two segments. */
  koreanTooLong: boolean;
}

export function smsMeterState(body: string, lang: string): SmsMeterState {
  const info = smsSegments(body);
  const gsmSafe = info.encoding === 'UCS-2' && body ? gsmSafeVariant(body) : null;
  return { ...info, gsmSafe, koreanTooLong: lang === 'ko' && info.segments > KOREAN_SEGMENT_WARNING };
}
