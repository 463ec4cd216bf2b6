/**
 * Names to check for conflicts, as referrals would bring them: people of the loaded set
 * written another way — Hangul only, another romanization of the family name (Lee/Yi/
 * Rhee), the given name joined, hyphenated or spaced, fields swapped, an English name —
 * with or without a date of birth (the real one, or another: a namesake), plus some who
 * are nobody in the set. Deterministic.
 */
import { romanize } from 'es-hangul';
import type { Party } from '../../server/modules/legal-network/conflict-match.ts';
import { rng } from '../people/generate-people.ts';
import type { LoadedPerson } from './load-cases.ts';

const FAMILY_VARIANTS: Record<string, string[]> = {
  Lee: ['Yi', 'Rhee', 'Lee'], Yi: ['Lee', 'Rhee'], Rhee: ['Lee', 'Yi'], Rhie: ['Lee'], Yee: ['Lee'],
  Kim: ['Gim', 'Kim'], Gim: ['Kim'], Park: ['Pak', 'Bak'], Pak: ['Park'], Bak: ['Park'], Choi: ['Choe'], Choe: ['Choi'],
  Jung: ['Chung', 'Jeong'], Chung: ['Jung'], Jeong: ['Jung'], Cheong: ['Jung'], Kang: ['Gang'], Gang: ['Kang'], Cho: ['Jo'], Jo: ['Cho'],
  Yoon: ['Yun'], Yun: ['Yoon'], Jang: ['Chang'], Chang: ['Jang'], Lim: ['Im', 'Yim'], Im: ['Lim'], Yim: ['Lim'],
};

export interface ConflictName {
  label: string;
  party: Party;
}

export function conflictNames(people: LoadedPerson[], count: number): ConflictName[] {
  const r = rng(31_337);
  const out: ConflictName[] = [];
  while (out.length < count) {
    const p = people[Math.floor(r.next() * people.length)];
    const dob = r.chance(0.5) ? (r.chance(0.7) ? p.birthDate : '1999-09-09') : null;
    const kind = r.next();
    let party: Party;
    let how: string;
    if (p.nameKo && kind < 0.3) {
      party = { givenName: p.nameKo };
      how = 'hangul';
    } else if (FAMILY_VARIANTS[p.familyName] && kind < 0.6) {
      const given = p.nameKo ? romanize(p.nameKo.slice(1)) : p.givenName;
      party = { givenName: r.chance(0.5) ? given : given.replace(/^(\w)(\w+?)([aeiou]\w*)$/, '$1$2-$3'), familyName: r.pick(FAMILY_VARIANTS[p.familyName]) };
      how = 'variant';
    } else if (kind < 0.7) {
      party = { givenName: p.familyName, familyName: p.givenName };
      how = 'swapped';
    } else if (kind < 0.8) {
      party = { givenName: `${p.givenName} ${p.familyName}` };
      how = 'one field';
    } else if (kind < 0.9) {
      party = { givenName: p.givenName, familyName: p.familyName, nameKo: p.nameKo, otherNames: p.otherNames ? [p.otherNames] : [] };
      how = 'as written';
    } else {
      party = { givenName: `Nobody${out.length}`, familyName: `Nowhere${out.length}` };
      how = 'unknown';
    }
    out.push({ label: `${how}: ${[party.givenName, party.familyName].filter(Boolean).join(' ')}`, party: { ...party, birthDate: dob } });
  }
  return out;
}
