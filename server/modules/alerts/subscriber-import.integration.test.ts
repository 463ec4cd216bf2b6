import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { consentEvents, people } from '../people/index.ts';
import { alertImports, alertSubscribers } from './alerts.table.ts';

/**
 * Subscriber CSV imports through the real app: UTF-8 and EUC-KR Korean names, bad rows by
 * line, duplicates in the file and against people already known, nothing written before
 * confirm, one confirm only, other affiliates and roles refused.
 */
let t: TestApp;
let organizer: Client;
const ATTESTATION = 'They signed our paper sign-up form at the Chicago clinic on 2025-10-04.';
const db = () => t.deps.database.db;

const upload = (c: Client, body: Buffer | string, attestation = ATTESTATION, lang = 'en') =>
  c.request({ method: 'POST', url: `/api/v1/alerts/imports?attestation=${encodeURIComponent(attestation)}`, payload: body, headers: { 'content-type': 'text/csv', 'x-haven-lang': lang } });
const personBy = async (phone: string) => (await db().select().from(people).where(eq(people.phoneE164, phone)))[0];

// Korean Excel's "CSV": EUC-KR. Korean headers; 김서연 and 박지훈 (bytes written by Python's euc-kr codec).
const EUC_KR_CSV = Buffer.from(
  'c0ccb8a72cc0fcc8adb9f8c8a32cc0ccb8dec0cf2cbef0beee2cbfecc6edb9f8c8a32cc1d6c1a62cc5c2b1d70d0ab1e8bcadbfac2c3331322d3535352d333130312c2cc7d1b1b9beee2c36303630312c646163613b7470732cb1b3c8b80d0ab9dac1f6c8c62c3331322d3535352d333130322c6a69686f6f6e406578616d706c652e6f72672c6b6f2c36303631342c2c0d0a',
  'hex',
);

beforeAll(async () => {
  t = await startTestApp();
  organizer = await t.as('organizer', 'a');
});
afterAll(() => t?.close());

