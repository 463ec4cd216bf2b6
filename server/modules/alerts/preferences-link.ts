import crypto from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../platform/context.ts';

/**
 * The signed link to a subscriber's alert preferences (/p/alerts/preferences/TOKEN), put in
 * every alert email: `base64url(payload).base64url(HMAC-SHA256)`, like the one-click
 * unsubscribe token (messaging/unsubscribe-token.ts) but with its own purpose, so neither
 * verifies as the other. Signed, not stored, and without expiry: people open old mail.
 * Whoever holds the link is the recipient; it names only their own person and address.
 */
export const PreferencesPayload = z.object({
  orgId: z.uuid(),
  personId: z.uuid(),
  channel: z.enum(['sms', 'email']),
  address: z.string().min(3).max(320),
  v: z.literal(1),
});
export type PreferencesPayload = z.infer<typeof PreferencesPayload>;

const PURPOSE = 'haven-alert-preferences:';
const mac = (key: Buffer, payloadPart: string) => crypto.createHmac('sha256', key).update(PURPOSE + payloadPart).digest();

export function signPreferencesToken(key: Buffer, payload: Omit<PreferencesPayload, 'v'>): string {
  const body = PreferencesPayload.parse({ ...payload, v: 1 });
  const payloadPart = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  return `${payloadPart}.${mac(key, payloadPart).toString('base64url')}`;
}

/** The payload if the token is ours and untouched, else null. */
export function verifyPreferencesToken(key: Buffer, token: string): PreferencesPayload | null {
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [payloadPart, sigPart] = parts;
  if (!/^[A-Za-z0-9_-]+$/.test(payloadPart) || !/^[A-Za-z0-9_-]{43}$/.test(sigPart)) return null;
  // Compare the canonical text (base64url ignores the last character's low bits), in constant time.
  const expected = Buffer.from(mac(key, payloadPart).toString('base64url'));
  const given = Buffer.from(sigPart);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const parsed = PreferencesPayload.safeParse(JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The absolute URL of a subscriber's preferences page, for alert emails (and texts, where space allows). */
export function preferencesUrl(deps: Pick<Deps, 'config' | 'linkSigningKey'>, p: { orgId: string; personId: string; channel: 'sms' | 'email'; address: string }): string {
  return `${deps.config.publicUrl}/p/alerts/preferences/${signPreferencesToken(deps.linkSigningKey, p)}`;
}
