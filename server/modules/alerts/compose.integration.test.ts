import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { isWithinSendWindow } from '../messaging/quiet-hours.ts';
import { alerts, alertVersions } from './alerts.table.ts';
import { addSubscriber } from './compose.test-helpers.ts';

/**
 * Composing alerts through the real app: a double-clicked create makes one alert, edits only
 * in draft and never over someone else's save, versions and their review, bad input refused
 * naming the field with nothing written, the preview's figures (language fallback, UCS-2 and
 * its GSM-safe variant, the Korean length warning, cost, pacing, quiet hours), and the wall
 * between affiliates.
 */
let t: TestApp;
let organizer: Client;
let coordinator: Client;
const db = () => t.deps.database.db;
const KOREAN_LONG = '이민 정책 변경 안내: '.repeat(12); // 3 UCS-2 segments
const SPANISH = 'Cambio de política: la renovación de DACA sigue abierta. Llame a la línea de ayuda.';
const ENGLISH = 'Policy change: DACA renewals remain open. Call the hotline for help.';

const newAlert = async (c: Client, extra: Record<string, unknown> = {}) => {
  const res = await c.post('/api/v1/alerts', { title: 'DACA update', topic: 'daca', sourceLang: 'en', version: { smsBody: ENGLISH }, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

beforeAll(async () => {
  t = await startTestApp();
  organizer = await t.as('organizer', 'a');
  coordinator = await t.as('coordinator', 'a');
  const admin = await t.as('affiliate_admin', 'a');
  expect((await admin.post('/api/v1/messaging/senders', { label: 'Alerts', phone: '(773) 555-0690', segmentsPerSecond: 10 })).statusCode).toBe(201);
  await addSubscriber(t, 'a', { phone: '773-555-0601', lang: 'ko', state: 'IL' });
  await addSubscriber(t, 'a', { phone: '773-555-0602', email: 'lucia.alerts@example.org', lang: 'es', state: 'IL' });
  await addSubscriber(t, 'a', { phone: '773-555-0603', lang: 'en', state: 'CA', zip: '94110' });
  await addSubscriber(t, 'a', { phone: '773-555-0604', lang: 'es' });
  // B's member: never in A's audience.
  await addSubscriber(t, 'b', { phone: '773-555-0611', lang: 'ko', state: 'NY' });
});
afterAll(() => t?.close());

describe('creating an alert', () => {
  it('makes one alert from a double click, with its source text', async () => {
    const body = { title: 'Double', topic: 'daca', sourceLang: 'en', version: { smsBody: ENGLISH }, requestId: 'req-double-click-1' };
    const [one, two] = await Promise.all([organizer.post('/api/v1/alerts', body), organizer.post('/api/v1/alerts', body)]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 201]);
    expect(one.json().id).toBe(two.json().id);
    expect(one.json()).toMatchObject({ status: 'draft', kind: 'alert', langs: ['en'], version: 1, approvalBlockedReason: 'not_in_review' });
    expect(one.json().versions[0]).toMatchObject({ lang: 'en', smsBody: ENGLISH, status: 'draft', reviewedBy: null });
    expect(await db().select().from(alerts).where(eq(alerts.requestId, 'req-double-click-1'))).toHaveLength(1);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.action, 'alert.create'), eq(auditLog.entityId, one.json().id)));
    expect(audits).toHaveLength(1);
    // Another request id is another alert.
    const other = await organizer.post('/api/v1/alerts', { ...body, requestId: 'req-double-click-2' });
    expect(other.statusCode).toBe(201);
    expect(other.json().id).not.toBe(one.json().id);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await db().select().from(alerts).where(eq(alerts.orgId, t.orgs.a))).length;
    const cases: [unknown, string][] = [
      [{ title: '', topic: 'daca', sourceLang: 'en' }, 'title'],
      [{ title: 'x', topic: 'weather', sourceLang: 'en' }, 'topic'],
      [{ title: 'x', topic: 'daca', sourceLang: 'fr' }, 'sourceLang'],
      [{ title: 'x', topic: 'daca', sourceLang: 'en', version: { smsBody: 'a'.repeat(1001) } }, 'version.smsBody'],
      [{ title: 'x', topic: 'daca', sourceLang: 'en', version: { emailBody: 'a'.repeat(20_001) } }, 'version.emailBody'],
      [{ title: 'x', topic: 'daca', sourceLang: 'en', audience: { channels: [] } }, 'audience.channels'],
      [{ title: 'x', topic: 'daca', sourceLang: 'en', audience: { zips: ['6061'] } }, 'audience.zips.0'],
    ];
    for (const [body, field] of cases) {
      const res = await organizer.post('/api/v1/alerts', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation', field });
    }
    // Another affiliate in the audience: refused by name, in the caller's language.
    const other = await organizer.post('/api/v1/alerts', { title: 'x', topic: 'daca', sourceLang: 'en', audience: { orgIds: [t.orgs.b] } }, { 'accept-language': 'ko' });
    expect(other.statusCode).toBe(400);
    expect(other.json().error).toMatchObject({ code: 'audience_org', field: 'audience.orgIds' });
    expect(other.json().error.message).toContain('단체');
    const malformed = await organizer.request({ method: 'POST', url: '/api/v1/alerts', payload: '{"title":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect((await db().select().from(alerts).where(eq(alerts.orgId, t.orgs.a))).length).toBe(before);
  });
});

describe('editing a draft', () => {
  it('checks the version the editor saw, and edits only in draft', async () => {
    const a = await newAlert(organizer);
    const first = await organizer.patch(`/api/v1/alerts/${a.id}`, { title: 'DACA renewals', emergency: true, expectedVersion: a.version });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ title: 'DACA renewals', emergency: true, version: a.version + 1 });
    const stale = await coordinator.patch(`/api/v1/alerts/${a.id}`, { title: 'Overwritten', expectedVersion: a.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'stale_version', field: 'expectedVersion' });
    expect((await organizer.get(`/api/v1/alerts/${a.id}`)).json().title).toBe('DACA renewals');

    const past = await organizer.patch(`/api/v1/alerts/${a.id}`, { scheduledAt: '2020-01-01T00:00:00Z', expectedVersion: a.version + 1 });
    expect(past.json().error).toMatchObject({ code: 'scheduled_in_past', field: 'scheduledAt' });
    const wrongOrg = await organizer.patch(`/api/v1/alerts/${a.id}`, { audience: { orgIds: [t.orgs.net] }, expectedVersion: a.version + 1 });
    expect(wrongOrg.json().error).toMatchObject({ code: 'audience_org', field: 'audience.orgIds' });
    const noVersion = await organizer.patch(`/api/v1/alerts/${a.id}`, { title: 'x' });
    expect(noVersion.json().error).toMatchObject({ code: 'validation', field: 'expectedVersion' });

    const submitted = await organizer.post(`/api/v1/alerts/${a.id}/submit`, { expectedVersion: a.version + 1 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'in_review' });
    expect(submitted.json().versions[0].status).toBe('needs_review');
    const frozen = await organizer.patch(`/api/v1/alerts/${a.id}`, { title: 'Late edit', expectedVersion: submitted.json().version });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('alert_wrong_status');
    const frozenText = await organizer.put(`/api/v1/alerts/${a.id}/versions/en`, { smsBody: 'Late edit' });
    expect(frozenText.statusCode).toBe(409);
    expect(frozenText.json().error.code).toBe('alert_wrong_status');
    // A second submit is a wrong move, not a second review round.
    const again = await organizer.post(`/api/v1/alerts/${a.id}/submit`, { expectedVersion: submitted.json().version });
    expect(again.json().error.code).toBe('alert_wrong_status');

    const back = await organizer.post(`/api/v1/alerts/${a.id}/return-to-draft`, { expectedVersion: submitted.json().version });
    expect(back.statusCode).toBe(200);
    expect(back.json().status).toBe('draft');
    expect((await organizer.patch(`/api/v1/alerts/${a.id}`, { title: 'Editable again', expectedVersion: back.json().version })).statusCode).toBe(200);
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, a.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['alert.create', 'alert.update', 'alert.submit', 'alert.return_to_draft']));
  });
});

