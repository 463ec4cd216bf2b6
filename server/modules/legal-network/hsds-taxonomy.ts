import { CASE_TYPES, type CaseType } from '../../../contracts/cases.ts';
import { FUNDING_RESTRICTIONS, PROVIDER_KINDS, type ProviderKind } from '../../../contracts/legal-network.ts';
import { uuidV5 } from './hsds-ids.ts';

/**
 * Haven's legal-network taxonomy: how the HSDS export says what HSDS has no field for (a
 * provider's practice areas, kind, funding restriction, contact preference, courts, pro bono
 * capacity). Each fact is an HSDS `attribute` on the service pointing at one of these terms.
 *
 * | code                              | meaning                                  | attribute.value        |
 * |-----------------------------------|------------------------------------------|------------------------|
 * | practice-area                     | parent of the practice-area terms        | –                      |
 * | practice-area:<case type>         | one per contracts/cases.ts CASE_TYPES    | –                      |
 * | provider-kind                     | parent of the provider-kind terms        | –                      |
 * | provider-kind:<kind>              | one per PROVIDER_KINDS                   | –                      |
 * | funding-restriction               | parent                                   | –                      |
 * | funding-restriction:lsc           | LSC-funded (45 CFR 1626)                 | –                      |
 * | contact-preference                | parent                                   | –                      |
 * | contact-preference:<email/phone/portal> | how the provider wants referrals   | –                      |
 * | court                             | appears before this court                | court name (free text) |
 * | pro-bono-capacity                 | new pro bono matters a month             | integer as text        |
 *
 * Stability: the taxonomy id and each term id are UUID v5 of the code, and term URIs are
 * `urn:haven:taxonomy:legal-network:<code>`, so they never depend on the deployment's URL or
 * on export order. Codes are only ever added; a retired code keeps its meaning. Term names and
 * descriptions are English (HSDS `language` = en); translations belong to the UI, not the file.
 */
export const TAXONOMY_URI = 'urn:haven:taxonomy:legal-network';

export const HAVEN_TAXONOMY = {
  id: uuidV5('taxonomy:legal-network'),
  name: 'Haven legal network',
  description:
    'Practice areas, provider kinds, funding restrictions and referral facts of the immigration legal ' +
    'providers in a Haven network.',
  uri: TAXONOMY_URI,
  version: '1',
} as const;

/** Labels double as term names; sentence case so they also read well inside a service name. */
export const PRACTICE_AREA_LABELS: Record<CaseType, string> = {
  daca_renewal: 'DACA renewal',
  daca_initial: 'DACA initial request',
  naturalization: 'Naturalization',
  tps: 'TPS (Temporary Protected Status)',
  detention: 'Immigration detention',
  adoptee_citizenship: 'Adoptee citizenship',
  family_petition: 'Family-based petitions',
  public_benefits: 'Public benefits',
  other: 'Other immigration matters',
};

export const PROVIDER_KIND_LABELS: Record<ProviderKind, string> = {
  attorney: 'Attorney',
  accredited_representative: 'DOJ-accredited representative',
  social_worker: 'Social worker',
  counselor: 'Counselor',
  tax_preparer: 'Tax preparer',
  other: 'Other professional',
};

export const CONTACT_PREFERENCES = ['email', 'phone', 'portal'] as const;

interface TermDef {
  code: string;
  name: string;
  description: string;
  parent?: string;
}

const leaf = (parent: string, value: string, name: string, description: string): TermDef => ({
  code: `${parent}:${value}`,
  name,
  description,
  parent,
});

