import { describe, expect, it } from 'vitest';
import { conflictSearchKeys, findConflicts, matchParty, nameKey, type ConflictReason, type Party } from './conflict-match.ts';
import { foldGivenName } from './korean-given-names.ts';

const DOB = '1990-05-01';
const minji = (familyName: string, birthDate: string | null = DOB): Party => ({ givenName: 'Minji', familyName, birthDate });

describe('Korean family names in Hangul and every common romanization (DESIGN §3.10)', () => {
  const groups: string[][] = [
    ['이', 'Lee', 'Yi', 'Rhee', 'Rhie', 'I'],
    ['박', 'Park', 'Pak', 'Bak'],
    ['김', 'Kim', 'Gim'],
    ['최', 'Choi', 'Choe'],
    ['정', 'Jung', 'Chung', 'Jeong'],
  ];
  for (const group of groups) {
    it(`${group.join(' = ')} (same given name, same birth date → strong)`, () => {
      for (const a of group)
        for (const b of group) {
          const m = matchParty(minji(a), minji(b));
          expect(m.level, `${a} / ${b}`).toBe('strong');
          expect(m.reasons, `${a} / ${b}`).toContain(a === b ? 'family_name' : 'surname_variant');
        }
    });

    it(`${group[0]}민지 written only in Hangul matches ${group.slice(1).join('/')} Minji`, () => {
      for (const spelling of group.slice(1)) {
        expect(matchParty({ givenName: '', nameKo: `${group[0]}민지`, birthDate: DOB }, minji(spelling)).level, spelling).toBe('strong');
        expect(matchParty({ givenName: `${group[0]}민지` }, minji(spelling, null)).level, spelling).toBe('possible');
      }
    });
  }

  it.each([
    ['Lee', 'Lim'],
    ['Choi', 'Cho'],
    ['Kim', 'Park'],
    ['Bak', 'Baek'],
    ['Jung', 'Jang'],
    ['이', '임'],
  ])('does not confuse %s with %s', (a, b) => {
    expect(matchParty(minji(a), minji(b))).toEqual({ level: 'none', reasons: [] });
  });
});

describe('birth dates decide between same-name people', () => {
  it.each<[string | null, string | null, 'strong' | 'possible' | 'none', ConflictReason]>([
    [DOB, DOB, 'strong', 'dob_same'],
    [DOB, '1991-05-01', 'none', 'dob_differs'],
    [DOB, null, 'possible', 'dob_missing'],
    [null, DOB, 'possible', 'dob_missing'],
    [null, null, 'possible', 'dob_missing'],
    // A malformed date is not evidence of a different person.
    [DOB, '05/01/1990', 'possible', 'dob_missing'],
  ])('%s vs %s → %s', (a, b, level, reason) => {
    const m = matchParty(minji('Lee', a), minji('Rhee', b));
    expect(m.level).toBe(level);
    expect(m.reasons).toContain(reason);
  });
});

describe('word order', () => {
  const stored: Party = { givenName: 'Minjun', familyName: 'Kim', birthDate: DOB };
  it.each<[string, Party, boolean]>([
    ['family-first in one field', { givenName: 'Kim Minjun', birthDate: DOB }, true],
    ['given-first in one field', { givenName: 'Minjun Kim', birthDate: DOB }, false],
    ['fields swapped', { givenName: 'Kim', familyName: 'Minjun', birthDate: DOB }, true],
    ['Hangul, family-first', { givenName: '김민준', birthDate: DOB }, false],
    ['Hangul, given-first', { givenName: '민준 김', birthDate: DOB }, true],
    ['Hangul with a space', { givenName: '', nameKo: '김 민준', birthDate: DOB }, false],
  ])('%s', (_, party, swapped) => {
    const m = matchParty(party, stored);
    expect(m.level).toBe('strong');
    expect(m.reasons.includes('order_swapped')).toBe(swapped);
  });

  it('matches "Kim Minjun" with "Minjun Kim" and "김민준" with "민준 김"', () => {
    expect(matchParty({ givenName: 'Kim Minjun' }, { givenName: 'Minjun Kim' }).level).toBe('possible');
    expect(matchParty({ givenName: '김민준' }, { givenName: '민준 김' }).level).toBe('possible');
    expect(matchParty({ givenName: 'Kim Minjun' }, { givenName: '민준 김' }).level).toBe('possible');
  });
});

