import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { cases } from '../cases/cases.table.ts';
import { people } from '../people/index.ts';
import { validateHsds } from './hsds-validate.ts';
import { providers, referrals } from './legal-network.table.ts';

/**
 * The directory through the real app: kept by one affiliate and read by all, searched in
 * Hangul and romanized names, changed only by its keeper and only with the current version,
 * exported as HSDS 3.0 that passes the published schemas, and imported (dry run first,
 * deduplicated, all or nothing).
 */
let t: TestApp;
const db = () => t.deps.database.db;
const URL = '/api/v1/directory/providers';

const kim = {
  kind: 'attorney',
  name: '김지연 Jiyeon Kim',
  organizationName: 'Kim Immigration Law PLLC',
  languages: ['ko', 'en'],
  practiceAreas: ['daca_renewal', 'daca_initial', 'naturalization', 'detention'],
  states: ['VA', 'DC', 'MD'],
  courts: ['Annandale Immigration Court'],
  proBonoPerMonth: 3,
  email: 'jkim@kim-immigration.example',
  phone: '(703) 555-0190',
  website: 'https://kim-immigration.example',
};
const ramirez = {
  kind: 'accredited_representative',
  name: 'Guadalupe Ramírez',
  organizationName: 'Centro Legal del Pueblo',
  languages: ['es', 'en'],
  practiceAreas: ['daca_renewal', 'naturalization'],
  states: ['IL'],
  proBonoPerMonth: 6,
  email: 'g.ramirez@centrolegal.example',
};
const legalAid = {
  kind: 'attorney',
  name: 'Rebecca Goldstein',
  organizationName: 'Five Boroughs Legal Aid',
  languages: ['en', 'es'],
  practiceAreas: ['public_benefits', 'family_petition'],
  states: ['NY'],
  fundingRestrictions: ['lsc'],
  proBonoPerMonth: 10,
  email: null,
};

