import type { Alert } from '../../../contracts/alerts.ts';
import { invalid } from '../../platform/errors.ts';
import { isWithinAllWindows, UNKNOWN_PLACE_FALLBACK } from '../messaging/quiet-hours.ts';
import { gsmSafeVariant, segmentInfo } from '../messaging/segments.ts';
import { SMS_PRICES } from '../messaging/sms-prices.ts';

/**
 * The pure rules of composing and approving alerts (no I/O, unit-tested in alert-rules.test.ts):
 * who an org may address, what a submitted alert must contain, who may approve, and the
 * preview's figures from the audience counts.
 */
type Lang = 'ko' | 'en' | 'es';
interface VersionTexts {
  lang: Lang;
  smsBody: string;
  emailSubject: string;
  emailBody: string;
  status: 'draft' | 'needs_review' | 'approved';
}

/**
 * An org may address itself; the network office may also address its affiliates. Anything
 * else (another affiliate, an unknown id) is refused naming the field, so nobody can reach
 * another affiliate's members by putting its id in the audience.
 */
export function checkAudienceOrgs(q: { orgId: string; orgKind: 'network' | 'affiliate'; orgIds: readonly string[]; affiliates: ReadonlySet<string> }) {
  for (const id of q.orgIds) {
    if (id === q.orgId) continue;
    if (q.orgKind === 'network' && q.affiliates.has(id)) continue;
    throw invalid('audience_org', 'audience.orgIds');
  }
}

/**
 * Network-wide, for the two-person rule: the network office's alert to its affiliates, that is
 * with no orgs named (every affiliate) or naming any affiliate. Only an office alert to its own
 * members is not. Stricter than "every affiliate": choosing all but one must not dodge the rule.
 */
export function isNetworkWide(q: { orgId: string; orgKind: 'network' | 'affiliate'; orgIds: readonly string[] }): boolean {
  if (q.orgKind !== 'network') return false;
  return q.orgIds.length === 0 || q.orgIds.some((id) => id !== q.orgId);
}

/**
 * What a submitted alert must hold: the source language, and in every language it has an SMS
 * body when it goes by SMS, a subject and a body when it goes by email. The first gap found is
 * refused naming the field (`versions.es.smsBody`).
 */
export function checkSubmittable(q: { sourceLang: Lang; channels: readonly ('sms' | 'email')[]; versions: readonly VersionTexts[] }) {
  if (!q.versions.some((v) => v.lang === q.sourceLang)) throw invalid('alert_source_missing', `versions.${q.sourceLang}`, { lang: q.sourceLang.toUpperCase() });
  for (const v of q.versions) {
    if (q.channels.includes('sms') && !v.smsBody.trim()) throw invalid('alert_body_empty', `versions.${v.lang}.smsBody`, { lang: v.lang.toUpperCase() });
    if (q.channels.includes('email')) {
      if (!v.emailSubject.trim()) throw invalid('alert_body_empty', `versions.${v.lang}.emailSubject`, { lang: v.lang.toUpperCase() });
      if (!v.emailBody.trim()) throw invalid('alert_body_empty', `versions.${v.lang}.emailBody`, { lang: v.lang.toUpperCase() });
    }
  }
}

/**
 * Why this user may not approve now, or null when they may. Checked in this order so the
 * editor sees the first thing to do: submit, then get the translations approved, then ask
 * someone else (the author of a network-wide alert, or one over the threshold).
 */
export function approvalBlockedReason(q: {
  status: string;
  versions: readonly Pick<VersionTexts, 'status'>[];
  isAuthor: boolean;
  needsTwoPeople: boolean;
}): Alert['approvalBlockedReason'] {
  if (q.status !== 'in_review') return 'not_in_review';
  if (!q.versions.length || q.versions.some((v) => v.status !== 'approved')) return 'translations_not_approved';
  if (q.isAuthor && q.needsTwoPeople) return 'two_person_rule';
  return null;
}

/** Money in tenths of a cent adds up over 100,000 texts: round only the figures shown, to 1/10,000 of a dollar. */
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** A Korean text past this many segments costs far more than its English version: warn the author. */
export const KOREAN_SEGMENT_WARNING = 2;

/** One language of the preview: what its text costs and how many of the audience get it. */
export function languagePreview(q: { lang: Lang; smsBody: string; sms: number; email: number }) {
  const empty = !q.smsBody;
  const info = segmentInfo(q.smsBody);
  const segments = empty ? 0 : info.segments;
  const ucs2 = info.encoding === 'UCS-2';
  return {
    lang: q.lang,
    recipients: q.sms,
    encoding: info.encoding,
    characters: info.characters,
    segments,
    charsLeftInSegment: info.charactersLeft,
    ucs2Characters: ucs2 ? info.nonGsmCharacters : [],
    gsmSafeVariant: ucs2 ? gsmSafeVariant(q.smsBody) : null,
    tooLongWarning: q.lang === 'ko' && segments > KOREAN_SEGMENT_WARNING,
    costSms: round4(q.sms * segments * SMS_PRICES.usOutboundPerSegment),
    emails: q.email,
  };
}

/**
 * Seconds to hand every text to the carrier: all segments over the summed pacing of the
 * senders involved (they send side by side). A sender without pacing sends as fast as the
 * provider takes; when none of them is paced there is no figure to give, and we say 0.
 */
export function sendSeconds(totalSegments: number, pacings: readonly (number | null)[]): number {
  const perSecond = pacings.reduce<number>((sum, p) => sum + (p && p > 0 ? p : 0), 0);
  if (!perSecond || !totalSegments) return 0;
  return Math.ceil(totalSegments / perSecond);
}

/**
 * How many recipients are in quiet hours right now (their texts would wait). A recipient with
 * no state on file must have the window open in every state the orgs serve (or the four
 * contiguous time zones), as the send worker decides.
 */
export function heldByQuietHours(q: { now: Date; byState: readonly { state: string | null; recipients: number }[]; statesServed: readonly string[] }): number {
  const unknownPlaces = (q.statesServed.length ? q.statesServed : UNKNOWN_PLACE_FALLBACK).map((state) => ({ state }));
  let held = 0;
  for (const s of q.byState) {
    const places = s.state ? [{ state: s.state }] : unknownPlaces;
    if (!isWithinAllWindows(q.now, places)) held += s.recipients;
  }
  return held;
}
