import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { inboundMessages, messagingAccounts, outboundMessages, voiceCalls } from './messaging.table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = 'f00dfeedcafebabe0123456789abcd42';
const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);

describe('messaging provider settings', () => {
  it('stores the auth token encrypted, never returns it, and refuses stale or incomplete saves', async () => {
    const admin = await t.as('affiliate_admin', 'a');
    const first = await admin.get('/api/v1/messaging/account');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ provider: 'simulator', authTokenSet: false, version: 0 });
    expect(first.json().webhookUrls.sms).toMatch(/\/webhooks\/twilio\/sms$/);
    expect(first.json().webhookUrls.voice).toMatch(/\/webhooks\/twilio\/voice$/);
    expect(first.json().webhookUrls.status).toMatch(/\/webhooks\/twilio\/status$/);

    const noToken = await admin.put('/api/v1/messaging/account', { provider: 'twilio', accountSid: SID, version: 0 });
    expect(noToken.statusCode).toBe(400);
    expect(noToken.json().error).toMatchObject({ code: 'twilio_credentials_required', field: 'authToken' });
    const badSid = await admin.put('/api/v1/messaging/account', { provider: 'twilio', accountSid: 'AC123', authToken: TOKEN, version: 0 });
    expect(badSid.statusCode).toBe(400);
    expect(badSid.json().error.field).toBe('accountSid');

    const saved = await admin.put('/api/v1/messaging/account', { provider: 'twilio', accountSid: SID, authToken: TOKEN, version: 0 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ provider: 'twilio', accountSid: SID, authTokenSet: true, authTokenLast4: 'cd42', version: 1 });
    expect(saved.body).not.toContain(TOKEN);
    const again = await admin.get('/api/v1/messaging/account');
    expect(again.body).not.toContain(TOKEN);
    expect(again.json()).toMatchObject({ authTokenSet: true, authTokenLast4: 'cd42' });

    const [row] = await t.deps.database.db.select().from(messagingAccounts).where(eq(messagingAccounts.orgId, t.orgs.a));
    expect(row.authTokenEnc).toMatch(/^hv1\./);
    expect(row.authTokenEnc).not.toContain(TOKEN);
    expect(await t.deps.keyring.decrypt(t.deps.database.db, t.orgs.a, row.authTokenEnc!)).toBe(TOKEN);

    const stale = await admin.put('/api/v1/messaging/account', { provider: 'simulator', version: 0 });
    expect(stale.statusCode).toBe(409);
    // Switching back keeps the credentials for later; leaving the token out keeps it.
    const back = await admin.put('/api/v1/messaging/account', { provider: 'simulator', version: 1 });
    expect(back.json()).toMatchObject({ provider: 'simulator', authTokenSet: true, version: 2 });

    const audit = await admin.get('/api/v1/audit?action=messaging.account_update');
    expect(audit.json().items.length).toBe(2);
    expect(JSON.stringify(audit.json())).not.toContain(TOKEN);
  });

  it('is for admins only and each affiliate sees its own settings', async () => {
    for (const role of ['coordinator', 'responder', 'volunteer'] as const) {
      const c = await t.as(role, 'a');
      expect((await c.get('/api/v1/messaging/account')).statusCode, role).toBe(403);
      expect((await c.put('/api/v1/messaging/account', { provider: 'simulator', version: 0 })).statusCode, role).toBe(403);
    }
    const adminB = await t.as('affiliate_admin', 'b');
    const b = await adminB.get('/api/v1/messaging/account');
    expect(b.json()).toMatchObject({ provider: 'simulator', authTokenSet: false, accountSid: null, version: 0 });
  });
});

