import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../contracts/cases.ts';
import { isRestrictedStatus, rankProviders, type RankableProvider, type ReferralNeed } from './referral-ranking.ts';

const provider = (id: string, over: Partial<RankableProvider> = {}): RankableProvider => ({
  id,
  active: true,
  languages: ['en'],
  practiceAreas: ['daca_renewal', 'naturalization', 'detention', 'tps'],
  states: ['VA'],
  courts: [],
  fundingRestrictions: [],
  proBonoPerMonth: 2,
  ...over,
});
const need = (over: Partial<ReferralNeed> = {}): ReferralNeed => ({ type: 'naturalization', lang: 'ko', state: 'VA', clientRestricted: false, ...over });
const ids = (r: { provider: { id: string } }[]) => r.map((x) => x.provider.id);

describe('exclusions', () => {
  const cases: [string, RankableProvider, ReferralNeed, string[]][] = [
    ['inactive', provider('p', { active: false }), need(), ['inactive']],
    ['practice area not covered', provider('p', { practiceAreas: ['tps'] }), need({ type: 'family_petition' }), ['practice_area_not_covered']],
    ['LSC for an undocumented client', provider('p', { fundingRestrictions: ['lsc'] }), need({ clientRestricted: true }), ['lsc_restricted']],
    ['LSC for a DACA renewal even with no status on record', provider('p', { fundingRestrictions: ['lsc'] }), need({ type: 'daca_renewal' }), ['lsc_restricted']],
    ['LSC for an initial DACA request', provider('p', { fundingRestrictions: ['lsc'], practiceAreas: ['daca_initial'] }), need({ type: 'daca_initial' }), ['lsc_restricted']],
    ['another state', provider('p', { states: ['IL'] }), need(), ['state_not_served']],
    ['several at once', provider('p', { active: false, states: ['IL'], fundingRestrictions: ['lsc'] }), need({ type: 'daca_renewal' }), ['inactive', 'lsc_restricted', 'state_not_served']],
  ];
  for (const [label, p, n, reasons] of cases) {
    it(label, () => {
      const [r] = rankProviders([p], n, new Map());
      expect(r).toMatchObject({ excluded: true, score: 0, reasons });
    });
  }

  it('keeps an LSC-funded provider for a client who is not restricted, marked for the coordinator', () => {
    const [r] = rankProviders([provider('p', { fundingRestrictions: ['lsc'] })], need(), new Map());
    expect(r.excluded).toBe(false);
    expect(r.reasons).toContain('lsc_funded');
  });

  it('does not exclude by state when the client’s state is unknown', () => {
    const [r] = rankProviders([provider('p', { states: ['IL'] })], need({ state: null }), new Map());
    expect(r.excluded).toBe(false);
    expect(r.reasons).toContain('state_unknown');
  });
});

describe('ranking', () => {
  const table: { label: string; providers: RankableProvider[]; need?: Partial<ReferralNeed>; accepted?: [string, number][]; order: string[] }[] = [
    {
      label: 'language first: a Korean speaker with no pro bono left beats an English speaker with plenty',
      providers: [provider('en-free', { proBonoPerMonth: 10 }), provider('ko-full', { languages: ['ko', 'en'], proBonoPerMonth: 1 })],
      accepted: [['ko-full', 1]],
      order: ['ko-full', 'en-free'],
    },
    {
      label: 'then pro bono left this month (per month minus accepted)',
      providers: [provider('a', { proBonoPerMonth: 5 }), provider('b', { proBonoPerMonth: 3 })],
      accepted: [['a', 4]],
      order: ['b', 'a'],
    },
    {
      label: 'none left ranks last but stays in the list',
      providers: [provider('full', { proBonoPerMonth: 0, courts: ['Arlington Immigration Court'] }), provider('one', { proBonoPerMonth: 1, states: ['VA', 'MD', 'DC'] })],
      order: ['one', 'full'],
    },
    {
      label: 'then specificity: named courts, then fewer states',
      providers: [provider('national', { states: ['VA', 'MD', 'DC', 'NY', 'NJ'] }), provider('local', { states: ['VA', 'MD'] }), provider('courts', { states: ['VA', 'MD', 'DC'], courts: ['Arlington Immigration Court'] })],
      order: ['courts', 'local', 'national'],
    },
    {
      label: 'excluded providers come after every eligible one',
      providers: [provider('lsc', { fundingRestrictions: ['lsc'], languages: ['ko'], proBonoPerMonth: 50 }), provider('ok', { proBonoPerMonth: 0 })],
      need: { type: 'daca_renewal' },
      order: ['ok', 'lsc'],
    },
    {
      label: 'Spanish: the ISO 639-1 code of the UI language',
      providers: [provider('en'), provider('es', { languages: ['es'] })],
      need: { lang: 'es' },
      order: ['es', 'en'],
    },
    {
      label: 'equal scores keep the directory order',
      providers: [provider('first'), provider('second')],
      order: ['first', 'second'],
    },
  ];
  for (const row of table) {
    it(row.label, () => {
      const ranked = rankProviders(row.providers, need(row.need), new Map(row.accepted ?? []));
      expect(ids(ranked)).toEqual(row.order);
      const scores = ranked.filter((r) => !r.excluded).map((r) => r.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });
  }

  it('reports the capacity left and why', () => {
    const [r] = rankProviders([provider('p', { languages: ['ko'], proBonoPerMonth: 3, courts: ['Arlington Immigration Court'] })], need(), new Map([['p', 1]]));
    expect(r).toMatchObject({ excluded: false, proBonoLeft: 2, reasons: ['speaks_language', 'pro_bono_available', 'state_served', 'courts_listed'] });
    const [full] = rankProviders([provider('p', { proBonoPerMonth: 1 })], need(), new Map([['p', 3]]));
    expect(full).toMatchObject({ proBonoLeft: 0, reasons: ['needs_interpreter', 'pro_bono_full', 'state_served'] });
  });
});

describe('restricted immigration status (free text in any of the three languages)', () => {
  const rows: [string | null, boolean][] = [
    ['DACA', true], ['daca recipient', true], ['Undocumented', true], ['no status', true], ['sin papeles', true], ['indocumentada', true],
    ['미등록', true], ['서류 미비', true], ['LPR', false], ['green card', false], ['U.S. citizen', false], ['TPS', false], [null, false], ['', false],
  ];
  for (const [status, restricted] of rows) it(`${JSON.stringify(status)} → ${restricted}`, () => expect(isRestrictedStatus(status)).toBe(restricted));

  it('DACA case types always count, whatever the status says', () => {
    for (const type of ['daca_renewal', 'daca_initial'] as CaseType[]) {
      const [r] = rankProviders([provider('lsc', { fundingRestrictions: ['lsc'], practiceAreas: [type] })], need({ type, clientRestricted: false }), new Map());
      expect(r.reasons).toContain('lsc_restricted');
    }
  });
});
