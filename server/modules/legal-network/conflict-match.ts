import { readingsOf, type GivenUnit, type NameReading, type Party } from './conflict-readings.ts';

/**
 * Conflict-of-interest check for the legal network (pure; unit-tested). Before an attorney
 * sees a referral they confirm no conflict; Haven helps by comparing the referral's parties
 * with the attorney's and organization's known parties and past clients.
 *
 * A name matches when a family name and a whole given name agree, across Hangul and
 * romanizations (이 = Lee = Yi = Rhee), word order, an English name kept alongside a Korean
 * one, and Spanish double surnames. Given names are compared whole, never by prefix:
 * Minji is not Minjun. A word one side has and the other lacks in the same place means
 * different people (María José / María Elena, García López / García Martínez); words left
 * out on one side only (María / María José) make a partial match. Birth dates then decide: different dates are different people
 * (none); a missing date leaves a same-name match possible; the same date makes it strong.
 * A name with only a family name, or only a given name, is too common to raise anything
 * unless the birth date also agrees, and then only as possible.
 */

export type { Party, NameReading, GivenUnit };
export type ConflictLevel = 'strong' | 'possible' | 'none';
export type ConflictReason =
  | 'family_name'
  | 'surname_variant'
  | 'family_name_only'
  | 'given_name'
  | 'given_name_partial'
  | 'given_name_only'
  | 'english_name'
  | 'other_name'
  | 'order_swapped'
  | 'dob_same'
  | 'dob_differs'
  | 'dob_missing';
export type ConflictMatch = { level: ConflictLevel; reasons: ConflictReason[] };
export type ConflictHit = ConflictMatch & { id: string };

/** Normalized name: every reading, plus the union of its keys for display and debugging. */
export type NameKey = { surnames: string[]; givenNames: string[]; readings: NameReading[] };

export function nameKey(party: Party): NameKey {
  const readings = readingsOf(party);
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  return {
    surnames: sorted(readings.flatMap((r) => r.surnames)),
    givenNames: sorted(readings.flatMap((r) => r.given.flatMap((u) => u.keys))),
    readings,
  };
}

type GivenKind = 'exact' | 'partial';
type GivenMatch = { kind: GivenKind; english: boolean } | 'absent' | null;

const sameToken = (a: string[], b: string[]) => a.some((k) => b.includes(k));
const covered = (tokens: string[][], pool: string[][]) => tokens.every((t) => pool.some((p) => sameToken(t, p)));
const keysMeet = (a: GivenUnit, b: GivenUnit) => a.keys.some((k) => b.keys.includes(k));
/** The person's own given names; other (English) names only explain, they are not required. */
const mains = (units: GivenUnit[]) => (units.some((u) => !u.other) ? units.filter((u) => !u.other) : units);

/** Does `units` have a given name that `other` neither matches whole nor contains word for word? */
function hasExtra(units: GivenUnit[], other: GivenUnit[]): boolean {
  const pool = other.flatMap((u) => u.tokens);
  return mains(units).some((u) => !other.some((v) => keysMeet(u, v)) && !covered(u.tokens, pool));
}

function givenKind(a: GivenUnit[], b: GivenUnit[]): GivenKind | null {
  const extraA = hasExtra(a, b);
  const extraB = hasExtra(b, a);
  // Each side has a given name the other lacks: Minji vs Minjun, María José vs María Elena.
  if (extraA && extraB) return null;
  const whole = a.some((u) => b.some((v) => keysMeet(u, v)));
  // One side's names all found in the other's: María ⊂ María José.
  return whole || (!extraA && !extraB) ? 'exact' : 'partial';
}

function compareGiven(a: GivenUnit[], b: GivenUnit[]): GivenMatch {
  if (!a.length || !b.length) return 'absent';
  const kind = givenKind(a, b);
  if (!kind) return null;
  // The English name mattered if the match is weaker (or gone) without other names.
  return { kind, english: givenKind(mains(a), mains(b)) !== kind };
}

type NameMatch = { score: number; reasons: ConflictReason[]; complete: boolean };

