import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { enqueueMessages, inboundMessages, outboundMessages, startSendWorkers } from '../messaging/index.ts';
import { sendBatch } from '../messaging/send-batch.ts';
import { addSenders, NUMBER_A, openConversation, putOnCall, resetHotline, text, userId, waitFor } from './conversations.test-helpers.ts';
import { runEmergencyAlert } from './emergency-alerts.ts';
import { conversationEvents, conversations, hotlineSettings, hotlineShiftOverrides } from './hotline.table.ts';
import { startHotlineWorkers, takeInboundText } from './intake-sms.ts';

/**
 * Texts into conversations through the real webhook, the hand-off queue and the hotline
 * worker: language, routing by language and load, idempotency, after hours, emergencies.
 */
let t: TestApp;
const db = () => t.deps.database.db;
const smsTo = (phone: string) => t.deps.simulator.store.listSms({ to: phone });
const eventsOf = (id: string) => db().select().from(conversationEvents).where(eq(conversationEvents.conversationId, id)).orderBy(conversationEvents.createdAt);

beforeAll(async () => {
  t = await startTestApp();
  await addSenders(t);
  await startSendWorkers(t.deps);
  await startHotlineWorkers(t.deps);
});
afterAll(() => t?.close());
beforeEach(() => resetHotline(t));

describe('SMS intake', () => {
  it('opens a Korean conversation assigned to the on-call Korean speaker', async () => {
    const responder = await putOnCall(t, 'a', 'responder', { languages: ['ko', 'en'] });
    await putOnCall(t, 'a', 'volunteer', { languages: ['es', 'en'] });
    await text(t, '+13125558001', '안녕하세요, DACA 갱신 문의드립니다');
    const c = await openConversation(t, '+13125558001');
    expect(c).toMatchObject({ lang: 'ko', channel: 'sms', urgency: 'routine', assignedTo: responder, status: 'open', firstResponseAt: null });
    expect(c.lastInboundAt).not.toBeNull();
    const [msg] = await db().select().from(inboundMessages).where(eq(inboundMessages.fromAddress, '+13125558001'));
    expect(msg).toMatchObject({ conversationId: c.id, lang: 'ko' });
    const events = await eventsOf(c.id);
    expect(events.map((e) => e.kind)).toEqual(['created', 'assigned']);
    expect(events[1].data).toMatchObject({ to: responder, via: 'routing' });
  });

  it('uses the language on the person’s record before the text’s', async () => {
    await putOnCall(t, 'a', 'responder', { languages: ['ko', 'en', 'es'] });
    // The seeded Lucía Martínez (312-555-0102) prefers Spanish; she writes in English.
    await text(t, '+13125550102', 'Hello, I have a question about my work permit');
    expect((await openConversation(t, '+13125550102')).lang).toBe('es');
    await text(t, '+13125558002', 'Hola, necesito ayuda con mi renovación');
    expect((await openConversation(t, '+13125558002')).lang).toBe('es');
    await text(t, '+13125558003', 'Hello, I need help with my renewal');
    expect((await openConversation(t, '+13125558003')).lang).toBe('en');
  });

  it('makes one conversation and one message of a webhook the provider sends twice, and of a job run twice', async () => {
    await putOnCall(t, 'a', 'responder', { languages: ['en'] });
    const params = { AccountSid: t.deps.simulator.accountSid, MessageSid: 'SM' + 'a1'.repeat(16), From: '+13125558010', To: NUMBER_A, Body: 'Hello, is anyone there?' };
    const url = `${t.deps.config.publicUrl}/webhooks/twilio/sms`;
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({
        method: 'POST', url: '/webhooks/twilio/sms',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': t.deps.simulator.sign(url, params).signature },
        payload: new URLSearchParams(params).toString(),
      });
      expect(res.statusCode).toBe(200);
    }
    const c = await openConversation(t, '+13125558010');
    const msgs = await db().select().from(inboundMessages).where(eq(inboundMessages.providerId, params.MessageSid));
    expect(msgs).toHaveLength(1);
    // the queue retrying the hand-off changes nothing
    expect(await takeInboundText(t.deps, { orgId: t.orgs.a, inboundId: msgs[0].id })).toEqual({ conversationId: c.id, created: false });
    expect(await db().select().from(conversations).where(eq(conversations.contactAddress, '+13125558010'))).toHaveLength(1);
    expect((await eventsOf(c.id)).filter((e) => e.kind === 'created')).toHaveLength(1);
  });

  it('joins the open conversation; after it is closed the next text opens a new one', async () => {
    await putOnCall(t, 'a', 'responder', { languages: ['en'] });
    const phone = '+13125558020';
    await text(t, phone, 'First question');
    const first = await openConversation(t, phone);
    await text(t, phone, 'And a second one');
    await waitFor(async () => (await db().select().from(inboundMessages).where(and(eq(inboundMessages.fromAddress, phone), eq(inboundMessages.conversationId, first.id)))).length === 2, 'second text joined');
    expect(await db().select().from(conversations).where(eq(conversations.contactAddress, phone))).toHaveLength(1);
    const [joined] = await db().select().from(conversations).where(eq(conversations.id, first.id));
    expect(joined.lastInboundAt!.getTime()).toBeGreaterThanOrEqual(first.lastInboundAt!.getTime());

    await db().update(conversations).set({ status: 'closed', closedAt: new Date(), disposition: 'answered' }).where(eq(conversations.id, first.id));
    await text(t, phone, 'Me again, a new problem');
    const second = await waitFor(async () => {
      const c = await openConversation(t, phone);
      return c.id !== first.id && c;
    }, 'a new conversation');
    expect(second.id).not.toBe(first.id);
  });

  it('leaves keywords to messaging: STOP opens no conversation', async () => {
    await text(t, '+13125558030', 'STOP');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await db().select().from(conversations).where(eq(conversations.contactAddress, '+13125558030'))).toHaveLength(0);
  });
});