describe('an English name alongside a Korean one', () => {
  const recorded: Party = { givenName: 'Minji', familyName: 'Lee', otherNames: ['Grace'], birthDate: DOB };
  it.each<[Party, ConflictReason[]]>([
    [{ givenName: 'Grace Minji', familyName: 'Lee' }, ['english_name']],
    [{ givenName: 'Grace Minji Lee' }, ['english_name']],
    [{ givenName: 'Grace', familyName: 'Lee' }, ['english_name']],
    [{ givenName: 'Lee Minji' }, ['order_swapped']],
    [{ givenName: '이민지' }, ['surname_variant']],
    [{ givenName: 'Grace', familyName: 'Rhee', nameKo: '이민지' }, ['surname_variant']],
  ])('%j matches given Minji, family Lee, other name Grace', (party, reasons) => {
    for (const m of [matchParty({ ...party, birthDate: DOB }, recorded), matchParty(recorded, { ...party, birthDate: DOB })]) {
      expect(m.level).toBe('strong');
      expect(m.reasons).toEqual(expect.arrayContaining(['given_name', 'dob_same', ...reasons]));
    }
  });

  it('an English name kept only with the Hangul name still completes the match', () => {
    const english: Party = { givenName: 'Grace', familyName: 'Lee', nameKo: '이민지' };
    expect(matchParty({ givenName: 'Grace Minji Lee' }, english).level).toBe('possible');
    expect(matchParty({ givenName: 'Minji', familyName: 'Yi' }, english).level).toBe('possible');
  });

  it('another English name is not the same person, nor the same English name with another Korean one', () => {
    expect(matchParty({ givenName: 'Sarah', familyName: 'Lee' }, recorded).level).toBe('none');
    expect(matchParty({ givenName: 'Grace Sooyeon', familyName: 'Lee' }, recorded).level).toBe('none');
    expect(matchParty({ givenName: 'Grace', familyName: 'Lee', nameKo: '이민지' }, { givenName: 'Grace', familyName: 'Lee', nameKo: '이수연' }).level).toBe('none');
  });

  it('a second English name on one record does not hide the match', () => {
    const m = matchParty({ ...recorded, otherNames: ['Sarah'] }, recorded);
    expect(m.level).toBe('strong');
    expect(m.reasons).not.toContain('english_name');
  });
});

describe('given names in any spelling, hyphenated or spaced', () => {
  const cases: [string, string[]][] = [
    ['민준', ['Minjun', 'Min-Jun', 'Min Jun', 'Min-joon', 'Minjoon', 'MINJUN']],
    ['현우', ['Hyunwoo', 'Hyeonu', 'Hyun-Woo', 'Hyeon U']],
    ['영희', ['Younghee', 'Yeonghui', 'Young-Hee']],
    ['석민', ['Seokmin', 'Suk-Min', 'Seok Min']],
    ['하은', ['Haeun', 'Ha-eun', 'Ha Eun']],
    ['유진', ['Yujin', 'Yoojin', 'Youjin', 'Yu-Jin']],
    ['서연', ['Seoyeon', 'Seo-Yeon', 'Seo Yeon', 'Seoyun']],
  ];
  for (const [hangul, spellings] of cases) {
    it(`${hangul} = ${spellings.join(' = ')}`, () => {
      const stored: Party = { givenName: hangul, familyName: '김', birthDate: DOB };
      for (const s of spellings) {
        expect(matchParty({ givenName: s, familyName: 'Kim', birthDate: DOB }, stored).level, s).toBe('strong');
        for (const t of spellings) expect(matchParty({ givenName: s, familyName: 'Gim' }, { givenName: t, familyName: 'Kim' }).level, `${s}/${t}`).toBe('possible');
      }
    });
  }

  it('folds only spellings of the same syllables', () => {
    expect(foldGivenName('Younghee')).toBe(foldGivenName('Yeonghui'));
    expect(foldGivenName('Hyunwoo')).toBe(foldGivenName('Hyeonu'));
    expect(foldGivenName('Minji')).not.toBe(foldGivenName('Minjun'));
  });
});

