import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Transfer, TransferList, TransferOffer } from '../../../contracts/hotline-transfers.ts';
import type { ConversationDetail, Note, NoteInput, ReplyInput, ReplyResult } from '../../../contracts/hotline.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { inTx, requireOrg, setTxOrg } from '../../platform/db-context.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { publish } from '../../platform/realtime/index.ts';
import { organizations, users } from '../organizations/organizations.table.ts';
import { conversationsRepo } from './conversations.repository.ts';
import { conversations, conversationTransfers } from './hotline.table.ts';
import { addNote } from './notes.ts';
import { sendReply } from './replies.ts';
import { getConversation } from './thread.ts';

type TransferRow = typeof conversationTransfers.$inferSelect;

/** Offer an open conversation to another affiliate of the same network (coordinators of the conversation's affiliate). */
export async function offerTransfer({ ctx, input }: { ctx: Ctx; input: TransferOffer & { id: string } }): Promise<Transfer> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const conv = await conversationsRepo.lock(tx.db, orgId, input.id);
    if (input.toOrgId === orgId) throw invalid('transfer_same_org', 'toOrgId');
    if (conv.status !== 'open') throw conflict('conversation_closed');
    const [from] = await tx.db.select().from(organizations).where(eq(organizations.id, orgId));
    const [to] = await tx.db.select().from(organizations).where(eq(organizations.id, input.toOrgId));
    // Affiliates of one network only: the national office's directory says who is a sibling.
    const sameNetwork = to && to.kind === 'affiliate' && to.parentId !== null && (to.parentId === from?.parentId || to.parentId === from?.id);
    if (!sameNetwork) throw invalid('transfer_not_affiliate', 'toOrgId');
    const [live] = await tx.db.select({ id: conversationTransfers.id }).from(conversationTransfers).where(and(eq(conversationTransfers.conversationId, conv.id), inArray(conversationTransfers.status, ['offered', 'taken'])));
    if (live) throw conflict('transfer_exists');
    const [row] = await tx.db
      .insert(conversationTransfers)
      .values({ orgId, conversationId: conv.id, toOrgId: to.id, reason: input.reason || null, offeredBy: ctx.actor?.userId ?? null })
      .returning();
    await conversationsRepo.event(tx, orgId, conv.id, 'transfer_offered', { toOrgId: to.id });
    await audit(tx, { action: 'hotline.transfer_offer', entityType: 'conversation', entityId: conv.id, details: { transferId: row.id, toOrgId: to.id } });
    // The receiving affiliate's own record of the offer (written in its context: each org appends only to its own chain).
    await setTxOrg(tx, to.id);
    await audit(tx, { action: 'hotline.transfer_offer', entityType: 'conversation_transfer', entityId: row.id, orgId: to.id });
    await setTxOrg(tx, orgId);
    await publish(tx.db, { orgId: to.id, topic: 'hotline.transfer', data: { id: row.id, change: 'offered' } });
    return (await views(tx, [row]))[0];
  });
}

/** Offers made to my affiliate (to take) and by it (to follow or revoke). */
export async function listTransfers({ ctx }: { ctx: Ctx; input?: undefined }): Promise<TransferList> {
  const orgId = requireOrg(ctx);
  return inTx(ctx, async (tx) => {
    const rows = await tx.db
      .select()
      .from(conversationTransfers)
      .where(and(or(eq(conversationTransfers.orgId, orgId), eq(conversationTransfers.toOrgId, orgId)), inArray(conversationTransfers.status, ['offered', 'taken'])))
      .orderBy(desc(conversationTransfers.createdAt))
      .limit(200);
    const all = await views(tx, rows);
    return { incoming: all.filter((t) => t.toOrg.id === orgId), outgoing: all.filter((t) => t.fromOrg.id === orgId) };
  });
}

/**
 * A responder of the receiving affiliate takes the offer: the conversation becomes theirs
 * (in the first affiliate's inbox too, by name), audited on both sides. One taker: a second
 * one gets 409.
 */
