import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emailOf, startTestApp, type TestApp } from '../../../test/harness.ts';
import { queryRows } from '../../db/rows.ts';
import { createSimulatorVoice, type SimulatorVoice } from '../../integrations/sms/simulator-voice.ts';
import type { SimulatedCall } from '../../integrations/sms/simulator-store.ts';
import { CALL_ENDED_QUEUE, messagingSenders, voiceCalls } from '../messaging/index.ts';
import { users } from '../organizations/organizations.table.ts';
import { callbackTasks, conversationEvents, conversations, hotlineResponders, hotlineSettings, hotlineShiftOverrides } from './hotline.table.ts';
import { startHotlineWorkers, takeEndedCall } from './index.ts';

/**
 * A caller who hangs up before anyone takes the call is called back: the simulator's caller
 * walks the IVR, hangs up, and the status callback it sends (signed like Twilio's) reaches
 * the hotline's worker through messaging's hand-off job.
 */
let t: TestApp;
let voice: SimulatorVoice;
const HOTLINE = '+13125550270';
const NATIONAL = '+12025550270';
const RESPONDER = '+13125550281';
const db = () => t.deps.database.db;
const userId = async (role: string) => (await db().select({ id: users.id }).from(users).where(eq(users.email, emailOf(role, 'a'))))[0].id;
const ringing = async (phone: string) => (await t.deps.simulator.store.listCalls({ to: phone })).filter((c) => c.parentSid && c.status === 'ringing');
const tasksOf = (callSid: string) => db().select().from(callbackTasks).where(eq(callbackTasks.callSid, callSid));
const eventsOf = async (conversationId: string) => (await db().select().from(conversationEvents).where(eq(conversationEvents.conversationId, conversationId))).map((e) => e.kind);

async function onCall() {
  const id = await userId('responder');
  await db().insert(hotlineResponders).values({ orgId: t.orgs.a, userId: id, languages: ['es', 'en', 'ko'], phoneE164: RESPONDER });
  const now = Date.now();
  await db().insert(hotlineShiftOverrides).values({ orgId: t.orgs.a, userId: id, kind: 'on', role: 'primary', startsAt: new Date(now - 3_600_000), endsAt: new Date(now + 3_600_000) });
}

/** The hand-off jobs for a call, once the worker has finished with every one of them. */
async function handedOver(callSid: string) {
  const jobs = () => queryRows<{ state: string }>(db(), sql`select state from pgboss.job where name = ${CALL_ENDED_QUEUE} and data->>'callSid' = ${callSid}`);
  for (const end = Date.now() + 20_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const now = await jobs();
    if (now.length && now.every((j) => j.state === 'completed')) return now;
  }
  throw new Error(`the hand-off of ${callSid} was not worked: ${JSON.stringify(await jobs())}`);
}

/** Twilio retrying the call's final status callback. */
async function retryStatusCallback(call: SimulatedCall) {
  const url = `${t.deps.config.publicUrl}/webhooks/twilio/status`;
  const hook = t.deps.simulator.sign(url, { AccountSid: t.deps.simulator.accountSid, CallSid: call.providerId, CallStatus: 'completed', From: call.from, To: call.to, CallDuration: '9' });
  return t.app.inject({
    method: 'POST', url: '/webhooks/twilio/status',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': hook.signature },
    payload: new URLSearchParams(hook.params).toString(),
  });
}

beforeAll(async () => {
  t = await startTestApp();
  await db().insert(messagingSenders).values({ orgId: t.orgs.a, label: 'Hotline', phoneE164: HOTLINE, isDefault: true });
  await db().insert(messagingSenders).values({ orgId: t.orgs.net, label: 'National', phoneE164: NATIONAL, isDefault: true });
  voice = createSimulatorVoice(t.deps.simulator, { publicUrl: t.deps.config.publicUrl });
  await startHotlineWorkers(t.deps);
});
afterAll(() => t?.close());
beforeEach(async () => {
  await db().update(conversations).set({ status: 'closed', closedAt: new Date() });
  await db().delete(hotlineShiftOverrides);
  await db().delete(hotlineResponders);
  await db().delete(hotlineSettings);
});

