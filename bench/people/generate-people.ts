/**
 * Deterministic community members for the search benchmark: Korean (Hangul plus the
 * romanizations families actually use), Spanish and English names, phones, languages
 * and Illinois ZIP codes. Same seed → same people, so runs compare.
 */
import { romanize } from 'es-hangul';

export interface GeneratedPerson {
  givenName: string;
  familyName: string;
  nameKo: string | null;
  otherNames: string | null;
  phoneE164: string | null;
  email: string | null;
  preferredLanguage: 'ko' | 'en' | 'es';
  zip: string;
  state: string;
  createdAt: Date;
}

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const weighted = <T>(xs: readonly (readonly [T, number])[]) => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1][0];
  };
  return { next, pick, weighted, chance: (p: number) => next() < p, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/** The ten most common Korean family names, weighted by their share in South Korea (2015 census, %), with US spellings. */
const KO_SURNAMES = [
  ['김', 21.5, ['Kim', 'Kim', 'Kim', 'Gim']],
  ['이', 14.7, ['Lee', 'Lee', 'Lee', 'Yi', 'Rhee', 'Rhie', 'Yee']],
  ['박', 8.4, ['Park', 'Park', 'Pak', 'Bak']],
  ['최', 4.7, ['Choi', 'Choi', 'Choe']],
  ['정', 4.3, ['Jung', 'Chung', 'Jeong', 'Cheong']],
  ['강', 2.3, ['Kang', 'Kang', 'Gang']],
  ['조', 2.1, ['Cho', 'Cho', 'Jo']],
  ['윤', 2.1, ['Yoon', 'Yun']],
  ['장', 2.0, ['Jang', 'Chang']],
  ['임', 1.6, ['Lim', 'Im', 'Yim']],
] as const;

/** Popular given names of the last decades, and syllables for the rest. */
const KO_GIVEN = ['민준', '서연', '지훈', '서준', '하은', '도윤', '지우', '수아', '예준', '지민', '현우', '영수', '순자', '은지', '동현', '혜린', '지호', '서윤', '민서', '하준', '주원', '지유', '채원', '건우', '유진', '성민', '미영', '정희', '영희', '상철'];
const KO_SYLLABLES = ['민', '준', '서', '연', '지', '훈', '현', '우', '수', '아', '하', '은', '영', '혜', '진', '성', '동', '예', '윤', '도', '시', '유', '재', '원', '경', '희', '태', '상', '정', '승', '미', '선', '철', '호', '주', '채', '건', '나', '소', '다'];
/** How families spell a syllable beyond Revised Romanization. */
const SPELLINGS: Record<string, string[]> = { jun: ['jun', 'joon'], hyeon: ['hyeon', 'hyun'], yeon: ['yeon', 'yun'], seo: ['seo', 'suh'], su: ['su', 'soo'], u: ['u', 'woo'], yeong: ['young', 'yeong'], seong: ['sung', 'seong'], jeong: ['jung', 'jeong'], eun: ['eun'], hun: ['hun', 'hoon'], ho: ['ho'], hui: ['hee', 'hui'], gyeong: ['kyung', 'gyeong'], won: ['won'], jae: ['jae'] };
const EN_FOR_KO = ['Jason', 'Grace', 'David', 'Esther', 'Daniel', 'Sarah', 'Peter', 'Jenny', 'Paul', 'Helen', 'John', 'Christine', 'Andrew', 'Sophia'];

const ES_GIVEN = ['María', 'José', 'Juan', 'Luis', 'Carlos', 'Ana', 'Lucía', 'Sofía', 'Miguel', 'Jorge', 'Alejandro', 'Guadalupe', 'Francisco', 'Juan Carlos', 'María José', 'Rosa', 'Carmen', 'Javier', 'Diego', 'Fernanda', 'Valentina', 'Camila', 'Andrés', 'Ricardo', 'Elena', 'Jesús', 'Alma', 'Óscar', 'Verónica', 'Héctor'];
const ES_FAMILY = ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Reyes', 'Morales', 'Cruz', 'Ortiz', 'Gutiérrez', 'Chávez', 'Ramos', 'Vargas', 'Castillo', 'Jiménez', 'Moreno', 'Romero', 'Herrera', 'Medina', 'Aguilar', 'Mendoza'];
const EN_GIVEN = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Sarah', 'Joseph', 'Karen', 'Thomas', 'Nancy', 'Christopher', 'Lisa', 'Daniel', 'Emily', 'Matthew', 'Ashley', 'Anthony', 'Michelle', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'Leeann', 'Lindsey'];
const EN_FAMILY = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'Nguyen', 'Lee', 'Hall', 'Wright', 'King', 'Scott', 'Green'];

