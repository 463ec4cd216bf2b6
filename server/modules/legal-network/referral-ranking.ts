import type { CaseType } from '../../../contracts/cases.ts';
import type { SuggestionReason } from '../../../contracts/legal-network.ts';

/**
 * Which providers of the directory fit a case, best first (pure; unit-tested).
 *
 * Excluded (listed after the others with the reason, so a coordinator can see why someone
 * is missing): inactive; the practice area not covered; LSC-funded for a client who is
 * undocumented or has DACA (45 CFR 1626; DACA case types always count); not practising in
 * the client's state (when the state is known).
 *
 * The rest are ranked by, in this order: speaking the client's language (the UI's codes
 * ko/en/es are ISO 639-1, the directory's codes), then pro bono matters left this month
 * (proBonoPerMonth − accepted; none left ranks last but stays: paid work is possible), then
 * specificity (courts named, fewer states served = a local practice rather than a national
 * listing). The score encodes that order so it can be shown and compared.
 */
export interface RankableProvider {
  id: string;
  active: boolean;
  languages: string[];
  practiceAreas: string[];
  states: string[];
  courts: string[];
  fundingRestrictions: string[];
  proBonoPerMonth: number;
}

export interface ReferralNeed {
  type: CaseType;
  lang: 'ko' | 'en' | 'es';
  state: string | null;
  /** Undocumented or DACA: LSC-funded providers are excluded. */
  clientRestricted: boolean;
}

export interface RankedProvider<P extends RankableProvider> {
  provider: P;
  excluded: boolean;
  /** 0 when excluded; otherwise higher is better (language ≫ pro bono left ≫ specificity). */
  score: number;
  proBonoLeft: number;
  reasons: SuggestionReason[];
}

const RESTRICTED_TYPES: ReadonlySet<CaseType> = new Set(['daca_renewal', 'daca_initial']);

export const isRestrictedNeed = (need: Pick<ReferralNeed, 'type' | 'clientRestricted'>) => need.clientRestricted || RESTRICTED_TYPES.has(need.type);

/** Why a provider cannot take this matter at all; empty when it can. */
export function exclusionsOf(p: RankableProvider, need: ReferralNeed): SuggestionReason[] {
  const out: SuggestionReason[] = [];
  if (!p.active) out.push('inactive');
  if (!p.practiceAreas.includes(need.type)) out.push('practice_area_not_covered');
  if (isRestrictedNeed(need) && p.fundingRestrictions.includes('lsc')) out.push('lsc_restricted');
  if (need.state && !p.states.includes(need.state)) out.push('state_not_served');
  return out;
}

const LANGUAGE_WEIGHT = 1_000_000;
const CAPACITY_WEIGHT = 1_000;
const MAX_COUNTED_CAPACITY = 999;
const MAX_STATES = 60;

export function rankProviders<P extends RankableProvider>(providers: P[], need: ReferralNeed, acceptedThisMonth: Map<string, number>): RankedProvider<P>[] {
  const ranked = providers.map((provider): RankedProvider<P> => {
    const proBonoLeft = Math.max(0, provider.proBonoPerMonth - (acceptedThisMonth.get(provider.id) ?? 0));
    const excludedBy = exclusionsOf(provider, need);
    if (excludedBy.length) return { provider, excluded: true, score: 0, proBonoLeft, reasons: excludedBy };

    const reasons: SuggestionReason[] = [];
    const speaks = provider.languages.includes(need.lang);
    reasons.push(speaks ? 'speaks_language' : 'needs_interpreter');
    reasons.push(proBonoLeft > 0 ? 'pro_bono_available' : 'pro_bono_full');
    reasons.push(need.state ? 'state_served' : 'state_unknown');
    if (provider.courts.length) reasons.push('courts_listed');
    // Not excluded, but the coordinator should know (the client's status may be unknown to Haven).
    if (provider.fundingRestrictions.includes('lsc')) reasons.push('lsc_funded');

    const specificity = (provider.courts.length ? 100 : 0) + (MAX_STATES - Math.min(provider.states.length, MAX_STATES));
    const score = (speaks ? LANGUAGE_WEIGHT : 0) + Math.min(proBonoLeft, MAX_COUNTED_CAPACITY) * CAPACITY_WEIGHT + specificity;
    return { provider, excluded: false, score, proBonoLeft, reasons };
  });
  // Stable: equal scores keep the directory's order.
  return ranked
    .map((r, i) => ({ r, i }))
    .sort((a, b) => Number(a.r.excluded) - Number(b.r.excluded) || b.r.score - a.r.score || a.i - b.i)
    .map(({ r }) => r);
}

/**
 * Whether a person's recorded immigration status (free text, any of the three languages)
 * says undocumented or DACA. Unknown or anything else is not restricted: the LSC-funded
 * providers stay in the list marked `lsc_funded`, for the coordinator to check.
 */
const RESTRICTED_STATUS = [/\bdaca\b/i, /deferred action/i, /undocumented/i, /\bno (legal )?status\b/i, /sin (papeles|documentos|estatus)/i, /indocumentad/i, /미등록/, /서류\s*미비/, /불법\s*체류/, /무비자/];

export const isRestrictedStatus = (status: string | null | undefined): boolean => Boolean(status && RESTRICTED_STATUS.some((re) => re.test(status)));