describe('a caller who hangs up before anyone takes the call', () => {
  it('hangs up while the phones ring: a missed-call callback on their conversation, once however often the status is retried', async () => {
    await onCall();
    const caller = '+17735550301';
    let call = await voice.startInboundCall({ from: caller, to: HOTLINE });
    call = await voice.pressDigits(call.providerId, '3');
    call = await voice.timeoutGather(call.providerId); // no emergency: ring
    expect(call.waiting).toMatchObject({ verb: 'dial' });
    expect(await ringing(RESPONDER)).toHaveLength(1);
    call = await voice.hangUp(call.providerId);
    expect(call.status).toBe('completed');
    expect(await ringing(RESPONDER)).toHaveLength(0);
    await handedOver(call.providerId);

    const [row] = await db().select().from(voiceCalls).where(eq(voiceCalls.providerId, call.providerId));
    expect(row).toMatchObject({ status: 'completed', answeredAt: null });
    const tasks = await tasksOf(call.providerId);
    expect(tasks).toMatchObject([{ orgId: t.orgs.a, phoneE164: caller, lang: 'es', reason: 'missed', emergency: false, status: 'open', recordingUrl: null, conversationId: row.conversationId }]);
    expect(await eventsOf(row.conversationId!)).toEqual(expect.arrayContaining(['call', 'call_missed']));
    // The responders' queue shows it.
    const list = (await (await t.as('responder', 'a')).get('/api/v1/hotline/callbacks')).json();
    expect(list.items.find((i: { id: string }) => i.id === tasks[0].id)).toMatchObject({ reason: 'missed', phone: caller, conversationId: row.conversationId });

    // Twilio retries the status callback: no second hand-off, no second callback.
    expect((await retryStatusCallback(call)).statusCode).toBe(200);
    expect(await handedOver(call.providerId)).toHaveLength(1);
    // A job retried after it did its work adds nothing either.
    expect(await takeEndedCall(t.deps, { orgId: t.orgs.a, callSid: call.providerId })).toEqual({ callbackId: null });
    expect(await tasksOf(call.providerId)).toHaveLength(1);
    expect((await eventsOf(row.conversationId!)).filter((k) => k === 'call_missed')).toHaveLength(1);
  });

  it('pressed 9 first: the missed-call callback is an emergency, worked first', async () => {
    await onCall();
    let call = await voice.startInboundCall({ from: '+17735550302', to: HOTLINE });
    call = await voice.pressDigits(call.providerId, '1');
    call = await voice.pressDigits(call.providerId, '9');
    expect(call.waiting).toMatchObject({ verb: 'dial' });
    call = await voice.hangUp(call.providerId);
    await handedOver(call.providerId);
    expect(await tasksOf(call.providerId)).toMatchObject([{ reason: 'missed', lang: 'ko', emergency: true }]);
  });

  it('hangs up during the surge message without asking for a callback: a missed-call callback', async () => {
    await onCall();
    await db().insert(hotlineSettings).values({ orgId: t.orgs.a, surge: true, surgeSince: new Date() });
    let call = await voice.startInboundCall({ from: '+17735550303', to: HOTLINE });
    call = await voice.pressDigits(call.providerId, '2');
    expect(call.waiting).toMatchObject({ verb: 'gather' });
    call = await voice.hangUp(call.providerId);
    await handedOver(call.providerId);
    expect(await tasksOf(call.providerId)).toMatchObject([{ reason: 'missed', lang: 'en' }]);
  });

  it('a call on the national number is called back by the affiliate the caller chose', async () => {
    let call = await voice.startInboundCall({ from: '+17735550304', to: NATIONAL });
    call = await voice.pressDigits(call.providerId, '2');
    const menu = call.transcript.flatMap((e) => (e.kind === 'say' && e.text.startsWith('For Affiliate') ? [e.text] : []));
    call = await voice.pressDigits(call.providerId, menu[0].includes('Affiliate A') ? '1' : '2');
    expect(call.waiting).toMatchObject({ verb: 'record' }); // nobody on call in A: the after-hours voicemail
    call = await voice.hangUp(call.providerId); // before the beep
    await handedOver(call.providerId);
    const [row] = await db().select().from(voiceCalls).where(eq(voiceCalls.providerId, call.providerId));
    expect(row.orgId).toBe(t.orgs.net);
    expect(await tasksOf(call.providerId)).toMatchObject([{ orgId: t.orgs.a, reason: 'missed', lang: 'en', conversationId: row.conversationId }]);
  });
});