describe('routing', () => {
  it('balances by open load, respects each responder’s limit, then leaves the rest unassigned', async () => {
    const responder = await putOnCall(t, 'a', 'responder', { languages: ['ko'], maxOpen: 2 });
    const volunteer = await putOnCall(t, 'a', 'volunteer', { languages: ['ko', 'en'], maxOpen: 1 });
    await putOnCall(t, 'a', 'coordinator', { languages: ['ko'], shiftRole: 'coordinator' });
    const got: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const phone = `+1312555810${i}`;
      await text(t, phone, `안녕하세요 ${i}`);
      got.push((await openConversation(t, phone)).assignedTo);
    }
    // two with nothing open take one each, then the only one with room, then nobody (the coordinator is never routed to)
    expect(new Set(got.slice(0, 2))).toEqual(new Set([responder, volunteer]));
    expect(got[2]).toBe(responder);
    expect(got[3]).toBeNull();
    const last = await openConversation(t, '+13125558103');
    expect((await eventsOf(last.id)).find((e) => e.kind === 'unrouted')?.data).toEqual({ reason: 'all_at_capacity' });
  });

  it('routes only to speakers of the language; nobody → the coordinator’s queue, and a later text routes it once someone is on', async () => {
    await putOnCall(t, 'a', 'responder', { languages: ['en'] });
    const phone = '+13125558110';
    await text(t, phone, 'Hola, tengo una pregunta sobre mi cita');
    const c = await openConversation(t, phone);
    expect(c).toMatchObject({ lang: 'es', assignedTo: null });
    expect((await eventsOf(c.id)).find((e) => e.kind === 'unrouted')?.data).toEqual({ reason: 'no_language_match' });
    const volunteer = await putOnCall(t, 'a', 'volunteer', { languages: ['es'] });
    await text(t, phone, '¿Hay alguien?');
    await waitFor(async () => (await db().select().from(conversations).where(eq(conversations.id, c.id)))[0].assignedTo === volunteer, 'routed on the next text');
  });
});

