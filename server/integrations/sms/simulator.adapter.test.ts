import { describe, expect, it } from 'vitest';
import { parseInboundSms, parseMessageStatus } from './sms-webhook-payloads.ts';
import { SmsProviderError } from './sms.port.ts';
import { createSimulatorSms, type SimulatedWebhook } from './simulator.adapter.ts';

const ACCOUNT = 'AC' + 'fe'.repeat(16);
const TOKEN = 'simulator-token';
const MG = 'MG' + '12'.repeat(16);
const STATUS_URL = 'https://haven.local/webhooks/twilio/status';
const sms = { from: '+13125550100', to: '+13125550101', body: 'Know your rights: 권리를 아세요', statusCallback: STATUS_URL };

function setup(deliver?: (hook: SimulatedWebhook) => Promise<void>) {
  const hooks: SimulatedWebhook[] = [];
  const sim = createSimulatorSms({
    accountSid: ACCOUNT,
    authToken: TOKEN,
    messagingServices: { [MG]: ['+13125550199'] },
    deliver: deliver ?? (async (h) => void hooks.push(h)),
  });
  return { sim, hooks };
}

describe('SMS simulator', () => {
  it('answers with a Twilio-like id and records the send', async () => {
    const { sim } = setup();
    const a = await sim.sendSms(sms);
    const b = await sim.sendSms(sms);
    expect(a.providerId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(b.providerId).not.toBe(a.providerId);
    expect(a.status).toBe('queued');
    const [stored] = await sim.store.listSms({ to: sms.to });
    expect(stored).toMatchObject({ providerId: a.providerId, from: sms.from, to: sms.to, body: sms.body, messagingServiceSid: null });
  });

  it('delivers signed status callbacks queued → sent → delivered, after the send resolved', async () => {
    const { sim, hooks } = setup();
    const { providerId } = await sim.sendSms(sms);
    expect(hooks).toHaveLength(0);
    await sim.settle();
    expect(hooks.map((h) => h.url)).toEqual([STATUS_URL, STATUS_URL, STATUS_URL]);
    const parsed = hooks.map((h) => parseMessageStatus(h.params));
    expect(parsed.map((p) => p.status)).toEqual(['queued', 'sent', 'delivered']);
    expect(parsed.every((p) => p.messageSid === providerId && p.accountSid === ACCOUNT && p.error === null)).toBe(true);
    // Signed like Twilio: the same validation as for the real provider accepts them, and only them.
    expect(hooks.every((h) => sim.validateWebhook(h))).toBe(true);
    expect(sim.validateWebhook({ ...hooks[0], params: { ...hooks[0].params, MessageStatus: 'delivered' } })).toBe(false);
    expect((await sim.store.listSms())[0].status).toBe('delivered');
  });

  it('sends through a Messaging Service from one of its numbers, answering "accepted"', async () => {
    const { sim, hooks } = setup();
    const { from: _f, ...rest } = sms;
    const result = await sim.sendSms({ ...rest, messagingServiceSid: MG });
    expect(result.status).toBe('accepted');
    await sim.settle();
    expect(hooks[0].params).toMatchObject({ From: '+13125550199', MessagingServiceSid: MG });
    const unknown = 'MG' + '34'.repeat(16);
    await expect(sim.sendSms({ ...rest, messagingServiceSid: unknown })).rejects.toMatchObject({ code: 20404, httpStatus: 404, permanent: true });
  });

  it.each([
    [21610, 'unsubscribed'],
    [21211, 'invalid_number'],
    [21614, 'not_mobile'],
  ] as const)('fails a number on demand with %s: the send throws a permanent error and nothing is recorded', async (code, reason) => {
    const { sim, hooks } = setup();
    await sim.failNumber(sms.to, code);
    const err = (await sim.sendSms(sms).then(() => null, (e: unknown) => e)) as SmsProviderError;
    expect(err).toBeInstanceOf(SmsProviderError);
    expect([err.code, err.httpStatus, err.permanent, err.reason]).toEqual([code, 400, true, reason]);
    await sim.settle();
    expect(hooks).toHaveLength(0);
    expect(await sim.store.listSms()).toHaveLength(0);
    // Other numbers are not affected; clearing the failure restores the number.
    await expect(sim.sendSms({ ...sms, to: '+13125550102' })).resolves.toMatchObject({ status: 'queued' });
    await sim.clearFailure(sms.to);
    await expect(sim.sendSms(sms)).resolves.toMatchObject({ status: 'queued' });
  });

  it('a rate limit (20429) throws a transient error with HTTP 429', async () => {
    const { sim } = setup();
    await sim.failNumber(sms.to, 20429);
    await expect(sim.sendSms(sms)).rejects.toMatchObject({ code: 20429, httpStatus: 429, permanent: false, reason: 'rate_limited' });
  });

  it('a delivery failure (30007 filtered, transient) is accepted, then ends undelivered with the code', async () => {
    const { sim, hooks } = setup();
    await sim.failNumber(sms.to, 30007);
    const { providerId } = await sim.sendSms(sms);
    await sim.settle();
    const parsed = hooks.map((h) => parseMessageStatus(h.params));
    expect(parsed.map((p) => p.status)).toEqual(['queued', 'sent', 'undelivered']);
    expect(parsed[2].error).toEqual({ code: 30007, permanent: false, reason: 'filtered' });
    expect(await sim.store.listSms()).toMatchObject([{ providerId, status: 'undelivered', errorCode: 30007 }]);
  });

  it('a permanent delivery failure (30005 unknown handset) is classified permanent in the callback', async () => {
    const { sim, hooks } = setup();
    await sim.failNumber(sms.to, 30005);
    await sim.sendSms(sms);
    await sim.settle();
    expect(parseMessageStatus(hooks[2].params).error).toEqual({ code: 30005, permanent: true, reason: 'invalid_number' });
  });

  it('refuses to fail with a code it cannot classify, or an invalid number', async () => {
    const { sim } = setup();
    await expect(sim.failNumber(sms.to, 12345)).rejects.toThrow(/unknown error code 12345/);
    await expect(sim.failNumber('555-0101', 21610)).rejects.toThrow();
  });

  it('keeps moving statuses when Haven’s webhook fails, and records the failure', async () => {
    const { sim } = setup(async () => {
      throw new Error('webhook down');
    });
    await sim.sendSms(sms);
    await sim.settle();
    expect(sim.callbackFailures).toHaveLength(3);
    expect((await sim.store.listSms())[0].status).toBe('delivered');
  });

  it('starts calls with CA ids, and fails them on demand like sends', async () => {
    const { sim } = setup();
    const call = { from: '+13125550100', to: '+13125550101', url: 'https://haven.local/webhooks/twilio/voice', statusCallback: STATUS_URL };
    const started = await sim.startCall(call);
    expect(started.providerId).toMatch(/^CA[0-9a-f]{32}$/);
    expect(started.status).toBe('queued');
    expect(await sim.store.listCalls()).toMatchObject([{ providerId: started.providerId, to: call.to, url: call.url }]);
    await sim.failNumber(call.to, 21211);
    await expect(sim.startCall(call)).rejects.toMatchObject({ code: 21211, permanent: true });
  });

  it('lets a community member text Haven: a signed incoming-message webhook that parses', async () => {
    const { sim, hooks } = setup();
    const url = 'https://haven.local/webhooks/twilio/sms';
    const { messageSid } = await sim.receiveSms({ from: '+13125550101', to: '+13125550100', body: '중지', url });
    expect(hooks).toHaveLength(1);
    expect(sim.validateWebhook(hooks[0])).toBe(true);
    expect(parseInboundSms(hooks[0].params)).toMatchObject({ messageSid, accountSid: ACCOUNT, from: '+13125550101', body: '중지', numSegments: 1 });
  });
});