describe('no missed-call callback', () => {
  it('when a responder took the call and it then ended', async () => {
    await onCall();
    let call = await voice.startInboundCall({ from: '+17735550311', to: HOTLINE });
    call = await voice.pressDigits(call.providerId, '3');
    call = await voice.timeoutGather(call.providerId);
    const [leg] = await ringing(RESPONDER);
    await voice.answerCall(leg.providerId);
    await voice.pressDigits(leg.providerId, '1');
    call = await voice.hangUp(call.providerId);
    expect(call.status).toBe('completed');
    await handedOver(call.providerId);
    const [row] = await db().select().from(voiceCalls).where(eq(voiceCalls.providerId, call.providerId));
    expect(row.answeredBy).toBe(await userId('responder'));
    expect(await tasksOf(call.providerId)).toEqual([]);
  });

  it('when the caller left a voicemail: only the voicemail callback', async () => {
    await onCall();
    let call = await voice.startInboundCall({ from: '+17735550312', to: HOTLINE });
    call = await voice.pressDigits(call.providerId, '3');
    call = await voice.timeoutGather(call.providerId);
    call = await voice.ringOut(call.providerId);
    expect(call.waiting).toMatchObject({ verb: 'record' });
    call = await voice.leaveRecording(call.providerId, { text: 'Necesito ayuda con mi renovación de DACA' });
    expect(call.status).toBe('completed');
    await handedOver(call.providerId);
    expect(await tasksOf(call.providerId)).toMatchObject([{ reason: 'voicemail' }]);
  });

  it('when the caller asked for a callback in surge mode: only that callback', async () => {
    await db().insert(hotlineSettings).values({ orgId: t.orgs.a, surge: true, surgeSince: new Date() });
    let call = await voice.startInboundCall({ from: '+17735550313', to: HOTLINE });
    call = await voice.pressDigits(call.providerId, '1');
    call = await voice.pressDigits(call.providerId, '1');
    expect(call.status).toBe('completed');
    await handedOver(call.providerId);
    expect(await tasksOf(call.providerId)).toMatchObject([{ reason: 'surge' }]);
  });

  it('when the caller hung up at the language menu: no conversation, no callback (the reports still count it missed)', async () => {
    await onCall();
    let call = await voice.startInboundCall({ from: '+17735550314', to: HOTLINE });
    expect(call.waiting).toMatchObject({ verb: 'gather' });
    call = await voice.hangUp(call.providerId);
    await handedOver(call.providerId);
    const [row] = await db().select().from(voiceCalls).where(eq(voiceCalls.providerId, call.providerId));
    expect(row).toMatchObject({ status: 'completed', conversationId: null });
    expect(await tasksOf(call.providerId)).toEqual([]);
    // Days are cut in the affiliate's time zone, which may still be on yesterday's date in UTC terms: ask for both.
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const report = (await (await t.as('coordinator', 'a')).get(`/api/v1/hotline/reports?from=${yesterday}&to=${today}`)).json();
    expect(report.calls.missed).toBeGreaterThanOrEqual(1);
  });

  it('for a call still going: a status that is not final hands nothing over', async () => {
    const call = await voice.startInboundCall({ from: '+17735550315', to: HOTLINE });
    const url = `${t.deps.config.publicUrl}/webhooks/twilio/status`;
    const hook = t.deps.simulator.sign(url, { CallSid: call.providerId, CallStatus: 'in-progress', From: call.from, To: call.to });
    const res = await t.app.inject({
      method: 'POST', url: '/webhooks/twilio/status',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': hook.signature },
      payload: new URLSearchParams(hook.params).toString(),
    });
    expect(res.statusCode).toBe(200);
    const jobs = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from pgboss.job where name = ${CALL_ENDED_QUEUE} and data->>'callSid' = ${call.providerId}`);
    expect(jobs[0].n).toBe(0);
    expect((await db().select().from(voiceCalls).where(and(eq(voiceCalls.providerId, call.providerId), eq(voiceCalls.status, 'in-progress'))))).toHaveLength(1);
  });
});