describe('after hours', () => {
  it('answers in the member’s language with when we open and whom to call, without counting as a response', async () => {
    // Nobody on call now; someone from two hours from now.
    const now = Date.now();
    await putOnCall(t, 'a', 'responder', { languages: ['ko'] });
    await db().update(hotlineShiftOverrides).set({ startsAt: new Date(now + 2 * 3_600_000), endsAt: new Date(now + 4 * 3_600_000) }).where(eq(hotlineShiftOverrides.orgId, t.orgs.a));
    const phone = '+13125558201';
    await text(t, phone, '밤늦게 죄송합니다. 질문이 있어요');
    const c = await openConversation(t, phone);
    expect(c.assignedTo).toBeNull();
    const reply = await waitFor(async () => (await smsTo(phone)).find((m) => m.direction === 'outbound'), 'after-hours reply');
    expect(reply.from).toBe(NUMBER_A);
    expect(reply.body).toContain('상담 시간이 아닙니다');
    expect(reply.body).toContain('(312) 555-0150');
    expect(reply.body).toMatch(/요일/); // the weekday it opens, in Korean
    const events = await eventsOf(c.id);
    expect(events.map((e) => e.kind)).toEqual(['created', 'unrouted', 'after_hours_reply']);
    expect(events[1].data).toEqual({ reason: 'nobody_on_call' });
    const [after] = await db().select().from(conversations).where(eq(conversations.id, c.id));
    expect(after.firstResponseAt).toBeNull();
    const [out] = await db().select().from(outboundMessages).where(eq(outboundMessages.conversationId, c.id));
    expect(out).toMatchObject({ kind: 'reply', createdBy: null, priority: 'high' });
    // a second text in the same conversation gets no second notice
    await text(t, phone, '여보세요?');
    await waitFor(async () => (await db().select().from(inboundMessages).where(eq(inboundMessages.conversationId, c.id))).length === 2, 'second text');
    expect(await db().select().from(outboundMessages).where(eq(outboundMessages.conversationId, c.id))).toHaveLength(1);
  });
});

