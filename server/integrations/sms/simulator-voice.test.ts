import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { createSimulatorSms, type SimulatedWebhook } from './simulator.adapter.ts';
import { createSimulatorVoice } from './simulator-voice.ts';
import { readTwiml, TwimlParseError } from './twiml-reader.ts';

const ACCOUNT = 'AC' + 'ab'.repeat(16);
const TOKEN = 'voice-simulator-token';
const BASE = 'https://haven.example.org';
const MEMBER = '+13125550150';
const HAVEN = '+13125550100';

/** A fake Haven: answers each webhook path with TwiML built by Twilio's own builder, and keeps every request. */
function setup(routes: Record<string, (params: Record<string, string>) => string | Error>, maxFetchesPerStep?: number) {
  const requests: SimulatedWebhook[] = [];
  const notified: SimulatedWebhook[] = [];
  const sim = createSimulatorSms({
    accountSid: ACCOUNT,
    authToken: TOKEN,
    deliver: async (h) => void notified.push(h),
    fetchTwiml: async (hook) => {
      requests.push(hook);
      const route = routes[new URL(hook.url).pathname];
      if (!route) throw new Error(`webhook ${hook.url} answered 404`);
      const out = route(hook.params);
      if (out instanceof Error) throw out;
      return out;
    },
  });
  const voice = createSimulatorVoice(sim, { publicUrl: BASE, maxFetchesPerStep });
  return { sim, voice, requests, notified };
}

const menu = () => {
  const r = new twilio.twiml.VoiceResponse();
  const g = r.gather({ numDigits: 1, action: '/voice/language', method: 'POST' });
  g.say({ language: 'ko-KR' }, '한국어는 1번을 누르세요.');
  g.say({ language: 'en-US' }, 'For English, press 2.');
  r.redirect({ method: 'POST' }, '/voice/language?Default=en');
  return r.toString();
};
const voicemail = (params: Record<string, string>) => {
  const r = new twilio.twiml.VoiceResponse();
  r.say({ language: 'en-US' }, `You pressed ${params.Digits || 'nothing'}. Leave a message.`);
  r.record({ maxLength: 120, action: '/voice/recorded', method: 'POST' });
  r.say('Goodbye.');
  r.hangup();
  return r.toString();
};
const thanks = () => {
  const r = new twilio.twiml.VoiceResponse();
  r.say({ language: 'en-US' }, 'We have your message.');
  r.hangup();
  return r.toString();
};

describe('TwiML reader', () => {
  it('keeps verbs in document order with their attributes, text and nested verbs', () => {
    const verbs = readTwiml(menu());
    expect(verbs.map((v) => v.verb)).toEqual(['Gather', 'Redirect']);
    expect(verbs[0].attrs).toEqual({ numDigits: '1', action: '/voice/language', method: 'POST' });
    expect(verbs[0].children.map((c) => [c.verb, c.attrs.language, c.text])).toEqual([
      ['Say', 'ko-KR', '한국어는 1번을 누르세요.'],
      ['Say', 'en-US', 'For English, press 2.'],
    ]);
    expect(verbs[1].text).toBe('/voice/language?Default=en');
  });

  it('refuses documents Twilio would refuse', () => {
    expect(() => readTwiml('<Response><Say>cut off')).toThrow(TwimlParseError);
    expect(() => readTwiml('<Html><Say>hi</Say></Html>')).toThrow(/no <Response>/);
  });
});