describe('Spanish names: two family names, accents', () => {
  const full: Party = { givenName: 'María José', familyName: 'García López', birthDate: DOB };
  it.each<[string, Party, ConflictReason]>([
    ['first given name and first family name', { givenName: 'Maria', familyName: 'Garcia', birthDate: DOB }, 'given_name_partial'],
    ['the whole name in one field', { givenName: 'Maria Jose Garcia Lopez', birthDate: DOB }, 'given_name'],
    ['accents and case folded', { givenName: 'MARIA JOSE', familyName: 'GARCIA LOPEZ', birthDate: DOB }, 'given_name'],
    ['hyphenated family names', { givenName: 'María José', familyName: 'García-López', birthDate: DOB }, 'given_name'],
    ['the second family name only', { givenName: 'María José', familyName: 'López', birthDate: DOB }, 'given_name'],
    ['a middle initial', { givenName: 'María J.', familyName: 'García', birthDate: DOB }, 'given_name_partial'],
  ])('%s', (_, party, reason) => {
    const m = matchParty(party, full);
    expect(m.level).toBe('strong');
    expect(m.reasons).toContain(reason);
  });

  it('free-text "María José García López" vs "Maria Garcia" without dates is possible', () => {
    expect(matchParty({ givenName: 'María José García López' }, { givenName: 'Maria', familyName: 'Garcia' }).level).toBe('possible');
  });

  it('ignores particles: "de la Cruz" = "Cruz"', () => {
    expect(matchParty({ givenName: 'Juan', familyName: 'de la Cruz' }, { givenName: 'Juan', familyName: 'Cruz' }).level).toBe('possible');
  });

  it('a name that left out a given name matches one that left out a family name', () => {
    expect(matchParty({ givenName: 'María José', familyName: 'García' }, { givenName: 'María', familyName: 'García López' }).reasons).toContain('given_name_partial');
  });

  it.each<[Party, Party]>([
    [{ givenName: 'Maria', familyName: 'Garcia Lopez' }, { givenName: 'Maria', familyName: 'Garcia Martinez' }],
    [{ givenName: 'Maria', familyName: 'Garcia' }, { givenName: 'Mario', familyName: 'Garcia' }],
    [{ givenName: 'Maria', familyName: 'Garcia' }, { givenName: 'Maria', familyName: 'Martinez' }],
    [{ givenName: 'María José', familyName: 'García' }, { givenName: 'María Elena', familyName: 'García' }],
  ])('%j is not %j', (a, b) => {
    expect(matchParty(a, b).level).toBe('none');
  });
});

describe('precision', () => {
  it.each<[Party, Party]>([
    [{ givenName: 'Lee Minji' }, { givenName: 'Minjun', familyName: 'Lee' }],
    [{ givenName: 'Minji', familyName: 'Lee' }, { givenName: 'Minjun', familyName: 'Lee' }],
    [{ givenName: '이민지' }, { givenName: '이민준' }],
    [{ givenName: 'Jisoo', familyName: 'Park' }, { givenName: 'Jiho', familyName: 'Park' }],
    [{ givenName: '박지수' }, { givenName: 'Jiho', familyName: 'Pak' }],
    [{ givenName: 'Min', familyName: 'Lee' }, { givenName: 'Minji', familyName: 'Lee' }],
    [{ givenName: 'Minjun', familyName: 'Kim' }, { givenName: 'Minjun', familyName: 'Park' }],
  ])('%j ≠ %j, even born the same day', (a, b) => {
    expect(matchParty({ ...a, birthDate: DOB }, { ...b, birthDate: DOB }).level).toBe('none');
  });

  const kims: (Party & { id: string })[] = [
    { id: 'a', givenName: 'Minjun', familyName: 'Kim', birthDate: '1985-01-02' },
    { id: 'b', givenName: 'Seoyeon', familyName: 'Gim' },
    { id: 'c', givenName: '지훈', familyName: '김', birthDate: DOB },
  ];

  it('a family name alone does not match every Kim', () => {
    expect(findConflicts({ givenName: '', familyName: 'Kim' }, kims)).toEqual([]);
  });

  it('a family name alone with the same birth date is possible at most', () => {
    expect(findConflicts({ givenName: '', familyName: 'Kim', birthDate: DOB }, kims)).toEqual([
      { id: 'c', level: 'possible', reasons: ['surname_variant', 'family_name_only', 'dob_same'] },
    ]);
  });

  it('a given name alone needs the birth date too, and is possible at most', () => {
    expect(findConflicts({ givenName: 'Jihoon' }, kims)).toEqual([]);
    expect(findConflicts({ givenName: 'Jihoon', birthDate: DOB }, kims).map((h) => [h.id, h.level])).toEqual([['c', 'possible']]);
  });
});