const IL_AREA = ['312', '773', '872', '847', '224', '630', '331', '708'];
/** Chicago-area ZIPs, Albany Park (60625) first: the densest Korean neighbourhood. */
const IL_ZIPS = [['60625', 10], ['60645', 6], ['60659', 6], ['60630', 5], ['60640', 5], ['60618', 5], ['60016', 4], ['60025', 4], ['60056', 3], ['60062', 3], ['60077', 3], ['60089', 3], ['60193', 3], ['60608', 6], ['60623', 8], ['60632', 7], ['60629', 7], ['60639', 5], ['60647', 4], ['60804', 3]] as const;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function romanizeGiven(given: string, r: ReturnType<typeof rng>): string {
  const parts = [...given].map((syl) => {
    const rr = romanize(syl);
    return SPELLINGS[rr] ? r.pick(SPELLINGS[rr]) : rr;
  });
  const style = r.weighted([['joined', 5], ['hyphen', 3], ['space', 2]] as const);
  if (style === 'joined') return cap(parts.join(''));
  if (style === 'hyphen') return [cap(parts[0]), ...parts.slice(1)].join('-');
  return parts.map(cap).join(' ');
}

export function generatePeople(count: number, seed = 20_240_601): GeneratedPerson[] {
  const r = rng(seed);
  const now = Date.UTC(2026, 10, 1);
  const threeYears = 3 * 365 * 86_400_000;
  const phones = new Set<string>();
  const out: GeneratedPerson[] = [];
  for (let i = 0; i < count; i++) {
    const kind = r.weighted([['ko', 45], ['es', 35], ['en', 20]] as const);
    let p: Omit<GeneratedPerson, 'phoneE164' | 'email' | 'zip' | 'state' | 'createdAt'>;
    if (kind === 'ko') {
      const [hangulFamily, , spellings] = r.weighted(KO_SURNAMES.map((s) => [s, s[1]] as const));
      const given = r.chance(0.5) ? r.pick(KO_GIVEN) : r.pick(KO_SYLLABLES) + r.pick(KO_SYLLABLES);
      const family = r.pick(spellings);
      p = {
        givenName: romanizeGiven(given, r),
        familyName: family,
        nameKo: r.chance(0.9) ? hangulFamily + given : null,
        otherNames: r.chance(0.15) ? `${r.pick(EN_FOR_KO)} ${family}` : null,
        preferredLanguage: r.chance(0.8) ? 'ko' : 'en',
      };
    } else if (kind === 'es') {
      p = {
        givenName: r.pick(ES_GIVEN),
        familyName: r.chance(0.4) ? `${r.pick(ES_FAMILY)} ${r.pick(ES_FAMILY)}` : r.pick(ES_FAMILY),
        nameKo: null,
        otherNames: null,
        preferredLanguage: r.chance(0.85) ? 'es' : 'en',
      };
    } else {
      p = { givenName: r.pick(EN_GIVEN), familyName: r.pick(EN_FAMILY), nameKo: null, otherNames: null, preferredLanguage: 'en' };
    }
    let phoneE164: string | null = null;
    if (r.chance(0.85)) {
      do {
        phoneE164 = kind === 'ko' && r.chance(0.03) ? `+8210${r.int(10_000_000, 99_999_999)}` : `+1${r.pick(IL_AREA)}${r.int(200, 999)}${String(r.int(0, 9999)).padStart(4, '0')}`;
      } while (phones.has(phoneE164));
      phones.add(phoneE164);
    }
    out.push({
      ...p,
      phoneE164,
      email: r.chance(0.3) ? `person${i}@example.org` : null,
      zip: r.weighted(IL_ZIPS),
      state: 'IL',
      createdAt: new Date(now - Math.floor(r.next() * threeYears)),
    });
  }
  return out;
}
