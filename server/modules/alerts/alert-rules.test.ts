import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { approvalBlockedReason, checkAudienceOrgs, checkSubmittable, heldByQuietHours, isNetworkWide, languagePreview, sendSeconds } from './alert-rules.ts';

const NET = '00000000-0000-4000-8000-000000000001';
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
};

describe('who an alert may address', () => {
  it('lets an affiliate address itself only', () => {
    expect(() => checkAudienceOrgs({ orgId: A, orgKind: 'affiliate', orgIds: [A], affiliates: new Set() })).not.toThrow();
    const e = thrown(() => checkAudienceOrgs({ orgId: A, orgKind: 'affiliate', orgIds: [A, B], affiliates: new Set() }));
    expect(e).toMatchObject({ code: 'audience_org', status: 400, field: 'audience.orgIds' });
  });

  it('lets the network office address its affiliates, nobody else', () => {
    expect(() => checkAudienceOrgs({ orgId: NET, orgKind: 'network', orgIds: [NET, A], affiliates: new Set([A]) })).not.toThrow();
    expect(thrown(() => checkAudienceOrgs({ orgId: NET, orgKind: 'network', orgIds: [B], affiliates: new Set([A]) })).code).toBe('audience_org');
  });

  it('counts any office alert reaching an affiliate as network-wide', () => {
    expect(isNetworkWide({ orgId: NET, orgKind: 'network', orgIds: [] })).toBe(true);
    expect(isNetworkWide({ orgId: NET, orgKind: 'network', orgIds: [A] })).toBe(true);
    expect(isNetworkWide({ orgId: NET, orgKind: 'network', orgIds: [NET] })).toBe(false);
    expect(isNetworkWide({ orgId: A, orgKind: 'affiliate', orgIds: [] })).toBe(false);
  });
});

describe('what a submitted alert must hold', () => {
  const v = (lang: 'ko' | 'en' | 'es', smsBody = 'Text', emailSubject = '', emailBody = '') => ({ lang, smsBody, emailSubject, emailBody, status: 'draft' as const });

  it('needs the source language', () => {
    expect(thrown(() => checkSubmittable({ sourceLang: 'ko', channels: ['sms'], versions: [v('en')] }))).toMatchObject({ code: 'alert_source_missing', field: 'versions.ko' });
  });

  it('needs an SMS body in every language when it goes by SMS, subject and body by email', () => {
    expect(() => checkSubmittable({ sourceLang: 'en', channels: ['sms'], versions: [v('en'), v('es')] })).not.toThrow();
    expect(thrown(() => checkSubmittable({ sourceLang: 'en', channels: ['sms'], versions: [v('en'), v('es', '  ')] }))).toMatchObject({ code: 'alert_body_empty', field: 'versions.es.smsBody' });
    expect(thrown(() => checkSubmittable({ sourceLang: 'en', channels: ['email'], versions: [v('en', '', 'Subject', '')] })).field).toBe('versions.en.emailBody');
    expect(thrown(() => checkSubmittable({ sourceLang: 'en', channels: ['email'], versions: [v('en', '', '', 'Body')] })).field).toBe('versions.en.emailSubject');
    // An email-only alert needs no SMS text.
    expect(() => checkSubmittable({ sourceLang: 'en', channels: ['email'], versions: [v('en', '', 'Subject', 'Body')] })).not.toThrow();
  });
});

describe('why a user may not approve', () => {
  const approved = [{ status: 'approved' as const }];
  it('goes submit → translations → second person', () => {
    expect(approvalBlockedReason({ status: 'draft', versions: approved, isAuthor: false, needsTwoPeople: false })).toBe('not_in_review');
    expect(approvalBlockedReason({ status: 'in_review', versions: [{ status: 'needs_review' }], isAuthor: false, needsTwoPeople: false })).toBe('translations_not_approved');
    expect(approvalBlockedReason({ status: 'in_review', versions: [], isAuthor: false, needsTwoPeople: false })).toBe('translations_not_approved');
    expect(approvalBlockedReason({ status: 'in_review', versions: approved, isAuthor: true, needsTwoPeople: true })).toBe('two_person_rule');
    expect(approvalBlockedReason({ status: 'in_review', versions: approved, isAuthor: false, needsTwoPeople: true })).toBeNull();
    expect(approvalBlockedReason({ status: 'in_review', versions: approved, isAuthor: true, needsTwoPeople: false })).toBeNull();
  });
});

describe('preview figures', () => {
  it('shows a Spanish á forcing UCS-2 and offers the GSM-7 variant', () => {
    const p = languagePreview({ lang: 'es', smsBody: 'Reunión mañana: traiga su permiso, ¡todos están invitados!', sms: 10, email: 2 });
    expect(p).toMatchObject({ encoding: 'UCS-2', segments: 1, ucs2Characters: ['ó', 'á'], emails: 2, recipients: 10, tooLongWarning: false });
    expect(p.gsmSafeVariant).toBe('Reunion mañana: traiga su permiso, ¡todos estan invitados!');
    // ñ and é are GSM-7: the variant keeps them.
    expect(languagePreview({ lang: 'es', smsBody: p.gsmSafeVariant!, sms: 1, email: 0 }).encoding).toBe('GSM-7');
  });

  it('warns when a Korean text runs past two segments, and prices per segment', () => {
    const short = languagePreview({ lang: 'ko', smsBody: '가'.repeat(134), sms: 100, email: 0 });
    expect(short).toMatchObject({ segments: 2, tooLongWarning: false, gsmSafeVariant: null });
    const long = languagePreview({ lang: 'ko', smsBody: '가'.repeat(135), sms: 100, email: 0 });
    expect(long).toMatchObject({ encoding: 'UCS-2', segments: 3, tooLongWarning: true });
    expect(long.costSms).toBeCloseTo(100 * 3 * 0.0083, 4);
    // Not a Korean text: no warning whatever its length.
    expect(languagePreview({ lang: 'en', smsBody: 'a'.repeat(400), sms: 1, email: 0 }).tooLongWarning).toBe(false);
  });

  it('counts an empty text as no segments', () => {
    expect(languagePreview({ lang: 'en', smsBody: '', sms: 5, email: 0 })).toMatchObject({ segments: 0, costSms: 0 });
  });

  it('divides segments by the summed pacing, 0 when nobody is paced', () => {
    expect(sendSeconds(100, [10, 10])).toBe(5);
    expect(sendSeconds(101, [10, 10])).toBe(6);
    expect(sendSeconds(100, [10, null])).toBe(10);
    expect(sendSeconds(100, [null])).toBe(0);
    expect(sendSeconds(100, [])).toBe(0);
    expect(sendSeconds(0, [10])).toBe(0);
  });

  it('holds recipients whose local time is outside the window', () => {
    // 14:00 UTC on a Wednesday: 10:00 in New York, 07:00 in California.
    const now = new Date('2025-11-12T14:00:00Z');
    const byState = [{ state: 'NY', recipients: 3 }, { state: 'CA', recipients: 2 }, { state: null, recipients: 4 }];
    expect(heldByQuietHours({ now, byState, statesServed: ['NY'] })).toBe(2);
    // Unknown place: the window must be open in every state served (CA is not yet).
    expect(heldByQuietHours({ now, byState, statesServed: ['NY', 'CA'] })).toBe(6);
    // Nothing served on record: the four contiguous time zones.
    expect(heldByQuietHours({ now, byState, statesServed: [] })).toBe(6);
  });
});
