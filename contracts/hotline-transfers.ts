import { z } from 'zod';
import { Lang } from './common.ts';
import { Category, ConversationChannel, Urgency } from './hotline.ts';

/**
 * Overflow between affiliates: one affiliate offers a conversation to another; a responder
 * there takes it and works it as a guest of the first (the member keeps texting the same
 * number; every read and reply is audited where the conversation lives).
 */
export const TransferOffer = z.object({
  toOrgId: z.uuid(),
  /** For the other side; no personal data ("Korean speaker needed tonight"). */
  reason: z.string().trim().max(200).optional(),
});
export type TransferOffer = z.infer<typeof TransferOffer>;

/** What the receiving side sees of an offer before taking it: enough to decide, nothing about the person. */
export const Transfer = z.object({
  id: z.uuid(),
  status: z.enum(['offered', 'taken', 'returned', 'revoked']),
  fromOrg: z.object({ id: z.uuid(), name: z.string() }),
  toOrg: z.object({ id: z.uuid(), name: z.string() }),
  conversationId: z.uuid(),
  lang: Lang,
  urgency: Urgency,
  category: Category.nullable(),
  channel: ConversationChannel,
  reason: z.string().nullable(),
  waitingSince: z.string(),
  takenBy: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type Transfer = z.infer<typeof Transfer>;
export const TransferList = z.object({ incoming: z.array(Transfer), outgoing: z.array(Transfer) });
export type TransferList = z.infer<typeof TransferList>;