describe('versions and review', () => {
  it('writes each language, reviews it with the reviewer recorded, and an edit sends it back to draft', async () => {
    const a = await newAlert(organizer);
    const es = await organizer.put(`/api/v1/alerts/${a.id}/versions/es`, { smsBody: SPANISH, emailSubject: 'DACA', emailBody: SPANISH });
    expect(es.statusCode, es.body).toBe(200);
    expect(es.json().langs).toEqual(['en', 'es']);
    let version = es.json().version;

    const ask = await organizer.post(`/api/v1/alerts/${a.id}/versions/es/review`, { status: 'needs_review', expectedVersion: version });
    expect(ask.statusCode).toBe(200);
    version = ask.json().version;
    // An organizer writes alerts but does not approve them, translations included.
    const notAllowed = await organizer.post(`/api/v1/alerts/${a.id}/versions/es/review`, { status: 'approved', expectedVersion: version });
    expect(notAllowed.statusCode).toBe(403);
    const ok = await coordinator.post(`/api/v1/alerts/${a.id}/versions/es/review`, { status: 'approved', expectedVersion: version });
    expect(ok.statusCode, ok.body).toBe(200);
    const esVersion = ok.json().versions.find((v: { lang: string }) => v.lang === 'es');
    expect(esVersion).toMatchObject({ status: 'approved', reviewedBy: { name: 'coordinator a' } });
    expect(esVersion.reviewedAt).toBeTruthy();
    const staleReview = await coordinator.post(`/api/v1/alerts/${a.id}/versions/en/review`, { status: 'approved', expectedVersion: version });
    expect(staleReview.json().error.code).toBe('stale_version');

    const edited = await organizer.put(`/api/v1/alerts/${a.id}/versions/es`, { smsBody: `${SPANISH} Gracias.` });
    expect(edited.json().versions.find((v: { lang: string }) => v.lang === 'es')).toMatchObject({ status: 'draft', reviewedBy: null, emailBody: '' });

    const missing = await coordinator.post(`/api/v1/alerts/${a.id}/versions/ko/review`, { status: 'approved', expectedVersion: edited.json().version });
    expect(missing.statusCode).toBe(404);
    const badLang = await organizer.put(`/api/v1/alerts/${a.id}/versions/fr`, { smsBody: 'Bonjour' });
    expect(badLang.json().error).toMatchObject({ code: 'validation', field: 'lang' });
    const tooLong = await organizer.put(`/api/v1/alerts/${a.id}/versions/ko`, { smsBody: '가'.repeat(1001) });
    expect(tooLong.json().error).toMatchObject({ code: 'validation', field: 'smsBody' });
    const badStatus = await coordinator.post(`/api/v1/alerts/${a.id}/versions/es/review`, { status: 'published', expectedVersion: edited.json().version });
    expect(badStatus.json().error).toMatchObject({ code: 'validation', field: 'status' });
    expect(await db().select().from(alertVersions).where(and(eq(alertVersions.alertId, a.id), eq(alertVersions.lang, 'ko')))).toHaveLength(0);
    const reviews = await db().select().from(auditLog).where(and(eq(auditLog.entityId, a.id), like(auditLog.action, 'alert.%')));
    expect(reviews.filter((r) => r.action === 'alert.review')).toHaveLength(2);
    expect(reviews.filter((r) => r.action === 'alert.version')).toHaveLength(2);
  });

  it('submits only with every text the channels need and an audience that reaches somebody', async () => {
    const a = await newAlert(organizer, { audience: { channels: ['sms', 'email'] } });
    const noEmail = await organizer.post(`/api/v1/alerts/${a.id}/submit`, { expectedVersion: a.version });
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json().error).toMatchObject({ code: 'alert_body_empty', field: 'versions.en.emailSubject' });
    const en = await organizer.put(`/api/v1/alerts/${a.id}/versions/en`, { smsBody: ENGLISH, emailSubject: 'DACA', emailBody: ENGLISH });
    const es = await organizer.put(`/api/v1/alerts/${a.id}/versions/es`, { smsBody: '', emailSubject: 'DACA', emailBody: SPANISH });
    expect([en.statusCode, es.statusCode]).toEqual([200, 200]);
    const noSms = await organizer.post(`/api/v1/alerts/${a.id}/submit`, { expectedVersion: es.json().version });
    expect(noSms.json().error).toMatchObject({ code: 'alert_body_empty', field: 'versions.es.smsBody' });

    const nobody = await newAlert(organizer, { audience: { zips: ['99999'] } });
    const empty = await organizer.post(`/api/v1/alerts/${nobody.id}/submit`, { expectedVersion: nobody.version });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: 'audience_empty', field: 'audience' });
    expect((await organizer.get(`/api/v1/alerts/${nobody.id}`)).json().status).toBe('draft');

    const noSource = await organizer.post('/api/v1/alerts', { title: 'No source', topic: 'daca', sourceLang: 'ko' });
    await organizer.put(`/api/v1/alerts/${noSource.json().id}/versions/en`, { smsBody: ENGLISH });
    const refused = await organizer.post(`/api/v1/alerts/${noSource.json().id}/submit`, { expectedVersion: 2 });
    expect(refused.json().error).toMatchObject({ code: 'alert_source_missing', field: 'versions.ko' });
  });
});

