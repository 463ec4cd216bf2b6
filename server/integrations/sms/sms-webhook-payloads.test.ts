import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { FORM_BODY_MAX_BYTES, WebhookPayloadError, parseFormBody, parseInboundSms, parseMessageStatus } from './sms-webhook-payloads.ts';
import { classifyProviderError } from './twilio-error-codes.ts';

const ACCOUNT = 'AC' + '0123456789abcdef'.repeat(2);
const SM = 'SM' + 'ab'.repeat(16);
const inbound = {
  ToCountry: 'US', ToState: 'IL', SmsMessageSid: SM, NumMedia: '0', ToCity: 'CHICAGO', FromZip: '60625', SmsSid: SM,
  FromState: 'IL', SmsStatus: 'received', FromCity: 'CHICAGO', Body: 'Alto', FromCountry: 'US', To: '+13125550100',
  ToZip: '60601', NumSegments: '1', MessageSid: SM, AccountSid: ACCOUNT, From: '+13125550101', ApiVersion: '2010-04-01',
};

/** The failure as { field, problem }, or a note that nothing was thrown. */
function failure(fn: () => unknown) {
  try {
    fn();
    return 'no error';
  } catch (e) {
    if (!(e instanceof WebhookPayloadError)) throw e;
    return { field: e.field, problem: e.problem };
  }
}

describe('parseFormBody', () => {
  it('decodes a Twilio form body, + and %20 as spaces, UTF-8 escapes', () => {
    const raw = 'Body=%EC%A4%91%EC%A7%80+now%20please&From=%2B13125550101&Empty=';
    expect(parseFormBody(Buffer.from(raw))).toEqual({ Body: '중지 now please', From: '+13125550101', Empty: '' });
  });

  it('refuses bytes that are not UTF-8, escapes that do not decode, repeated fields and control characters', () => {
    expect(failure(() => parseFormBody(Buffer.from([0x42, 0x6f, 0x64, 0x79, 0x3d, 0xff, 0xfe, 0x00])))).toEqual({ field: 'body', problem: 'not_utf8' });
    expect(failure(() => parseFormBody('Body=%E0%A4&From=x'))).toEqual({ field: 'Body', problem: 'bad_encoding' });
    expect(failure(() => parseFormBody('Body=%zz'))).toEqual({ field: 'Body', problem: 'bad_encoding' });
    expect(failure(() => parseFormBody('To=1&To=2'))).toEqual({ field: 'To', problem: 'duplicate' });
    expect(failure(() => parseFormBody('Body=a%00b'))).toEqual({ field: 'Body', problem: 'control_characters' });
  });

  it('refuses a body past the size limit', () => {
    expect(failure(() => parseFormBody('Body=' + 'a'.repeat(FORM_BODY_MAX_BYTES)))).toEqual({ field: 'body', problem: 'too_big' });
  });

  it('keeps newlines, tabs and the GSM-7 form feed', () => {
    expect(parseFormBody('Body=a%0Ab%09c%0Cd%0D')).toEqual({ Body: 'a\nb\tc\fd\r' });
  });
});

