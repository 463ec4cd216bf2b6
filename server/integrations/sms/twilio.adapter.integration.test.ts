import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SmsProviderError } from './sms.port.ts';
import { createTwilioSms } from './twilio.adapter.ts';

/**
 * The Twilio adapter against a local HTTP server standing in for api.twilio.com: the
 * official library does the HTTP, the server records exactly what it sent.
 */
const ACCOUNT = 'AC' + '0123456789abcdef'.repeat(2);
const TOKEN = 'test-auth-token-0123456789';
const SM = 'SM' + 'ab'.repeat(16);
const CA = 'CA' + 'cd'.repeat(16);
const MG = 'MG' + 'ef'.repeat(16);

interface Recorded {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
}
let recorded: Recorded[] = [];
let answer: (path: string) => { status: number; body: unknown } = () => ({ status: 500, body: {} });
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      recorded.push({
        method: req.method ?? '',
        path,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      });
      const a = answer(path);
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  recorded = [];
});

/** What Twilio answers to a message create (Message resource, trimmed to the fields it always has). */
function twilioMessage(form: Record<string, string>, status = 'queued') {
  return {
    account_sid: ACCOUNT, api_version: '2010-04-01', body: form.Body, date_created: 'Tue, 05 May 2026 14:03:11 +0000',
    date_sent: null, date_updated: 'Tue, 05 May 2026 14:03:11 +0000', direction: 'outbound-api', error_code: null,
    error_message: null, from: form.From ?? null, messaging_service_sid: form.MessagingServiceSid ?? null, num_media: '0',
    num_segments: '1', price: null, price_unit: 'USD', sid: SM, status, to: form.To,
    subresource_uris: { media: `/2010-04-01/Accounts/${ACCOUNT}/Messages/${SM}/Media.json` },
    uri: `/2010-04-01/Accounts/${ACCOUNT}/Messages/${SM}.json`,
  };
}
const twilioError = (status: number, code: number, message: string) => ({
  status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
});

const adapter = () => createTwilioSms({ accountSid: ACCOUNT, authToken: TOKEN, apiBaseUrl: baseUrl });
const basic = `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`;
const sms = { from: '+13125550100', to: '+13125550101', body: '안녕하세요 — ICE 소식', statusCallback: 'https://haven.example.org/webhooks/twilio/status' };

describe('Twilio adapter: what the official library sends', () => {
  it('sends a message from a number: POST Messages.json, form fields, Basic auth', async () => {
    answer = () => ({ status: 201, body: twilioMessage(recorded.at(-1)!.form) });
    const result = await adapter().sendSms(sms);
    expect(result).toEqual({ providerId: SM, status: 'queued' });
    expect(recorded).toHaveLength(1);
    const r = recorded[0];
    expect(r.method).toBe('POST');
    expect(r.path).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Messages.json`);
    expect(r.authorization).toBe(basic);
    expect(r.contentType).toBe('application/x-www-form-urlencoded');
    expect(r.form).toEqual({ To: sms.to, From: sms.from, Body: sms.body, StatusCallback: sms.statusCallback });
  });

  it('sends through a Messaging Service: MessagingServiceSid and no From', async () => {
    answer = () => ({ status: 201, body: twilioMessage(recorded.at(-1)!.form, 'accepted') });
    const { from: _from, ...rest } = sms;
    const result = await adapter().sendSms({ ...rest, messagingServiceSid: MG });
    expect(result.status).toBe('accepted');
    expect(recorded[0].form).toEqual({ To: sms.to, MessagingServiceSid: MG, Body: sms.body, StatusCallback: sms.statusCallback });
  });

  it('refuses bad input before any request: both from and a Messaging Service', async () => {
    await expect(adapter().sendSms({ ...sms, messagingServiceSid: MG })).rejects.toThrow(/exactly one of from or messagingServiceSid/);
    await expect(adapter().sendSms({ ...sms, to: '312-555-0101' })).rejects.toThrow(/E\.164/);
    expect(recorded).toHaveLength(0);
  });

  it('starts a call: POST Calls.json with To, From, Url, StatusCallback', async () => {
    answer = () => ({
      status: 201,
      body: { sid: CA, account_sid: ACCOUNT, status: 'queued', to: '+13125550101', from: '+13125550100', direction: 'outbound-api', api_version: '2010-04-01' },
    });
    const call = { from: '+13125550100', to: '+13125550101', url: 'https://haven.example.org/webhooks/twilio/voice', statusCallback: 'https://haven.example.org/webhooks/twilio/status' };
    expect(await adapter().startCall(call)).toEqual({ providerId: CA, status: 'queued' });
    expect(recorded[0].path).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Calls.json`);
    expect(recorded[0].authorization).toBe(basic);
    expect(recorded[0].form).toEqual({ To: call.to, From: call.from, Url: call.url, StatusCallback: call.statusCallback });
  });
});

describe('Twilio adapter: errors become permanent or transient', () => {
  const failure = async () => {
    const err = await adapter().sendSms(sms).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsProviderError);
    return err as SmsProviderError;
  };

  it('21610 unsubscribed (HTTP 400) is permanent', async () => {
    answer = () => twilioError(400, 21610, 'Attempt to send to unsubscribed recipient');
    const err = await failure();
    expect({ code: err.code, httpStatus: err.httpStatus, permanent: err.permanent, reason: err.reason }).toEqual({
      code: 21610, httpStatus: 400, permanent: true, reason: 'unsubscribed',
    });
    expect(err.message).toBe('Attempt to send to unsubscribed recipient');
  });

  it('21211 invalid number is permanent', async () => {
    answer = () => twilioError(400, 21211, "The 'To' number +13125550101 is not a valid phone number.");
    const err = await failure();
    expect([err.code, err.permanent, err.reason]).toEqual([21211, true, 'invalid_number']);
  });

  it('HTTP 500 with 30008 is transient', async () => {
    answer = () => twilioError(500, 30008, 'Unknown error');
    const err = await failure();
    expect([err.code, err.httpStatus, err.permanent]).toEqual([30008, 500, false]);
  });

  it('HTTP 429 with 20429 is transient (rate limited), and the library does not retry on its own', async () => {
    answer = () => twilioError(429, 20429, 'Too Many Requests');
    const err = await failure();
    expect([err.code, err.permanent, err.reason]).toEqual([20429, false, 'rate_limited']);
    expect(recorded).toHaveLength(1);
  });

  it('an unlisted 4xx code is permanent; a 5xx without a JSON body is transient', async () => {
    answer = () => twilioError(400, 21999, 'Something new');
    expect((await failure()).permanent).toBe(true);
    answer = () => ({ status: 503, body: 'Service Unavailable' });
    const err = await failure();
    expect([err.httpStatus, err.permanent, err.reason]).toEqual([503, false, 'provider_unavailable']);
  });

  it('no answer at all (connection refused) is transient with neither code nor status', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const err = await createTwilioSms({ accountSid: ACCOUNT, authToken: TOKEN, apiBaseUrl: `http://127.0.0.1:${port}` })
      .sendSms(sms)
      .then(() => null, (e: unknown) => e) as SmsProviderError;
    expect(err).toBeInstanceOf(SmsProviderError);
    expect([err.code, err.httpStatus, err.permanent, err.reason]).toEqual([null, null, false, 'network']);
  });
});
