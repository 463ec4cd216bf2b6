import { romanize } from 'es-hangul';
import { KOREAN_SURNAMES, SURNAME_INDEX } from '../people/korean-surnames.ts';
import { foldRomanized, hasHangul, latinize, splitHangulName } from '../people/name-keys.ts';
import { foldGivenName, givenWordKeys } from './korean-given-names.ts';

/**
 * The ways a party's name can be read, for the conflict check (see conflict-match.ts).
 * Names arrive in fields that were filled in by many hands: "Kim Minjun" typed whole into
 * the given-name field, family and given names swapped, a Hangul name in nameKo, an
 * English name in otherNames. Rather than guess one reading, a name yields every
 * plausible (family name, given names) reading, each marked with whether it needed the
 * name to be read against its written order; the matcher then takes the best pair.
 */

export type Party = {
  givenName: string;
  familyName?: string | null;
  nameKo?: string | null;
  otherNames?: string[];
  /** YYYY-MM-DD */
  birthDate?: string | null;
};

/** One given name (or English/other name): alternative keys for it whole, and per word. */
export type GivenUnit = { keys: string[]; tokens: string[][]; other: boolean };

export type NameReading = {
  /** `sn_<canonical>` for Korean family names (이 = Lee = Yi …), `fn_<folded>` for others. */
  surnames: string[];
  /** The same keys per written family name (García López is two; "Yu" is 유 or 류). */
  surnameTokens: string[][];
  /** How the family name was written (latinized, or Hangul), to tell a variant from the same spelling. */
  spellings: string[];
  given: GivenUnit[];
  /** Read against its written order: fields swapped, or "Kim Minjun" / "민준 김" in one field. */
  swapped: boolean;
  /** Read from a full alias in otherNames (e.g. a maiden name). */
  alias: boolean;
};

/** Words of a field; bounded because readings grow with the number of ways to split it. */
const wordsOf = (s: string | null | undefined) =>
  (s ?? '')
    .split(/[\s,]+/)
    .filter((w) => hasHangul(w) || latinize(w))
    .slice(0, 6);

// Spanish/Portuguese/Dutch particles carry no identity ("de la Cruz" = "Cruz"); kept only
// when they are all there is, since Do (도) is also a Korean family name.
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'da', 'das', 'do', 'dos', 'di', 'van', 'von', 'der', 'den', 'le']);

function surnameOf(words: string[]): Pick<NameReading, 'surnames' | 'surnameTokens' | 'spellings'> {
  // A hyphen joins two family names (García-López), except inside Hangul.
  const parts = words.flatMap((w) => (hasHangul(w) ? [w] : w.split(/[-‐–]+/))).filter((p) => hasHangul(p) || latinize(p));
  const kept = parts.filter((p) => !PARTICLES.has(latinize(p)));
  const surnameTokens: string[][] = [];
  const spellings = new Set<string>();
  for (const part of kept.length ? kept : parts) {
    if (hasHangul(part)) {
      const known = KOREAN_SURNAMES[part];
      surnameTokens.push([known ? `sn_${known[0]}` : `fn_${foldRomanized(romanize(part))}`]);
      spellings.add(part);
    } else {
      const lat = latinize(part);
      const known = SURNAME_INDEX.get(lat);
      surnameTokens.push(known ? [...known].map((c) => `sn_${c}`) : [`fn_${foldRomanized(lat)}`]);
      spellings.add(lat);
    }
  }
  return { surnames: [...new Set(surnameTokens.flat())], surnameTokens, spellings: [...spellings] };
}

export function givenUnit(words: string[], other: boolean): GivenUnit | null {
  // A middle initial ("Maria J.") tells no one apart and would turn equal names into partial
  // ones; a lone vowel is kept, since it may be a syllable (Hyeon U = 현우).
  const initial = (w: string) => !hasHangul(w) && latinize(w).length === 1 && (/\./.test(w) || !/[aeiou]/.test(latinize(w)));
  const meaningful = words.length > 1 ? words.filter((w) => !initial(w)) : words;
  const tokens = meaningful.map(givenWordKeys).filter((t) => t.length);
  if (!tokens.length) return null;
  // Words joined, every spelling combination (bounded): "Min Jun" is the name Minjun.
  let joined = [''];
  for (const t of tokens) joined = joined.flatMap((prefix) => t.map((k) => prefix + k)).slice(0, 16);
  const allHangul = meaningful.every(hasHangul);
  const allLatin = !meaningful.some(hasHangul);
  const whole = allHangul ? givenWordKeys(meaningful.join('')) : allLatin ? [foldGivenName(meaningful.join(''))] : [];
  return { keys: [...new Set([...joined, ...whole])].filter(Boolean), tokens, other };
}

function reading(familyWords: string[], givenWords: string[], swapped: boolean, alias: boolean): NameReading {
  const unit = givenUnit(givenWords, false);
  return { ...surnameOf(familyWords), given: unit ? [unit] : [], swapped, alias };
}

/**
 * A full name written in one field. Every split into given and family name is a reading;
 * Latin names are usually given-first and Hangul names family-first, so the opposite order
 * is marked swapped. With `whole`, the words may also all be given names (no family name).
 */
function freeText(words: string[], alias: boolean, whole: boolean): NameReading[] {
  const out: NameReading[] = [];
  if (words.length === 1 && hasHangul(words[0])) {
    const { family, given } = splitHangulName(words[0]);
    if (family && given) out.push(reading([family], [given], false, alias));
  }
  for (let k = 1; k < words.length; k++) {
    const head = words.slice(0, k);
    const tail = words.slice(k);
    out.push(reading(tail, head, tail.some(hasHangul), alias));
    out.push(reading(head, tail, !head.some(hasHangul), alias));
  }
  if (whole || !out.length) out.push(reading([], words, false, alias));
  return out;
}

const intersects = (a: string[], b: string[]) => a.some((x) => b.includes(x));

export function readingsOf(party: Party): NameReading[] {
  const given = wordsOf(party.givenName);
  const family = wordsOf(party.familyName);
  const out: NameReading[] = [];
  if (family.length) {
    out.push(reading(family, given, false, false));
    // Family and given name entered into each other's fields.
    if (given.length) out.push(reading(given, family, true, false));
  } else if (given.length) {
    out.push(...freeText(given, false, true));
  }

  // nameKo is a full Korean name; its given name also joins the romanized readings it
  // agrees with, so "Grace Minji Lee" can meet given "Grace" + nameKo 이민지.
  const korean = freeText(wordsOf(party.nameKo), false, false).filter((r) => r.surnames.length);
  for (const r of korean.filter((k) => !k.swapped)) {
    for (const q of out) {
      if (q.swapped || !(q.surnames.length === 0 || intersects(q.surnames, r.surnames))) continue;
      r.given.push(...q.given);
      q.given.push(...r.given.filter((u) => !q.given.includes(u)));
    }
  }
  out.push(...korean);

  // Other names are English (or other) given names of the same person; a multi-word one
  // may also be a full alias with its own family name.
  const others = (party.otherNames ?? []).map((o) => givenUnit(wordsOf(o), true)).filter((u): u is GivenUnit => u !== null);
  for (const r of out) if (!r.swapped) r.given.push(...others);
  for (const o of party.otherNames ?? []) {
    const words = wordsOf(o);
    if (words.length > 1) out.push(...freeText(words, true, false).filter((r) => r.surnames.length));
  }
  return out;
}