const TERM_DEFS: TermDef[] = [
  { code: 'practice-area', name: 'Practice area', description: 'Kinds of matters the provider takes on.' },
  ...CASE_TYPES.map((t) => leaf('practice-area', t, PRACTICE_AREA_LABELS[t], `Takes ${PRACTICE_AREA_LABELS[t]} matters.`)),
  { code: 'provider-kind', name: 'Provider kind', description: 'The professional role of the provider.' },
  ...PROVIDER_KINDS.map((k) => leaf('provider-kind', k, PROVIDER_KIND_LABELS[k], `The provider is: ${PROVIDER_KIND_LABELS[k]}.`)),
  { code: 'funding-restriction', name: 'Funding restriction', description: 'Who the provider may not serve because of its funding.' },
  ...FUNDING_RESTRICTIONS.map((r) =>
    leaf('funding-restriction', r, 'LSC-funded', 'Funded by the Legal Services Corporation: cannot represent undocumented or DACA clients (45 CFR 1626).'),
  ),
  { code: 'contact-preference', name: 'Contact preference', description: 'How the provider prefers to receive referrals.' },
  ...CONTACT_PREFERENCES.map((c) => leaf('contact-preference', c, `Prefers ${c}`, `Send referrals by ${c}.`)),
  { code: 'court', name: 'Court', description: 'A court the provider appears before; the attribute value names the court.' },
  {
    code: 'pro-bono-capacity',
    name: 'Pro bono capacity',
    description: 'New pro bono matters the provider accepts a month; the attribute value is the number (0 = paid work only).',
  },
];

export const termId = (code: string): string => uuidV5(`taxonomy-term:${code}`);
export const termUri = (code: string): string => `${TAXONOMY_URI}:${code}`;

const BY_CODE = new Map(TERM_DEFS.map((t) => [t.code, t]));
const CODE_BY_ID = new Map(TERM_DEFS.map((t) => [termId(t.code), t.code]));
const CODE_BY_URI = new Map(TERM_DEFS.map((t) => [termUri(t.code), t.code]));

export const TAXONOMY_CODES: readonly string[] = TERM_DEFS.map((t) => t.code);

/** The HSDS taxonomy_term for a code, with its taxonomy inlined so each export item stands alone. */
export function taxonomyTerm(code: string) {
  const def = BY_CODE.get(code);
  if (!def) throw new Error(`unknown Haven taxonomy code ${code}`);
  return {
    id: termId(code),
    code,
    name: def.name,
    description: def.description,
    ...(def.parent ? { parent_id: termId(def.parent) } : {}),
    taxonomy: TAXONOMY_URI,
    taxonomy_id: HAVEN_TAXONOMY.id,
    term_uri: termUri(code),
    language: 'en',
    taxonomy_detail: { ...HAVEN_TAXONOMY },
  };
}

/**
 * The Haven code an HSDS attribute points at, recognised by term id, code or URI (other tools
 * may keep only one of them). Codes under our prefixes that we do not know are returned as-is,
 * so the importer can tell "unknown practice area" from "someone else's taxonomy" (null).
 */
export function havenCode(attr: { taxonomy_term_id?: unknown; taxonomy_term?: unknown; link_type?: unknown }): string | null {
  const term = (attr.taxonomy_term ?? {}) as { id?: unknown; code?: unknown; name?: unknown; term_uri?: unknown };
  const id = typeof attr.taxonomy_term_id === 'string' ? attr.taxonomy_term_id : term.id;
  if (typeof id === 'string' && CODE_BY_ID.has(id)) return CODE_BY_ID.get(id)!;
  if (typeof term.term_uri === 'string') {
    if (CODE_BY_URI.has(term.term_uri)) return CODE_BY_URI.get(term.term_uri)!;
    if (term.term_uri.startsWith(`${TAXONOMY_URI}:`)) return term.term_uri.slice(TAXONOMY_URI.length + 1);
  }
  if (typeof term.code === 'string' && BY_CODE.has(term.code.split(':')[0])) return term.code;
  // Another tool that tags practice areas by link_type but with its own codes or only names:
  // "Naturalization" or "daca_renewal" are recognised, anything else becomes an unknown area.
  const own = typeof term.code === 'string' ? term.code : typeof term.name === 'string' ? term.name : null;
  if (attr.link_type === 'practice_area' && own) return `practice-area:${own.trim().toLowerCase().replace(/[\s-]+/g, '_')}`;
  return null;
}
