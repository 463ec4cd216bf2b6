import { z } from 'zod';
import { classifyProviderError, type SmsFailureReason } from './twilio-error-codes.ts';

/**
 * The SMS and voice port: the Twilio adapter and the simulator both implement it, so the
 * outbox, webhooks and tests do not know which one is behind. Shapes follow Twilio's,
 * because the simulator answers like Twilio (ids, statuses, error codes).
 */

/** E.164: "+" then up to 15 digits, no leading zero (ITU-T E.164; Twilio requires it for To/From). */
export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +13125550101');

/** Twilio SIDs: two letters and 32 lowercase hex digits. */
const sid = (...prefixes: string[]) =>
  z.string().regex(new RegExp(`^(${prefixes.join('|')})[0-9a-f]{32}$`), `must be a ${prefixes.join(' or ')} id followed by 32 hex digits`);
/** SM for SMS, MM for MMS. */
export const MessageSid = sid('SM', 'MM');
export const CallSid = sid('CA');
export const AccountSid = sid('AC');
export const MessagingServiceSid = sid('MG');

/**
 * Twilio's limit for a message body is 1,600 characters, outbound and inbound (Message
 * resource, "body … can be up to 1,600 characters long"; warning 14103 "SMS Body exceeding
 * 1600 characters": https://www.twilio.com/docs/sms/api/message-resource,
 * https://www.twilio.com/docs/api/errors/14103). Counted in Unicode characters, not bytes.
 */
export const SMS_BODY_MAX_CHARS = 1600;
export const charCount = (s: string) => [...s].length;

/** Twilio's message statuses (Message resource, "status"). */
export const MessageStatus = z.enum([
  'accepted', 'scheduled', 'canceled', 'queued', 'sending', 'sent', 'failed', 'delivered', 'undelivered', 'partially_delivered',
  'receiving', 'received', 'read',
]);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** Twilio's call statuses (Call resource, "status"). */
export const CallStatus = z.enum(['queued', 'ringing', 'in-progress', 'canceled', 'completed', 'failed', 'busy', 'no-answer']);
export type CallStatus = z.infer<typeof CallStatus>;

export const SendSmsInput = z
  .object({
    /** A number of ours; or leave it out and name a Messaging Service, which picks the sender. */
    from: E164.optional(),
    messagingServiceSid: MessagingServiceSid.optional(),
    to: E164,
    body: z.string().min(1).refine((b) => charCount(b) <= SMS_BODY_MAX_CHARS, `must be at most ${SMS_BODY_MAX_CHARS} characters`),
    /** Where the provider reports queued/sent/delivered/undelivered for this message. */
    statusCallback: z.url(),
  })
  .refine((m) => (m.from === undefined) !== (m.messagingServiceSid === undefined), {
    message: 'give exactly one of from or messagingServiceSid',
    path: ['from'],
  });
export type SendSmsInput = z.infer<typeof SendSmsInput>;

export const SendSmsResult = z.object({ providerId: MessageSid, status: MessageStatus });
export type SendSmsResult = z.infer<typeof SendSmsResult>;

export const StartCallInput = z.object({
  from: E164,
  to: E164,
  /** The TwiML URL the provider fetches when the call is answered. */
  url: z.url(),
  statusCallback: z.url(),
});
export type StartCallInput = z.infer<typeof StartCallInput>;

export const StartCallResult = z.object({ providerId: CallSid, status: CallStatus });
export type StartCallResult = z.infer<typeof StartCallResult>;

/**
 * A webhook to check: the public URL the provider called (scheme, host, path and query as
 * the provider saw them, not as a reverse proxy rewrote them), the POST form fields, and the
 * X-Twilio-Signature header (missing → invalid).
 */
export const WebhookToValidate = z.object({
  url: z.url(),
  params: z.record(z.string(), z.string()),
  signature: z.string().optional(),
});
export type WebhookToValidate = z.infer<typeof WebhookToValidate>;

export interface SmsPort {
  readonly name: 'twilio' | 'simulator';
  /** Resolves once the provider accepted the message; throws SmsProviderError otherwise. */
  sendSms(input: SendSmsInput): Promise<SendSmsResult>;
  startCall(input: StartCallInput): Promise<StartCallResult>;
  /** True only when the signature was made with this account's auth token over exactly this URL and params. */
  validateWebhook(input: WebhookToValidate): boolean;
  /**
   * Messages the provider accepted to `to` with exactly this body since `since`: how a
   * sender that crashed between the provider's answer and recording it finds out that the
   * message went out, instead of sending it twice.
   */
  findSent(q: { to: string; from?: string; body: string; since: Date }): Promise<{ providerId: string; status: MessageStatus }[]>;
}

/**
 * A provider refused or failed a request. `permanent` tells the outbox whether to retry
 * (false) or to stop and act on `reason` (e.g. unsubscribed → record the opt-out).
 */
export class SmsProviderError extends Error {
  readonly permanent: boolean;
  readonly reason: SmsFailureReason;
  constructor(
    /** The provider's error code (e.g. 21610), null when there was none (network errors). */
    readonly code: number | null,
    /** The HTTP status of the provider's answer, null when there was no answer. */
    readonly httpStatus: number | null,
    message?: string,
    options?: { cause?: unknown },
  ) {
    const c = classifyProviderError({ code, httpStatus });
    super(message ?? c.meaning, options);
    this.name = 'SmsProviderError';
    this.permanent = c.permanent;
    this.reason = c.reason;
  }
}
