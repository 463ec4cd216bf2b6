import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const ids = (res: { json(): any }) => res.json().items.map((p: any) => `${p.familyName} ${p.givenName}`);

describe('people', () => {
  it('creates a person with a Hangul name and finds them by romanized spellings and phone formats', async () => {
    const c = await t.as('coordinator');
    const res = await c.post('/api/v1/people', {
      givenName: '서연', familyName: '이', nameKo: '이서연', preferredLanguage: 'ko', phone: '(773) 555-0199', zip: '60625', state: 'il',
    });
    expect(res.statusCode).toBe(201);
    const person = res.json();
    expect(person.phone).toBe('+17735550199');
    expect(person.state).toBe('IL');
    for (const q of ['Lee', 'Yi', 'Rhee', '이', '이서연', 'Lee Seoyeon', 'seoyun', 'Seo Yeon', '773-555-0199', '7735550199', '+1 773 555 0199', '555-0199'] ) {
      const found = await c.get(`/api/v1/people?q=${encodeURIComponent(q)}`);
      expect(found.statusCode, q).toBe(200);
      expect(found.json().items.map((p: any) => p.id), q).toContain(person.id);
    }
    const kim = await c.get(`/api/v1/people?q=${encodeURIComponent('Gim')}`);
    expect(ids(kim)).toEqual(['Kim Minjun']);
    const none = await c.get(`/api/v1/people?q=Park`);
    expect(none.json().total).toBe(0);
  });

  it('filters by language and state', async () => {
    const c = await t.as('coordinator');
    const es = await c.get('/api/v1/people?language=es');
    expect(ids(es)).toEqual(['Martínez Lucía']);
    const bad = await c.get('/api/v1/people?language=fr');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('language');
  });

  it('shows sensitive fields only to roles allowed to read them, and audits every read', async () => {
    const coord = await t.as('coordinator');
    const vol = await t.as('volunteer');
    const list = await coord.get('/api/v1/people?q=Kim');
    const id = list.json().items[0].id;
    const full = await coord.get(`/api/v1/people/${id}`);
    expect(full.json().sensitive).toEqual({ dateOfBirth: '1994-03-02', immigrationStatus: 'DACA', aNumber: 'A123456789' });
    const limited = await vol.get(`/api/v1/people/${id}`);
    expect(limited.statusCode).toBe(200);
    expect(limited.json().sensitive).toBeNull();
    const admin = await t.as('affiliate_admin');
    const audit = await admin.get(`/api/v1/audit?entityType=person&entityId=${id}&action=person.read`);
    expect(audit.json().items.map((e: any) => [e.actorLabel, e.details.sensitive])).toEqual([
      ['volunteer@a.test', false],
      ['coordinator@a.test', true],
    ]);
  });

  it('refuses a volunteer who tries to write a sensitive field, writing nothing', async () => {
    const vol = await t.as('volunteer');
    const res = await vol.post('/api/v1/people', { givenName: 'Test', preferredLanguage: 'en', immigrationStatus: 'x' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.field).toBe('immigrationStatus');
    const found = await vol.get('/api/v1/people?q=Test');
    expect(found.json().total).toBe(0);
  });

  it("answers 404 for another affiliate's person, in the API and in search", async () => {
    const b = await t.as('coordinator', 'b');
    const a = await t.as('coordinator', 'a');
    const idInA = (await a.get('/api/v1/people?q=Kim')).json().items[0].id;
    expect((await b.get(`/api/v1/people/${idInA}`)).statusCode).toBe(404);
    expect((await b.patch(`/api/v1/people/${idInA}`, { version: 1, givenName: 'X' })).statusCode).toBe(404);
    expect((await b.get(`/api/v1/people/${idInA}/consents`)).statusCode).toBe(404);
    const bKims = (await b.get('/api/v1/people?q=Kim')).json().items.map((p: any) => p.id);
    expect(bKims).not.toContain(idInA);
  });

  it('refuses stale edits with 409 and keeps the newer data', async () => {
    const c = await t.as('coordinator');
    const p = (await c.post('/api/v1/people', { givenName: 'Ana', familyName: 'López', preferredLanguage: 'es' })).json();
    const first = await c.patch(`/api/v1/people/${p.id}`, { version: p.version, zip: '60640' });
    expect(first.statusCode).toBe(200);
    const stale = await c.patch(`/api/v1/people/${p.id}`, { version: p.version, zip: '99999' }, { 'x-haven-lang': 'es' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/Otra persona/);
    expect((await c.get(`/api/v1/people/${p.id}`)).json().zip).toBe('60640');
  });

  it('merges a duplicate: fills empty fields, keeps other names, marks the duplicate merged', async () => {
    const c = await t.as('coordinator');
    const keep = (await c.post('/api/v1/people', { givenName: 'Jihoon', familyName: 'Park', preferredLanguage: 'ko' })).json();
    const dup = (await c.post('/api/v1/people', { givenName: 'Jason', familyName: 'Pak', nameKo: '박지훈', preferredLanguage: 'ko', phone: '312 555 0777', dateOfBirth: '1990-01-01' })).json();
    const merged = await c.post(`/api/v1/people/${keep.id}/merge`, { duplicateId: dup.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ nameKo: '박지훈', phone: '+13125550777', otherNames: 'Jason Pak', sensitive: { dateOfBirth: '1990-01-01' } });
    expect((await c.get(`/api/v1/people/${dup.id}`)).json().mergedIntoId).toBe(keep.id);
    const found = (await c.get('/api/v1/people?q=Jason')).json().items.map((p: any) => p.id);
    expect(found).toEqual([keep.id]);
    const again = await c.post(`/api/v1/people/${keep.id}/merge`, { duplicateId: dup.id });
    expect(again.statusCode).toBe(409);
    const self = await c.post(`/api/v1/people/${keep.id}/merge`, { duplicateId: keep.id });
    expect(self.statusCode).toBe(400);
    const vol = await t.as('volunteer');
    expect((await vol.post(`/api/v1/people/${keep.id}/merge`, { duplicateId: dup.id })).statusCode).toBe(404);
  });

  it('rejects bad input with a translated message naming the field, and writes nothing', async () => {
    const c = await t.as('coordinator');
    const before = (await c.get('/api/v1/people?limit=200')).json().total;
    const cases: [unknown, string, number][] = [
      [{ preferredLanguage: 'ko' }, 'givenName', 400],
      [{ givenName: 'A', preferredLanguage: 'xx' }, 'preferredLanguage', 400],
      [{ givenName: 'A', preferredLanguage: 'en', phone: '12' }, 'phone', 400],
      [{ givenName: 'A', preferredLanguage: 'en', zip: 'abc' }, 'zip', 400],
      [{ givenName: 'A', preferredLanguage: 'en', dateOfBirth: '1990-13-45' }, 'dateOfBirth', 400],
      [{ givenName: 123, preferredLanguage: 'en' }, 'givenName', 400],
    ];
    for (const [body, field, status] of cases) {
      const res = await c.post('/api/v1/people', body, { 'x-haven-lang': 'ko' });
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.field).toBe(field);
      expect(res.json().error.message).toMatch(/확인해 주세요|전화할 수 있는 번호가 아닙니다/);
    }
    const malformed = await c.request({ method: 'POST', url: '/api/v1/people', payload: '{"givenName":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('bad_json');
    const huge = await c.post('/api/v1/people', { givenName: 'x'.repeat(300_000), preferredLanguage: 'en' });
    expect(huge.statusCode).toBe(413);
    const notUuid = await c.get('/api/v1/people/not-a-uuid');
    expect(notUuid.statusCode).toBe(400);
    const unknown = await c.get('/api/v1/people/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect((await c.get('/api/v1/people?limit=200')).json().total).toBe(before);
  });
});
