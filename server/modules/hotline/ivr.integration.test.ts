import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emailOf, startTestApp, type TestApp } from '../../../test/harness.ts';
import { createSimulatorVoice, type SimulatorVoice } from '../../integrations/sms/simulator-voice.ts';
import type { SimulatedCall } from '../../integrations/sms/simulator-store.ts';
import { messagingSenders, voiceCalls } from '../messaging/index.ts';
import { users } from '../organizations/organizations.table.ts';
import { callbackTasks, conversationEvents, conversations, hotlineResponders, hotlineSettings, hotlineShiftOverrides } from './hotline.table.ts';

/**
 * The hotline's voice line walked end to end by the simulator's caller: real webhooks,
 * signed like Twilio's, real TwiML, and the responders' phones rung by a real Dial.
 */
let t: TestApp;
let voice: SimulatorVoice;
const HOTLINE = '+13125550170';
const NATIONAL = '+12025550170';
const CALLER = '+17735550101';
const PHONES = { responder: '+13125550181', volunteer: '+13125550182', coordinator: '+13125550183' };
const db = () => t.deps.database.db;
const said = (c: SimulatedCall) => c.transcript.flatMap((e) => (e.kind === 'say' ? [e.text] : []));
const userId = async (role: string) => (await db().select({ id: users.id }).from(users).where(eq(users.email, emailOf(role, 'a'))))[0].id;
const ringing = async (phone: string) => (await t.deps.simulator.store.listCalls({ to: phone })).filter((c) => c.parentSid && c.status === 'ringing');

async function onCall(role: 'responder' | 'volunteer' | 'coordinator', shiftRole: 'primary' | 'backup' | 'coordinator', languages: string[]) {
  const id = await userId(role);
  await db().insert(hotlineResponders).values({ orgId: t.orgs.a, userId: id, languages, phoneE164: PHONES[role] });
  const now = Date.now();
  await db().insert(hotlineShiftOverrides).values({ orgId: t.orgs.a, userId: id, kind: 'on', role: shiftRole, startsAt: new Date(now - 3_600_000), endsAt: new Date(now + 3_600_000) });
}

beforeAll(async () => {
  t = await startTestApp();
  await db().insert(messagingSenders).values({ orgId: t.orgs.a, label: 'Hotline', phoneE164: HOTLINE, isDefault: true });
  await db().insert(messagingSenders).values({ orgId: t.orgs.net, label: 'National', phoneE164: NATIONAL, isDefault: true });
  voice = createSimulatorVoice(t.deps.simulator, { publicUrl: t.deps.config.publicUrl });
});
afterAll(() => t?.close());
beforeEach(async () => {
  await db().update(conversations).set({ status: 'closed', closedAt: new Date() });
  await db().delete(hotlineShiftOverrides);
  await db().delete(hotlineResponders);
  await db().delete(hotlineSettings);
});