describe('the preview', () => {
  it('counts recipients per language after fallback, and prices each text', async () => {
    const a = await newAlert(organizer);
    await organizer.put(`/api/v1/alerts/${a.id}/versions/es`, { smsBody: SPANISH, emailSubject: 'DACA', emailBody: SPANISH });
    const res = await organizer.post(`/api/v1/alerts/${a.id}/preview`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    // No Korean version: the Korean member gets the English (source) text.
    expect(p.recipients).toBe(4);
    expect(p.byChannel).toEqual({ sms: 4, email: 0 });
    const en = p.byLanguage.find((l: { lang: string }) => l.lang === 'en');
    const es = p.byLanguage.find((l: { lang: string }) => l.lang === 'es');
    expect(p.byLanguage.map((l: { lang: string }) => l.lang)).toEqual(['en', 'es']);
    expect(en).toMatchObject({ recipients: 2, encoding: 'GSM-7', segments: 1, ucs2Characters: [], gsmSafeVariant: null, tooLongWarning: false });
    expect(es).toMatchObject({ recipients: 2, encoding: 'UCS-2', segments: 2, tooLongWarning: false, emails: 0 });
    expect(es.ucs2Characters).toEqual(expect.arrayContaining(['í', 'ó']));
    expect(es.gsmSafeVariant).toBe('Cambio de politica: la renovacion de DACA sigue abierta. Llame a la linea de ayuda.');
    expect(es.charsLeftInSegment).toBe(2 * 67 - SPANISH.length);
    expect(p.currency).toBe('USD');
    expect(p.costTotal).toBeCloseTo((2 * 1 + 2 * 2) * 0.0083, 4);
    // 6 segments at the default sender's 10 per second.
    expect(p.sendSeconds).toBe(1);
    expect(p.needsTwoPeople).toBe(false);
    const now = new Date();
    const closed = (state: string) => !isWithinSendWindow(now, { state });
    // IL: two members plus the one with no state (A serves IL); CA: one.
    expect(p.heldByQuietHours).toBe((closed('IL') ? 3 : 0) + (closed('CA') ? 1 : 0));
  });

  it('follows an unsaved audience: both languages, email, and the Korean length warning', async () => {
    const a = await newAlert(organizer);
    await organizer.put(`/api/v1/alerts/${a.id}/versions/es`, { smsBody: SPANISH, emailSubject: 'DACA', emailBody: SPANISH });
    await organizer.put(`/api/v1/alerts/${a.id}/versions/ko`, { smsBody: KOREAN_LONG });
    const both = (await organizer.post(`/api/v1/alerts/${a.id}/preview`, { audience: { channels: ['sms', 'email'], alsoSourceLang: true } })).json();
    const by = (lang: string) => both.byLanguage.find((l: { lang: string }) => l.lang === lang);
    expect(both.recipients).toBe(4);
    // Spanish speakers get Spanish and English; the Korean member gets Korean and English.
    expect(by('es')).toMatchObject({ recipients: 2, emails: 1 });
    expect(by('en')).toMatchObject({ recipients: 4, emails: 1 });
    expect(by('ko')).toMatchObject({ recipients: 1, encoding: 'UCS-2', segments: 3, tooLongWarning: true, gsmSafeVariant: null });
    expect(both.byChannel).toEqual({ sms: 7, email: 2 });

    const filtered = (await organizer.post(`/api/v1/alerts/${a.id}/preview`, { audience: { langs: ['es'], states: ['IL'] } })).json();
    expect(filtered.recipients).toBe(1);
    const nobody = (await organizer.post(`/api/v1/alerts/${a.id}/preview`, { audience: { zips: ['99999'] } })).json();
    expect(nobody).toMatchObject({ recipients: 0, costTotal: 0, sendSeconds: 0, heldByQuietHours: 0 });
    const wrongOrg = await organizer.post(`/api/v1/alerts/${a.id}/preview`, { audience: { orgIds: [t.orgs.b] } });
    expect(wrongOrg.json().error).toMatchObject({ code: 'audience_org', field: 'audience.orgIds' });
    const malformed = await organizer.post(`/api/v1/alerts/${a.id}/preview`, { audience: { channels: ['fax'] } });
    expect(malformed.json().error).toMatchObject({ code: 'validation', field: 'audience.channels.0' });
    // The saved alert did not change.
    expect((await organizer.get(`/api/v1/alerts/${a.id}`)).json().audience.channels).toEqual(['sms']);
  });
});

describe('the wall between affiliates', () => {
  it("gives another affiliate 404 on A's alert and leaves it out of their list", async () => {
    const a = await newAlert(organizer);
    const b = await t.as('coordinator', 'b');
    for (const res of [
      await b.get(`/api/v1/alerts/${a.id}`),
      await b.patch(`/api/v1/alerts/${a.id}`, { title: 'B was here', expectedVersion: a.version }),
      await b.put(`/api/v1/alerts/${a.id}/versions/ko`, { smsBody: '안녕하세요' }),
      await b.post(`/api/v1/alerts/${a.id}/versions/en/review`, { status: 'approved', expectedVersion: a.version }),
      await b.post(`/api/v1/alerts/${a.id}/preview`),
      await b.post(`/api/v1/alerts/${a.id}/submit`, { expectedVersion: a.version }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
    }
    const list = await b.get('/api/v1/alerts');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(a.id);
    expect((await organizer.get('/api/v1/alerts')).json().items.map((x: { id: string }) => x.id)).toContain(a.id);
    const [row] = await db().select().from(alerts).where(eq(alerts.id, a.id));
    expect(row).toMatchObject({ title: 'DACA update', version: 1 });
    // A volunteer does not write alerts at all.
    expect((await (await t.as('volunteer', 'a')).get(`/api/v1/alerts/${a.id}`)).statusCode).toBe(403);
  });
});
