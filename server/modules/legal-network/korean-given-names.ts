import { romanize } from 'es-hangul';
import { foldRomanized, hasHangul, latinize } from '../people/name-keys.ts';

/**
 * Given names compared across Hangul and the spellings families chose, for the conflict
 * check. People search gets away with prefix matching; the conflict check compares whole
 * given names (Minji must not match Minjun), so spellings of one syllable have to land on
 * exactly one key. foldRomanized does most of that; three more folds close gaps it leaves:
 *  - "you" → "yu" before folding: Young / Youn / Youjin are 영 / 연 / 유진 (RR yeong, yeon,
 *    yujin), which foldRomanized alone would turn into yong / yon / yojin;
 *  - "wu" → "u": 우 is written Woo as often as U (Hyunwoo = 현우 = Hyeonu);
 *  - "hui" → "hi": 희 is written Hee as often as RR Hui (Younghee = 영희 = Yeonghui).
 * Applied to every given name (Spanish and English too) so both sides fold the same way.
 */
export function foldGivenName(s: string): string {
  return foldRomanized(latinize(s).replace(/you/g, 'yu'))
    .replace(/wu/g, 'u')
    .replace(/hui/g, 'hi');
}

const unique = (xs: string[]) => [...new Set(xs.filter(Boolean))];

/**
 * A Hangul given name, read whole and syllable by syllable: es-hangul applies sound
 * changes across syllables (석민 → seongmin, 하은 → haeun → folded "hun"), while families
 * usually spell each syllable as written (Seokmin, Ha-eun).
 */
export function hangulGivenKeys(word: string): string[] {
  const syllables = [...word].filter(hasHangul);
  if (!syllables.length) return [];
  return unique([foldGivenName(romanize(syllables.join(''))), syllables.map((s) => foldGivenName(romanize(s))).join('')]);
}

/**
 * A Latin given-name word, hyphenated or not (Min-Joon = Minjoon = Minjun). The parts are
 * also folded one by one, so a hyphen that marks a syllable boundary (Ha-eun) meets the
 * syllable-by-syllable Hangul reading.
 */
export function latinGivenKeys(word: string): string[] {
  const parts = word.split(/[-‐–.]+/).map(foldGivenName);
  return unique([foldGivenName(word), parts.join('')]);
}

/** Alternative keys for one written word of a given name, in either script. */
export function givenWordKeys(word: string): string[] {
  return hasHangul(word) ? hangulGivenKeys(word) : latinGivenKeys(word);
}