describe('messaging senders', () => {
  it('normalises phones, keeps exactly one default, and refuses a number another org owns', async () => {
    const admin = await t.as('affiliate_admin', 'a');
    const one = await admin.post('/api/v1/messaging/senders', { label: 'Hotline', phone: '(312) 555-0150', segmentsPerSecond: 1 });
    expect(one.statusCode).toBe(201);
    expect(one.json()).toMatchObject({ phone: '+13125550150', isDefault: true, segmentsPerSecond: 1 });
    const two = await admin.post('/api/v1/messaging/senders', { label: 'Alerts', phone: '312.555.0151', isDefault: true, segmentsPerSecond: null });
    expect(two.json()).toMatchObject({ phone: '+13125550151', isDefault: true });
    const list = (await admin.get('/api/v1/messaging/senders')).json().items;
    expect(list.filter((s: any) => s.isDefault).map((s: any) => s.id)).toEqual([two.json().id]);

    const unset = await admin.patch(`/api/v1/messaging/senders/${two.json().id}`, { isDefault: false });
    expect(unset.statusCode).toBe(400);
    expect(unset.json().error.code).toBe('default_sender_required');

    const badPhone = await admin.post('/api/v1/messaging/senders', { label: 'Bad', phone: '12' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error).toMatchObject({ code: 'invalid_phone', field: 'phone' });
    const badPace = await admin.post('/api/v1/messaging/senders', { label: 'Fast', phone: '312-555-0159', segmentsPerSecond: 5000 });
    expect(badPace.statusCode).toBe(400);
    expect(badPace.json().error.field).toBe('segmentsPerSecond');

    const adminB = await t.as('affiliate_admin', 'b');
    const taken = await adminB.post('/api/v1/messaging/senders', { label: 'Mine', phone: '+1 312 555 0150' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'sender_taken', field: 'phone' });
    const service = `MG${'a'.repeat(32)}`;
    expect((await admin.post('/api/v1/messaging/senders', { label: 'Service', messagingServiceSid: service })).statusCode).toBe(201);
    const serviceTaken = await adminB.post('/api/v1/messaging/senders', { label: 'Service', messagingServiceSid: service });
    expect(serviceTaken.json().error).toMatchObject({ code: 'sender_taken', field: 'messagingServiceSid' });

    // Another affiliate can neither see nor change A's senders.
    expect((await adminB.get('/api/v1/messaging/senders')).json().items).toEqual([]);
    expect((await adminB.patch(`/api/v1/messaging/senders/${one.json().id}`, { label: 'x' })).statusCode).toBe(404);
    expect((await adminB.delete(`/api/v1/messaging/senders/${one.json().id}`)).statusCode).toBe(404);

    // Deleting the default hands the role to the oldest sender left.
    expect((await admin.delete(`/api/v1/messaging/senders/${two.json().id}`)).statusCode).toBe(200);
    const after = (await admin.get('/api/v1/messaging/senders')).json().items;
    expect(after.filter((s: any) => s.isDefault).map((s: any) => s.id)).toEqual([one.json().id]);
  });

  it('refuses non-admins', async () => {
    const c = await t.as('coordinator', 'a');
    expect((await c.get('/api/v1/messaging/senders')).statusCode).toBe(403);
    expect((await c.post('/api/v1/messaging/senders', { label: 'x', phone: '312-555-0170' })).statusCode).toBe(403);
  });
});

describe('messaging queue view', () => {
  it('counts queued, held, sending, recent sends and failures per sender', async () => {
    const admin = await t.as('affiliate_admin', 'a');
    const sender = (await admin.post('/api/v1/messaging/senders', { label: 'Queue test', phone: '312-555-0160', segmentsPerSecond: 2 })).json();
    const base = { orgId: t.orgs.a, channel: 'sms' as const, toAddress: '+13125559999', lang: 'en' as const, body: 'hi', kind: 'notification' as const, senderId: sender.id };
    const future = new Date(Date.now() + 3600_000);
    await t.deps.database.db.insert(outboundMessages).values([
      { ...base, status: 'queued', createdAt: ago(120) },
      { ...base, status: 'queued', createdAt: ago(30) },
      { ...base, status: 'queued', notBefore: ago(5), createdAt: ago(10) },
      { ...base, status: 'queued', notBefore: future },
      { ...base, status: 'queued', notBefore: future },
      { ...base, status: 'sending' },
      { ...base, status: 'sent', segments: 2, sentAt: ago(10) },
      { ...base, status: 'delivered', segments: 3, sentAt: ago(20), finalAt: ago(15) },
      { ...base, status: 'delivered', sentAt: ago(300), finalAt: ago(290) },
      { ...base, status: 'failed', errorCode: 30006, finalAt: ago(600) },
      { ...base, status: 'undelivered', sentAt: ago(7300), finalAt: ago(7200) },
      { ...base, channel: 'email', toAddress: 'x@example.org', senderId: null, status: 'queued', createdAt: ago(60) },
      { ...base, orgId: t.orgs.b, senderId: null, status: 'queued', createdAt: ago(9999) },
    ]);

    const organizer = await t.as('organizer', 'a');
    const res = await organizer.get('/api/v1/messaging/queue');
    expect(res.statusCode).toBe(200);
    const view = res.json();
    const row = view.senders.find((s: any) => s.senderId === sender.id);
    expect(row).toMatchObject({ label: 'Queue test', phone: '+13125550160', segmentsPerSecond: 2, queued: 3, held: 2, sending: 1, sentLastMinute: 2, segmentsLastMinute: 5, failedLastHour: 1 });
    expect(view.senders.find((s: any) => s.senderId === null)).toMatchObject({ queued: 1 });
    expect(view.totals).toMatchObject({ queued: 4, held: 2, sending: 1, sentLastMinute: 2, segmentsLastMinute: 5, failedLastHour: 1 });
    // The oldest ready message (120 s), not org B's nor a held one.
    expect(view.oldestQueuedAgeSeconds).toBeGreaterThanOrEqual(119);
    expect(view.oldestQueuedAgeSeconds).toBeLessThan(200);

    const b = (await (await t.as('coordinator', 'b')).get('/api/v1/messaging/queue')).json();
    expect(b.senders).toEqual([{ senderId: null, label: null, phone: null, segmentsPerSecond: null, queued: 1, held: 0, sending: 0, sentLastMinute: 0, segmentsLastMinute: 0, failedLastHour: 0 }]);
    expect((await (await t.as('responder', 'a')).get('/api/v1/messaging/queue')).statusCode).toBe(403);
  });
});

describe('message history', () => {
  it("merges a person's texts, calls and emails newest first, pages, and audits the read", async () => {
    const coordinator = await t.as('coordinator', 'a');
    const person = (await coordinator.post('/api/v1/people', { givenName: 'Seoyeon', familyName: 'Park', preferredLanguage: 'ko', phone: '(773) 555-0188', email: 'sp@example.org' })).json();
    const phone = '+17735550188';
    const db = t.deps.database.db;
    const out = { orgId: t.orgs.a, lang: 'ko' as const, kind: 'notification' as const };
    await db.insert(outboundMessages).values([
      { ...out, channel: 'sms', toAddress: phone, personId: person.id, body: 'first out', status: 'delivered', segments: 2, createdAt: ago(500) },
      { ...out, channel: 'sms', toAddress: phone, body: 'by number only', status: 'failed', statusReason: 'bad_address', errorCode: 21211, createdAt: ago(300) },
      { ...out, channel: 'email', toAddress: 'sp@example.org', subject: 'Workshop', body: '<long email>', status: 'sent', createdAt: ago(100) },
      { ...out, channel: 'sms', toAddress: '+17735550000', body: 'someone else', status: 'delivered', createdAt: ago(50) },
    ]);
    await db.insert(inboundMessages).values([
      { orgId: t.orgs.a, providerId: `SM${'1'.repeat(32)}`, fromAddress: phone, toAddress: '+13125550150', body: 'reply in', receivedAt: ago(400) },
      { orgId: t.orgs.a, providerId: `SM${'2'.repeat(32)}`, fromAddress: '+17735550000', toAddress: '+13125550150', body: 'stranger', receivedAt: ago(40) },
    ]);
    await db.insert(voiceCalls).values({ orgId: t.orgs.a, providerId: `CA${'3'.repeat(32)}`, direction: 'inbound', fromAddress: phone, toAddress: '+13125550150', status: 'completed', createdAt: ago(200) });

    const responder = await t.as('responder', 'a');
    const res = await responder.get(`/api/v1/people/${person.id}/messages`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: any) => [i.direction, i.channel, i.body])).toEqual([
      ['out', 'email', 'Workshop'],
      ['in', 'voice', null],
      ['out', 'sms', 'by number only'],
      ['in', 'sms', 'reply in'],
      ['out', 'sms', 'first out'],
    ]);
    expect(items[2]).toMatchObject({ status: 'failed', statusReason: 'bad_address', errorCode: 21211, segments: 1 });
    expect(items[4]).toMatchObject({ status: 'delivered', segments: 2 });
    expect(res.json().nextBefore).toBeNull();

    const page1 = (await responder.get(`/api/v1/people/${person.id}/messages?limit=2`)).json();
    expect(page1.items.map((i: any) => i.channel)).toEqual(['email', 'voice']);
    const page2 = (await responder.get(`/api/v1/people/${person.id}/messages?limit=2&before=${encodeURIComponent(page1.nextBefore)}`)).json();
    expect(page2.items.map((i: any) => i.body)).toEqual(['by number only', 'reply in']);

    const admin = await t.as('affiliate_admin', 'a');
    const audit = (await admin.get(`/api/v1/audit?entityType=person&entityId=${person.id}&action=person.messages.read`)).json().items;
    expect(audit.length).toBe(3);
    expect(JSON.stringify(audit)).not.toContain('reply in');
    expect(JSON.stringify(audit)).not.toContain(phone);

    // Roles without messaging.history, and other affiliates, cannot tell the person exists.
    expect((await (await t.as('organizer', 'a')).get(`/api/v1/people/${person.id}/messages`)).statusCode).toBe(404);
    expect((await (await t.as('coordinator', 'b')).get(`/api/v1/people/${person.id}/messages`)).statusCode).toBe(404);
  });
});

describe('cost estimate', () => {
  it('prices segments by encoding and audience', async () => {
    const organizer = await t.as('organizer', 'a');
    const en = (await organizer.post('/api/v1/messaging/estimate', { body: 'Know your rights: you may remain silent.', recipients: 1000 })).json();
    expect(en).toMatchObject({ encoding: 'GSM-7', segments: 1, nonGsmCharacters: [], recipients: 1000, carrierFeesIncluded: false });
    expect(en.costTotal).toBeCloseTo(en.pricePerSegment * 1000, 4);
    const es = (await organizer.post('/api/v1/messaging/estimate', { body: 'Información: usted tiene derechos.' })).json();
    expect(es).toMatchObject({ encoding: 'UCS-2', nonGsmCharacters: ['ó'], recipients: 1 });
    const ko = (await organizer.post('/api/v1/messaging/estimate', { body: '권리 안내: '.repeat(11) })).json();
    expect(ko).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(ko.costPerMessage).toBeCloseTo(2 * ko.pricePerSegment, 6);
    expect((await (await t.as('volunteer', 'a')).post('/api/v1/messaging/estimate', { body: 'x' })).statusCode).toBe(403);
  });
});
