import type { Provider } from '../../../contracts/legal-network.ts';
import { providerRecordId } from './hsds-ids.ts';
import { PRACTICE_AREA_LABELS, PROVIDER_KIND_LABELS, taxonomyTerm } from './hsds-taxonomy.ts';
import { US_STATE_NAMES } from './us-state-names.ts';

/**
 * Haven's provider directory as Open Referral HSDS 3.0.
 *
 * Shape: the response HSDS's own API gives for `GET /services?full=true` — a `Page` (openapi.json
 * components.schemas.Page) whose `contents` are fully nested services (compiled/
 * service_with_definitions: each service carries its organization, languages, service areas,
 * phones, contacts, funding and attributes with their taxonomy terms inline). Why this one:
 * - what a referral directory is about is "who offers what, where, in which language", i.e. the
 *   service; HSDS's organization list forms (organization_list, the nested organization) carry
 *   services only as ids or without their languages and attributes;
 * - every item stands alone, so a consumer can take one provider without joining tables (the
 *   tabular/datapackage form needs one CSV or array per entity and ids to join them);
 * - it is a shape HSDS tools already read from HSDS APIs, and the page fields say "all of it,
 *   one page".
 *
 * Mapping: one provider → one service offered by one organization — the provider's firm or
 * program, or the provider as a sole practitioner. The person is the service's contact. Ids are
 * UUID v5 of the provider id and the record's role, so they are stable between exports and a
 * firm rename keeps its ids. Two providers at the same firm get two organization records: the
 * firm is free text in Haven, not an entity with an id of its own.
 */

/** Marks an organization that is the provider itself, so the import can restore organizationName = null. */
export const SOLE_PRACTITIONER = 'Sole practitioner';

export interface HsdsExportMeta {
  networkName: string;
  exportedAt: string;
  baseUrl?: string;
}

export type HsdsService = ReturnType<typeof serviceFor>;

export interface HsdsDocument {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: HsdsService[];
  /** Not HSDS: who published the file and when (the Page schema allows extra members). */
  meta: { hsds_version: '3.0'; network_name: string; exported_at: string; base_url?: string };
}

export function toHsds(providers: Provider[], meta: HsdsExportMeta): HsdsDocument {
  const contents = providers.map(serviceFor);
  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
    meta: {
      hsds_version: '3.0',
      network_name: meta.networkName,
      exported_at: meta.exportedAt,
      ...(meta.baseUrl ? { base_url: meta.baseUrl } : {}),
    },
  };
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "naturalization" inside a sentence, but "DACA renewal" keeps its acronym. */
const inline = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label);

const SERVICE_KIND: Record<Provider['kind'], string> = {
  attorney: 'Immigration legal services',
  accredited_representative: 'Immigration legal services',
  social_worker: 'Social work services',
  counselor: 'Counseling services',
  tax_preparer: 'Tax preparation services',
  other: 'Immigrant support services',
};

/** Duplicates would collide on their value-derived ids and say nothing new. */
const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

function serviceFor(p: Provider) {
  const id = (role: string) => providerRecordId(p.id, role);
  const serviceId = id('service');
  const organizationId = id('organization');
  const areas = unique(p.practiceAreas);
  const languages = unique(p.languages);
  const states = unique(p.states);
  const courts = unique(p.courts);
  const restrictions = unique(p.fundingRestrictions);
  const areaLabels = areas.map((a) => inline(PRACTICE_AREA_LABELS[a]));
  const kindLabel = PROVIDER_KIND_LABELS[p.kind];

  const attribute = (code: string, value?: string) => ({
    id: id(`attribute:${code}${value === undefined ? '' : `:${value}`}`),
    link_id: serviceId,
    link_entity: 'service',
    link_type: code.split(':')[0].replace(/-/g, '_'),
    taxonomy_term_id: taxonomyTerm(code).id,
    ...(value === undefined ? {} : { value }),
    taxonomy_term: taxonomyTerm(code),
  });

  const description = [
    `${p.name} (${kindLabel.toLowerCase()})${p.organizationName ? ` at ${p.organizationName}` : ''}.`,
    `Practice areas: ${areaLabels.join(', ')}.`,
    `Languages: ${languages.map((l) => languageNames.of(l)).join(', ')}.`,
    `States: ${states.join(', ')}.`,
    courts.length ? `Courts: ${courts.join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return {
    id: serviceId,
    organization_id: organizationId,
    name: `${SERVICE_KIND[p.kind]} – ${areaLabels.join(', ')}`,
    description,
    ...(p.website ? { url: p.website } : {}),
    ...(p.email ? { email: p.email } : {}),
    status: p.active ? ('active' as const) : ('inactive' as const),
    ...(p.kind === 'accredited_representative'
      ? { accreditations: 'DOJ-accredited representative (EOIR Recognition and Accreditation program).' }
      : {}),
    fees_description:
      p.proBonoPerMonth > 0 ? `Takes up to ${p.proBonoPerMonth} new pro bono matters a month.` : 'Paid work only; no pro bono capacity.',
    ...(restrictions.includes('lsc')
      ? {
          eligibility_description:
            'LSC-funded: cannot represent undocumented or DACA clients (45 CFR 1626). Check eligibility before referring.',
        }
      : {}),
    ...(isDateTime(p.updatedAt) ? { last_modified: new Date(p.updatedAt).toISOString() } : {}),
    organization: {
      id: organizationId,
      name: p.organizationName ?? p.name,
      description: p.organizationName
        ? `${p.organizationName}: ${kindLabel.toLowerCase()} ${p.name} takes referrals through the network.`
        : `${p.name}, ${kindLabel.toLowerCase()} in solo practice.`,
      ...(p.organizationName ? {} : { legal_status: SOLE_PRACTITIONER }),
      ...(p.website && !p.organizationName ? { website: p.website } : {}),
    },
    contacts: [
      {
        id: id('contact'),
        service_id: serviceId,
        name: p.name,
        title: kindLabel,
        ...(p.email ? { email: p.email } : {}),
      },
    ],
    phones: p.phone ? [{ id: id('phone'), service_id: serviceId, number: p.phone, type: 'voice' }] : [],
    languages: languages.map((code) => ({
      id: id(`language:${code}`),
      service_id: serviceId,
      name: languageNames.of(code) ?? code,
      code,
    })),
    service_areas: states.map((code) => ({
      id: id(`service_area:${code}`),
      service_id: serviceId,
      name: US_STATE_NAMES[code] ?? code,
      description: `Serves clients in ${US_STATE_NAMES[code] ?? code}.`,
      // ISO 3166-2 subdivision code as a "text" extent: HSDS has no field for an area code, and
      // a polygon per state would bloat every item for no gain.
      extent: `US-${code}`,
      extent_type: 'text',
    })),
    funding: restrictions.map((r) => ({
      id: id(`funding:${r}`),
      service_id: serviceId,
      source: r === 'lsc' ? 'Legal Services Corporation (LSC)' : r,
    })),
    attributes: [
      attribute(`provider-kind:${p.kind}`),
      ...areas.map((a) => attribute(`practice-area:${a}`)),
      ...restrictions.map((r) => attribute(`funding-restriction:${r}`)),
      attribute(`contact-preference:${p.contactPreference}`),
      ...courts.map((c) => attribute('court', c)),
      attribute('pro-bono-capacity', String(p.proBonoPerMonth)),
    ],
  };
}

function isDateTime(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s));
}
