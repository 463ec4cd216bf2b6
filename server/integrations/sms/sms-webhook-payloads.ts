import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { AccountSid, E164, MessageSid, MessageStatus, MessagingServiceSid, SMS_BODY_MAX_CHARS, charCount } from './sms.port.ts';
import { classifyProviderError, type SmsFailureReason } from './twilio-error-codes.ts';

/**
 * What Twilio (and the simulator, which answers like it) POSTs to Haven's webhooks, as
 * typed objects. Twilio adds parameters without notice, so unknown fields are kept for the
 * signature check but ignored here. A malformed body becomes a WebhookPayloadError naming
 * the field, which the HTTP error handler answers with a 400.
 */
export type WebhookProblem = 'required' | 'invalid' | 'too_big' | 'not_utf8' | 'bad_encoding' | 'control_characters' | 'duplicate';

export class WebhookPayloadError extends AppError {
  constructor(
    field: string,
    readonly problem: WebhookProblem,
  ) {
    // 'bad_request' is an existing translated code; the field and problem say what was wrong.
    super('bad_request', 400, { problem }, field);
    this.name = 'WebhookPayloadError';
    this.message = `webhook field ${field}: ${problem}`;
  }
}

/** Far above anything Twilio sends (1,600 characters of body plus metadata), small enough to refuse junk early. */
export const FORM_BODY_MAX_BYTES = 64 * 1024;

// C0 controls other than tab, LF, FF (in GSM-7's extension table) and CR, plus DEL: no phone sends them.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Decode an application/x-www-form-urlencoded body strictly: it must be UTF-8, every
 * percent-escape must decode to UTF-8, no field may appear twice (a signature over a
 * repeated field is ambiguous) and no value may hold control characters.
 * URLSearchParams would silently turn broken bytes into U+FFFD instead.
 */
export function parseFormBody(raw: string | Uint8Array): Record<string, string> {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.byteLength;
  if (size > FORM_BODY_MAX_BYTES) throw new WebhookPayloadError('body', 'too_big');
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new WebhookPayloadError('body', 'not_utf8');
  }
  const out: Record<string, string> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq < 0 ? pair : pair.slice(0, eq), 'body');
    const value = decodeComponent(eq < 0 ? '' : pair.slice(eq + 1), key);
    if (Object.hasOwn(out, key)) throw new WebhookPayloadError(key, 'duplicate');
    out[key] = value;
  }
  return checkParams(out);
}

function decodeComponent(s: string, field: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw new WebhookPayloadError(field, 'bad_encoding');
  }
}

/** Params from any parser must be a flat object of strings without control characters. */
function checkParams(params: unknown): Record<string, string> {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) throw new WebhookPayloadError('body', 'invalid');
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string') throw new WebhookPayloadError(key, 'invalid');
    if (CONTROL.test(value)) throw new WebhookPayloadError(key, 'control_characters');
    if (LONE_SURROGATE.test(value) || LONE_SURROGATE.test(key)) throw new WebhookPayloadError(key, 'not_utf8');
  }
  return params as Record<string, string>;
}

function parseWith<T extends z.ZodType>(schema: T, params: unknown): z.infer<T> {
  const checked = checkParams(params);
  const result = schema.safeParse(checked);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = String(issue.path[0] ?? 'body');
  const problem: WebhookProblem = checked[field] === undefined ? 'required' : issue.code === 'too_big' ? 'too_big' : 'invalid';
  throw new WebhookPayloadError(field, problem);
}

const count = z.string().regex(/^\d{1,4}$/).transform(Number);
const optionalText = z.string().max(100).optional();

const InboundSmsForm = z.object({
  MessageSid,
  AccountSid,
  MessagingServiceSid: MessagingServiceSid.optional(),
  From: E164,
  To: E164,
  // Always present, empty for a picture-only MMS.
  Body: z.string(),
  NumMedia: count.optional(),
  NumSegments: count.optional(),
  // Twilio's geographic guess for the sender's number: the fallback for quiet hours when a person has no ZIP.
  FromState: optionalText,
  FromZip: optionalText,
  FromCountry: optionalText,
});

export const InboundSms = z.object({
  messageSid: z.string(),
  accountSid: z.string(),
  messagingServiceSid: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  body: z.string(),
  numMedia: z.number(),
  numSegments: z.number().nullable(),
  mediaUrls: z.array(z.url()),
  fromState: z.string().nullable(),
  fromZip: z.string().nullable(),
  fromCountry: z.string().nullable(),
});
export type InboundSms = z.infer<typeof InboundSms>;

/** The incoming-message webhook (https://www.twilio.com/docs/messaging/guides/webhook-request). */
export function parseInboundSms(params: unknown): InboundSms {
  const f = parseWith(InboundSmsForm, params);
  if (charCount(f.Body) > SMS_BODY_MAX_CHARS) throw new WebhookPayloadError('Body', 'too_big');
  const numMedia = f.NumMedia ?? 0;
  const raw = params as Record<string, string>;
  const mediaUrls: string[] = [];
  for (let i = 0; i < numMedia; i++) {
    const key = `MediaUrl${i}`;
    if (!z.url().safeParse(raw[key]).success) throw new WebhookPayloadError(key, raw[key] === undefined ? 'required' : 'invalid');
    mediaUrls.push(raw[key]);
  }
  return {
    messageSid: f.MessageSid,
    accountSid: f.AccountSid,
    messagingServiceSid: f.MessagingServiceSid ?? null,
    from: f.From,
    to: f.To,
    body: f.Body,
    numMedia,
    numSegments: f.NumSegments ?? null,
    mediaUrls,
    fromState: f.FromState ?? null,
    fromZip: f.FromZip ?? null,
    fromCountry: f.FromCountry ?? null,
  };
}

const MessageStatusForm = z.object({
  MessageSid,
  AccountSid,
  MessageStatus,
  // Absent or empty while things go well; a Twilio error code (e.g. 30007) when they do not.
  ErrorCode: z.union([z.literal(''), z.string().regex(/^\d{1,6}$/)]).optional(),
  From: z.string().optional(),
  To: z.string().optional(),
});

export interface MessageStatusCallback {
  messageSid: string;
  accountSid: string;
  status: MessageStatus;
  /** Null unless the provider reported an error code with this status. */
  error: { code: number; permanent: boolean; reason: SmsFailureReason } | null;
}

/** The status callback for an outbound message (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status). */
export function parseMessageStatus(params: unknown): MessageStatusCallback {
  const f = parseWith(MessageStatusForm, params);
  const code = f.ErrorCode ? Number(f.ErrorCode) : null;
  const error = code === null ? null : { code, ...pick(classifyProviderError({ code, httpStatus: null })) };
  return { messageSid: f.MessageSid, accountSid: f.AccountSid, status: f.MessageStatus, error };
}

const pick = (c: { permanent: boolean; reason: SmsFailureReason }) => ({ permanent: c.permanent, reason: c.reason });