const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((p) => p.name).sort();
const providerCount = async (orgId: string) => (await db().select().from(providers).where(eq(providers.orgId, orgId))).length;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('the directory', () => {
  it('adds entries kept by the affiliate, with the language inferred and every write audited', async () => {
    const coordinator = await t.as('coordinator', 'a');
    for (const body of [kim, ramirez, legalAid]) {
      const res = await coordinator.post(URL, body);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ name: body.name, orgId: t.orgs.a, version: 1, active: true, acceptedThisMonth: 0 });
    }
    const ko = await coordinator.post(URL, { ...kim, name: '박은영', email: null, languages: ['ko'] });
    expect(ko.json().lang).toBe('ko');
    const creates = await db().select().from(auditLog).where(and(eq(auditLog.orgId, t.orgs.a), eq(auditLog.action, 'provider.create')));
    expect(creates).toHaveLength(4);
  });

  it('refuses bad input by field and a second entry with the same name and email, writing nothing', async () => {
    const coordinator = await t.as('coordinator', 'a');
    const before = await providerCount(t.orgs.a);
    const bad = await coordinator.post(URL, { ...kim, name: 'Someone', states: ['Virginia'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/^states/);
    const again = await coordinator.post(URL, { ...kim, name: '김지연 JIYEON KIM', email: 'JKIM@kim-immigration.example' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'provider_duplicate', field: 'name' });
    expect(await providerCount(t.orgs.a)).toBe(before);
  });

  it('filters by kind, language, practice area and state, and searches names in any case, Hangul too', async () => {
    const responder = await t.as('responder', 'a');
    expect(names(await responder.get(`${URL}?kind=accredited_representative`))).toEqual(['Guadalupe Ramírez']);
    expect(names(await responder.get(`${URL}?language=ES`))).toEqual(['Guadalupe Ramírez', 'Rebecca Goldstein']);
    expect(names(await responder.get(`${URL}?practiceArea=detention&state=va`))).toEqual(['김지연 Jiyeon Kim', '박은영']);
    expect(names(await responder.get(`${URL}?state=IL&language=es&practiceArea=naturalization`))).toEqual(['Guadalupe Ramírez']);
    expect(names(await responder.get(`${URL}?q=${encodeURIComponent('김지')}`))).toEqual(['김지연 Jiyeon Kim']);
    expect(names(await responder.get(`${URL}?q=JIYEON`))).toEqual(['김지연 Jiyeon Kim']);
    // The firm's name counts; a decomposed Hangul query (macOS) finds the composed name.
    expect(names(await responder.get(`${URL}?q=five%20boroughs`))).toEqual(['Rebecca Goldstein']);
    expect(names(await responder.get(`${URL}?q=${encodeURIComponent('박은영'.normalize('NFD'))}`))).toEqual(['박은영']);
    // LIKE's wildcards are letters here.
    expect(names(await responder.get(`${URL}?q=%25`))).toEqual([]);
    const page = (await responder.get(`${URL}?limit=2`)).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(4);
    expect((await responder.get(`${URL}?practiceArea=astrology`)).statusCode).toBe(400);
  });

  it('changes an entry with its version: a stale version is a 409; active: false retires it from the list', async () => {
    const coordinator = await t.as('coordinator', 'a');
    const entry = (await coordinator.get(`${URL}?q=Ramírez`)).json().items[0];
    const moved = await coordinator.patch(`${URL}/${entry.id}`, { version: entry.version, proBonoPerMonth: 8, courts: ['Chicago Immigration Court'] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ version: entry.version + 1, proBonoPerMonth: 8, courts: ['Chicago Immigration Court'], states: ['IL'], email: ramirez.email });

    const stale = await coordinator.patch(`${URL}/${entry.id}`, { version: entry.version, proBonoPerMonth: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
    expect((await coordinator.get(`${URL}/${entry.id}`)).json().proBonoPerMonth).toBe(8);

    const retired = await coordinator.patch(`${URL}/${entry.id}`, { version: entry.version + 1, active: false });
    expect(retired.json()).toMatchObject({ active: false, version: entry.version + 2 });
    expect(names(await coordinator.get(URL))).not.toContain('Guadalupe Ramírez');
    expect(names(await coordinator.get(`${URL}?active=false`))).toEqual(['Guadalupe Ramírez']);
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, entry.id));
    expect(audits.map((a) => a.action)).toEqual(['provider.create', 'provider.update', 'provider.retire']);
    expect(audits[1].details).toEqual({ fields: ['courts', 'proBonoPerMonth'] });
    // Back in the directory for the export below.
    expect((await coordinator.patch(`${URL}/${entry.id}`, { version: entry.version + 2, active: true })).statusCode).toBe(200);
  });

  it('is read by another affiliate (with the network-wide capacity count) but edited only by its keeper', async () => {
    const entry = (await (await t.as('coordinator', 'a')).get(`${URL}?q=Jiyeon`)).json().items[0];
    // A pro bono referral Kim accepted this month, from affiliate A's case.
    const [person] = await db().select().from(people).where(eq(people.orgId, t.orgs.a));
    const [c] = await db().insert(cases).values({ orgId: t.orgs.a, personId: person.id, type: 'daca_renewal', lang: 'ko' }).returning();
    await db().insert(referrals).values({ orgId: t.orgs.a, caseId: c.id, providerId: entry.id, status: 'accepted', respondedAt: new Date() });

    const other = await t.as('coordinator', 'b');
    const listed = (await other.get(`${URL}?q=${encodeURIComponent('김지연')}`)).json().items;
    expect(listed).toEqual([expect.objectContaining({ id: entry.id, orgId: t.orgs.a, acceptedThisMonth: 1 })]);
    expect((await other.get(`${URL}/${entry.id}`)).json()).toMatchObject({ id: entry.id, name: kim.name });

    const edit = await other.patch(`${URL}/${entry.id}`, { version: entry.version, proBonoPerMonth: 0 });
    expect(edit.statusCode).toBe(404);
    const [row] = await db().select().from(providers).where(eq(providers.id, entry.id));
    expect(row).toMatchObject({ proBonoPerMonth: 3, version: entry.version });
    expect((await other.get(`${URL}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('refuses roles without cases.read (volunteer) and writes from roles without directory.manage', async () => {
    const volunteer = await t.as('volunteer', 'a');
    for (const url of [URL, '/api/v1/directory/export']) expect((await volunteer.get(url)).statusCode, url).toBe(403);
    const responder = await t.as('responder', 'a');
    expect((await responder.post(URL, { ...kim, name: 'Responder Entry' })).statusCode).toBe(403);
    expect((await responder.post('/api/v1/directory/import', { contents: [] })).statusCode).toBe(403);
  });
});

describe('HSDS 3.0', () => {
  let exported: any;

  it('exports the active entries of the whole network, valid against the published schemas', async () => {
    await (await t.as('coordinator', 'b')).post(URL, { ...ramirez, name: 'Minji Lee (이민지)', email: 'minji.lee@example.org', states: ['NY'] });
    const coordinator = await t.as('coordinator', 'a');
    const retiree = (await coordinator.post(URL, { ...kim, name: 'Retired Attorney', email: null, active: false })).json();
    expect(retiree.active).toBe(false);

    const res = await (await t.as('attorney', 'b')).get('/api/v1/directory/export');
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="directory-hsds-3\.0-\d{4}-\d{2}-\d{2}\.json"$/);
    exported = res.json();
    const verdict = validateHsds(exported);
    expect(verdict.errors).toEqual([]);
    expect(verdict.ok).toBe(true);
    const contacts = exported.contents.map((s: any) => s.contacts[0].name).sort();
    expect(contacts).toEqual(['Guadalupe Ramírez', 'Minji Lee (이민지)', 'Rebecca Goldstein', '김지연 Jiyeon Kim', '박은영'].sort());
    expect(exported).toMatchObject({ total_items: 5, meta: { hsds_version: '3.0', network_name: 'Test Network' } });
    const aid = exported.contents.find((s: any) => s.contacts[0].name === 'Rebecca Goldstein');
    expect(aid.funding).toEqual([expect.objectContaining({ source: 'Legal Services Corporation (LSC)' })]);
    expect(exported.contents.find((s: any) => s.contacts[0].name === '김지연 Jiyeon Kim').languages.map((l: any) => l.code)).toEqual(['ko', 'en']);
  });

  it('imports: a dry run reads and writes nothing; a real run writes the new entries once; a second run skips them all', async () => {
    const importer = await t.as('affiliate_admin', 'b');
    const before = await providerCount(t.orgs.b);
    const auditsBefore = (await db().select().from(auditLog).where(eq(auditLog.orgId, t.orgs.b))).length;

    const dry = await importer.post('/api/v1/directory/import', exported);
    expect(dry.statusCode, dry.body.slice(0, 300)).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 4, skipped: 1, problems: [] });
    expect(dry.json().providers.filter((p: any) => p.duplicate).map((p: any) => p.name)).toEqual(['Minji Lee (이민지)']);
    const readBack = dry.json().providers.find((p: any) => p.name === 'Rebecca Goldstein');
    expect(readBack).toMatchObject({ kind: 'attorney', organizationName: 'Five Boroughs Legal Aid', fundingRestrictions: ['lsc'], practiceAreas: ['public_benefits', 'family_petition'], states: ['NY'], proBonoPerMonth: 10 });
    expect(await providerCount(t.orgs.b)).toBe(before);
    expect((await db().select().from(auditLog).where(eq(auditLog.orgId, t.orgs.b))).length).toBe(auditsBefore);

    const real = await importer.post('/api/v1/directory/import?dryRun=false', exported);
    expect(real.json()).toMatchObject({ dryRun: false, created: 4, skipped: 1 });
    expect(await providerCount(t.orgs.b)).toBe(before + 4);
    const kept = (await importer.get(`${URL}?q=${encodeURIComponent('김지연')}`)).json().items;
    expect(kept.map((p: any) => p.orgId).sort()).toEqual([t.orgs.a, t.orgs.b].sort());
    expect(kept.find((p: any) => p.orgId === t.orgs.b)).toMatchObject({ lang: 'en', languages: ['ko', 'en'], courts: ['Annandale Immigration Court'], website: kim.website });
    const [logged] = await db().select().from(auditLog).where(and(eq(auditLog.orgId, t.orgs.b), eq(auditLog.action, 'directory.import')));
    expect(logged.details).toMatchObject({ created: 4, skipped: 1, problems: 0 });

    const second = await importer.post('/api/v1/directory/import?dryRun=false', exported);
    expect(second.json()).toMatchObject({ created: 0, skipped: 5 });
    expect(await providerCount(t.orgs.b)).toBe(before + 4);
  });

  it('takes a directory-sized file: past the app-wide 256 KB body limit, up to its own 5 MB', async () => {
    const importer = await t.as('affiliate_admin', 'b');
    const one = (exported as { contents: Record<string, unknown>[] }).contents[0];
    const many = { ...(exported as object), contents: Array.from({ length: 150 }, (_, i) => ({ ...one, id: crypto.randomUUID(), name: `${String(one.name)} ${i}` })) };
    const size = Buffer.byteLength(JSON.stringify(many));
    expect(size).toBeGreaterThan(256 * 1024);
    const dry = await importer.post('/api/v1/directory/import', many);
    expect(dry.statusCode, dry.body.slice(0, 300)).toBe(200);
    const tooBig = await importer.request({ method: 'POST', url: '/api/v1/directory/import', payload: JSON.stringify({ contents: [], pad: 'x'.repeat(6 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
    expect(tooBig.statusCode).toBe(413);
  });

  it('answers a document that is not JSON or not an object with 400, and lists the problems of one it cannot read, writing nothing', async () => {
    const importer = await t.as('coordinator', 'b');
    const before = await providerCount(t.orgs.b);
    const notJson = await importer.request({ method: 'POST', url: '/api/v1/directory/import?dryRun=false', payload: '{"contents": [', headers: { 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('bad_json');
    const notAnObject = await importer.request({ method: 'POST', url: '/api/v1/directory/import?dryRun=false', payload: '"hsds"', headers: { 'content-type': 'application/json' } });
    expect(notAnObject.statusCode).toBe(400);

    const unreadable = await importer.post('/api/v1/directory/import?dryRun=false', { contents: 'everyone' });
    expect(unreadable.statusCode).toBe(200);
    expect(unreadable.json()).toMatchObject({ created: 0, skipped: 0, providers: [], problems: [{ path: '/contents', code: 'not_an_array' }] });
    const nameless = await importer.post('/api/v1/directory/import?dryRun=false', [{ status: 'active', languages: [{ code: 'ko' }], service_areas: [{ name: 'Texas' }] }]);
    expect(nameless.json()).toMatchObject({ created: 0, problems: [{ path: '/0', code: 'missing_name' }] });
    expect(await providerCount(t.orgs.b)).toBe(before);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.orgId, t.orgs.b), eq(auditLog.action, 'directory.import')))).toHaveLength(1); // the first real run only
  });

  it('never sends an export that fails the published schemas: 500 and nothing of the directory', async () => {
    // A row the API would never accept (its website is not a URL), written straight to the table.
    const [bad] = await db()
      .insert(providers)
      .values({ orgId: t.orgs.a, kind: 'attorney', name: 'Broken Website', languages: ['en'], practiceAreas: ['other'], states: ['IL'], website: 'not a url' })
      .returning();
    try {
      const res = await (await t.as('coordinator', 'a')).get('/api/v1/directory/export');
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('hsds_export_invalid');
      expect(res.body).not.toContain('Jiyeon');
    } finally {
      await db().delete(providers).where(eq(providers.id, bad.id));
    }
  });
});