describe('the hotline voice line', () => {
  it('menu in Korean first; Spanish rings the on-call Spanish speakers, who must press 1; the call joins and ends', async () => {
    await onCall('responder', 'primary', ['es', 'en']);
    await onCall('volunteer', 'primary', ['ko']);
    let call = await voice.startInboundCall({ from: CALLER, to: HOTLINE });
    expect(said(call)[0]).toBe('한국어는 1번을 누르세요.');
    call = await voice.pressDigits(call.providerId, '3');
    expect(said(call).at(-1)).toMatch(/oprima 9/);
    call = await voice.timeoutGather(call.providerId); // nobody detained: just hold
    expect(call.waiting).toMatchObject({ verb: 'dial' });
    // Only the Spanish speaker's phone rings, from the hotline number.
    expect(await ringing(PHONES.volunteer)).toHaveLength(0);
    const [leg] = await ringing(PHONES.responder);
    expect(leg.from).toBe(HOTLINE);

    let answered = await voice.answerCall(leg.providerId);
    expect(said(answered)).toEqual(['Llamada de la línea Haven en español. Oprima 1 para aceptar.']);
    answered = await voice.pressDigits(leg.providerId, '1');
    expect(answered.waiting).toMatchObject({ verb: 'bridged', number: CALLER });
    expect((await voice.getCall(call.providerId))?.waiting).toMatchObject({ verb: 'bridged', number: PHONES.responder });

    const [taken] = await db().select().from(voiceCalls).where(eq(voiceCalls.providerId, call.providerId));
    expect(taken.answeredBy).toBe(await userId('responder'));
    // The call is in the inbox: a voice conversation in Spanish, now the accepting responder's, answered.
    const [conv] = await db().select().from(conversations).where(eq(conversations.id, taken.conversationId!));
    expect(conv).toMatchObject({ channel: 'voice', lang: 'es', contactAddress: CALLER, assignedTo: await userId('responder'), urgency: 'routine' });
    expect(conv.firstResponseAt).not.toBeNull();
    await voice.hangUp(leg.providerId);
    call = (await voice.getCall(call.providerId))!;
    expect(call.status).toBe('completed');
    expect(call.transcript.some((e) => e.kind === 'dial-ended' && e.status === 'completed')).toBe(true);
  });

  it('a voicemail box that picks up without pressing 1 does not take the call: the next tier rings, then voicemail and an emergency callback', async () => {
    await onCall('responder', 'primary', ['es']);
    await onCall('coordinator', 'coordinator', ['en']);
    let call = await voice.startInboundCall({ from: CALLER, to: HOTLINE });
    call = await voice.pressDigits(call.providerId, '3');
    call = await voice.pressDigits(call.providerId, '9'); // someone detained
    const [leg] = await ringing(PHONES.responder);
    const box = await voice.answerCall(leg.providerId);
    expect(said(box)[0]).toMatch(/^Emergencia\./);
    await voice.timeoutGather(leg.providerId); // the voicemail box presses nothing: the whisper hangs up
    call = (await voice.getCall(call.providerId))!;
    // The coordinator tier rings (any language) after the primaries.
    expect(call.waiting).toMatchObject({ verb: 'dial', numbers: [PHONES.coordinator] });
    call = await voice.ringOut(call.providerId);
    expect(call.waiting).toMatchObject({ verb: 'record' });
    expect(said(call).at(-1)).toMatch(/Después del tono/);
    call = await voice.leaveRecording(call.providerId, { text: 'Mi esposo fue detenido esta mañana' });
    expect(call.status).toBe('completed');
    const tasks = await db().select().from(callbackTasks).where(eq(callbackTasks.callSid, call.providerId));
    expect(tasks).toMatchObject([{ orgId: t.orgs.a, phoneE164: CALLER, lang: 'es', reason: 'voicemail', emergency: true, status: 'open' }]);
    expect(tasks[0].recordingUrl).toMatch(/^https:\/\//);
    const [conv] = await db().select().from(conversations).where(eq(conversations.id, tasks[0].conversationId!));
    expect(conv).toMatchObject({ channel: 'voice', urgency: 'emergency', firstResponseAt: null });
    const kinds = (await db().select().from(conversationEvents).where(eq(conversationEvents.conversationId, conv.id))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['call', 'escalated', 'voicemail']));
  });

  it('repeats the menu once on a wrong key or silence, then carries on in English', async () => {
    let call = await voice.startInboundCall({ from: CALLER, to: HOTLINE });
    call = await voice.pressDigits(call.providerId, '7');
    expect(said(call).filter((s) => s === '한국어는 1번을 누르세요.')).toHaveLength(2);
    call = await voice.timeoutGather(call.providerId);
    // Nobody on call: the after-hours voicemail, in English.
    expect(call.waiting).toMatchObject({ verb: 'record' });
    expect(said(call).at(-1)).toMatch(/The hotline is closed right now/);
  });

  it('surge mode: the know-your-rights message, and 1 puts the caller in the callback queue once', async () => {
    await onCall('responder', 'primary', ['ko']);
    await db().insert(hotlineSettings).values({ orgId: t.orgs.a, surge: true, surgeSince: new Date() });
    let call = await voice.startInboundCall({ from: CALLER, to: HOTLINE });
    call = await voice.pressDigits(call.providerId, '1');
    expect(said(call).at(-1)).toMatch(/묵비권/);
    call = await voice.pressDigits(call.providerId, '1');
    expect(call.status).toBe('completed');
    expect(await db().select().from(callbackTasks).where(eq(callbackTasks.callSid, call.providerId))).toMatchObject([{ reason: 'surge', lang: 'ko' }]);
  });

  it('the national number asks which affiliate in the caller’s language, and the call and its voicemail belong to that affiliate', async () => {
    let call = await voice.startInboundCall({ from: CALLER, to: NATIONAL });
    call = await voice.pressDigits(call.providerId, '3');
    const menu = said(call).filter((p) => p.startsWith('Para Affiliate'));
    expect(menu.length).toBeGreaterThanOrEqual(2);
    expect(menu[0]).toMatch(/oprima 1\.$/);
    const aIsFirst = menu[0].includes('Affiliate A');
    call = await voice.pressDigits(call.providerId, aIsFirst ? '1' : '2');
    // Nobody on call in affiliate A: its after-hours voicemail, in Spanish.
    expect(call.waiting).toMatchObject({ verb: 'record' });
    call = await voice.leaveRecording(call.providerId, { text: 'Necesito ayuda con DACA' });
    const [task] = await db().select().from(callbackTasks).where(eq(callbackTasks.callSid, call.providerId));
    expect(task).toMatchObject({ orgId: t.orgs.a, lang: 'es', reason: 'voicemail' });
  });

  it('refuses a callback URL naming an org the number does not serve', async () => {
    const url = `${t.deps.config.publicUrl}/webhooks/twilio/voice/route?org=${t.orgs.b}&lang=en&tier=0&e=0`;
    const params = { CallSid: `CA${'2'.repeat(32)}`, From: CALLER, To: HOTLINE };
    const hook = t.deps.simulator.sign(url, params);
    const res = await t.app.inject({
      method: 'POST', url: url.slice(t.deps.config.publicUrl.length),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': hook.signature },
      payload: new URLSearchParams(params).toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('org');
  });

  it('refuses a forged whisper request with 403', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/webhooks/twilio/voice/whisper?org=${t.orgs.a}&lang=en&tier=0&e=0`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' },
      payload: new URLSearchParams({ CallSid: `CA${'1'.repeat(32)}`, From: HOTLINE, To: PHONES.responder }).toString(),
    });
    expect(res.statusCode).toBe(403);
  });
});
