import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { createTwilioSms } from './twilio.adapter.ts';

/** Webhook signatures, signed in the test with the library's own signer (no network involved). */
const ACCOUNT = 'AC' + '0123456789abcdef'.repeat(2);
const TOKEN = 'test-auth-token-0123456789';
const url = 'https://haven.example.org/webhooks/twilio/sms';
const params = { MessageSid: 'SM' + 'ab'.repeat(16), AccountSid: ACCOUNT, From: '+13125550101', To: '+13125550100', Body: '중지' };
const port = createTwilioSms({ accountSid: ACCOUNT, authToken: TOKEN });
const signed = (token = TOKEN, u = url, p: Record<string, string> = params) => twilio.getExpectedTwilioSignature(token, u, p);

describe('Twilio webhook signatures', () => {
  it('a request signed with the auth token validates', () => {
    expect(port.validateWebhook({ url, params, signature: signed() })).toBe(true);
  });

  it('a forged signature fails, and so does one made with another token', () => {
    expect(port.validateWebhook({ url, params, signature: 'bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==' })).toBe(false);
    expect(port.validateWebhook({ url, params, signature: signed('another-token') })).toBe(false);
  });

  it('a missing signature fails', () => {
    expect(port.validateWebhook({ url, params, signature: undefined })).toBe(false);
    expect(port.validateWebhook({ url, params, signature: '' })).toBe(false);
  });

  it('a changed, added or removed param fails', () => {
    const signature = signed();
    expect(port.validateWebhook({ url, params: { ...params, Body: 'START' }, signature })).toBe(false);
    expect(port.validateWebhook({ url, params: { ...params, Extra: '1' }, signature })).toBe(false);
    const { Body: _b, ...withoutBody } = params;
    expect(port.validateWebhook({ url, params: withoutBody, signature })).toBe(false);
  });

  it('a different URL fails: path, host, scheme or query', () => {
    const signature = signed();
    for (const other of [
      'https://haven.example.org/webhooks/twilio/status',
      'https://evil.example.org/webhooks/twilio/sms',
      'http://haven.example.org/webhooks/twilio/sms',
      'https://haven.example.org/webhooks/twilio/sms?org=a',
    ]) {
      expect(port.validateWebhook({ url: other, params, signature }), other).toBe(false);
    }
  });
});
