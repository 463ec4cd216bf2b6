import { and, eq, inArray, isNull } from 'drizzle-orm';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { consentEvents, people } from '../people/index.ts';
import { consentFor } from './consent.ts';
import { enqueueMessages } from './enqueue-messages.ts';
import { badAddresses, inboundMessages, messagingSenders, outboundMessages } from './messaging.table.ts';
import { INBOUND_TEXT_QUEUE } from './queues.ts';
import { openBody } from './message-body.ts';
import { recordText } from './record-texts.ts';
import { sendBatch } from './send-batch.ts';
import { startSendWorkers } from './send-worker.ts';

/**
 * Inbound webhooks, keywords and consent, the outbox and its send rules, end to end through
 * the real app, the real job queue and the simulator (its webhooks signed like Twilio's).
 */
let t: TestApp;
let senderA: string;
const NUMBER_A = '+13125550150';
const NUMBER_B = '+17035550150';

const waitFor = async <T>(fn: () => Promise<T | undefined | null | false>, what: string, ms = 15_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
const db = () => t.deps.database.db;
const smsTo = (phone: string) => t.deps.simulator.store.listSms({ to: phone });
const text = (from: string, body: string, to = NUMBER_A) =>
  t.deps.simulator.receiveSms({ from, to, body, url: `${t.deps.config.publicUrl}/webhooks/twilio/sms` });
const outbox = (address: string) => db().select().from(outboundMessages).where(eq(outboundMessages.toAddress, address));

beforeAll(async () => {
  t = await startTestApp();
  [{ id: senderA }] = await db().insert(messagingSenders).values({ orgId: t.orgs.a, label: 'Main', phoneE164: NUMBER_A, isDefault: true }).returning({ id: messagingSenders.id });
  await db().insert(messagingSenders).values({ orgId: t.orgs.b, label: 'B', phoneE164: NUMBER_B, isDefault: true });
  await startSendWorkers(t.deps);
});
afterAll(() => t?.close());

describe('inbound webhooks', () => {
  it('refuses a forged or unsigned request with 403, audits it, and records nothing', async () => {
    const params = { AccountSid: 'AC' + '0'.repeat(32), MessageSid: 'SM' + '1'.repeat(32), From: '+13125559001', To: NUMBER_A, Body: 'STOP' };
    const forged = twilio.getExpectedTwilioSignature('not-the-token', `${t.deps.config.publicUrl}/webhooks/twilio/sms`, params);
    for (const headers of [{ 'x-twilio-signature': forged }, {}]) {
      const res = await t.app.inject({ method: 'POST', url: '/webhooks/twilio/sms', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(params).toString() });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('webhook_signature_invalid');
    }
    expect(await db().select().from(inboundMessages).where(eq(inboundMessages.fromAddress, '+13125559001'))).toHaveLength(0);
    expect(await db().select().from(consentEvents).where(eq(consentEvents.address, '+13125559001'))).toHaveLength(0);
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'webhook.forged'));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it('records a provider retry of the same webhook once', async () => {
    const params = { AccountSid: 'AC' + 'fe'.repeat(16), MessageSid: 'SM' + '2'.repeat(32), From: '+13125559002', To: NUMBER_A, Body: 'hello, I need help with DACA' };
    const url = `${t.deps.config.publicUrl}/webhooks/twilio/sms`;
    // Signed with the simulator's token, as the simulator (or Twilio, for a Twilio org) would.
    for (let i = 0; i < 2; i++) expect((await post('/webhooks/twilio/sms', params, signWithSimulator(url, params))).statusCode).toBe(200);
    expect(await db().select().from(inboundMessages).where(eq(inboundMessages.providerId, params.MessageSid))).toHaveLength(1);
  });

  it('writes a burst arriving together once each (a retry inside the burst too), with the person found and a hand-off per text', async () => {
    const url = `${t.deps.config.publicUrl}/webhooks/twilio/sms`;
    const [known] = await db().insert(people).values({ orgId: t.orgs.a, givenName: '민지', familyName: '김', phoneE164: '+13125559100', preferredLanguage: 'ko' }).returning();
    const burst = Array.from({ length: 40 }, (_, i) => ({
      AccountSid: 'AC' + 'fe'.repeat(16), MessageSid: `SM${String(i).padStart(32, 'b')}`, From: `+131255591${String(i).padStart(2, '0')}`, To: NUMBER_A, Body: `help ${i}`,
    }));
    burst.push({ ...burst[7] }); // the provider retried one while the burst was still arriving
    const answers = await Promise.all(burst.map((p) => post('/webhooks/twilio/sms', p, signWithSimulator(url, p))));
    expect(answers.map((r) => r.statusCode)).toEqual(burst.map(() => 200));
    const rows = await db().select().from(inboundMessages).where(inArray(inboundMessages.providerId, burst.map((p) => p.MessageSid)));
    expect(rows).toHaveLength(40);
    const mine = rows.find((r) => r.fromAddress === known.phoneE164)!;
    expect([mine.personId, mine.lang]).toEqual([known.id, 'ko']);
    const stranger = rows.find((r) => r.fromAddress === '+13125559101')!;
    expect(stranger).toMatchObject({ personId: null, lang: null });
    // Sealed at rest (message-body.ts), opened for a reader.
    expect(stranger.body).toMatch(/^hv1\./);
    expect(await openBody(t.deps.keyring, db(), t.orgs.a, stranger.body)).toBe('help 1');
    const jobs = await t.deps.database.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job where name = $1 and data->>'inboundId' = any($2::text[])`, [INBOUND_TEXT_QUEUE, rows.map((r) => r.id)]);
    expect(jobs[0].n).toBe(40);
  });

  it('lets one text that cannot be written fail alone, not the texts written with it', async () => {
    const [sender] = await db().select().from(messagingSenders).where(eq(messagingSenders.id, senderA));
    const sms = (i: number) => ({ messageSid: `SM${String(i).padStart(32, 'c')}`, accountSid: 'AC' + 'fe'.repeat(16), messagingServiceSid: null, from: `+131255592${i}0`, to: NUMBER_A, body: `hi ${i}`, numMedia: 0, numSegments: 1, mediaUrls: [], fromState: null, fromZip: null, fromCountry: null });
    // A number deleted in another process while this one still remembered it: its sender no longer exists.
    const gone = { ...sender, id: '00000000-0000-4000-8000-000000000000' };
    const results = await Promise.allSettled([recordText(t.deps, { sms: sms(1), sender }), recordText(t.deps, { sms: sms(2), sender: gone }), recordText(t.deps, { sms: sms(3), sender })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows = await db().select().from(inboundMessages).where(inArray(inboundMessages.providerId, [1, 2, 3].map((i) => sms(i).messageSid)));
    expect((await Promise.all(rows.map((r) => openBody(t.deps.keyring, db(), t.orgs.a, r.body)))).sort()).toEqual(['hi 1', 'hi 3']);
  });

  it('answers a malformed body with 400 naming the field, and an unknown number with 404', async () => {
    const url = `${t.deps.config.publicUrl}/webhooks/twilio/sms`;
    const bad = { AccountSid: 'AC' + 'fe'.repeat(16), MessageSid: 'not-a-sid', From: '+13125559003', To: NUMBER_A, Body: 'hi' };
    const res = await post('/webhooks/twilio/sms', bad, signWithSimulator(url, bad));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('MessageSid');
    const unknown = { ...bad, MessageSid: 'SM' + '3'.repeat(32), To: '+19995550100' };
    const res2 = await post('/webhooks/twilio/sms', unknown, signWithSimulator(url, unknown));
    expect(res2.statusCode).toBe(404);
    expect(res2.json().error.code).toBe('unknown_number');
  });
});

describe('keywords and consent', () => {
  it('takes the later of two consent events recorded in the same instant', async () => {
    const at = new Date();
    const base = { orgId: t.orgs.a, address: '+13125559391', channel: 'sms' as const, scope: 'affiliate' as const, topic: 'all', evidenceKind: 'form' as const, evidence: {}, createdAt: at };
    await db().insert(consentEvents).values({ ...base, status: 'opted_in' });
    await db().insert(consentEvents).values({ ...base, status: 'opted_out' });
    const consent = await consentFor(db(), { orgId: t.orgs.a, channel: 'sms', topic: 'all', addresses: ['+13125559391'] });
    expect(consent.get('+13125559391')?.status).toBe('opted_out');
  });

  it.each([
    ['STOP', '+13125559101', 'unsubscribed', 'en'],
    ['중지', '+13125559102', '수신 거부', 'ko'],
    ['alto', '+13125559103', 'Ya no recibira', 'es'],
  ])('%s stops sends and is confirmed in its own language', async (keyword, phone, confirmation, lang) => {
    // Something already waiting for this number (held until tomorrow) must be cancelled by the STOP.
    await db().transaction((tx) =>
      enqueueMessages(t.deps, tx, { orgId: t.orgs.a, messages: [{ channel: 'sms', to: phone, lang: 'en', body: 'Reminder: clinic tomorrow', kind: 'notification', notBefore: new Date(Date.now() + 86_400_000) }] }),
    );
    await text(phone, keyword);
    const [event] = await db().select().from(consentEvents).where(eq(consentEvents.address, phone));
    expect(event).toMatchObject({ status: 'opted_out', channel: 'sms', scope: 'affiliate', evidenceKind: 'keyword', orgId: t.orgs.a });
    const reply = await waitFor(async () => (await smsTo(phone)).find((m) => m.direction === 'outbound'), 'confirmation');
    expect(reply.body).toContain(confirmation);
    expect(reply.from).toBe(NUMBER_A);
    const rows = await outbox(phone);
    expect(rows.find((r) => r.kind === 'notification')).toMatchObject({ status: 'canceled', statusReason: 'opted_out' });
    expect(rows.find((r) => r.kind === 'consent_reply')).toMatchObject({ lang });
    // Nothing more goes to them from this affiliate…
    const [{ id }] = (await db().transaction((tx) =>
      enqueueMessages(t.deps, tx, { orgId: t.orgs.a, messages: [{ channel: 'sms', to: phone, lang: 'en', body: 'Later news', kind: 'reply' }] }),
    )).ids.map((i) => ({ id: i }));
    const later = await waitFor(async () => (await outbox(phone)).find((r) => r.id === id && r.status !== 'queued' && r.status !== 'sending'), 'later message settled');
    expect(later).toMatchObject({ status: 'canceled', statusReason: 'opted_out' });
  });

  it('START lets texts through again; STOPALL stops every affiliate', async () => {
    const phone = '+13125559104';
    await text(phone, 'STOP');
    await text(phone, 'start');
    const sendFrom = async (orgId: string, body: string) => {
      const { ids } = await db().transaction((tx) => enqueueMessages(t.deps, tx, { orgId, messages: [{ channel: 'sms', to: phone, lang: 'en', body, kind: 'reply' }] }));
      return waitFor(async () => (await outbox(phone)).find((r) => r.id === ids[0] && !['queued', 'sending'].includes(r.status)), body);
    };
    expect((await sendFrom(t.orgs.a, 'after start')).status).toMatch(/sent|delivered/);
    await text(phone, 'STOPALL');
    expect((await sendFrom(t.orgs.b, 'from b after stopall')).status).toBe('canceled');
    expect((await sendFrom(t.orgs.a, 'from a after stopall')).status).toBe('canceled');
  });
});

describe('the outbox', () => {
  it('follows status callbacks to delivered, and a repeated callback changes nothing', async () => {
    const phone = '+13125559201';
    const { ids } = await db().transaction((tx) => enqueueMessages(t.deps, tx, { orgId: t.orgs.a, messages: [{ channel: 'sms', to: phone, lang: 'ko', body: '안녕하세요, 상담 예약이 확정되었습니다.', kind: 'reply' }] }));
    const row = await waitFor(async () => (await outbox(phone)).find((r) => r.id === ids[0] && r.status === 'delivered'), 'delivered');
    expect(row.segments).toBe(1);
    const [sent] = await smsTo(phone);
    expect(sent.statusCallback).toContain(`m=${ids[0]}`);
    const params = { AccountSid: 'AC' + 'fe'.repeat(16), MessageSid: row.providerId!, MessageStatus: 'sent' };
    const url = `${t.deps.config.publicUrl}/webhooks/twilio/status?m=${ids[0]}`;
    expect((await post(`/webhooks/twilio/status?m=${ids[0]}`, params, signWithSimulator(url, params))).statusCode).toBe(200);
    expect((await outbox(phone))[0].status).toBe('delivered');
  });

  it('acts on provider failures: 21610 records the opt-out, 21211 marks the number bad, 30007 ends undelivered', async () => {
    const cases = [
      { phone: '+13125559301', code: 21610, status: 'failed' },
      { phone: '+13125559302', code: 21211, status: 'failed' },
      { phone: '+13125559303', code: 30007, status: 'undelivered' },
    ];
    for (const c of cases) await t.deps.simulator.failNumber(c.phone, c.code);
    await db().transaction((tx) =>
      enqueueMessages(t.deps, tx, { orgId: t.orgs.a, messages: cases.map((c) => ({ channel: 'sms' as const, to: c.phone, lang: 'en' as const, body: `hello ${c.code}`, kind: 'reply' as const })) }),
    );
    for (const c of cases) {
      const row = await waitFor(async () => (await outbox(c.phone)).find((r) => r.status === c.status), `${c.code} → ${c.status}`);
      expect(row.errorCode).toBe(c.code);
    }
    expect(await db().select().from(consentEvents).where(and(eq(consentEvents.address, '+13125559301'), eq(consentEvents.evidenceKind, 'provider')))).toHaveLength(1);
    expect(await db().select().from(badAddresses).where(eq(badAddresses.address, '+13125559302'))).toHaveLength(1);
  });

  it('holds a notification in quiet hours until the window opens, and lets an emergency through to those who opted in', async () => {
    const [person] = await db().insert(people).values({ orgId: t.orgs.a, givenName: 'Quiet', preferredLanguage: 'en', phoneE164: '+13125559401', state: 'IL', zip: '60601' }).returning();
    const atNight = () => new Date('2026-11-24T04:30:00Z'); // 22:30 in Chicago
    const { ids } = await db().transaction((tx) =>
      enqueueMessages(t.deps, tx, {
        orgId: t.orgs.a,
        messages: [
          { channel: 'sms', to: person.phoneE164!, personId: person.id, lang: 'en', body: 'Workshop on Saturday', kind: 'notification', notBefore: new Date(Date.now() + 3_600_000) },
        ],
      }),
    );
    // Run the batch ourselves at night (the worker would not pick it up before notBefore).
    await db().update(outboundMessages).set({ notBefore: null }).where(eq(outboundMessages.id, ids[0]));
    await sendBatch(t.deps, { orgId: t.orgs.a, ids }, { deadline: Date.now() + 60_000, now: atNight });
    const [held] = await db().select().from(outboundMessages).where(eq(outboundMessages.id, ids[0]));
    expect(held).toMatchObject({ status: 'queued', statusReason: 'quiet_hours' });
    expect(held.notBefore!.toISOString()).toBe('2026-11-24T14:00:00.000Z'); // 08:00 in Chicago
    expect(await smsTo(person.phoneE164!)).toHaveLength(0);

    // An emergency to someone who opted in to emergency alerts goes at night.
    await db().insert(consentEvents).values({ orgId: t.orgs.a, address: person.phoneE164!, personId: person.id, channel: 'sms', scope: 'affiliate', topic: 'emergency', status: 'opted_in', evidenceKind: 'form', evidence: { form: 'test' } });
    const urgent = await db().transaction((tx) =>
      enqueueMessages(t.deps, tx, { orgId: t.orgs.a, messages: [{ channel: 'sms', to: person.phoneE164!, personId: person.id, lang: 'en', body: 'Checkpoint reported downtown', kind: 'notification', emergency: true, notBefore: new Date(Date.now() + 3_600_000) }] }),
    );
    await db().update(outboundMessages).set({ notBefore: null }).where(eq(outboundMessages.id, urgent.ids[0]));
    await sendBatch(t.deps, { orgId: t.orgs.a, ids: urgent.ids }, { deadline: Date.now() + 60_000, now: atNight });
    const [went] = await db().select().from(outboundMessages).where(eq(outboundMessages.id, urgent.ids[0]));
    expect(went.status).toMatch(/sent|delivered/);
  });

  it("places a stranger by the carrier's FromState when they texted us, and holds one we cannot place until every served state's window is open", async () => {
    const atNight = () => new Date('2026-11-24T04:30:00Z'); // 20:30 in Los Angeles, 22:30 in Chicago
    const west = '+12135559411';
    const nowhere = '+12135559412';
    await db().insert(inboundMessages).values({ orgId: t.orgs.a, providerId: 'SM' + 'f'.repeat(32), fromAddress: west, toAddress: NUMBER_A, body: 'hello', fromState: 'CA' });
    const { ids } = await db().transaction((tx) =>
      enqueueMessages(t.deps, tx, {
        orgId: t.orgs.a,
        messages: [west, nowhere].map((to) => ({ channel: 'sms' as const, to, lang: 'en' as const, body: 'Clinic moved to Monday', kind: 'notification' as const })),
      }),
    );
    await sendBatch(t.deps, { orgId: t.orgs.a, ids }, { deadline: Date.now() + 60_000, now: atNight });
    const rows = await db().select().from(outboundMessages).where(inArray(outboundMessages.id, ids));
    expect(rows.find((r) => r.toAddress === west)?.status).toMatch(/sent|delivered/);
    expect(rows.find((r) => r.toAddress === nowhere)).toMatchObject({ status: 'queued', statusReason: 'quiet_hours' });
  });

  it('refuses bad input whole: an invalid number or an oversize body writes nothing', async () => {
    const before = (await db().select().from(outboundMessages)).length;
    const attempt = (messages: Parameters<typeof enqueueMessages>[2]['messages']) =>
      db().transaction((tx) => enqueueMessages(t.deps, tx, { orgId: t.orgs.a, messages }));
    await expect(attempt([{ channel: 'sms', to: '+13125559501', lang: 'en', body: 'ok', kind: 'reply' }, { channel: 'sms', to: '312-555', lang: 'en', body: 'x', kind: 'reply' }])).rejects.toMatchObject({ code: 'invalid_phone', field: 'messages.1.to' });
    await expect(attempt([{ channel: 'sms', to: '+13125559502', lang: 'en', body: 'x'.repeat(1601), kind: 'reply' }])).rejects.toMatchObject({ code: 'message_too_long' });
    await expect(attempt([{ channel: 'email', to: 'not-an-email', subject: 's', lang: 'en', body: 'x', kind: 'reply' }])).rejects.toMatchObject({ code: 'invalid_email' });
    expect((await db().select().from(outboundMessages)).length).toBe(before);
  });

  it('a STOP that arrives while a paced message waits for its send slot still stops it', async () => {
    const phone = '+13125559611';
    await db().insert(consentEvents).values({ orgId: t.orgs.a, address: phone, channel: 'sms', scope: 'affiliate', status: 'opted_in', evidenceKind: 'form', evidence: { form: 'test' } });
    const { ids } = await db().transaction((tx) =>
      enqueueMessages(t.deps, tx, { orgId: t.orgs.a, messages: [{ channel: 'sms', to: phone, lang: 'en', body: 'Paced alert', kind: 'broadcast' }] }),
    );
    // The sender's next slot is 800 ms away: the batch claims the message, checks consent (opted in), and waits.
    await db().update(messagingSenders).set({ segmentsPerSecond: 1, pacingNextAt: new Date(Date.now() + 800) }).where(eq(messagingSenders.id, senderA));
    try {
      const batch = sendBatch(t.deps, { orgId: t.orgs.a, ids }, { deadline: Date.now() + 60_000, now: () => new Date('2026-11-24T18:00:00Z') });
      await new Promise((r) => setTimeout(r, 300));
      await db().insert(consentEvents).values({ orgId: t.orgs.a, address: phone, channel: 'sms', scope: 'affiliate', status: 'opted_out', evidenceKind: 'keyword', evidence: { keyword: 'STOP' } });
      await batch;
    } finally {
      await db().update(messagingSenders).set({ segmentsPerSecond: null, pacingNextAt: new Date(0) }).where(eq(messagingSenders.id, senderA));
    }
    const [row] = await db().select().from(outboundMessages).where(eq(outboundMessages.id, ids[0]));
    expect(row).toMatchObject({ status: 'canceled', statusReason: 'opted_out' });
    expect(await smsTo(phone)).toHaveLength(0);
  });

  it('queues one message per dedupe key, and a broadcast needs an opt-in on record', async () => {
    const phone = '+13125559601';
    const send = () => db().transaction((tx) => enqueueMessages(t.deps, tx, { orgId: t.orgs.a, messages: [{ channel: 'sms', to: phone, lang: 'en', body: 'Alert', kind: 'broadcast', dedupeKey: 'alert:1:' + phone }] }));
    expect((await send()).ids).toHaveLength(1);
    expect(await send()).toEqual({ ids: [], duplicates: 1, inserted: [] });
    const row = await waitFor(async () => (await outbox(phone)).find((r) => r.status === 'canceled'), 'broadcast refused');
    expect(row.statusReason).toBe('no_consent');
  });

  it('sends a hotline reply ahead of a paced bulk send from the same number', async () => {
    await db().update(messagingSenders).set({ segmentsPerSecond: 20 }).where(eq(messagingSenders.id, senderA));
    try {
      const bulk = Array.from({ length: 200 }, (_, i) => ({ channel: 'sms' as const, to: `+1312556${String(i).padStart(4, '0')}`, lang: 'en' as const, body: `Bulk ${i}`, kind: 'reply' as const }));
      await db().transaction((tx) => enqueueMessages(t.deps, tx, { orgId: t.orgs.a, messages: bulk }));
      await new Promise((r) => setTimeout(r, 1_000));
      const { ids } = await db().transaction((tx) =>
        enqueueMessages(t.deps, tx, { orgId: t.orgs.a, messages: [{ channel: 'sms', to: '+13125559701', lang: 'ko', body: '상담원이 곧 연락드립니다', kind: 'reply', priority: 'high' }] }),
      );
      const reply = await waitFor(async () => (await db().select().from(outboundMessages).where(eq(outboundMessages.id, ids[0]))).find((r) => r.sentAt), 'priority reply');
      const bulkLeft = (await db().select().from(outboundMessages).where(and(eq(outboundMessages.senderId, senderA), isNull(outboundMessages.sentAt)))).length;
      // 200 messages at 20/s take 10 s; the reply went out while most of them still waited.
      expect(bulkLeft).toBeGreaterThan(100);
      expect(reply.sentAt!.getTime() - reply.createdAt.getTime()).toBeLessThan(3_000);
    } finally {
      await db().update(messagingSenders).set({ segmentsPerSecond: null }).where(eq(messagingSenders.id, senderA));
    }
  });
});

const signWithSimulator = (url: string, params: Record<string, string>) => t.deps.simulator.sign(url, params).signature;

function post(url: string, params: Record<string, string>, signature: string) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    payload: new URLSearchParams(params).toString(),
  });
}