describe('findConflicts', () => {
  it('returns matches strongest first and leaves out non-matches', () => {
    const candidates: (Party & { id: string })[] = [
      { id: 'other-person', givenName: 'Minjun', familyName: 'Lee', birthDate: DOB },
      { id: 'no-dob', givenName: 'Min-Ji', familyName: 'Yi' },
      { id: 'born-later', givenName: 'Minji', familyName: 'Lee', birthDate: '2001-01-01' },
      { id: 'swapped-no-dob', givenName: 'Lee', familyName: 'Minji' },
      { id: 'same', givenName: '민지', familyName: '이', birthDate: DOB },
    ];
    const hits = findConflicts({ givenName: 'Minji', familyName: 'Rhee', birthDate: DOB }, candidates);
    expect(hits.map((h) => [h.id, h.level])).toEqual([
      ['same', 'strong'],
      ['no-dob', 'possible'],
      ['swapped-no-dob', 'possible'],
    ]);
  });
});

describe('nameKey', () => {
  it('is order-independent: "Kim Minjun" and "Minjun Kim" share the reading family 김, given 민준', () => {
    const readingsOf = (p: Party) => nameKey(p).readings.map((r) => `${r.surnames.join('+')}|${r.given.flatMap((u) => u.keys).join('+')}`);
    const common = readingsOf({ givenName: 'Kim Minjun' }).filter((r) => readingsOf({ givenName: 'Minjun Kim' }).includes(r));
    expect(common).toContain('sn_kim|minjun');
    expect(nameKey({ givenName: '민준', familyName: '김' }).surnames).toEqual(nameKey({ givenName: 'Minjun', familyName: 'Gim' }).surnames);
  });
});

describe('conflictSearchKeys (SQL pre-filter)', () => {
  const dobToken = (d: string) => `h${[...d].reverse().join('')}`;
  const corpus: Party[] = [
    minji('Lee'),
    minji('Rhee', null),
    { givenName: 'Minji', familyName: 'Lee', otherNames: ['Grace'] },
    { givenName: 'Grace Minji Lee', birthDate: DOB },
    { givenName: 'Grace', familyName: 'Lee', nameKo: '이민지' },
    { givenName: '이민지' },
    { givenName: '민지 이', birthDate: DOB },
    { givenName: 'Lee', familyName: 'Minji' },
    { givenName: 'Minjun', familyName: 'Lee', birthDate: DOB },
    { givenName: '', familyName: 'Yi', birthDate: DOB },
    { givenName: 'Minji', birthDate: DOB },
    { givenName: 'María José', familyName: 'García López', birthDate: DOB },
    { givenName: 'Maria Garcia' },
    { givenName: 'María J.', familyName: 'López' },
    { givenName: 'Min Jun', familyName: 'Kim' },
    { givenName: '김민준' },
    { givenName: 'Ha-eun', familyName: 'Park' },
    { givenName: '하은', familyName: '박', birthDate: DOB },
    { givenName: 'Maria', familyName: 'Lopez', otherNames: ['Maria Garcia'] },
  ];

  it('every pair that matches shares a key, so the pre-filter never hides a conflict', () => {
    let matched = 0;
    for (const a of corpus)
      for (const b of corpus) {
        if (matchParty(a, b).level === 'none') continue;
        matched++;
        const keysB = new Set(conflictSearchKeys(b, { dobToken }));
        expect(conflictSearchKeys(a, { dobToken }).some((k) => keysB.has(k)), `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(true);
      }
    expect(matched).toBeGreaterThan(40);
  });

  it('different given names share no key, so the index narrows the search', () => {
    const a = new Set(conflictSearchKeys({ givenName: 'Minji', familyName: 'Lee' }));
    expect(conflictSearchKeys({ givenName: 'Minjun', familyName: 'Lee' }).filter((k) => a.has(k))).toEqual([]);
  });

  it('a family name alone has no keys without a birth date, and never a birth date in clear', () => {
    expect(conflictSearchKeys({ givenName: '', familyName: 'Kim' })).toEqual([]);
    expect(conflictSearchKeys({ givenName: '', familyName: 'Kim', birthDate: DOB })).toEqual([]);
    const keys = conflictSearchKeys({ givenName: 'Minji', familyName: 'Lee', birthDate: DOB }, { dobToken });
    expect(keys).toContain('s:sn_lee:h10-50-0991');
    expect(keys.join(' ')).not.toContain(DOB);
  });

  it('canonicalizes spellings: Rhee Min-Ji and 이민지 share the key for 이 + 민지', () => {
    const key = 'n:sn_lee:minji';
    expect(conflictSearchKeys({ givenName: 'Min-Ji', familyName: 'Rhee' })).toContain(key);
    expect(conflictSearchKeys({ givenName: '', nameKo: '이민지' })).toContain(key);
  });
});