describe('parseInboundSms', () => {
  it('turns a valid incoming-message body into a typed object', () => {
    expect(parseInboundSms(inbound)).toEqual({
      messageSid: SM, accountSid: ACCOUNT, messagingServiceSid: null, from: '+13125550101', to: '+13125550100', body: 'Alto',
      numMedia: 0, numSegments: 1, mediaUrls: [], fromState: 'IL', fromZip: '60625', fromCountry: 'US',
    });
  });

  it('reads media URLs for an MMS, whose Body may be empty', () => {
    const mms = { ...inbound, Body: '', NumMedia: '1', MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/x/Messages/y/Media/z' };
    expect(parseInboundSms(mms).mediaUrls).toEqual([mms.MediaUrl0]);
    expect(failure(() => parseInboundSms({ ...inbound, NumMedia: '2', MediaUrl0: mms.MediaUrl0 }))).toEqual({ field: 'MediaUrl1', problem: 'required' });
  });

  it('names the missing field: From, MessageSid, Body', () => {
    for (const field of ['From', 'MessageSid', 'Body'] as const) {
      const { [field]: _gone, ...rest } = inbound;
      expect(failure(() => parseInboundSms(rest))).toEqual({ field, problem: 'required' });
    }
  });

  it('names a malformed field: From not E.164, a MessageSid of another kind', () => {
    expect(failure(() => parseInboundSms({ ...inbound, From: '312-555-0101' }))).toEqual({ field: 'From', problem: 'invalid' });
    expect(failure(() => parseInboundSms({ ...inbound, MessageSid: 'CA' + 'ab'.repeat(16) }))).toEqual({ field: 'MessageSid', problem: 'invalid' });
  });

  it('accepts 1,600 characters of Hangul and refuses 1,601 (Twilio’s body limit, counted in characters)', () => {
    expect(parseInboundSms({ ...inbound, Body: '가'.repeat(1600) }).body).toHaveLength(1600);
    expect(failure(() => parseInboundSms({ ...inbound, Body: '가'.repeat(1601) }))).toEqual({ field: 'Body', problem: 'too_big' });
    // Emoji are one character each though two UTF-16 units.
    expect(parseInboundSms({ ...inbound, Body: '🙂'.repeat(1600) }).body).toHaveLength(3200);
  });

  it('refuses garbage: not an object, non-string values, lone surrogates, control characters', () => {
    expect(failure(() => parseInboundSms('From=+1312'))).toEqual({ field: 'body', problem: 'invalid' });
    expect(failure(() => parseInboundSms(null))).toEqual({ field: 'body', problem: 'invalid' });
    expect(failure(() => parseInboundSms({ ...inbound, Body: ['a', 'b'] }))).toEqual({ field: 'Body', problem: 'invalid' });
    expect(failure(() => parseInboundSms({ ...inbound, Body: 'a\ud800b' }))).toEqual({ field: 'Body', problem: 'not_utf8' });
    expect(failure(() => parseInboundSms({ ...inbound, Body: '\u0000\u0001\u0002' }))).toEqual({ field: 'Body', problem: 'control_characters' });
  });

  it('is a 400 AppError naming the field, so the HTTP error handler answers it without a 500', () => {
    const { From: _f, ...rest } = inbound;
    try {
      parseInboundSms(rest);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect([(e as AppError).status, (e as AppError).code, (e as AppError).field]).toEqual([400, 'bad_request', 'From']);
    }
  });
});

describe('parseMessageStatus', () => {
  const status = { AccountSid: ACCOUNT, ApiVersion: '2010-04-01', From: '+13125550100', To: '+13125550101', MessageSid: SM, SmsSid: SM };

  it('reads a delivered callback with no error', () => {
    expect(parseMessageStatus({ ...status, MessageStatus: 'delivered', SmsStatus: 'delivered' })).toEqual({
      messageSid: SM, accountSid: ACCOUNT, status: 'delivered', error: null,
    });
    expect(parseMessageStatus({ ...status, MessageStatus: 'sent', ErrorCode: '' }).error).toBeNull();
  });

  it('classifies the error code of an undelivered message', () => {
    expect(parseMessageStatus({ ...status, MessageStatus: 'undelivered', ErrorCode: '30007' }).error).toEqual({ code: 30007, permanent: false, reason: 'filtered' });
    expect(parseMessageStatus({ ...status, MessageStatus: 'undelivered', ErrorCode: '30005' }).error).toEqual({ code: 30005, permanent: true, reason: 'invalid_number' });
    expect(parseMessageStatus({ ...status, MessageStatus: 'failed', ErrorCode: '39999' }).error).toEqual({ code: 39999, permanent: false, reason: 'unknown' });
  });

  it('names a missing or unknown status and a non-numeric error code', () => {
    expect(failure(() => parseMessageStatus(status))).toEqual({ field: 'MessageStatus', problem: 'required' });
    expect(failure(() => parseMessageStatus({ ...status, MessageStatus: 'exploded' }))).toEqual({ field: 'MessageStatus', problem: 'invalid' });
    expect(failure(() => parseMessageStatus({ ...status, MessageStatus: 'failed', ErrorCode: 'x1' }))).toEqual({ field: 'ErrorCode', problem: 'invalid' });
  });
});

describe('classifyProviderError', () => {
  it.each([
    [21610, 400, true, 'unsubscribed'],
    [21211, 400, true, 'invalid_number'],
    [21614, 400, true, 'not_mobile'],
    [30007, null, false, 'filtered'],
    [30008, 500, false, 'unknown'],
    [20429, 429, false, 'rate_limited'],
    [null, 429, false, 'rate_limited'],
    [null, 502, false, 'provider_unavailable'],
    [null, 404, true, 'rejected'],
    [null, null, false, 'network'],
  ] as const)('code %s, HTTP %s → permanent %s (%s)', (code, httpStatus, permanent, reason) => {
    expect(classifyProviderError({ code, httpStatus })).toMatchObject({ permanent, reason });
  });
});
