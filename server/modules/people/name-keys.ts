import { romanize } from 'es-hangul';
import { KOREAN_SURNAMES, SURNAME_INDEX } from './korean-surnames.ts';

/**
 * Search keys for names in Hangul and in any common romanization, so that 이, Lee, Yi and
 * Rhee find one another, and 민준 / Minjun / Min-Joon / Min Jun do too. Pure; unit-tested.
 *
 * A stored name yields a space-separated key string with three kinds of key:
 *  - `sn_<canonical>` for each recognised Korean family name (from Hangul or Latin);
 *  - the folded spelling of every token (and of the given name with its parts joined);
 *  - the Hangul itself, for searches typed in Hangul.
 * A query token matches when one of its alternatives is a prefix of a stored key
 * (see `queryAlternatives`).
 */

const HANGUL = /[\uac00-\ud7a3]/;
export const hasHangul = (s: string) => HANGUL.test(s);

/** Strip accents and everything but letters; lower-case. José → jose, Min-Joon → minjoon. */
export function latinize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * Fold romanization differences into one spelling: RR vs McCune–Reischauer vs the
 * spellings families chose (oo/u, eo/u, ou/o, aspirated vs plain consonants, r/l).
 * Deliberately lossy: it is for finding people, not for writing their names.
 */
export function foldRomanized(s: string): string {
  return latinize(s)
    .replace(/eo/g, 'u')
    .replace(/oo/g, 'u')
    .replace(/ou/g, 'o')
    .replace(/ee/g, 'i')
    .replace(/ae/g, 'e')
    .replace(/eu/g, 'u')
    .replace(/wo/g, 'o')
    .replace(/sh/g, 's')
    .replace(/ch/g, 'j')
    .replace(/k/g, 'g')
    .replace(/p/g, 'b')
    .replace(/t/g, 'd')
    .replace(/r/g, 'l')
    .replace(/h$/g, '');
}

const surnameKeysOfLatin = (token: string) => [...(SURNAME_INDEX.get(latinize(token)) ?? [])].map((c) => `sn_${c}`);

/** A Hangul full name split family-first (김민준 → 김 + 민준; 남궁민수 → 남궁 + 민수); family null when none is recognised. */
export function splitHangulName(name: string): { family: string | null; given: string } {
  const compact = name.replace(/\s+/g, '');
  const two = compact.slice(0, 2);
  if (compact.length >= 4 && KOREAN_SURNAMES[two]) return { family: two, given: compact.slice(2) };
  const one = compact.slice(0, 1);
  if (compact.length >= 2 && KOREAN_SURNAMES[one]) return { family: one, given: compact.slice(1) };
  return { family: null, given: compact };
}

function hangulKeys(text: string): string[] {
  const keys: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!hasHangul(word)) continue;
    keys.push(word);
    const { family, given } = splitHangulName(word);
    if (family) {
      keys.push(family, given, ...KOREAN_SURNAMES[family].slice(0, 1).map((c) => `sn_${c}`));
    }
    if (given) keys.push(foldRomanized(romanize(given)));
    keys.push(foldRomanized(romanize(word)));
  }
  return keys;
}

function latinKeys(text: string): string[] {
  const keys: string[] = [];
  const words = text.split(/[\s,]+/).filter((w) => w && !hasHangul(w));
  for (const word of words) {
    keys.push(...surnameKeysOfLatin(word));
    for (const part of word.split(/[-'’.]+/).filter(Boolean)) {
      keys.push(latinize(part), foldRomanized(part), ...surnameKeysOfLatin(part));
    }
    keys.push(latinize(word), foldRomanized(word));
  }
  return keys;
}

/** The key string stored with a person (leading space so `LIKE '% key%'` finds word starts). */
export function buildSearchKeys(names: { givenName: string; familyName?: string | null; nameKo?: string | null; otherNames?: string | null }): string {
  const all = [names.givenName, names.familyName, names.nameKo, names.otherNames].filter((s): s is string => Boolean(s));
  const keys = new Set<string>();
  // A family name written alone in Hangul (이, 남궁) is a surname, not a full name to split.
  const family = names.familyName?.replace(/\s+/g, '');
  if (family && KOREAN_SURNAMES[family]) keys.add(`sn_${KOREAN_SURNAMES[family][0]}`);
  for (const text of all) {
    for (const k of [...hangulKeys(text), ...latinKeys(text)]) if (k) keys.add(k);
  }
  // A given name written in parts ("Min Jun") also matches written as one ("Minjun").
  const given = names.givenName.split(/\s+/).filter((w) => !hasHangul(w));
  if (given.length > 1) keys.add(foldRomanized(given.join('')));
  return ` ${[...keys].join(' ')} `;
}

/**
 * For one query word, the prefixes any of which may match a stored key. A Korean family
 * name becomes its canonical `sn_` key (exact word), anything else a folded prefix.
 */
export function queryAlternatives(word: string): { prefixes: string[]; exact: string[] } {
  if (hasHangul(word)) {
    const exact: string[] = [];
    if (KOREAN_SURNAMES[word]) exact.push(...KOREAN_SURNAMES[word].slice(0, 1).map((c) => `sn_${c}`));
    return { prefixes: [word], exact };
  }
  const exact = surnameKeysOfLatin(word);
  // A known family name ("Lee") matches its family exactly; folding it too ("li") would
  // drag in every Lim and Linda.
  const candidates = exact.length ? [latinize(word)] : [latinize(word), foldRomanized(word)];
  const prefixes = [...new Set(candidates.filter((s) => s.length > 0))];
  return { prefixes, exact };
}

/** Split a search into words; a Hangul full name (김민준) stays one word and is also tried split. */
export function queryWords(q: string): string[] {
  return q
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, 6);
}

/**
 * The readings of a query: its words as typed, and — because people split and join Korean
 * given names freely — with the given-name words joined ("Kim Min Jun" → "Kim Minjun",
 * "Min Jun" → "Minjun").
 */
export function queryReadings(q: string): { prefixes: string[]; exact: string[] }[][] {
  const words = queryWords(q);
  const readings: string[][] = [words];
  if (words.length >= 2) {
    readings.push([words.join('')]);
    if (words.length >= 3) readings.push([words[0], words.slice(1).join('')], [words.slice(0, -1).join(''), words[words.length - 1]]);
  }
  return readings
    .map((r) => r.map(queryAlternatives).filter((w) => w.prefixes.length || w.exact.length))
    .filter((r) => r.length > 0);
}
