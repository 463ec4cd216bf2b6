/**
 * Provider error codes and what the outbox should do about them: retry (transient) or
 * stop and record why (permanent). Data, not logic: add a row when a new code shows up
 * in production, with the page it came from.
 *
 * `stage` says where Twilio reports the code: `api` as the answer to the REST create
 * (HTTP 4xx/5xx, nothing was sent), `delivery` as `ErrorCode` in a status callback after
 * the message was accepted. The simulator uses it to fail "like Twilio" at the right point.
 *
 * Each meaning is from Twilio's error dictionary, https://www.twilio.com/docs/api/errors/<code>
 * (checked 2026-05; re-check before relying on a classification).
 */
export type SmsFailureReason =
  | 'unsubscribed' // the recipient texted STOP to this sender: record the opt-out
  | 'invalid_number' // the number cannot exist or no longer exists: mark it bad
  | 'not_mobile' // landline or a line that cannot take SMS
  | 'unreachable' // handset off or out of coverage: worth another try later
  | 'filtered' // carrier or Twilio filtering of the content
  | 'rate_limited' // too many requests: back off
  | 'account' // our credentials, sender or region settings are wrong: staff must fix them
  | 'unknown' // the provider does not know either
  | 'rejected' // a 4xx with a code this table does not list
  | 'provider_unavailable' // a 5xx from the provider
  | 'network'; // no answer at all (refused, reset, timed out)

export interface ProviderErrorCode {
  code: number;
  meaning: string;
  permanent: boolean;
  reason: SmsFailureReason;
  stage: 'api' | 'delivery';
}

export const TWILIO_ERROR_CODES: readonly ProviderErrorCode[] = [
  // https://www.twilio.com/docs/api/errors/20003 — wrong Account SID / auth token; retrying with the same credentials cannot succeed.
  { code: 20003, meaning: 'Authentication failed', permanent: true, reason: 'account', stage: 'api' },
  // https://www.twilio.com/docs/api/errors/20429 — API request rate exceeded (HTTP 429).
  { code: 20429, meaning: 'Too many requests', permanent: false, reason: 'rate_limited', stage: 'api' },
  // https://www.twilio.com/docs/api/errors/21211 — the To number is not a valid phone number.
  { code: 21211, meaning: "Invalid 'To' phone number", permanent: true, reason: 'invalid_number', stage: 'api' },
  // https://www.twilio.com/docs/api/errors/21408 — SMS to that country is not enabled on the account (Geo permissions).
  { code: 21408, meaning: 'Permission to send an SMS has not been enabled for the region', permanent: true, reason: 'account', stage: 'api' },
  // https://www.twilio.com/docs/api/errors/21606 — the From number is not an SMS-capable number of this account.
  { code: 21606, meaning: "The 'From' number is not a valid message-capable Twilio number", permanent: true, reason: 'account', stage: 'api' },
  // https://www.twilio.com/docs/api/errors/21610 — the recipient replied STOP (or similar) to this sender / Messaging Service.
  { code: 21610, meaning: 'Attempt to send to unsubscribed recipient', permanent: true, reason: 'unsubscribed', stage: 'api' },
  // https://www.twilio.com/docs/api/errors/21614 — the To number is a landline or otherwise not a mobile number.
  { code: 21614, meaning: "'To' number is not a valid mobile number", permanent: true, reason: 'not_mobile', stage: 'api' },
  // https://www.twilio.com/docs/api/errors/30003 — handset off or out of coverage; a later attempt may reach it.
  { code: 30003, meaning: 'Unreachable destination handset', permanent: false, reason: 'unreachable', stage: 'delivery' },
  // https://www.twilio.com/docs/api/errors/30005 — the number is unknown or no longer in service.
  { code: 30005, meaning: 'Unknown destination handset', permanent: true, reason: 'invalid_number', stage: 'delivery' },
  // https://www.twilio.com/docs/api/errors/30006 — landline or a carrier that cannot receive SMS.
  { code: 30006, meaning: 'Landline or unreachable carrier', permanent: true, reason: 'not_mobile', stage: 'delivery' },
  // https://www.twilio.com/docs/api/errors/30007 — filtered by a carrier or Twilio (spam/fraud heuristics). Treated as
  // transient so the outbox retries within its bounded retry budget; repeated filtering is a content problem for staff.
  { code: 30007, meaning: 'Message filtered', permanent: false, reason: 'filtered', stage: 'delivery' },
  // https://www.twilio.com/docs/api/errors/30008 — the carrier gave no reason; Twilio suggests trying again.
  { code: 30008, meaning: 'Unknown error', permanent: false, reason: 'unknown', stage: 'delivery' },
];

const BY_CODE = new Map(TWILIO_ERROR_CODES.map((e) => [e.code, e]));

export const errorCodeInfo = (code: number): ProviderErrorCode | undefined => BY_CODE.get(code);

/**
 * Classify a failure from its provider code and HTTP status. A listed code wins; otherwise
 * the HTTP status decides: 429 and 5xx are worth retrying, any other 4xx is a refusal that
 * would be refused again, and neither code nor status means the request never got an answer.
 */
export function classifyProviderError(input: { code: number | null; httpStatus: number | null }): {
  permanent: boolean;
  reason: SmsFailureReason;
  meaning: string;
} {
  const known = input.code === null ? undefined : BY_CODE.get(input.code);
  if (known) return { permanent: known.permanent, reason: known.reason, meaning: known.meaning };
  const s = input.httpStatus;
  // A status callback carries a code but no HTTP status: an unlisted one is retried, within the outbox's retry budget.
  if (s === null && input.code !== null) return { permanent: false, reason: 'unknown', meaning: `Provider error ${input.code}` };
  if (s === null) return { permanent: false, reason: 'network', meaning: 'No answer from the provider' };
  if (s === 429) return { permanent: false, reason: 'rate_limited', meaning: 'Too many requests' };
  if (s >= 500) return { permanent: false, reason: 'provider_unavailable', meaning: `Provider error (HTTP ${s})` };
  if (s >= 400) return { permanent: true, reason: 'rejected', meaning: `Request refused (HTTP ${s})` };
  return { permanent: false, reason: 'unknown', meaning: `Unexpected answer (HTTP ${s})` };
}
