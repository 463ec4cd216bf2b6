import { z } from 'zod';
import { signLink, verifyLink } from '../../platform/crypto/signed-link.ts';
import type { Deps } from '../../platform/context.ts';

/**
 * The signed link to a subscriber's alert preferences (/p/alerts/preferences/TOKEN), put in
 * every alert email: a signed link (platform/crypto/signed-link.ts) like the one-click
 * unsubscribe token, with its own purpose, so neither verifies as the other; no expiry: people open old mail.
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

const PURPOSE = 'haven-alert-preferences';

export const signPreferencesToken = (key: Buffer, payload: Omit<PreferencesPayload, 'v'>): string => signLink(key, PURPOSE, PreferencesPayload, { ...payload, v: 1 });

/** The payload if the token is ours and untouched, else null. */
export const verifyPreferencesToken = (key: Buffer, token: string): PreferencesPayload | null => verifyLink(key, PURPOSE, PreferencesPayload, token);

/** The absolute URL of a subscriber's preferences page, for alert emails (and texts, where space allows). */
export function preferencesUrl(deps: Pick<Deps, 'config' | 'linkSigningKey'>, p: { orgId: string; personId: string; channel: 'sms' | 'email'; address: string }): string {
  return `${deps.config.publicUrl}/p/alerts/preferences/${signPreferencesToken(deps.linkSigningKey, p)}`;
}