describe('voice simulator: an inbound call', () => {
  it('walks Say → Gather → digits → Record → recording → Hangup, every request signed like Twilio', async () => {
    const { sim, voice, requests, notified } = setup({ '/webhooks/twilio/voice': menu, '/voice/language': voicemail, '/voice/recorded': thanks });
    const started = await voice.startInboundCall({ from: MEMBER, to: HAVEN });
    expect(started.providerId).toMatch(/^CA[0-9a-f]{32}$/);
    expect(started.status).toBe('in-progress');
    expect(started.transcript.map((e) => (e.kind === 'say' ? [e.language, e.text] : e.kind))).toEqual([
      ['ko-KR', '한국어는 1번을 누르세요.'],
      ['en-US', 'For English, press 2.'],
    ]);
    expect(started.waiting).toMatchObject({ verb: 'gather', action: `${BASE}/voice/language`, numDigits: 1, finishOnKey: '#', prompts: ['한국어는 1번을 누르세요.', 'For English, press 2.'] });
    expect(requests[0]).toMatchObject({
      url: `${BASE}/webhooks/twilio/voice`,
      params: { AccountSid: ACCOUNT, CallSid: started.providerId, From: MEMBER, To: HAVEN, CallStatus: 'ringing', Direction: 'inbound', ApiVersion: '2010-04-01' },
    });

    // numDigits=1: only the first key counts, as on Twilio.
    const afterDigits = await voice.pressDigits(started.providerId, '27');
    expect(requests[1].params).toMatchObject({ Digits: '2', CallStatus: 'in-progress', CallSid: started.providerId });
    expect(afterDigits.waiting).toMatchObject({ verb: 'record', action: `${BASE}/voice/recorded`, maxLength: 120 });
    expect(afterDigits.transcript.slice(2).map((e) => e.kind)).toEqual(['digits', 'say', 'beep']);

    const ended = await voice.leaveRecording(started.providerId, { text: 'My name is Minjun, please call me back about DACA' });
    expect(requests[2].params.RecordingSid).toMatch(/^RE[0-9a-f]{32}$/);
    expect(requests[2].params.RecordingUrl).toMatch(/^https:\/\//);
    expect(Number(requests[2].params.RecordingDuration)).toBeGreaterThan(0);
    expect(ended.status).toBe('completed');
    expect(ended.waiting).toBeNull();
    expect(ended.transcript.slice(-3).map((e) => e.kind)).toEqual(['recording', 'say', 'hangup']);

    for (const hook of [...requests, ...notified]) {
      expect(hook.signature).toBe(twilio.getExpectedTwilioSignature(TOKEN, hook.url, hook.params));
      expect(sim.validateWebhook(hook)).toBe(true);
    }
    // Haven hears that the call ended, on its status webhook.
    expect(notified).toHaveLength(1);
    expect(notified[0]).toMatchObject({ url: `${BASE}/webhooks/twilio/status`, params: { CallSid: started.providerId, CallStatus: 'completed' } });
    expect((await voice.getCall(started.providerId))?.transcript).toEqual(ended.transcript);
  });

  it('a Gather without input falls through to the next verb (here a Redirect)', async () => {
    const { voice, requests } = setup({ '/webhooks/twilio/voice': menu, '/voice/language': voicemail });
    const { providerId } = await voice.startInboundCall({ from: MEMBER, to: HAVEN });
    const call = await voice.timeoutGather(providerId);
    expect(requests[1].url).toBe(`${BASE}/voice/language?Default=en`);
    expect(requests[1].params.Digits).toBeUndefined();
    expect(call.transcript.map((e) => e.kind)).toContain('silence');
    expect(call.waiting?.verb).toBe('record');
    // A silent Record falls through too: "Goodbye." then Hangup.
    const ended = await voice.timeoutGather(providerId);
    expect(ended.transcript.slice(-2)).toMatchObject([{ kind: 'say', text: 'Goodbye.' }, { kind: 'hangup', by: 'haven' }]);
  });

  it('finishOnKey ends the entry early; a key alone counts as no input', async () => {
    const gather = () => `<Response><Gather action="/pin" finishOnKey="#"><Say>Enter your PIN</Say></Gather><Say>No PIN.</Say></Response>`;
    const { voice, requests } = setup({ '/webhooks/twilio/voice': gather, '/pin': thanks });
    const a = await voice.startInboundCall({ from: MEMBER, to: HAVEN });
    await voice.pressDigits(a.providerId, '1234#9');
    expect(requests[1].params).toMatchObject({ Digits: '1234', FinishedOnKey: '#' });
    const b = await voice.startInboundCall({ from: MEMBER, to: HAVEN });
    const fell = await voice.pressDigits(b.providerId, '#');
    expect(fell.transcript.slice(-2)).toMatchObject([{ kind: 'say', text: 'No PIN.' }, { kind: 'hangup', by: 'haven' }]);
  });

  it('stops a Redirect loop after the request budget and ends the call', async () => {
    const loop = () => '<Response><Say>again</Say><Redirect>/webhooks/twilio/voice</Redirect></Response>';
    const { voice, requests } = setup({ '/webhooks/twilio/voice': loop }, 5);
    const call = await voice.startInboundCall({ from: MEMBER, to: HAVEN });
    expect(requests).toHaveLength(5);
    expect(call.status).toBe('completed');
    expect(call.transcript.at(-2)).toMatchObject({ kind: 'error', code: null });
  });

  it('an error answer or bad TwiML ends the call with Twilio\'s code', async () => {
    const broken = setup({ '/webhooks/twilio/voice': () => new Error('webhook /webhooks/twilio/voice answered 500') });
    const a = await broken.voice.startInboundCall({ from: MEMBER, to: HAVEN });
    expect(a.transcript[0]).toMatchObject({ kind: 'error', code: 11200 });
    expect(a.status).toBe('completed');
    const garbled = setup({ '/webhooks/twilio/voice': () => '<Response><Say>oops</Response>' });
    const b = await garbled.voice.startInboundCall({ from: MEMBER, to: HAVEN });
    expect(b.transcript[0]).toMatchObject({ kind: 'error', code: 12100 });
  });

  it('records Play, Pause, Dial and unknown verbs; a Dial rings the number until it is rung out, then its action hears no-answer', async () => {
    const doc = () => '<Response><Play>https://example.org/hold.mp3</Play><Pause length="3"/><Dial action="/dialed" timeout="15"><Number>+13125550999</Number></Dial></Response>';
    const after = () => '<Response><Enqueue>support</Enqueue><Hangup/></Response>';
    const { voice, requests } = setup({ '/webhooks/twilio/voice': doc, '/dialed': after });
    let call = await voice.startInboundCall({ from: MEMBER, to: HAVEN });
    expect(call.transcript.map((e) => e.kind)).toEqual(['play', 'pause', 'dial']);
    expect(call.transcript[2]).toMatchObject({ number: '+13125550999' });
    expect(call.waiting).toMatchObject({ verb: 'dial', numbers: ['+13125550999'], timeout: 15 });
    call = await voice.ringOut(call.providerId);
    expect(call.transcript.map((e) => e.kind)).toEqual(['play', 'pause', 'dial', 'dial-ended', 'unsupported', 'hangup']);
    expect(requests[1].params.DialCallStatus).toBe('no-answer');
  });

  it('a dialled phone that answers hears the whisper; pressing 1 joins the calls; its hang-up completes the Dial', async () => {
    const doc = () => '<Response><Dial action="/dialed" callerId="+13125550100"><Number url="/whisper">+13125550181</Number><Number url="/whisper">+13125550182</Number></Dial></Response>';
    const whisperDoc = () => '<Response><Gather numDigits="1" action="/accept"><Say>Press 1 to accept.</Say></Gather><Hangup/></Response>';
    const accept = () => '<Response><Say>Connecting.</Say></Response>';
    const after = () => '<Response><Hangup/></Response>';
    const { voice, requests } = setup({ '/webhooks/twilio/voice': doc, '/whisper': whisperDoc, '/accept': accept, '/dialed': after });
    const call = await voice.startInboundCall({ from: MEMBER, to: HAVEN });
    const w = call.waiting as { legs: string[] };
    expect(w.legs).toHaveLength(2);
    const leg = await voice.answerCall(w.legs[0]);
    expect(leg.from).toBe('+13125550100');
    expect(leg.waiting).toMatchObject({ verb: 'gather' });
    const joined = await voice.pressDigits(w.legs[0], '1');
    expect(joined.waiting).toMatchObject({ verb: 'bridged', number: MEMBER });
    expect((await voice.getCall(w.legs[1]))?.status).toBe('canceled');
    expect((await voice.getCall(call.providerId))?.waiting).toMatchObject({ verb: 'bridged', number: '+13125550181' });
    await expect(voice.answerCall(w.legs[1])).rejects.toMatchObject({ code: 'call_not_waiting' });
    await voice.hangUp(w.legs[0]);
    const done = (await voice.getCall(call.providerId))!;
    expect(done.status).toBe('completed');
    expect(requests.find((r) => r.url.endsWith('/dialed'))?.params.DialCallStatus).toBe('completed');
    // The whisper request is the leg's, from the hotline number, with its parent.
    expect(requests.find((r) => r.url.endsWith('/whisper'))?.params).toMatchObject({ Direction: 'outbound-dial', ParentCallSid: call.providerId, To: '+13125550181' });
  });

  it('refuses moves the call is not waiting for, and hanging up twice is one hang-up', async () => {
    const { voice, notified } = setup({ '/webhooks/twilio/voice': menu });
    const { providerId } = await voice.startInboundCall({ from: MEMBER, to: HAVEN });
    await expect(voice.leaveRecording(providerId, { text: 'hi' })).rejects.toMatchObject({ code: 'call_not_waiting', status: 409 });
    const ended = await voice.hangUp(providerId);
    expect(ended.transcript.at(-1)).toMatchObject({ kind: 'hangup', by: 'caller' });
    await voice.hangUp(providerId);
    expect(notified).toHaveLength(1);
    await expect(voice.pressDigits(providerId, '1')).rejects.toMatchObject({ code: 'call_not_waiting' });
    await expect(voice.pressDigits('CA' + '0'.repeat(32), '1')).rejects.toMatchObject({ code: 'call_not_found', status: 404 });
  });
});
