import { describe, expect, it } from 'vitest';
import { buildSearchKeys, foldRomanized, latinize, queryAlternatives, queryReadings } from './name-keys.ts';

/** Does a query match stored names, by the same rule the SQL applies (see people.repository.ts)? */
function matches(query: string, names: Parameters<typeof buildSearchKeys>[0]) {
  const keys = buildSearchKeys(names);
  return queryReadings(query).some((words) =>
    words.every((w) => w.prefixes.some((p) => keys.includes(` ${p}`)) || w.exact.some((e) => keys.includes(` ${e} `))),
  );
}

describe('Korean family names in every common spelling', () => {
  const cases: [string, string[]][] = [
    ['이', ['Lee', 'Yi', 'Rhee', 'Rhie', 'Li', 'I', 'Ri']],
    ['박', ['Park', 'Pak', 'Bak', 'Bahk']],
    ['김', ['Kim', 'Gim']],
    ['최', ['Choi', 'Choe']],
    ['정', ['Jung', 'Chung', 'Jeong', 'Cheong']],
  ];
  for (const [hangul, spellings] of cases) {
    it(`${hangul} ↔ ${spellings.join('/')}`, () => {
      for (const stored of spellings) {
        // Hangul query finds the romanized record, and every spelling finds every other.
        expect(matches(hangul, { givenName: 'Test', familyName: stored }), `${hangul} → ${stored}`).toBe(true);
        for (const q of spellings) expect(matches(q, { givenName: 'Test', familyName: stored }), `${q} → ${stored}`).toBe(true);
        // …and the romanized query finds a record written only in Hangul.
        expect(matches(stored, { givenName: '민지', familyName: hangul }), `${stored} → ${hangul}`).toBe(true);
      }
    });
  }

  it('does not confuse different families', () => {
    expect(matches('Park', { givenName: 'Minjun', familyName: 'Kim' })).toBe(false);
    expect(matches('Lee', { givenName: 'Test', familyName: 'Lim' })).toBe(false);
    expect(matches('Choi', { givenName: 'Test', familyName: 'Cho' })).toBe(false);
  });
});

describe('given names', () => {
  it('finds 민준 as Minjun, Min-Jun, Min Jun, Minjoon', () => {
    const stored = { givenName: '민준', familyName: '김', nameKo: '김민준' };
    for (const q of ['Minjun', 'Min-Jun', 'Min Jun', 'minjoon', '민준', '김민준', 'Kim Minjun', 'Kim Min Jun', 'Gim Minjoon']) {
      expect(matches(q, stored), q).toBe(true);
    }
    expect(matches('Seoyeon', stored)).toBe(false);
  });

  it('finds a family-name-first Hangul full name by its parts', () => {
    const stored = { givenName: 'Jason', familyName: 'Park', nameKo: '박지훈' };
    for (const q of ['박지훈', '지훈', 'Jihoon', 'Jihun', 'Park Jihoon', 'Jason', 'Pak']) expect(matches(q, stored), q).toBe(true);
  });

  it('ignores accents and case in Spanish names', () => {
    const stored = { givenName: 'María José', familyName: 'Hernández' };
    for (const q of ['maria', 'MARIA JOSE', 'Hernandez', 'hernández', 'José']) expect(matches(q, stored), q).toBe(true);
  });

  it('searches by prefix while typing', () => {
    expect(matches('Luc', { givenName: 'Lucía', familyName: 'Martínez' })).toBe(true);
    expect(matches('서', { givenName: '서연', familyName: '이' })).toBe(true);
  });
});

describe('folding', () => {
  it('folds romanization variants together', () => {
    expect(foldRomanized('Hyeon')).toBe(foldRomanized('Hyun'));
    expect(foldRomanized('Joon')).toBe(foldRomanized('Jun'));
    expect(foldRomanized('Chul')).toBe(foldRomanized('Jul'));
    expect(latinize('Min-Joon')).toBe('minjoon');
  });

  it('keeps a known family name exact instead of folding it into other names', () => {
    expect(queryAlternatives('Lee')).toEqual({ prefixes: ['lee'], exact: ['sn_lee'] });
    expect(queryAlternatives('유').exact).toEqual(['sn_yoo']);
  });
});
