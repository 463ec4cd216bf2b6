import { describe, expect, it } from 'vitest';
import { type Provider, ProviderInput } from '../../../contracts/legal-network.ts';
import { toHsds } from './hsds-export.ts';
import { uuidV5 } from './hsds-ids.ts';
import { fromHsds } from './hsds-import.ts';
import { validateHsds } from './hsds-validate.ts';

const base = { orgId: '5f1d2c3b-8e7a-4c6d-9b0a-1e2f3a4b5c6d', lang: 'en', acceptedThisMonth: 0, version: 3 } as const;

const kim: Provider = {
  ...base,
  id: '0b7c4c1e-4a57-4a4e-9d59-2d7f3f7b1a11',
  lang: 'ko',
  kind: 'attorney',
  name: 'Ji-won Kim',
  organizationName: null,
  languages: ['ko', 'en'],
  practiceAreas: ['daca_renewal', 'naturalization', 'adoptee_citizenship'],
  states: ['VA'],
  courts: ['Annandale Immigration Court'],
  fundingRestrictions: [],
  proBonoPerMonth: 2,
  email: 'jkim@kimlaw.example',
  phone: '+1 703 555 0142',
  contactPreference: 'email',
  website: 'https://kimlaw.example/',
  active: true,
  updatedAt: '2025-11-02T10:00:00.000Z',
};
const hernandez: Provider = {
  ...base,
  id: '7d0e5a62-1f3b-4c8e-a6d4-3b9f0c2e8a77',
  lang: 'es',
  kind: 'accredited_representative',
  name: 'Lucía Hernández',
  organizationName: 'Pilsen Community Immigration Center',
  languages: ['es', 'en'],
  practiceAreas: ['daca_renewal', 'daca_initial', 'tps', 'family_petition'],
  states: ['IL'],
  courts: ['Chicago Immigration Court'],
  fundingRestrictions: [],
  proBonoPerMonth: 8,
  email: 'lhernandez@pilsen-cic.example',
  phone: '(312) 555-0187',
  contactPreference: 'phone',
  website: null,
  active: true,
  updatedAt: '2025-10-20T15:30:00.000Z',
};
const okafor: Provider = {
  ...base,
  id: 'c3a9e1f0-6b2d-4e7a-8c5f-9d1b0a2e3f44',
  kind: 'attorney',
  name: 'Daniel Okafor',
  organizationName: 'Empire Legal Aid Society',
  languages: ['en', 'es', 'zh', 'ht'],
  practiceAreas: ['naturalization', 'public_benefits', 'family_petition'],
  states: ['NY'],
  courts: [],
  fundingRestrictions: ['lsc'],
  proBonoPerMonth: 0,
  email: 'intake@empirelegalaid.example',
  phone: null,
  contactPreference: 'portal',
  website: 'https://empirelegalaid.example/immigration',
  active: false,
  updatedAt: 'not a date',
};
const providers = [kim, hernandez, okafor];
const meta = { networkName: 'Example Immigrant Rights Network', exportedAt: '2025-11-10T12:00:00.000Z' };

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('toHsds', () => {
  const doc = toHsds(providers, meta);

  it('validates against the published HSDS 3.0 schemas with zero errors', () => {
    expect(validateHsds(doc)).toEqual({ ok: true, errors: [] });
    expect(validateHsds(clone(doc).contents)).toEqual({ ok: true, errors: [] });
    expect(validateHsds(clone(doc).contents[0])).toEqual({ ok: true, errors: [] });
  });

  it('maps languages, states, LSC funding and status to HSDS fields', () => {
    const [k, h, o] = doc.contents;
    expect(k.name).toBe('Immigration legal services – DACA renewal, naturalization, adoptee citizenship');
    expect(k.languages.map((l) => [l.code, l.name])).toEqual([['ko', 'Korean'], ['en', 'English']]);
    expect(k.service_areas).toMatchObject([{ name: 'Virginia', extent: 'US-VA', extent_type: 'text' }]);
    expect(k.organization).toMatchObject({ name: 'Ji-won Kim', legal_status: 'Sole practitioner' });
    expect(h.organization.name).toBe('Pilsen Community Immigration Center');
    expect(h.accreditations).toMatch(/DOJ-accredited/);
    expect(h.contacts[0]).toMatchObject({ name: 'Lucía Hernández', title: 'DOJ-accredited representative' });
    expect(o.status).toBe('inactive');
    expect(o.eligibility_description).toMatch(/45 CFR 1626/);
    expect(o.funding.map((f) => f.source)).toEqual(['Legal Services Corporation (LSC)']);
    expect(o.phones).toEqual([]);
    expect(o).not.toHaveProperty('last_modified');
    expect(doc).toMatchObject({ total_items: 3, size: 3, last_page: true, meta: { network_name: meta.networkName } });
  });

  it('gives stable ids between exports, whatever the order or export time', () => {
    const again = toHsds([okafor, kim, hernandez], { ...meta, exportedAt: '2025-12-01T00:00:00.000Z' });
    const byService = new Map(again.contents.map((s) => [s.id, s]));
    for (const s of doc.contents) expect(byService.get(s.id)).toEqual(s);
  });

  it('gives every record its own id (taxonomy terms are shared on purpose)', () => {
    const ids = doc.contents.flatMap((s) => [
      s.id,
      s.organization.id,
      ...[s.contacts, s.phones, s.languages, s.service_areas, s.funding, s.attributes].flat().map((r) => r.id),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses RFC 9562 UUID v5 (known vector)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('validateHsds can fail', () => {
  it('rejects a non-UUID id and a missing required field, with their paths', () => {
    const bad = clone(toHsds(providers, meta));
    bad.contents[1].languages[0].id = 'lang-es';
    delete (bad.contents[2] as Partial<(typeof bad.contents)[2]>).status;
    delete (bad.contents[0].organization as { description?: string }).description;
    const result = validateHsds(bad);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: '/contents/1/languages/0/id', message: 'must match format "uuid"' },
        { path: '/contents/2', message: "must have required property 'status'" },
        { path: '/contents/0/organization', message: "must have required property 'description'" },
      ]),
    );
  });

  it('rejects a status outside the HSDS list and a page field of the wrong type', () => {
    const bad = clone(toHsds([kim], meta)) as unknown as { total_items: unknown; contents: { status: string }[] };
    bad.contents[0].status = 'open';
    bad.total_items = 'one';
    const paths = validateHsds(bad).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/contents/0/status', '/total_items']));
  });
});

describe('fromHsds', () => {
  it('round-trips the export to the same ProviderInputs, with no problems', () => {
    const expected = providers.map((p) => ProviderInput.parse(p));
    expect(fromHsds(toHsds(providers, meta))).toEqual({ providers: expected, problems: [] });
    // …and through JSON, as a file would travel.
    expect(fromHsds(clone(toHsds(providers, meta))).providers).toEqual(expected);
  });

  it('reads a minimal document from another tool, with defaults and noted problems', () => {
    const other = [
      {
        id: uuid(1),
        name: 'Citizenship clinic',
        status: 'active',
        organization: { id: uuid(2), name: 'Southside Legal Clinic', description: 'Free legal help.' },
        languages: [{ id: uuid(3), code: 'tl' }, { id: uuid(4), name: 'Vietnamese' }, { id: uuid(5), code: 'en-US' }, { id: uuid(6), name: 'Elvish' }],
        service_areas: [{ id: uuid(7), name: 'Cook County, IL' }],
        phones: [{ id: uuid(8), number: '312-555-0100' }],
        funding: [{ id: uuid(9), source: 'Legal Services Corporation' }],
        attributes: [
          { id: uuid(10), link_type: 'practice_area', taxonomy_term: { id: uuid(11), name: 'Naturalization', description: '' } },
          { id: uuid(12), link_type: 'practice_area', taxonomy_term: { id: uuid(13), name: 'Asylum', description: '' } },
          { id: uuid(14), taxonomy_term: { id: uuid(15), code: 'LH-1700', name: 'Legal services', description: '' } },
        ],
      },
    ];
    expect(validateHsds(other).ok).toBe(true);
    const { providers: [p], problems } = fromHsds(other);
    expect(p).toEqual({
      kind: 'other',
      name: 'Southside Legal Clinic',
      organizationName: null,
      languages: ['tl', 'vi', 'en'],
      practiceAreas: ['naturalization', 'other'],
      states: ['IL'],
      courts: [],
      fundingRestrictions: ['lsc'],
      proBonoPerMonth: 0,
      email: null,
      phone: '312-555-0100',
      contactPreference: 'phone',
      website: null,
      active: true,
    });
    expect(problems).toEqual([
      { path: '/0/attributes/1', code: 'unknown_practice_area' },
      { path: '/0/languages/3', code: 'unknown_language' },
    ]);
  });

  it('reads the bare minimum: an organization with a nested service and an address', () => {
    const org = {
      id: uuid(20),
      name: 'Rivera Law Office',
      description: 'Immigration attorney.',
      locations: [{ id: uuid(21), location_type: 'physical', addresses: [{ state_province: 'Texas' }] }],
      services: [{ id: uuid(22), name: 'Consultations', status: 'temporarily closed', contacts: [{ id: uuid(23), name: 'Ana Rivera', email: 'ana@rivera.example' }] }],
    };
    const { providers: [p], problems } = fromHsds(org);
    expect(p).toMatchObject({ name: 'Ana Rivera', organizationName: 'Rivera Law Office', states: ['TX'], languages: ['en'], active: false });
    expect(problems).toEqual([{ path: '/services/0/languages', code: 'languages_defaulted' }]);
  });

  it('reports bad items by path and keeps the good ones, never throwing', () => {
    const doc = clone(toHsds(providers, meta)) as unknown as { contents: unknown[] };
    const bad = doc.contents[1] as { service_areas: unknown[]; contacts: { email: string }[]; url?: string };
    bad.service_areas = [];
    bad.contacts[0].email = 'not-an-email';
    (doc.contents[2] as { url: string }).url = 'not a url';
    doc.contents.push('just a string');
    const { providers: got, problems } = fromHsds(doc);
    expect(got.map((p) => p.name)).toEqual(['Ji-won Kim', 'Daniel Okafor']);
    expect(got[1].website).toBeNull();
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: '/contents/1', code: 'missing_states' },
        { path: '/contents/1/contacts/0/email', code: 'invalid_email' },
        { path: '/contents/2/url', code: 'invalid_url' },
        { path: '/contents/3', code: 'not_an_object' },
      ]),
    );
    for (const junk of [null, 42, 'x', { contents: 'nope' }]) expect(() => fromHsds(junk)).not.toThrow();
    expect(fromHsds(null).problems).toEqual([{ path: '/', code: 'not_hsds' }]);
  });
});