function compareReadings(a: NameReading, b: NameReading): NameMatch | null {
  // One side must be read as written: two re-readings agreeing says little, and a swapped
  // reading leaves out what could contradict it (the Hangul name, the English name).
  if (a.swapped && b.swapped) return null;
  const surnameAbsent = !a.surnames.length || !b.surnames.length;
  if (!surnameAbsent) {
    const extra = (x: string[][], y: string[][]) => !covered(x, y);
    const shared = a.surnameTokens.some((t) => b.surnameTokens.some((u) => sameToken(t, u)));
    // García López vs García Martínez: different mothers, different people.
    if (!shared || (extra(a.surnameTokens, b.surnameTokens) && extra(b.surnameTokens, a.surnameTokens))) return null;
  }
  const given = compareGiven(a.given, b.given);
  if (given === null || (surnameAbsent && given === 'absent')) return null;
  if (surnameAbsent && given !== 'absent' && given.kind !== 'exact') return null;

  const reasons: ConflictReason[] = [];
  let cls: number;
  if (!surnameAbsent) reasons.push(a.spellings.some((s) => b.spellings.includes(s)) ? 'family_name' : 'surname_variant');
  if (given === 'absent') {
    cls = 1;
    reasons.push('family_name_only');
  } else {
    reasons.push(given.kind === 'exact' ? 'given_name' : 'given_name_partial');
    if (given.english) reasons.push('english_name');
    if (surnameAbsent) reasons.push('given_name_only');
    cls = surnameAbsent ? 1 : given.kind === 'exact' ? 3 : 2;
  }
  if (a.swapped || b.swapped) reasons.push('order_swapped');
  if (a.alias || b.alias) reasons.push('other_name');
  const penalty = Number(a.swapped) + Number(b.swapped) + Number(a.alias) + Number(b.alias) + (given !== 'absent' && given.english ? 1 : 0);
  return { score: cls * 10 - penalty, reasons, complete: cls >= 2 };
}

/** Only a well-formed date counts; anything else is treated as missing (worth a look, not a pass). */
const dobOf = (p: Party) => /^\s*(\d{4}-\d{2}-\d{2})/.exec(p.birthDate ?? '')?.[1] ?? null;

function matchKeys(a: NameKey, b: NameKey, dobA: string | null, dobB: string | null): ConflictMatch & { score: number } {
  let best: NameMatch | null = null;
  for (const ra of a.readings)
    for (const rb of b.readings) {
      const m = compareReadings(ra, rb);
      if (m && (!best || m.score > best.score)) best = m;
    }
  if (!best) return { level: 'none', reasons: [], score: 0 };
  const dob = dobA && dobB ? (dobA === dobB ? 'dob_same' : 'dob_differs') : 'dob_missing';
  const level: ConflictLevel =
    dob === 'dob_differs' ? 'none' : best.complete ? (dob === 'dob_same' ? 'strong' : 'possible') : dob === 'dob_same' ? 'possible' : 'none';
  return { level, reasons: [...best.reasons, dob], score: best.score };
}

export function matchParty(a: Party, b: Party): ConflictMatch {
  const { level, reasons } = matchKeys(nameKey(a), nameKey(b), dobOf(a), dobOf(b));
  return { level, reasons };
}

const LEVEL_RANK: Record<ConflictLevel, number> = { strong: 2, possible: 1, none: 0 };

/** Candidates that may be the same person, strongest first (ties keep the given order). */
export function findConflicts(party: Party, candidates: (Party & { id: string })[]): ConflictHit[] {
  const key = nameKey(party);
  const dob = dobOf(party);
  return candidates
    .map((c) => ({ id: c.id, ...matchKeys(key, nameKey(c), dob, dobOf(c)) }))
    .filter((m) => m.level !== 'none')
    .sort((x, y) => LEVEL_RANK[y.level] - LEVEL_RANK[x.level] || y.score - x.score)
    .map(({ id, level, reasons }) => ({ id, level, reasons }));
}

/**
 * Bump when folding or key rules change: stored keys built by an older version must be
 * rebuilt, or pre-filtering silently misses people.
 */
export const CONFLICT_KEYS_VERSION = 1;

/**
 * Coarse keys for pre-filtering candidates in SQL, so that checking one name against a
 * million people needs no full scan. Intended use: store `conflictSearchKeys(person,
 * { dobToken })` in a `text[]` column with a GIN index (rebuilt when names, birth date or
 * CONFLICT_KEYS_VERSION change), fetch `WHERE conflict_keys && $1` with the referral
 * party's keys, then run findConflicts on those rows alone.
 *
 * Guarantee (tested): whenever matchParty would say strong or possible, the two parties
 * share at least one key. Keys are `n:<family>:<given>` for every family-name key and given
 * name or given-name word, and, for names that only match together with the birth date
 * (a family name alone, a given name alone), `s:<family>:<dob>` and `g:<given>:<dob>`.
 *
 * Birth dates are encrypted at rest (DESIGN §3.3), so they never enter a key in clear:
 * the caller passes `dobToken`, a keyed hash (e.g. HMAC-SHA-256 with a per-org secret).
 * Without it no date keys are made, and parties known only by a family or a given name
 * are not found by the pre-filter. An empty result means nothing can match.
 */
export function conflictSearchKeys(party: Party, options: { dobToken?: (birthDate: string) => string } = {}): string[] {
  const keys = new Set<string>();
  const dob = dobOf(party);
  const dobKey = dob && options.dobToken ? options.dobToken(dob) : null;
  for (const r of readingsOf(party)) {
    const given = [...new Set(r.given.flatMap((u) => [...u.keys, ...u.tokens.flat()]))];
    for (const s of r.surnames) {
      for (const g of given) keys.add(`n:${s}:${g}`);
      if (dobKey) keys.add(`s:${s}:${dobKey}`);
    }
    if (dobKey) for (const g of given) keys.add(`g:${g}:${dobKey}`);
  }
  return [...keys].sort();
}
