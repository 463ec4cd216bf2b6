import crypto from 'node:crypto';
import type { z } from 'zod';

/**
 * Tokens for links Haven mails or texts out (one-click unsubscribe, alert preferences):
 * `base64url(JSON payload).base64url(HMAC-SHA256)`. Signed, not stored, so a link keeps
 * working for every message ever sent without a table of links, and does not expire (people
 * act on old mail). The payload is readable by whoever holds the link — the recipient — so it
 * carries only their own ids and address. `purpose` separates kinds: a token of one kind never
 * verifies as another, though one key signs them all.
 */
const mac = (key: Buffer, purpose: string, payloadPart: string) => crypto.createHmac('sha256', key).update(`${purpose}:${payloadPart}`).digest();

export function signLink<S extends z.ZodType>(key: Buffer, purpose: string, schema: S, payload: z.input<S>): string {
  const body = schema.parse(payload);
  const payloadPart = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  return `${payloadPart}.${mac(key, purpose, payloadPart).toString('base64url')}`;
}

/** The payload if the token is ours, of this purpose, untouched and well-formed; else null. */
export function verifyLink<S extends z.ZodType>(key: Buffer, purpose: string, schema: S, token: string): z.output<S> | null {
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [payloadPart, sigPart] = parts;
  if (!/^[A-Za-z0-9_-]+$/.test(payloadPart) || !/^[A-Za-z0-9_-]{43}$/.test(sigPart)) return null;
  // Compare the canonical text, not decoded bytes: base64url ignores the last character's low bits, so decoding
  // would let a changed token verify. Both sides are 43 ASCII characters; the compare is constant-time.
  const expected = Buffer.from(mac(key, purpose, payloadPart).toString('base64url'));
  const given = Buffer.from(sigPart);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