describe('subscriber import', () => {
  it('reads UTF-8 (with a BOM), reports bad rows by line, counts duplicates, and writes nothing before confirm', async () => {
    const csv = '\uFEFFname,phone,email,language,zip,topics,tags\n'
      + '이민호,312-555-3001,minho@example.org,ko,60601,daca;enforcement,church\n' // line 2
      + 'Ana López,312-555-3002,,Spanish,60614-1234,tps,\n' // 3
      + 'Bad Phone,12,,en,60601,,\n' // 4
      + 'No Contact,,,en,60601,,\n' // 5
      + 'Minho again,(312) 555-3001,,ko,60601,,\n' // 6: same phone as line 2
      + 'Bad Topic,312-555-3003,,en,60601,weather,\n' // 7
      + '"Kim, Minjun",312-555-0101,,ko,60601,daca,\n' // 8: known to affiliate A (the harness seeds him)
      + 'Bad Zip,312-555-3004,,xx,6060,,\n'; // 9: two errors on one line
    const res = await upload(organizer, csv, ATTESTATION, 'ko');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ encoding: 'utf-8', rows: 8, valid: 3, duplicatesInFile: 1, alreadyKnown: 1 });
    expect(p.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code])).toEqual([
      [4, 'phone', 'invalid_phone'], [5, 'phone', 'contact_required'], [7, 'topics', 'import_unknown_topic'], [9, 'language', 'import_unknown_language'], [9, 'zip', 'invalid_zip'],
    ]);
    expect(p.errors[2].message).toContain('알림 주제'); // translated into the reader's language
    expect(p.sample.map((s: { line: number; name: string }) => [s.line, s.name])).toEqual([[2, '이민호'], [3, 'Ana López'], [8, 'Kim, Minjun']]);
    expect(p.sample[1]).toMatchObject({ phone: '+13125553002', lang: 'es', zip: '60614' });

    // Nothing imported yet; the rows are sealed at rest.
    expect(await personBy('+13125553001')).toBeUndefined();
    expect(await db().select().from(consentEvents).where(inArray(consentEvents.address, ['+13125553001', '+13125550101']))).toHaveLength(0);
    const [row] = await db().select().from(alertImports).where(eq(alertImports.id, p.importId));
    expect(row).toMatchObject({ status: 'previewed', rowCount: 3, attestation: ATTESTATION });
    expect(row.rowsEnc).not.toContain('3125553001');

    const confirm = await organizer.post(`/api/v1/alerts/imports/${p.importId}/confirm`);
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toEqual({ created: 2, updated: 1, consentRecorded: 4 });
    const minho = await personBy('+13125553001');
    expect(minho).toMatchObject({ orgId: t.orgs.a, givenName: '이민호', nameKo: '이민호', email: 'minho@example.org', preferredLanguage: 'ko', state: 'IL' });
    const [sub] = await db().select().from(alertSubscribers).where(eq(alertSubscribers.personId, minho.id));
    expect(sub).toMatchObject({ topics: ['daca', 'enforcement'], tags: ['church'], source: 'import' });
    const events = await db().select().from(consentEvents).where(eq(consentEvents.personId, minho.id));
    expect(events.map((e) => e.channel).sort()).toEqual(['email', 'sms']);
    expect(events[0]).toMatchObject({ status: 'opted_in', evidenceKind: 'import', scope: 'affiliate', topic: 'all' });
    expect(events[0].evidence).toMatchObject({ importId: p.importId, attestation: ATTESTATION, line: 2 });
    // The known person was updated, not duplicated.
    expect(await db().select().from(people).where(and(eq(people.orgId, t.orgs.a), eq(people.phoneE164, '+13125550101')))).toHaveLength(1);

    // A second confirm (a double click) is a 409 and writes nothing twice.
    const again = await organizer.post(`/api/v1/alerts/imports/${p.importId}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('import_already_confirmed');
    expect(await db().select().from(consentEvents).where(eq(consentEvents.personId, minho.id))).toHaveLength(2);
    expect(await db().select().from(people).where(eq(people.phoneE164, '+13125553001'))).toHaveLength(1);
  });

  it('reads EUC-KR with Korean headers and names', async () => {
    const res = await upload(organizer, EUC_KR_CSV);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ encoding: 'euc-kr', rows: 2, valid: 2, errors: [] });
    expect(p.sample.map((s: { name: string }) => s.name)).toEqual(['김서연', '박지훈']);
    expect((await organizer.post(`/api/v1/alerts/imports/${p.importId}/confirm`)).json()).toEqual({ created: 2, updated: 0, consentRecorded: 3 });
    const seoyeon = await personBy('+13125553101');
    expect(seoyeon).toMatchObject({ givenName: '김서연', preferredLanguage: 'ko' });
    // The legal network's conflict check finds imported people too (keys written with the row, not by a later backfill).
    expect(seoyeon.conflictKeys.length).toBeGreaterThan(0);
    const [sub] = await db().select().from(alertSubscribers).where(eq(alertSubscribers.personId, seoyeon.id));
    expect(sub).toMatchObject({ topics: ['daca', 'tps'], tags: ['교회'] });
    // Searchable in Hangul and romanized, like anyone else.
    const found = (await organizer.get(`/api/v1/people?q=${encodeURIComponent('김서연')}`)).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(seoyeon.id);
  });

  it('refuses a file in neither encoding, an empty one, one without contact columns, a short attestation, and an oversize file', async () => {
    const latin1 = Buffer.concat([Buffer.from('name,phone\n'), Buffer.from([0xff, 0xfe, 0x80, 0x81]), Buffer.from(',312-555-3201\n')]);
    const cases: [Buffer | string, string, number, string][] = [
      [latin1, ATTESTATION, 400, 'import_encoding_unknown'],
      [' ', ATTESTATION, 400, 'import_empty'],
      ['name,city\nAna,Chicago\n', ATTESTATION, 400, 'import_no_contact_column'],
      ['phone\n"312-555-3202\n', ATTESTATION, 400, 'import_csv_malformed'],
      ['phone\n312-555-3203\n', 'we have it', 400, 'validation'],
    ];
    for (const [body, attestation, status, code] of cases) {
      const res = await upload(organizer, body, attestation);
      expect([res.statusCode, res.json().error?.code], code).toEqual([status, code]);
    }
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'a');
    const res = await upload(organizer, big);
    expect(res.statusCode).toBe(413);
    expect(await db().select().from(alertImports).where(eq(alertImports.attestation, 'we have it'))).toHaveLength(0);
  });

  it('does not opt back in an address that said STOP; discards; another affiliate and other roles are refused', async () => {
    await db().insert(consentEvents).values({ orgId: t.orgs.a, address: '+13125553301', channel: 'sms', scope: 'affiliate', status: 'opted_out', evidenceKind: 'keyword', evidence: {} });
    const p = (await upload(organizer, 'phone,name\n312-555-3301,Stopped\n312-555-3302,Fine\n')).json();

    // Another affiliate cannot see, confirm or discard it; a role without alerts.subscribers is refused.
    const otherOrg = await t.as('organizer', 'b');
    expect((await otherOrg.post(`/api/v1/alerts/imports/${p.importId}/confirm`)).statusCode).toBe(404);
    expect((await otherOrg.post(`/api/v1/alerts/imports/${p.importId}/discard`)).statusCode).toBe(404);
    const volunteer = await t.as('volunteer', 'a');
    expect((await volunteer.post(`/api/v1/alerts/imports/${p.importId}/confirm`)).statusCode).toBe(403);
    expect((await upload(volunteer, 'phone\n312-555-3303\n')).statusCode).toBe(403);
    expect(await personBy('+13125553302')).toBeUndefined();

    expect((await organizer.post(`/api/v1/alerts/imports/${p.importId}/confirm`)).json()).toEqual({ created: 2, updated: 0, consentRecorded: 1 });
    const stopped = await db().select().from(consentEvents).where(eq(consentEvents.address, '+13125553301'));
    expect(stopped.map((e) => e.status)).toEqual(['opted_out']);

    const q = (await upload(organizer, 'phone\n312-555-3304\n')).json();
    expect((await organizer.post(`/api/v1/alerts/imports/${q.importId}/discard`)).json()).toEqual({ ok: true });
    const discarded = await organizer.post(`/api/v1/alerts/imports/${q.importId}/confirm`);
    expect([discarded.statusCode, discarded.json().error.code]).toEqual([409, 'import_discarded']);
    expect(await personBy('+13125553304')).toBeUndefined();
    expect((await organizer.post(`/api/v1/alerts/imports/00000000-0000-4000-8000-000000000000/confirm`)).statusCode).toBe(404);
  });

  it('lists subscribers with counts by language and topic, contacts masked, filters applied', async () => {
    const res = await organizer.get('/api/v1/alerts/subscribers');
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.total).toBeGreaterThanOrEqual(6);
    expect(list.byLanguage.find((l: { lang: string }) => l.lang === 'ko').count).toBeGreaterThanOrEqual(3);
    expect(list.byTopic.find((x: { topic: string }) => x.topic === 'daca').count).toBeGreaterThanOrEqual(3);
    expect(res.body).not.toContain('3125553001');
    expect(res.body).not.toContain('minho@example.org');
    const minho = list.items.find((i: { name: string }) => i.name === '이민호');
    expect(minho).toMatchObject({ phone: '•••-•••-3001', email: 'm•••@example.org', consent: 'opted_in', lang: 'ko' });
    const ko = (await organizer.get('/api/v1/alerts/subscribers?lang=ko&topic=tps')).json();
    expect(ko.items.every((i: { lang: string; topics: string[] }) => i.lang === 'ko' && i.topics.includes('tps'))).toBe(true);
    expect(ko.total).toBe(2); // 김서연 chose tps; 박지훈 left topics blank, which is every topic
    const byPhone = (await organizer.get('/api/v1/alerts/subscribers?q=312-555-3002')).json();
    expect(byPhone.items.map((i: { name: string }) => i.name)).toEqual(['Ana López']);
    expect((await organizer.get('/api/v1/alerts/subscribers?topic=weather')).statusCode).toBe(400);
    // Affiliate B sees none of A's.
    const b = (await (await t.as('organizer', 'b')).get('/api/v1/alerts/subscribers')).json();
    expect(b.total).toBe(0);
  });
  it('takes a county column, which the alert audience can then filter on', async () => {
    const csv = 'name,phone,language,zip,county\nAna Ruiz,312-555-3391,es,60608,Cook County\nBo Kim,312-555-3392,ko,60007,\n';
    const res = await upload(organizer, csv);
    expect(res.statusCode, res.body).toBe(200);
    expect((await organizer.post(`/api/v1/alerts/imports/${res.json().importId}/confirm`)).statusCode).toBe(200);
    const ana = await personBy('+13125553391');
    const bo = await personBy('+13125553392');
    const subs = await db().select().from(alertSubscribers).where(inArray(alertSubscribers.personId, [ana.id, bo.id]));
    expect(Object.fromEntries(subs.map((s) => [s.personId === ana.id ? 'ana' : 'bo', s.county]))).toEqual({ ana: 'Cook', bo: null });
    const alert = (await organizer.post('/api/v1/alerts', { title: 'Cook only', topic: 'daca', sourceLang: 'en', version: { smsBody: 'Cook County clinic' } })).json();
    const preview = await organizer.post(`/api/v1/alerts/${alert.id}/preview`, { audience: { counties: ['cook'] } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().recipients).toBe(1);
  });
});