describe('emergencies', () => {
  it('raises the urgency from the words and texts the on-call coordinator once after the configured delay', async () => {
    await db().insert(hotlineSettings).values({ orgId: t.orgs.a, emergencyAlertSeconds: 1 }).onConflictDoUpdate({ target: hotlineSettings.orgId, set: { emergencyAlertSeconds: 1 } });
    await putOnCall(t, 'a', 'responder', { languages: ['ko'] });
    const coordinatorPhone = '+13125557701';
    await putOnCall(t, 'a', 'coordinator', { languages: ['en'], shiftRole: 'coordinator', phone: coordinatorPhone });
    const phone = '+13125558301';
    await text(t, phone, '남편이 방금 체포되었어요. 도와주세요');
    const c = await openConversation(t, phone);
    expect(c.urgency).toBe('emergency');
    const alert = await waitFor(async () => (await smsTo(coordinatorPhone)).find((m) => m.direction === 'outbound'), 'the coordinator’s alert');
    expect(alert.from).toBe(NUMBER_A);
    expect(alert.body).toContain('EMERGENCY');
    expect(alert.body).toContain(`/hotline/${c.id}`);
    expect(alert.body).not.toContain(phone.slice(2));
    expect(alert.body).not.toContain('체포');
    const [after] = await db().select().from(conversations).where(eq(conversations.id, c.id));
    expect(after.emergencyAlertedAt).not.toBeNull();
    expect((await eventsOf(c.id)).map((e) => e.kind)).toContain('emergency_alerted');
    // once: the job again, or a second one, sends nothing more
    expect(await runEmergencyAlert(t.deps, { orgId: t.orgs.a, conversationId: c.id })).toEqual({ alerted: 0 });
    await new Promise((r) => setTimeout(r, 500));
    expect((await smsTo(coordinatorPhone)).filter((m) => m.direction === 'outbound')).toHaveLength(1);
  });

  it('in a surge texts each coordinator at most once per five minutes, then with the number of emergencies waiting', async () => {
    await db().insert(hotlineSettings).values({ orgId: t.orgs.a, emergencyAlertSeconds: 3600 }).onConflictDoUpdate({ target: hotlineSettings.orgId, set: { emergencyAlertSeconds: 3600 } });
    const coordinatorPhone = '+13125557705';
    await putOnCall(t, 'a', 'coordinator', { languages: ['en'], shiftRole: 'coordinator', phone: coordinatorPhone });
    await db().update(conversations).set({ firstResponseAt: new Date() }).where(and(eq(conversations.orgId, t.orgs.a), eq(conversations.urgency, 'emergency'), isNull(conversations.firstResponseAt)));
    const [one, two] = ['+13125558311', '+13125558312'];
    await text(t, one, 'ICE is at my door right now');
    const c1 = await openConversation(t, one);
    const window = 5 * 60_000;
    const start = new Date(Math.ceil(Date.now() / window) * window + window); // the start of a window of our own
    const outbound = async () => (await smsTo(coordinatorPhone)).filter((m) => m.direction === 'outbound');

    expect(await runEmergencyAlert(t.deps, { orgId: t.orgs.a, conversationId: c1.id }, start)).toEqual({ alerted: 1 });
    await text(t, two, 'My father was detained this morning');
    const c2 = await openConversation(t, two);
    // Same window: no second text; the conversation waits for the next window, unstamped.
    expect(await runEmergencyAlert(t.deps, { orgId: t.orgs.a, conversationId: c2.id }, new Date(start.getTime() + 60_000))).toEqual({ alerted: 0 });
    expect((await db().select().from(conversations).where(eq(conversations.id, c2.id)))[0].emergencyAlertedAt).toBeNull();
    const later = await t.deps.database.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'hotline.emergency-alert' and data->>'conversationId' = $1 and start_after between $2 and $3`, [c2.id, new Date(start.getTime() + window), new Date(start.getTime() + window + 60_000)]);
    expect(later[0].n).toBe(1);
    // The next window: one text with the count, pointing at the emergency view.
    expect(await runEmergencyAlert(t.deps, { orgId: t.orgs.a, conversationId: c2.id }, new Date(start.getTime() + window + 1000))).toEqual({ alerted: 1 });
    const texts = await waitFor(async () => ((await outbound()).length === 2 ? outbound() : null), 'two alerts');
    const summary = texts.find((m) => m.body.includes('/hotline?urgency=emergency'))!;
    expect(summary.body).toContain('2 EMERGENCY conversations');
    expect(texts.find((m) => m.body.includes(`/hotline/${c1.id}`))).toBeTruthy();
  });

  it('does not alert once someone has answered, and escalates an open conversation on a later emergency text', async () => {
    await db().insert(hotlineSettings).values({ orgId: t.orgs.a, emergencyAlertSeconds: 3600 }).onConflictDoUpdate({ target: hotlineSettings.orgId, set: { emergencyAlertSeconds: 3600 } });
    await putOnCall(t, 'a', 'responder', { languages: ['es'] });
    await putOnCall(t, 'a', 'coordinator', { languages: ['es'], shiftRole: 'coordinator', phone: '+13125557702' });
    const phone = '+13125558302';
    await text(t, phone, 'Hola, una pregunta sobre la ciudadanía');
    const c = await openConversation(t, phone);
    expect(c.urgency).toBe('routine');
    await text(t, phone, 'Hay una redada en mi trabajo ahora');
    await waitFor(async () => (await db().select().from(conversations).where(eq(conversations.id, c.id)))[0].urgency === 'emergency', 'escalated');
    expect((await eventsOf(c.id)).find((e) => e.kind === 'escalated')?.data).toMatchObject({ from: 'routine', to: 'emergency' });
    await db().update(conversations).set({ firstResponseAt: new Date() }).where(eq(conversations.id, c.id));
    expect(await runEmergencyAlert(t.deps, { orgId: t.orgs.a, conversationId: c.id })).toEqual({ alerted: 0 });
  });

  it('sends staff alerts at night: quiet hours hold notifications, not staff_alert', async () => {
    const atNight = () => new Date('2026-11-24T04:30:00Z'); // 22:30 in Chicago
    const coordinator = await userId(t, 'coordinator');
    const { ids } = await db().transaction((tx) =>
      enqueueMessages(t.deps, tx, {
        orgId: t.orgs.a,
        messages: [
          { channel: 'sms', to: '+13125557703', lang: 'en', body: 'Staff alert at night', kind: 'staff_alert', priority: 'high', notBefore: new Date(Date.now() + 3_600_000), dedupeKey: `night:${coordinator}` },
          { channel: 'sms', to: '+13125557704', lang: 'en', body: 'Reminder at night', kind: 'notification', notBefore: new Date(Date.now() + 3_600_000) },
        ],
      }),
    );
    await db().update(outboundMessages).set({ notBefore: null }).where(inArray(outboundMessages.id, ids));
    await sendBatch(t.deps, { orgId: t.orgs.a, ids }, { deadline: Date.now() + 60_000, now: atNight });
    const rows = await db().select().from(outboundMessages).where(inArray(outboundMessages.id, ids));
    expect(rows.find((r) => r.kind === 'staff_alert')?.status).toMatch(/sent|delivered/);
    expect(rows.find((r) => r.kind === 'notification')).toMatchObject({ status: 'queued', statusReason: 'quiet_hours' });
  });
});
