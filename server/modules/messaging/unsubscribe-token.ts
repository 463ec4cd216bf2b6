import crypto from 'node:crypto';
import { z } from 'zod';

/**
 * The token in a one-click unsubscribe link: `base64url(payload).base64url(HMAC-SHA256)`.
 * Signed, not stored, so an unsubscribe works for every email ever sent without a table of
 * links; it does not expire because a link must keep working long after the mail arrived
 * (CAN-SPAM: at least 30 days; people unsubscribe from old mail). The payload is readable
 * by whoever holds the link, i.e. the recipient: it carries only their own address.
 */
export const UnsubscribePayload = z.object({
  orgId: z.uuid(),
  address: z.string().min(3).max(320),
  topic: z.string().min(1).max(100),
  lang: z.enum(['ko', 'en', 'es']),
  v: z.literal(1),
});
export type UnsubscribePayload = z.infer<typeof UnsubscribePayload>;

// Domain separation: the same key may sign other kinds of links later; a token of one kind must never verify as another.
const PURPOSE = 'haven-unsubscribe:';

const mac = (key: Buffer, payloadPart: string) => crypto.createHmac('sha256', key).update(PURPOSE + payloadPart).digest();

export function signUnsubscribeToken(key: Buffer, payload: Omit<UnsubscribePayload, 'v'>): string {
  const body = UnsubscribePayload.parse({ ...payload, v: 1 });
  const payloadPart = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  return `${payloadPart}.${mac(key, payloadPart).toString('base64url')}`;
}

/** The payload if the token is ours and untouched, else null (the caller answers 400 either way). */
export function verifyUnsubscribeToken(key: Buffer, token: string): UnsubscribePayload | null {
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [payloadPart, sigPart] = parts;
  if (!/^[A-Za-z0-9_-]+$/.test(payloadPart) || !/^[A-Za-z0-9_-]{43}$/.test(sigPart)) return null;
  // Compare the canonical text, not decoded bytes: base64url ignores the last character's low bits, so
  // decoding would let a changed token verify. Both sides are 43 ASCII characters; the
  // constant-time compare keeps the signature from leaking byte by byte.
  const expected = Buffer.from(mac(key, payloadPart).toString('base64url'));
  const given = Buffer.from(sigPart);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const parsed = UnsubscribePayload.safeParse(JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
