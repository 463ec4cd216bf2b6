import { z } from 'zod';
import { signLink, verifyLink } from '../../platform/crypto/signed-link.ts';

/**
 * The token in a one-click unsubscribe link (a signed link: platform/crypto/signed-link.ts).
 * It does not expire: a link must keep working long after the mail arrived (CAN-SPAM: at
 * least 30 days; people unsubscribe from old mail). It carries only the recipient's address.
 */
export const UnsubscribePayload = z.object({
  orgId: z.uuid(),
  address: z.string().min(3).max(320),
  topic: z.string().min(1).max(100),
  lang: z.enum(['ko', 'en', 'es']),
  v: z.literal(1),
});
export type UnsubscribePayload = z.infer<typeof UnsubscribePayload>;

// Domain separation (platform/crypto/signed-link.ts): the purpose string is part of what is signed. Kept as it was, so
// links already in people's mail keep working.
const PURPOSE = 'haven-unsubscribe';

export const signUnsubscribeToken = (key: Buffer, payload: Omit<UnsubscribePayload, 'v'>): string => signLink(key, PURPOSE, UnsubscribePayload, { ...payload, v: 1 });

/** The payload if the token is ours and untouched, else null (the caller answers 400 either way). */
export const verifyUnsubscribeToken = (key: Buffer, token: string): UnsubscribePayload | null => verifyLink(key, PURPOSE, UnsubscribePayload, token);