export async function takeTransfer({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Transfer> {
  const orgId = requireOrg(ctx);
  const me = ctx.actor!.userId!;
  return inTx(ctx, async (tx) => {
    const [t] = await tx.db.select().from(conversationTransfers).where(and(eq(conversationTransfers.id, input.id), eq(conversationTransfers.toOrgId, orgId))).for('update');
    if (!t) throw notFound('transfer');
    if (t.status !== 'offered') throw conflict('transfer_not_offered');
    const [row] = await tx.db.update(conversationTransfers).set({ status: 'taken', takenBy: me, takenAt: new Date() }).where(eq(conversationTransfers.id, t.id)).returning();
    await audit(tx, { action: 'hotline.transfer_take', entityType: 'conversation_transfer', entityId: t.id });
    // Into the conversation's own affiliate for its side of the bookkeeping, then back.
    await setTxOrg(tx, t.orgId);
    await conversationsRepo.update(tx.db, t.orgId, t.conversationId, { assignedTo: me, assignedAt: new Date(), lastActivityAt: new Date() });
    await conversationsRepo.event(tx, t.orgId, t.conversationId, 'transfer_taken', { toOrgId: orgId, by: me });
    await audit(tx, { action: 'hotline.transfer_take', entityType: 'conversation', entityId: t.conversationId, orgId: t.orgId, details: { transferId: t.id } });
    await conversationsRepo.publish(tx.db, t.orgId, t.conversationId, 'assigned');
    await setTxOrg(tx, orgId);
    return (await views(tx, [row]))[0];
  });
}

/** End a transfer: the taker gives it back (`returned`), or the offering affiliate takes it back (`revoked`). */
export async function endTransfer({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<Transfer> {
  const orgId = requireOrg(ctx);
  const me = ctx.actor!.userId!;
  return inTx(ctx, async (tx) => {
    const [t] = await tx.db.select().from(conversationTransfers).where(eq(conversationTransfers.id, input.id)).for('update');
    if (!t || (t.orgId !== orgId && t.toOrgId !== orgId)) throw notFound('transfer');
    if (t.status !== 'offered' && t.status !== 'taken') throw conflict('transfer_not_offered');
    const giving = t.orgId === orgId;
    if (giving && !ctx.actor!.permissions.has('hotline.coordinate')) throw new AppError('forbidden', 403);
    if (!giving && t.status === 'taken' && t.takenBy !== me && !ctx.actor!.permissions.has('hotline.coordinate')) throw new AppError('forbidden', 403);
    const status = giving ? 'revoked' : 'returned';
    const [row] = await tx.db.update(conversationTransfers).set({ status, endedAt: new Date() }).where(eq(conversationTransfers.id, t.id)).returning();
    await audit(tx, { action: `hotline.transfer_${status === 'revoked' ? 'revoke' : 'return'}`, entityType: 'conversation_transfer', entityId: t.id });
    await setTxOrg(tx, t.orgId);
    // A taker from the other affiliate no longer holds the conversation.
    if (t.status === 'taken') await tx.db.update(conversations).set({ assignedTo: null, assignedAt: null }).where(and(eq(conversations.id, t.conversationId), eq(conversations.orgId, t.orgId), eq(conversations.assignedTo, t.takenBy!)));
    await conversationsRepo.event(tx, t.orgId, t.conversationId, `transfer_${status}`, {});
    if (!giving) await audit(tx, { action: 'hotline.transfer_return', entityType: 'conversation', entityId: t.conversationId, orgId: t.orgId, details: { transferId: t.id } });
    await conversationsRepo.publish(tx.db, t.orgId, t.conversationId, 'assigned');
    await setTxOrg(tx, orgId);
    await publish(tx.db, { orgId: giving ? t.toOrgId : t.orgId, topic: 'hotline.transfer', data: { id: t.id, change: status } });
    return (await views(tx, [row]))[0];
  });
}

/**
 * The taker's view of the conversation they hold: the same verbs the home affiliate uses,
 * run as a guest of that affiliate — its org id, and only the right to answer. Every read,
 * reply and note is audited there with the guest's name. Nobody else from the receiving
 * affiliate gets through, and nothing after the transfer ends.
 */
async function asGuest<T>(ctx: Ctx, transferId: string, fn: (guest: Ctx, conversationId: string) => Promise<T>): Promise<T> {
  const orgId = requireOrg(ctx);
  const t = await inTx(ctx, async (tx) =>
    (await tx.db.select().from(conversationTransfers).where(and(eq(conversationTransfers.id, transferId), eq(conversationTransfers.toOrgId, orgId))))[0],
  );
  if (!t || t.status !== 'taken' || t.takenBy !== ctx.actor?.userId) throw notFound('conversation');
  const guest: Actor = { ...ctx.actor!, orgId: t.orgId, role: 'guest', permissions: new Set(['hotline.respond']), label: `${ctx.actor!.label} (guest)` };
  return fn({ ...ctx, actor: guest }, t.conversationId);
}

/**
 * The taker's live feed: the home affiliate's events for this one conversation only (ids,
 * never content), so their page re-reads it when something happens instead of on a timer
 * (each read is audited there). Ends with the transfer: the next read answers 404.
 */
export const guestStreamTarget = ({ ctx, input }: { ctx: Ctx; input: { id: string } }) =>
  asGuest(ctx, input.id, async (guest, conversationId) => ({ orgId: guest.actor!.orgId!, conversationId }));

export const guestConversation = ({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ConversationDetail> =>
  asGuest(ctx, input.id, (guest, id) => getConversation({ ctx: guest, input: { id } }));

export const guestReply = ({ ctx, input }: { ctx: Ctx; input: ReplyInput & { id: string } }): Promise<ReplyResult> =>
  asGuest(ctx, input.id, (guest, id) => sendReply({ ctx: guest, input: { ...input, id } }));

export const guestNote = ({ ctx, input }: { ctx: Ctx; input: NoteInput & { id: string } }): Promise<Note> =>
  asGuest(ctx, input.id, (guest, id) => addNote({ ctx: guest, input: { ...input, id } }));

/** Rows → views with org names, the conversation's triage (read as the system: only these fields), and the taker. */
async function views(tx: Ctx, rows: TransferRow[]): Promise<Transfer[]> {
  if (!rows.length) return [];
  const orgIds = [...new Set(rows.flatMap((r) => [r.orgId, r.toOrgId]))];
  const names = new Map((await tx.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, orgIds))).map((o) => [o.id, o.name]));
  const takers = rows.map((r) => r.takenBy).filter((x): x is string => Boolean(x));
  const people = new Map(takers.length ? (await tx.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, takers))).map((u) => [u.id, u.name]) : []);
  // The other affiliate's conversation is behind its wall: step into each owner's org for these few fields, then back.
  const convs = new Map<string, Pick<typeof conversations.$inferSelect, 'id' | 'lang' | 'urgency' | 'category' | 'channel' | 'firstInboundAt'>>();
  const here = tx.actor!.orgId!;
  for (const owner of new Set(rows.map((r) => r.orgId))) {
    if (owner !== here) await setTxOrg(tx, owner);
    const ids = rows.filter((r) => r.orgId === owner).map((r) => r.conversationId);
    const found = await tx.db
      .select({ id: conversations.id, lang: conversations.lang, urgency: conversations.urgency, category: conversations.category, channel: conversations.channel, firstInboundAt: conversations.firstInboundAt })
      .from(conversations)
      .where(and(eq(conversations.orgId, owner), inArray(conversations.id, ids)));
    for (const c of found) convs.set(c.id, c);
    if (owner !== here) await setTxOrg(tx, here);
  }
  return rows.map((r) => {
    const c = convs.get(r.conversationId)!;
    return {
      id: r.id, status: r.status, fromOrg: { id: r.orgId, name: names.get(r.orgId) ?? '' }, toOrg: { id: r.toOrgId, name: names.get(r.toOrgId) ?? '' },
      conversationId: r.conversationId, lang: c.lang, urgency: c.urgency, category: c.category, channel: c.channel, reason: r.reason,
      waitingSince: c.firstInboundAt.toISOString(), takenBy: r.takenBy ? { userId: r.takenBy, name: people.get(r.takenBy) ?? '' } : null, createdAt: r.createdAt.toISOString(),
    };
  });
}
